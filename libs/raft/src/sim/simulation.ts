import type { RaftConfig } from '../config';
import { decodeConfChange } from '../conf-change';
import { RaftInvariantError } from '../errors';
import { MemoryStorage } from '../memory-storage';
import { nextConfState } from '../raft';
import { Xoshiro128 } from '../random';
import type { Ready } from '../raw-node';
import type { ConfChange, ConfState, Entry, Message, NodeId } from '../types';
import { Checker, SimViolation, foldHash } from './checker';
import { Network, type PartitionKind } from './network';
import { describeOptions, type SimOptions } from './options';
import { SimNode, encodeState } from './sim-node';
import { Trace } from './trace';

/** Message hops processed per tick (messages with delay 0 arrive in the next round). */
const ROUNDS_PER_TICK = 6;
const PARTITION_KINDS: PartitionKind[] = ['symmetric', 'asymmetric', 'leader-isolated', 'bridge'];

export interface SimStats {
  ticks: number;
  /** Ticks from the end of faults until the cluster converged. */
  livenessTicks: number;
  writesAcked: number;
  readsServed: number;
  elections: number;
  crashes: number;
  partitions: number;
  snapshotsInstalled: number;
  confChanges: number;
  committedIndex: number;
}

export interface SimResult {
  ok: boolean;
  options: SimOptions;
  stats: SimStats;
  violation?: { property: string; message: string };
  /** Human-readable failure report: seed, options, fault schedule, last events. */
  report?: string;
}

interface PendingWrite {
  id: number;
  sentTick: number;
}

interface PendingRead {
  nodeId: NodeId;
  /** Index of the newest write acknowledged before the read began. */
  ackedIndexAtStart: number;
}

/**
 * One deterministic run: a safety phase with faults, then a liveness phase without faults
 * in which the cluster must converge within `livenessBoundTicks`. All randomness comes from
 * one seeded PRNG, so a seed (plus options) replays the identical run.
 */
export class Simulation {
  private readonly rng: Xoshiro128;
  private readonly net: Network;
  private readonly checker = new Checker();
  private readonly trace: Trace;
  private readonly schedule: string[] = [];
  private readonly nodes = new Map<NodeId, SimNode>();
  private now = 0;
  private faulty = true;
  private nextWriteId = 1;
  private nextReadId = 1;
  private readonly pendingWrites = new Map<number, PendingWrite>();
  private readonly reads = new Map<string, PendingRead>();
  private ackedIndex = 0;
  /** Membership as of the latest conf change applied anywhere. */
  private clusterConf: ConfState;
  private confOp: { cc: ConfChange; proposedAt: number } | null = null;
  private nextSpareId: number;
  private readonly stats: SimStats = {
    ticks: 0,
    livenessTicks: 0,
    writesAcked: 0,
    readsServed: 0,
    elections: 0,
    crashes: 0,
    partitions: 0,
    snapshotsInstalled: 0,
    confChanges: 0,
    committedIndex: 0,
  };

  constructor(private readonly opts: SimOptions) {
    this.rng = new Xoshiro128(opts.seed);
    this.net = new Network(this.rng.fork());
    this.trace = new Trace(opts.traceSize);
    const voters = Array.from({ length: opts.nodes }, (_, k) => k + 1);
    this.clusterConf = { voters, learners: [] };
    this.nextSpareId = opts.nodes + 1;
    for (const id of voters) this.addNode(id, MemoryStorage.bootstrap(this.clusterConf));
    // Index 1 is the bootstrap snapshot: part of history, never applied as an entry.
    this.checker.histTerm.push(1);
    this.checker.histKey.push(0);
    this.checker.histHash.push(0);
    this.checker.histCommitTerm.push(0);
    this.checker.maxApplied = 1;
  }

  run(): SimResult {
    try {
      for (let t = 0; t < this.opts.safetyTicks; t++) this.tickOnce();
      this.stopFaults();
      const healedAt = this.now;
      while (!this.converged()) {
        if (this.now - healedAt >= this.opts.livenessBoundTicks) {
          throw new SimViolation('liveness', this.livenessFailure());
        }
        this.tickOnce();
      }
      this.stats.livenessTicks = this.now - healedAt;
      this.stats.ticks = this.now;
      this.stats.committedIndex = this.checker.maxApplied;
      return { ok: true, options: this.opts, stats: this.stats };
    } catch (err) {
      return this.failure(err);
    }
  }

