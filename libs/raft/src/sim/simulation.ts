import type { RaftConfig } from '../config';
import { decodeConfChange } from '../conf-change';
import { RaftInvariantError } from '../errors';
import { MemoryStorage } from '../memory-storage';
import { nextConfState } from '../raft';
import { Xoshiro128, type Random } from '../random';
import type { Ready } from '../raw-node';
import type { ConfChange, ConfState, Entry, HardState, Message, NodeId } from '../types';
import { Checker, SimViolation, foldHash } from './checker';
import { Network, type InFlight, type LinkFaults, type PartitionKind } from './network';
import { describeOptions, type SimOptions } from './options';
import { SimNode, encodeState } from './sim-node';
import { Trace } from './trace';

/** Message hops processed per tick (messages with delay 0 arrive in the next round). */
const ROUNDS_PER_TICK = 6;
const PARTITION_KINDS: PartitionKind[] = [
  'symmetric',
  'asymmetric',
  'leader-isolated',
  'bridge',
  'leader-follower',
];

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
  /** How often the new fault and shell paths ran (to show the swarm reaches them). */
  earlySends: number;
  midReadyCrashes: number;
  interleavedReadies: number;
  campaignCalls: number;
  /** Ticks removed members kept running, and times membership reached a lone voter. */
  removedRunningTicks: number;
  loneVoterConfs: number;
  /** Slow-inbox spells begun, and members restarted just as a (pre-)vote reached them. */
  slowInboxes: number;
  restartsAtVote: number;
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
  /** Highest index applied anywhere (so committed) when the read began. */
  appliedAnywhereAtStart: number;
  /** Asked of a leader of this term while a leader of a later term had been elected. */
  deposedLeaderTerm: number;
}

/**
 * One deterministic run: a safety phase with faults, then a liveness phase without faults
 * in which the cluster must converge within `livenessBoundTicks`. All randomness comes from
 * one seeded PRNG, so a seed (plus options) replays the identical run.
 */