  private failure(err: unknown): SimResult {
    this.stats.ticks = this.now;
    const property =
      err instanceof SimViolation
        ? err.property
        : err instanceof RaftInvariantError
          ? 'raft assertion'
          : 'exception';
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    const report = [
      `SIMULATION FAILED: ${property} at tick ${this.now}`,
      `  ${message.split('\n').slice(0, 4).join('\n  ')}`,
      `options:\n  ${describeOptions(this.opts)}`,
      `rerun: npm run sim -- --seeds 1 --start-seed ${this.opts.seed} --nodes ${this.opts.nodes}${plantFlags(this.opts)}`,
      `fault schedule (${this.schedule.length} events, last 40):\n  ${this.schedule.slice(-40).join('\n  ')}`,
      `last ${this.opts.traceSize} events:\n${this.trace.format()}`,
    ].join('\n');
    return {
      ok: false,
      options: this.opts,
      stats: this.stats,
      violation: { property, message },
      report,
    };
  }

  // ---------------------------------------------------------------- nodes

  private config(id: NodeId, applied: number): RaftConfig {
    const o = this.opts;
    return {
      id,
      applied,
      electionTick: o.electionTick,
      heartbeatTick: o.heartbeatTick,
      random: this.rng.fork(),
      preVote: o.preVote,
      checkQuorum: o.checkQuorum,
      readOnlyOption: o.readOnlyOption,
      maxInflightMsgs: o.maxInflightMsgs,
      maxSizePerMsgBytes: o.maxSizePerMsgBytes,
      maxUncommittedEntriesBytes: o.maxUncommittedEntriesBytes,
      unsafe: o.unsafe,
    };
  }

  private addNode(id: NodeId, storage: MemoryStorage): void {
    const sn = new SimNode(id, storage);
    this.nodes.set(id, sn);
    sn.start(this.config(id, storage.snapshot().metadata.index));
  }

  private liveNodes(): SimNode[] {
    const out: SimNode[] = [];
    for (const sn of this.nodes.values()) if (sn.node) out.push(sn);
    return out;
  }

  /** The live leader with the highest term, if any. */
  private leader(): SimNode | undefined {
    let best: SimNode | undefined;
    for (const sn of this.nodes.values()) {
      const r = sn.node?.raft;
      if (r && r.role === 'leader' && (!best || r.term > (best.node?.raft.term ?? 0))) best = sn;
    }
    return best;
  }

  /** Checks election safety and, on a new leadership, leader completeness. */
  private observe(sn: SimNode): void {
    const r = sn.node?.raft;
    if (!r || r.role !== 'leader' || sn.leaderTerm === r.term) return;
    sn.leaderTerm = r.term;
    this.stats.elections++;
    this.trace.note(this.now, `node ${sn.id} becomes leader of term ${r.term}`);
    this.checker.checkLeader(sn.id, r.term);
    this.checker.checkLeaderCompleteness(sn.id, r.term, r.log);
  }

  // ---------------------------------------------------------------- the loop

  private tickOnce(): void {
    this.now++;
    if (this.faulty) this.injectFaults();
    this.restartDue();
    this.clients();
    for (const sn of this.liveNodes()) {
      sn.node?.tick();
      this.observe(sn);
    }
    for (let round = 0; round < ROUNDS_PER_TICK; round++) {
      const delivered = this.deliverDue();
      const processed = this.processReadies();
      if (!delivered && !processed) break;
    }
    this.serveReads();
  }

  private deliverDue(): boolean {
    const due = this.net.takeDue(this.now);
    for (const { m } of due) this.deliver(m);
    return due.length > 0;
  }

  private deliver(m: Message): void {
    const to = this.nodes.get(m.to);
    const ok = to?.node && this.net.connected(m.from, m.to);
    if (m.type === 'snap') this.nodes.get(m.from)?.node?.reportSnapshot(m.to, Boolean(ok));
    if (!ok || !to?.node) return;
    this.trace.deliver(this.now, m);
    to.node.step(m);
    this.observe(to);
  }

  private processReadies(): boolean {
    let any = false;
    const live = this.liveNodes();
    const p = this.faulty ? this.opts.readyProb : 1;
    for (let k = 0; k < live.length; k++) {
      const sn = live[(k + this.now) % live.length] as SimNode;
      if (!sn.node?.hasReady() || (p < 1 && !this.rng.chance(p))) continue;
      this.processReady(sn);
      any = true;
    }
    return any;
  }

  /** The shell loop of one node: persist → send → apply → advance (see Ready). */
  private processReady(sn: SimNode): void {
    const node = sn.node;
    if (!node) return;
    const rd = node.ready();
    if (rd.softState)
      this.trace.note(
        this.now,
        `node ${sn.id}: ${rd.softState.role}, leader ${rd.softState.leader}, term ${node.raft.term}`,
      );
    this.persist(sn, rd);
    const failedSnaps: NodeId[] = [];
    for (const m of rd.messages) {
      const o = this.opts;
      const drop = this.faulty ? o.dropRate : 0;
      const dup = this.faulty ? o.dupRate : 0;
      const sent = this.net.send(m, this.now, drop, dup, this.faulty ? o.maxDelayTicks : 0);
      if (!sent && m.type === 'snap') failedSnaps.push(m.to);
    }
    for (const e of rd.committedEntries) this.apply(sn, e);
    for (const rs of rd.readStates) sn.pendingReads.push(rs);
    node.advance(rd);
    this.maybeSnapshot(sn);
    for (const to of failedSnaps) node.reportSnapshot(to, false);
  }

  private persist(sn: SimNode, rd: Ready): void {
    if (rd.snapshot) {
      sn.storage.applySnapshot(rd.snapshot);
      sn.restoreFrom(rd.snapshot);
      const { index, term } = rd.snapshot.metadata;
      this.stats.snapshotsInstalled++;
      this.trace.note(this.now, `node ${sn.id} installs snapshot ${index}/${term}`);
      this.checker.checkHash(sn.id, index, sn.hash);
    }
    sn.storage.append(rd.entries);
    for (const e of rd.entries) this.checker.checkPersisted(sn.id, e, sn.storage.term(e.index - 1));
    if (rd.hardState) sn.storage.setHardState(rd.hardState);
  }

  private apply(sn: SimNode, e: Entry): void {
    const node = sn.node;
    if (!node) return;
    sn.hash = foldHash(sn.hash, e);
    sn.appliedIndex = e.index;
    const first = this.checker.checkApplied(sn.id, e, sn.hash, node.raft.term);
    if (e.type === 'conf-change') {
      sn.confState = node.applyConfChangeEntry(e);
      if (first) this.onConfChangeCommitted(decodeConfChange(e.data));
    } else if (first && e.data.length >= 4) {
      const d = e.data;
      const id =
        ((d[0] as number) |
          ((d[1] as number) << 8) |
          ((d[2] as number) << 16) |
          ((d[3] as number) << 24)) >>>
        0;
      if (this.pendingWrites.delete(id)) {
        this.stats.writesAcked++;
        this.ackedIndex = e.index;
      }
    }
  }

  private maybeSnapshot(sn: SimNode): void {
    const s = sn.storage;
    const snapIndex = s.snapshot().metadata.index;
    if (sn.appliedIndex - snapIndex < this.opts.snapshotInterval) return;
    s.createSnapshot(sn.appliedIndex, sn.confState, encodeState(sn.hash));
    const compactTo = sn.appliedIndex - this.opts.snapshotKeep;
    if (compactTo >= s.firstIndex()) s.compact(compactTo);
  }

  private serveReads(): void {
    for (const sn of this.nodes.values()) {
      if (!sn.node || sn.pendingReads.length === 0) continue;
      const waiting: Array<{ context: string; index: number }> = [];
      for (const rs of sn.pendingReads) {
        if (sn.appliedIndex < rs.index) waiting.push(rs);
        else this.checkRead(sn, rs.context, rs.index);
      }
      sn.pendingReads = waiting;
    }
  }

  /** A read returns the state at appliedIndex ≥ read index; it must hold every acked write. */
  private checkRead(sn: SimNode, context: string, index: number): void {
    const read = this.reads.get(context);
    if (!read) return;
    this.reads.delete(context);
    this.stats.readsServed++;
    this.trace.note(
      this.now,
      `read ${context} served by ${sn.id} at index ${index} (applied ${sn.appliedIndex})`,
    );
    if (index < read.ackedIndexAtStart || sn.appliedIndex < read.ackedIndexAtStart) {
      throw new SimViolation(
        'linearizable read',
        `read ${context} on node ${sn.id} got index ${index}, but a write at ` +
          `${read.ackedIndexAtStart} was acknowledged before the read began`,
      );
    }
    this.checker.checkHash(sn.id, sn.appliedIndex, sn.hash);
  }

  // ---------------------------------------------------------------- faults