export class Simulation {
  private readonly rng: Xoshiro128;
  /** The later faults' own stream: with them off, a seed's run is what it always was. */
  private readonly lateRng: Xoshiro128;
  private readonly net: Network;
  private readonly checker = new Checker();
  private readonly trace: Trace;
  private readonly schedule: string[] = [];
  private readonly nodes = new Map<NodeId, SimNode>();
  private now = 0;
  private faulty = true;
  /** Steps taken between a node's ready() and advance() (no restart then: see restartAtVote). */
  private midReady = false;
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
    earlySends: 0,
    midReadyCrashes: 0,
    interleavedReadies: 0,
    campaignCalls: 0,
    removedRunningTicks: 0,
    loneVoterConfs: 0,
    slowInboxes: 0,
    restartsAtVote: 0,
  };

  constructor(private readonly opts: SimOptions) {
    this.rng = new Xoshiro128(opts.seed);
    this.lateRng = new Xoshiro128(opts.seed ^ 0x1a7e);
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
    this.checker.recordConf(1, this.clusterConf);
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
      `rerun: npm run sim -- --seeds 1 --start-seed ${this.opts.seed} --nodes ${this.opts.nodes}`,
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
      random: timeoutRandom(this.rng.fork(), o.minElectionTimeoutRate, () => this.faulty),
      preVote: o.preVote,
      checkQuorum: o.checkQuorum,
      readOnlyOption: o.readOnlyOption,
      maxClockDriftRatio: o.clockDriftRatio,
      maxInflightMsgs: o.maxInflightMsgs,
      maxSizePerMsgBytes: o.maxSizePerMsgBytes,
      maxUncommittedEntriesBytes: o.maxUncommittedEntriesBytes,
    };
  }

  private addNode(id: NodeId, storage: MemoryStorage): void {
    const sn = new SimNode(id, storage);
    const d = this.opts.clockDriftRatio;
    // Extremes are where leases break, so half the members sit at a bound of the drift.
    sn.rate = this.rng.chance(0.5)
      ? 1 + this.rng.pick([-d, d])
      : 1 + (2 * this.rng.float() - 1) * d;
    sn.clockAcc = this.rng.float();
    this.nodes.set(id, sn);
    this.startNode(sn);
  }

  private startNode(sn: SimNode): void {
    const early = this.rng.chance(this.opts.earlySendRate);
    sn.start(this.config(sn.id, sn.storage.snapshot().metadata.index), early);
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
    if (this.faulty && this.opts.readRate > 0) this.readAtOldLeaders(sn, r.term);
  }

  /**
   * The clients of a deposed leader that has not heard of it yet keep reading there: right
   * when a lease (or a read quorum) must refuse them.
   */
  private readAtOldLeaders(lead: SimNode, term: number): void {
    for (const sn of this.nodes.values()) {
      const r = sn.node?.raft;
      if (sn === lead || !r || r.role !== 'leader' || r.term >= term) continue;
      if (this.lateRng.chance(0.5)) this.startReadAt(sn);
    }
  }

  // ---------------------------------------------------------------- the loop

  private tickOnce(): void {
    this.now++;
    if (this.faulty) this.injectFaults();
    this.restartDue();
    this.stopRemoved();
    this.clients();
    this.tickNodes();
    for (let round = 0; round < ROUNDS_PER_TICK; round++) {
      const delivered = this.deliverDue();
      const processed = this.processReadies();
      if (!delivered && !processed) break;
    }
    this.serveReads();
  }

  /** Every member ticks at its own rate (bounded drift), so ticks fall at different times. */
  private tickNodes(): void {
    for (const sn of this.liveNodes()) {
      sn.clockAcc += sn.rate;
      while (sn.clockAcc >= 1 && sn.node) {
        sn.clockAcc -= 1;
        this.tickNode(sn);
      }
    }
  }

  /** One tick of one member; a pre-candidate it turns into must keep its term (§9.6). */
  private tickNode(sn: SimNode): void {
    const r = sn.node?.raft;
    if (!r) return;
    const [term, role] = [r.term, r.role];
    sn.node?.tick();
    if (r.role === 'pre-candidate' && role !== 'pre-candidate' && r.term !== term) {
      throw new SimViolation(
        'pre-vote changes no state',
        `node ${sn.id} pre-campaigns at term ${r.term}, was ${term}`,
      );
    }
    this.observe(sn);
  }

  private deliverDue(): boolean {
    const due = this.net.takeDue(this.now);
    for (const f of due) this.arrive(f);
    return due.length > 0;
  }

  /** A message reaches its receiver's host: stepped now, or queued behind a slow inbox. */
  private arrive(f: InFlight): void {
    const to = this.nodes.get(f.m.to);
    const slow = f.held === undefined && to?.node && to.slowInboxUntil > this.now;
    if (slow && this.net.connected(f.m.from, f.m.to)) {
      this.net.hold(f.m, this.now + to.inboxDelay, to.incarnation);
      return;
    }
    this.deliver(f.m, f.held);
  }

  /** Steps `m` at its receiver; `heldFor`: it waited in that incarnation's inbox (see arrive). */
  private deliver(m: Message, heldFor?: number): void {
    const to = this.nodes.get(m.to);
    // Past the wire a partition no longer matters; a crash of the receiver (its memory) does.
    const ok =
      to?.node &&
      (heldFor === undefined ? this.net.connected(m.from, m.to) : to.incarnation === heldFor);
    if (m.type === 'snap') this.nodes.get(m.from)?.node?.reportSnapshot(m.to, Boolean(ok));
    if (!ok || !to?.node) return;
    if (m.type === 'vote' || m.type === 'pre-vote') this.restartAtVote(to, m);
    this.trace.deliver(this.now, m);
    const r = to.node.raft;
    const [term, vote] = [r.term, r.vote];
    to.node.step(m);
    if (m.type === 'pre-vote' && (r.term !== term || r.vote !== vote)) {
      throw new SimViolation(
        'pre-vote changes no state',
        `node ${to.id} went from term ${term} vote ${vote} to term ${r.term} vote ${r.vote} on a pre-vote`,
      );
    }
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

  /**
   * The shell loop of one node: persist → send → apply → advance (see Ready). An early shell
   * (apps/coordinator's handleReady) sends first when the Ready changes neither term nor vote.
   */
  private processReady(sn: SimNode): void {
    const node = sn.node;
    if (!node) return;
    const rd = node.ready();
    if (rd.softState)
      this.trace.note(
        this.now,
        `node ${sn.id}: ${rd.softState.role}, leader ${rd.softState.leader}, term ${node.raft.term}`,
      );
    const durable = sn.storage.hardStateNow();
    const early = sn.earlySend && node.raft.role === 'leader' && !changesTermOrVote(rd, durable);
    if (early && rd.messages.length > 0) this.stats.earlySends++;
    const failedSnaps = early ? this.sendAll(sn, rd) : [];
    if (early && this.midReadyCrash(sn, 'after its early send, before its write')) return;
    if (this.faulty && this.rng.chance(this.opts.interleaveRate)) {
      this.stats.interleavedReadies++;
      this.midReady = true;
      this.interleave(sn);
      this.midReady = false;
    }
    if (!sn.node) return;
    this.persist(sn, rd);
    if (!early) {
      if (this.midReadyCrash(sn, 'after its write, before its send')) return;
      failedSnaps.push(...this.sendAll(sn, rd));
    }
    for (const e of rd.committedEntries) this.apply(sn, e);
    for (const rs of rd.readStates) sn.pendingReads.push(rs);
    node.advance(rd);
    this.maybeSnapshot(sn);
    for (const to of failedSnaps) node.reportSnapshot(to, false);
  }

  /** Hands the Ready's messages to the network; returns the snapshot targets that failed. */
  private sendAll(sn: SimNode, rd: Ready): NodeId[] {
    this.checkPromises(sn, rd);
    const o = this.opts;
    const f = this.faulty
      ? {
          dropRate: o.dropRate,
          dupRate: o.dupRate,
          maxDelayTicks: o.maxDelayTicks,
          longDelayRate: o.longDelayRate,
          longDelayTicksMin: o.electionTick,
        }
      : NO_FAULTS;
    const failed: NodeId[] = [];
    for (const m of rd.messages) {
      if (!this.net.send(m, this.now, f) && m.type === 'snap') failed.push(m.to);
    }
    return failed;
  }

  /**
   * What a message promises must be on disk when it leaves (the Ready contract): a granted
   * vote is durable in the hard state, an accepted append is durable in the log.
   */
  private checkPromises(sn: SimNode, rd: Ready): void {
    const hs = sn.storage.hardStateNow();
    for (const m of rd.messages) {
      if (m.type === 'vote-resp' && !m.reject && hs.term <= m.term) {
        if (hs.term < m.term || hs.vote !== m.to) {
          throw new SimViolation(
            'durability',
            `node ${sn.id} granted its term ${m.term} vote to ${m.to}, but its disk has term ${hs.term} vote ${hs.vote}`,
          );
        }
      } else if (m.type === 'app-resp' && !m.reject && m.index > sn.storage.lastIndex()) {
        throw new SimViolation(
          'durability',
          `node ${sn.id} acked index ${m.index}, but its disk ends at ${sn.storage.lastIndex()}`,
        );
      }
    }
  }

  private midReadyCrash(sn: SimNode, where: string): boolean {
    const o = this.opts;
    if (!this.faulty || o.midReadyCrashRate === 0 || !this.rng.chance(o.midReadyCrashRate))
      return false;
    const until = this.now + 1 + this.rng.int(o.downTicksMax);
    sn.crash(until);
    this.stats.crashes++;
    this.stats.midReadyCrashes++;
    this.note(`crash node ${sn.id} ${where}, until t=${until}`);
    return true;
  }

  /**
   * While its write is in flight a real shell keeps going: messages arrive and are stepped,
   * the timer ticks, clients read and write. All of it lands between ready() and advance().
   */
  private interleave(sn: SimNode): void {
    for (const f of this.net.takeDueFor(sn.id, this.now, 1 + this.rng.int(4))) this.arrive(f);
    if (!sn.node) return;
    if (sn.clockAcc >= 0 && this.rng.chance(0.3)) {
      sn.clockAcc -= 1; // the next tick comes now, taken from this member's own clock
      this.tickNode(sn);
    }
    if (this.opts.readRate > 0 && this.rng.chance(0.1)) this.startReadAt(sn);
    if (this.rng.chance(0.05)) this.proposeWritesTo(sn);
  }

  private persist(sn: SimNode, rd: Ready): void {
    if (rd.snapshot) {
      sn.storage.applySnapshot(rd.snapshot);
      sn.restoreFrom(rd.snapshot);
      const { index, term } = rd.snapshot.metadata;
      this.stats.snapshotsInstalled++;
      this.trace.note(this.now, `node ${sn.id} installs snapshot ${index}/${term}`);
      this.checker.checkHash(sn.id, index, sn.hash);
      this.checker.checkConf(sn.id, index, sn.confState);
    }
    sn.storage.append(rd.entries);
    for (const e of rd.entries) this.checker.checkPersisted(sn.id, e, sn.storage.term(e.index - 1));
    if (!sn.earlySend) {
      if (rd.hardState) sn.storage.setHardState(rd.hardState);
      return;
    }
    // apps/coordinator: a hard state whose only change is the commit waits for the next write.
    if (rd.hardState) sn.unsavedHardState = rd.hardState;
    if (rd.snapshot || rd.entries.length > 0 || rd.mustSync) {
      const hs = sn.unsavedHardState ?? sn.storage.hardStateNow();
      sn.storage.setHardState(clampCommit(hs, sn.storage.snapshot().metadata.index));
      sn.unsavedHardState = null;
    }
  }

  private apply(sn: SimNode, e: Entry): void {
    const node = sn.node;
    if (!node) return;
    sn.hash = foldHash(sn.hash, e);
    sn.appliedIndex = e.index;
    const first = this.checker.checkApplied(sn.id, e, sn.hash, node.raft.term);
    if (e.type === 'conf-change') {
      sn.confState = node.applyConfChangeEntry(e);
      if (first) this.onConfChangeCommitted(decodeConfChange(e.data), e.index);
      this.checker.checkConf(sn.id, e.index, sn.confState);
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
    s.setHardState(clampCommit(s.hardStateNow(), sn.appliedIndex));
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
    this.checkReadIndex(sn, context, index, read);
    this.checker.checkHash(sn.id, sn.appliedIndex, sn.hash);
  }

  /**
   * ReadIndex and lease reads promise more than the writes acknowledged so far (thesis §6.4):
   * the read index covers everything committed when the read began, and only a leader that
   * was still the newest one (no later term had elected a leader) may answer. Checking these
   * catches a stale leader or a short read index without waiting for a client write to expose it.
   */
  private checkReadIndex(sn: SimNode, context: string, index: number, read: PendingRead): void {
    if (index < read.appliedAnywhereAtStart) {
      throw new SimViolation(
        'linearizable read',
        `read ${context} on node ${sn.id} got index ${index}, but ${read.appliedAnywhereAtStart} ` +
          'was committed (applied somewhere) before the read began',
      );
    }
    if (read.deposedLeaderTerm > 0) {
      throw new SimViolation(
        'read from a deposed leader',
        `read ${context} asked of node ${sn.id}, leader of term ${read.deposedLeaderTerm}, ` +
          'was answered though a leader of a later term had been elected when it began',
      );
    }
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
      const ids = [...this.nodes.values()].filter((sn) => !sn.stopped).map((sn) => sn.id);
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
    if (o.slowInboxRate > 0 && this.lateRng.chance(o.slowInboxRate)) this.slowInbox();
  }

  /**
   * A member falls behind on its inbox (the leader half the time): for a while what reaches it
   * is stepped electionTick/3..electionTick ticks late, though its timer keeps ticking. A
   * leader then counts acks of heartbeats its followers took long ago.
   */
  private slowInbox(): void {
    const live = this.liveNodes();
    if (live.length === 0) return;
    const lead = this.leader();
    const sn = lead && this.lateRng.chance(0.5) ? lead : this.lateRng.pick(live);
    const e = this.opts.electionTick;
    const min = Math.ceil(e / 3);
    sn.inboxDelay = min + this.lateRng.int(e - min + 1);
    sn.slowInboxUntil = this.now + 1 + this.lateRng.int(3 * e);
    this.stats.slowInboxes++;
    this.note(
      `slow inbox at node ${sn.id} until t=${sn.slowInboxUntil}: messages wait ${sn.inboxDelay} ticks`,
    );
  }

  /**
   * A (pre-)vote request reaches `sn` just as it restarts (crash, then up again at once from
   * disk): the fresh incarnation must not vote inside a lease its predecessor acked.
   */
  private restartAtVote(sn: SimNode, m: Message): void {
    const rate = this.opts.restartAtVoteRate;
    // (Mid-Ready the shell loop would go on with the dead incarnation's Ready: midReadyCrash.)
    if (!this.faulty || rate === 0 || this.midReady || !this.lateRng.chance(rate)) return;
    sn.crash(this.now);
    this.stats.crashes++;
    this.stats.restartsAtVote++;
    this.startNode(sn);
    this.note(`crash node ${sn.id} and restart at once, as a ${m.type} from ${m.from} arrives`);
    this.checker.checkHash(sn.id, sn.appliedIndex, sn.hash);
  }

  private restartDue(): void {
    for (const sn of this.nodes.values()) {
      if (sn.node || sn.stopped || sn.downUntil > this.now) continue;
      this.startNode(sn);
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
    for (const sn of this.nodes.values()) {
      if (!sn.node) sn.downUntil = 0;
      sn.slowInboxUntil = 0; // what already waits is still stepped, late
    }
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
    if (this.faulty && o.campaignRate > 0 && this.rng.chance(o.campaignRate)) this.campaign();
    this.retryWrites();
    this.retryConfChange();
  }

  /** Clients mostly go to the current leader, the rest to any member. */
  private proposeWrites(): void {
    const target = this.pickLive();
    if (target) this.proposeWritesTo(target);
  }

  private proposeWritesTo(target: SimNode): void {
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

  /**
   * Half the time every node that believes it leads gets a read, a deposed one that has not
   * heard yet included: that is where a lease outlives its leadership. Else one random node.
   */
  private startRead(): void {
    const leaders = this.liveNodes().filter((sn) => sn.node?.raft.role === 'leader');
    if (leaders.length > 0 && this.rng.chance(0.5)) {
      for (const sn of leaders) this.startReadAt(sn);
      return;
    }
    const sn = this.pickLive();
    if (sn) this.startReadAt(sn);
  }

  private startReadAt(sn: SimNode): void {
    if (!sn.node) return;
    const context = `r${this.nextReadId++}`;
    const r = sn.node.raft;
    const deposed = r.role === 'leader' && this.checker.maxLeaderTerm > r.term ? r.term : 0;
    this.reads.set(context, {
      nodeId: sn.id,
      ackedIndexAtStart: this.ackedIndex,
      appliedAnywhereAtStart: this.checker.maxApplied,
      deposedLeaderTerm: deposed,
    });
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

  /** An explicit campaign() (an operator, or a shell's own logic), leases or not. */
  private campaign(): void {
    // Half the calls go to a follower that hears a leader: the one a lease must stop.
    const led = this.liveNodes().filter(
      (x) => x.node?.raft.role === 'follower' && x.node.raft.lead,
    );
    const sn = led.length > 0 && this.rng.chance(0.5) ? this.rng.pick(led) : this.pickLive();
    const node = sn?.node;
    if (!sn || !node) return;
    const before = `${node.raft.role}/${node.raft.term}`;
    this.stats.campaignCalls++;
    node.campaign();
    this.note(`campaign() at node ${sn.id}: ${before} -> ${node.raft.role}/${node.raft.term}`);
  }

  // ---------------------------------------------------------------- membership

  /**
   * Cycles membership: add learner → promote it → remove a voter (maybe the leader), down to
   * minVoters. With confBurstMax > 1 more changes follow at once (the extras must be refused
   * or neutralized by Raft: one pending change at a time).
   */
  private membership(): void {
    if (this.confOp) return;
    const cc = this.nextConfChange();
    if (!cc) return;
    this.confOp = { cc, proposedAt: this.now };
    this.proposeConfChange(cc, this.leader());
    const extras = this.rng.int(this.opts.confBurstMax);
    for (let k = 0; k < extras; k++) {
      const more = this.nextConfChange(cc);
      const via = this.rng.chance(0.5) ? this.leader() : this.pickLive();
      if (more) this.proposeConfChange(more, via);
    }
  }

  /** The next change of the cycle; `after` is one already proposed (pick another). */
  private nextConfChange(after: ConfChange | null = null): ConfChange | null {
    const cs = this.clusterConf;
    const o = this.opts;
    const learner = cs.learners[0];
    if (learner !== undefined && after?.nodeId !== learner)
      return { type: 'add-voter', nodeId: learner };
    const canAdd = this.nextSpareId <= o.nodes + o.spareNodes;
    const floor = Math.max(1, Math.min(o.minVoters, o.nodes));
    const removable = cs.voters.filter((id) => id !== after?.nodeId);
    const canRemove = cs.voters.length > floor && removable.length > 0;
    const shrink = cs.voters.length > o.nodes || (canRemove && (!canAdd || this.rng.chance(0.5)));
    if (canRemove && shrink) return { type: 'remove-node', nodeId: this.rng.pick(removable) };
    if (canAdd && cs.voters.length <= o.nodes)
      return { type: 'add-learner', nodeId: this.nextSpareId++ };
    return null;
  }

  private proposeConfChange(cc: ConfChange, via: SimNode | undefined): void {
    const res = via?.node?.proposeConfChange(cc);
    this.note(
      `propose ${cc.type} ${cc.nodeId} via ${via?.id ?? 'nobody'}: ${res ? (res.ok ? 'ok' : res.reason) : 'no leader'}`,
    );
  }

  private retryConfChange(): void {
    const op = this.confOp;
    if (!op || this.now - op.proposedAt < 3 * this.opts.electionTick) return;
    op.proposedAt = this.now;
    this.proposeConfChange(op.cc, this.leader());
  }

  private onConfChangeCommitted(cc: ConfChange, index: number): void {
    const next = nextConfState(this.clusterConf, cc);
    this.note(`conf change ${cc.type} ${cc.nodeId} applied${next ? '' : ' (no-op)'}`);
    const mine = this.confOp?.cc;
    if (mine && mine.type === cc.type && mine.nodeId === cc.nodeId) this.confOp = null;
    if (!next) return;
    this.clusterConf = next;
    this.checker.recordConf(index, next);
    this.stats.confChanges++;
    if (next.voters.length === 1) this.stats.loneVoterConfs++;
    if (cc.type === 'add-learner' && !this.nodes.has(cc.nodeId)) {
      this.addNode(cc.nodeId, new MemoryStorage());
    } else if (cc.type === 'remove-node') {
      const sn = this.nodes.get(cc.nodeId);
      if (sn) {
        // It may not know yet: it keeps running (and campaigning) for a while, as real ones do.
        sn.removed = true;
        sn.removedAt = index;
        sn.stopAt = this.now + this.rng.int(this.opts.removedLingerTicksMax + 1);
      }
    }
    // Back to back: the next change goes in as soon as this one applied.
    if (this.faulty && this.opts.confBurstMax > 1 && this.rng.chance(0.5)) this.membership();
  }

  /**
   * Removed members that kept running stop when their time is up and a member leads with the
   * removal committed on its disk (as a careful operator waits: the rest may learn that commit
   * only from the removed member; a last voter that crashed and forgot it would be stuck).
   */
  private stopRemoved(): void {
    for (const sn of this.nodes.values()) {
      if (sn.removed && sn.node && !sn.stopped) this.stats.removedRunningTicks++;
      if (!sn.removed || sn.stopped || sn.stopAt > this.now) continue;
      const lead = this.leader();
      if (!lead?.node || lead.removed || durableCommit(lead) < sn.removedAt) continue;
      sn.stopped = true;
      sn.crash(Infinity);
      this.note(`removed node ${sn.id} stops`);
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
          : `node ${sn.id}: ${sn.stopped ? 'removed' : sn.removed ? 'removed, down' : 'down'}`,
      );
    }
    return parts.join('; ');
  }
}

/**
 * Raft's only use of randomness is its election timeout in [electionTick, 2·electionTick):
 * with probability `minRate` this picks the minimum, where elections meet lease boundaries
 * (in the safety phase only: the liveness phase needs Raft's own randomization).
 */
function timeoutRandom(r: Xoshiro128, minRate: number, biased: () => boolean): Random {
  return {
    int: (n: number) => (minRate > 0 && biased() && r.chance(minRate) ? 0 : r.int(n)),
    float: () => r.float(),
  };
}

const NO_FAULTS: LinkFaults = {
  dropRate: 0,
  dupRate: 0,
  maxDelayTicks: 0,
  longDelayRate: 0,
  longDelayTicksMin: 0,
};

/** apps/coordinator's test for the early send: does the Ready change the durable term or vote? */
function changesTermOrVote(rd: Ready, durable: HardState): boolean {
  const hs = rd.hardState;
  return hs !== null && (hs.term !== durable.term || hs.vote !== durable.vote);
}

/** Commit index a node would restart with. */
function durableCommit(sn: SimNode): number {
  return Math.max(sn.storage.hardStateNow().commit, sn.storage.snapshot().metadata.index);
}

/** A hard state never records a commit below the snapshot (apps/coordinator's clampCommit). */
function clampCommit(hs: HardState, snapshotIndex: number): HardState {
  return hs.commit >= snapshotIndex ? hs : { ...hs, commit: snapshotIndex };
}

/** A client write: its id as 4 little-endian bytes plus 4 bytes of padding. */
function writePayload(id: number): Uint8Array {
  return Uint8Array.of(id & 0xff, (id >>> 8) & 0xff, (id >>> 16) & 0xff, id >>> 24, 0, 0, 0, 0);
}

/** Runs one seed with the given options. */
export function runSimulation(opts: SimOptions): SimResult {
  return new Simulation(opts).run();
}