  private injectFaults(): void {
    const o = this.opts;
    const part = this.net.partition;
    if (part && this.now >= part.until) {
      this.net.heal();
      this.note('partition healed');
    }
    if (!this.net.partition && o.partitionRate > 0 && this.rng.chance(o.partitionRate)) {
      const kind = this.rng.pick(PARTITION_KINDS);
      const ids = [...this.nodes.values()].filter((sn) => !sn.removed).map((sn) => sn.id);
      const until = this.now + 1 + this.rng.int(o.partitionTicksMax);
      const text = this.net.cut(kind, ids, this.leader()?.id ?? 0, until);
      this.stats.partitions++;
      this.note(`partition until t=${until}: ${text}`);
    }
    const live = this.liveNodes();
    if (o.crashRate > 0 && live.length > 0 && this.rng.chance(o.crashRate)) {
      const victim = this.rng.pick(live);
      const until = this.now + 1 + this.rng.int(o.downTicksMax);
      victim.crash(until);
      this.stats.crashes++;
      this.note(`crash node ${victim.id} until t=${until} (unpersisted state lost)`);
    }
  }

  private restartDue(): void {
    for (const sn of this.nodes.values()) {
      if (sn.node || sn.removed || sn.downUntil > this.now) continue;
      sn.start(this.config(sn.id, sn.storage.snapshot().metadata.index));
      const hs = sn.storage.hardStateNow();
      this.note(
        `restart node ${sn.id} from disk (term ${hs.term}, commit ${hs.commit}, snapshot ${sn.appliedIndex})`,
      );
      this.checker.checkHash(sn.id, sn.appliedIndex, sn.hash);
    }
  }

  private stopFaults(): void {
    this.faulty = false;
    this.net.heal();
    for (const sn of this.nodes.values()) if (!sn.node) sn.downUntil = 0;
    this.note('faults stop: heal, restart everyone, no drops or delays (liveness phase)');
  }

  private note(text: string): void {
    this.schedule.push(`t=${this.now} ${text}`);
    this.trace.note(this.now, text);
  }

  // ---------------------------------------------------------------- clients

  private clients(): void {
    const o = this.opts;
    if (this.faulty && this.rng.chance(o.proposeRate)) this.proposeWrites();
    if (this.faulty && o.readRate > 0 && this.rng.chance(o.readRate)) this.startRead();
    if (this.faulty && o.confChangeRate > 0 && this.rng.chance(o.confChangeRate)) this.membership();
    if (this.faulty && o.transferRate > 0 && this.rng.chance(o.transferRate)) this.transfer();
    this.retryWrites();
    this.retryConfChange();
  }

  private proposeWrites(): void {
    const live = this.liveNodes();
    if (live.length === 0) return;
    const target = this.rng.pick(live);
    const n = 1 + this.rng.int(this.opts.proposeBatchMax);
    const datas: Uint8Array[] = [];
    for (let k = 0; k < n; k++) {
      const id = this.nextWriteId++;
      this.pendingWrites.set(id, { id, sentTick: this.now });
      datas.push(writePayload(id));
    }
    const res = target.node?.proposeBatch(datas);
    this.trace.note(
      this.now,
      `propose ${n} writes #${this.nextWriteId - n}.. to ${target.id}: ${res?.ok ? 'ok' : res?.reason}`,
    );
  }

  /** Clients retry writes not acknowledged within three election timeouts (≤ 10 a tick). */
  private retryWrites(): void {
    const after = 3 * this.opts.electionTick;
    const target = this.leader() ?? this.pickLive();
    if (!target?.node) return;
    let budget = 10;
    for (const w of this.pendingWrites.values()) {
      if (this.now - w.sentTick < after) continue;
      w.sentTick = this.now;
      target.node.propose(writePayload(w.id));
      if (--budget === 0) return;
    }
  }

  private pickLive(): SimNode | undefined {
    const live = this.liveNodes();
    return live.length > 0 ? this.rng.pick(live) : undefined;
  }

  private startRead(): void {
    const sn = this.pickLive();
    if (!sn?.node) return;
    const context = `r${this.nextReadId++}`;
    this.reads.set(context, { nodeId: sn.id, ackedIndexAtStart: this.ackedIndex });
    const res = sn.node.readIndex(context);
    this.trace.note(
      this.now,
      `read ${context} at node ${sn.id} (acked up to ${this.ackedIndex}): ${res.ok ? 'ok' : res.reason}`,
    );
  }

  private transfer(): void {
    const lead = this.leader();
    const r = lead?.node?.raft;
    if (!lead?.node || !r) return;
    const others = r.trk.voters.filter((id) => id !== lead.id);
    if (others.length === 0) return;
    const to = this.rng.pick(others);
    const res = lead.node.transferLeadership(to);
    this.note(`transfer leadership ${lead.id} -> ${to}: ${res.ok ? 'ok' : res.reason}`);
  }

  // ---------------------------------------------------------------- membership

  /** Cycles membership: add learner → promote it → remove a voter (maybe the leader). */
  private membership(): void {
    if (this.confOp) return;
    const cs = this.clusterConf;
    let cc: ConfChange | null = null;
    const learner = cs.learners[0];
    if (learner !== undefined) cc = { type: 'add-voter', nodeId: learner };
    else if (cs.voters.length > this.opts.nodes)
      cc = { type: 'remove-node', nodeId: this.rng.pick(cs.voters) };
    else if (this.nextSpareId <= this.opts.nodes + this.opts.spareNodes) {
      cc = { type: 'add-learner', nodeId: this.nextSpareId++ };
    }
    if (!cc) return;
    this.confOp = { cc, proposedAt: this.now };
    this.proposeConfChange(cc);
  }

  private proposeConfChange(cc: ConfChange): void {
    const lead = this.leader();
    const res = lead?.node?.proposeConfChange(cc);
    this.note(
      `propose ${cc.type} ${cc.nodeId} via ${lead?.id ?? 'nobody'}: ${res ? (res.ok ? 'ok' : res.reason) : 'no leader'}`,
    );
  }

  private retryConfChange(): void {
    const op = this.confOp;
    if (!op || this.now - op.proposedAt < 3 * this.opts.electionTick) return;
    op.proposedAt = this.now;
    this.proposeConfChange(op.cc);
  }

  private onConfChangeCommitted(cc: ConfChange): void {
    const next = nextConfState(this.clusterConf, cc);
    this.note(`conf change ${cc.type} ${cc.nodeId} applied${next ? '' : ' (no-op)'}`);
    if (this.confOp && this.confOp.cc.type === cc.type && this.confOp.cc.nodeId === cc.nodeId) {
      this.confOp = null;
    }
    if (!next) return;
    this.clusterConf = next;
    this.stats.confChanges++;
    if (cc.type === 'add-learner' && !this.nodes.has(cc.nodeId)) {
      this.addNode(cc.nodeId, new MemoryStorage());
    } else if (cc.type === 'remove-node') {
      const sn = this.nodes.get(cc.nodeId);
      if (sn) {
        sn.removed = true;
        sn.crash(Infinity);
      }
    }
  }

  // ---------------------------------------------------------------- liveness

  private members(): SimNode[] {
    const ids = [...this.clusterConf.voters, ...this.clusterConf.learners];
    return ids.map((id) => this.nodes.get(id)).filter((sn): sn is SimNode => sn !== undefined);
  }

  /** A leader exists, every write is acknowledged, every member applied the whole log. */
  private converged(): boolean {
    const lead = this.leader();
    const r = lead?.node?.raft;
    if (!r || this.pendingWrites.size > 0) return false;
    if (r.log.committed !== r.log.lastIndex()) return false;
    for (const sn of this.members()) {
      if (!sn.node || sn.node.raft.lead !== lead?.id || sn.appliedIndex !== r.log.committed)
        return false;
    }
    return true;
  }

  private livenessFailure(): string {
    const lead = this.leader();
    const parts = [
      `no convergence within ${this.opts.livenessBoundTicks} ticks after faults stopped`,
      `leader=${lead?.id ?? 'none'} pendingWrites=${this.pendingWrites.size}`,
    ];
    for (const sn of this.nodes.values()) {
      const st = sn.node?.status();
      const pr = lead?.node?.raft.trk.progress.get(sn.id);
      if (pr)
        parts.push(
          `progress ${sn.id}: ${pr.state} match=${pr.match} next=${pr.next} paused=${pr.isPaused()} active=${pr.recentActive} inflight=${pr.inflights.count}`,
        );
      parts.push(
        st
          ? `node ${sn.id}: ${st.role} term=${st.term} lead=${st.leader} commit=${st.commit} applied=${sn.appliedIndex} last=${st.lastIndex}`
          : `node ${sn.id}: ${sn.removed ? 'removed' : 'down'}`,
      );
    }
    return parts.join('; ');
  }
}

/** A client write: its id as 4 little-endian bytes plus 4 bytes of padding. */
function writePayload(id: number): Uint8Array {
  return Uint8Array.of(id & 0xff, (id >>> 8) & 0xff, (id >>> 16) & 0xff, id >>> 24, 0, 0, 0, 0);
}

function plantFlags(o: SimOptions): string {
  const on = Object.entries(o.unsafe).filter(([, v]) => v === true);
  return on.map(([k]) => ` --plant ${k}`).join('');
}

/** Runs one seed with the given options. */
export function runSimulation(opts: SimOptions): SimResult {
  return new Simulation(opts).run();
}
