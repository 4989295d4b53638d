/**
 * The shell around the Raft core: real time in, durable storage and the network out.
 *
 * One loop, never two at once: `ready → persist (one synced RocksDB batch) → send → apply →
 * advance`. Proposals that arrive while a batch is being persisted wait in a queue and go into
 * the next Ready together, so many client writes share one fsync (group commit) and one
 * AppendEntries per follower (batching).
 */
import { crc32c } from '@node-rs/crc32';
import {
  message,
  RawNode,
  Xoshiro128,
  type ConfChange,
  type ConfState,
  type Entry,
  type HardState,
  type Message,
  type NodeId,
  type ReadOnlyOption,
  type Ready,
  type Role,
  type Snapshot,
} from '@tributary/raft';
import {
  CoordStateMachine,
  decodeCommand,
  encodeCommand,
  type ApplyOutput,
  type Command,
  type CoordOptions,
  decodeSnapshot,
  encodeSnapshotIncrementally,
} from '@tributary/coord-state';
import { tributaryError, TributaryError, type Logger } from '@tributary/rpc';
import type { DurableRaftStorage } from '../storage/raft-storage';
import type { Clock } from './clock';
import { checkPeerBatch, type PeerVerdict } from './peer-guard';
import { frameProposal, unframeProposal } from './proposal-frame';
import { ReadBatcher } from './read-batcher';
import type { NodeMetrics } from './node-metrics';

/** Bytes of a snapshot image copied into one buffer per turn of the event loop. */
const JOIN_STEP_BYTES = 4 * 1024 * 1024;

/**
 * Everything the node takes from its environment, so that a simulator can drive it: the
 * process shell passes a monotonic clock, `setImmediate` and a random seed; the simulator its
 * own clock per member, its own run queue and the run's seed.
 */
export interface NodeEnv {
  /** Monotonic milliseconds. */
  clock: Clock;
  /** Runs `fn` after the current turn of the event loop. */
  defer(fn: () => void): void;
  /** Seeds the randomized election timeouts and the snapshot jitter. */
  seed: number;
}

export interface ConsensusOptions {
  id: NodeId;
  tickMs: number;
  electionTicks: number;
  /**
   * 'safe': a linearizable read confirms leadership with a heartbeat round (ReadIndex).
   * 'lease': the leader answers from its lease without that round; correct only while clock
   * rates drift by less than the election timeout allows (see libs/raft ReadOnlyOption).
   */
  readMode: ReadOnlyOption;
  /** Lease mode: members' tick rates stay within 1 ± this of real time (shortens the lease). */
  maxClockDriftRatio: number;
  heartbeatTicks: number;
  /** A client write not applied within this long fails with TIMEOUT (outcome unknown). */
  requestTimeoutMs: number;
  /** Writes proposed here and not yet answered; more are refused (LIMIT_EXCEEDED). */
  pendingProposalsMax: number;
  /** Take a state snapshot and compact the log after this many applied entries. */
  snapshotEveryEntries: number;
  /** ...or once the entries applied since the last snapshot hold this many bytes. */
  snapshotEveryBytes: number;
  /** Entries kept behind a snapshot for followers that are only a little behind. */
  snapshotKeepEntries: number;
  coord: Partial<CoordOptions>;
}

/** What the services layer hears about, in apply order. */
export interface NodeHooks {
  applied(output: ApplyOutput): void;
  /** The state machine was replaced by a snapshot from the leader. */
  restored(): void;
  roleChanged(role: Role, leader: NodeId): void;
  confChanged(conf: ConfState): void;
  fatal(error: Error): void;
}

interface Pending {
  resolve: (output: ApplyOutput) => void;
  reject: (error: Error) => void;
  /** When the client is answered TIMEOUT if the write has not been applied. */
  deadlineMs: number;
  /** When it was proposed (env clock), for tributary_raft_proposal_seconds. */
  proposedMs: number;
}

export class ConsensusNode {
  readonly raw: RawNode;
  sm: CoordStateMachine;
  role: Role = 'follower';
  leader: NodeId = 0;
  confState: ConfState;
  appliedIndex: number;
  /** Term of the last entry applied (of the snapshot, after one is installed or loaded). */
  appliedTerm: number;

  private readonly reads: ReadBatcher;
  private readonly pending = new Map<number, Pending>();
  /** `term`: only propose while still leading in this term (else refuse; see proposeAsLeader). */
  private queue: Array<{ seq: number; data: Uint8Array; term?: number }> = [];
  private appliedWaiters: Array<{ index: number; resolve: () => void }> = [];
  private confWaiter: {
    cc: ConfChange;
    resolve: (c: ConfState) => void;
    reject: (e: Error) => void;
  } | null = null;
  /** Members removed by a membership change this process applied (their traffic is refused). */
  private readonly removed = new Set<NodeId>();
  private seq = 0;
  private looping = false;
  private stopped = false;
  private snapshotIndex: number;
  /** Bytes of entry data applied since the last snapshot (a snapshot is due past a bound). */
  private bytesSinceSnapshot = 0;
  private compaction: Promise<void> | null = null;
  private unsavedHardState: HardState | null = null;
  private durableHardState: HardState;
  /** Entries between snapshots, jittered ±20% per node so members do not all pause at once. */
  private readonly snapshotInterval: number;
  send: (messages: Message[]) => void = () => undefined;

  constructor(
    private readonly opts: ConsensusOptions,
    private readonly storage: DurableRaftStorage,
    private readonly hooks: NodeHooks,
    private readonly metrics: NodeMetrics,
    private readonly log: Logger,
    private readonly env: NodeEnv,
  ) {
    const snapshot = storage.snapshot();
    this.snapshotIndex = snapshot.metadata.index;
    this.appliedIndex = snapshot.metadata.index;
    this.appliedTerm = snapshot.metadata.term;
    this.confState = storage.initialState().confState;
    this.durableHardState = storage.initialState().hardState;
    this.sm = this.restoreState(snapshot);
    this.raw = new RawNode(
      {
        id: opts.id,
        electionTick: opts.electionTicks,
        heartbeatTick: opts.heartbeatTicks,
        random: new Xoshiro128(env.seed),
        applied: snapshot.metadata.index,
        checkQuorum: true,
        preVote: true,
        readOnlyOption: opts.readMode,
        maxClockDriftRatio: opts.maxClockDriftRatio,
        maxInflightMsgs: 256,
        maxSizePerMsgBytes: 1024 * 1024,
        maxUncommittedEntriesBytes: 256 * 1024 * 1024,
      },
      storage,
    );
    const jitter = new Xoshiro128(env.seed ^ 0x5eed).float();
    this.snapshotInterval = Math.round(opts.snapshotEveryEntries * (0.8 + 0.4 * jitter));
    this.reads = new ReadBatcher(opts.id, this.readPort(), opts.tickMs * opts.electionTicks * 2);
  }

  start(): void {
    this.kick();
  }

  /** One Raft tick; the shell calls it every `tickMs`. */
  tick(): void {
    if (this.stopped) return;
    this.raw.tick();
    this.expireProposals(this.env.clock());
    this.kick();
  }

  /** Feeds a message from a peer. */
  step(m: Message): void {
    if (this.stopped) return;
    this.raw.step(m);
    this.kick();
  }

  /** Feeds a batch received from the network, unless the guard refuses it (then nothing). */
  stepPeerBatch(from: NodeId, messages: Message[]): PeerVerdict {
    const verdict = checkPeerBatch(from, messages, this.opts.id, this.confState, this.removed);
    if (verdict.ok) for (const m of messages) this.step(m);
    return verdict;
  }

  /** Counts a peer batch the RaftService refused (by the guard or before it). */
  refusedPeerBatch(reason: string): void {
    this.metrics.refusedPeerBatch(reason);
  }

  /** Installs a snapshot received over InstallSnapshot by stepping it into Raft. */
  stepSnapshot(from: NodeId, term: number, snapshot: Snapshot): void {
    this.step(message({ type: 'snap', from, to: this.opts.id, term, snapshot }));
  }

  reportUnreachable(peer: NodeId): void {
    if (!this.stopped) this.raw.reportUnreachable(peer);
  }

  reportSnapshot(peer: NodeId, ok: boolean): void {
    if (this.stopped) return;
    this.raw.reportSnapshot(peer, ok);
    this.kick();
  }

  /**
   * Proposes a decision this leader took on its own (a session expiry): it is appended only
   * while this member still leads in the term it leads now, never forwarded to a newer leader
   * that has decided otherwise.
   */
  proposeAsLeader(cmd: Command): Promise<ApplyOutput> {
    const term = this.raw.term;
    if (this.role !== 'leader')
      return Promise.reject(tributaryError('NOT_LEADER', 'only the leader decides this'));
    return this.propose(cmd, term);
  }

  /** Replicates a command; resolves with its result once applied on this node. */
  propose(cmd: Command, onlyInTerm?: number): Promise<ApplyOutput> {
    if (this.stopped)
      return Promise.reject(
        tributaryError('SHUTTING_DOWN', 'this coordinator is shutting down; retry on another'),
      );
    if (this.leader === 0)
      return Promise.reject(
        tributaryError('NO_LEADER', 'the cluster has no leader right now; retry shortly'),
      );
    if (this.pending.size >= this.opts.pendingProposalsMax)
      return Promise.reject(
        tributaryError(
          'LIMIT_EXCEEDED',
          `${this.pending.size} writes are already waiting on this coordinator (--max-pending-proposals); retry shortly`,
          { retryDelayMs: 50 },
        ),
      );
    let command: Uint8Array;
    try {
      command = encodeCommand(cmd);
    } catch (error) {
      // The codec takes only what it can write back exactly: a negative session id, version
      // or TTL, or one past 2^53, is the caller's mistake, not ours.
      if (!(error instanceof RangeError)) throw error;
      return Promise.reject(
        tributaryError(
          'INVALID_ARGUMENT',
          `a number in the request is out of range: ${error.message}`,
        ),
      );
    }
    const seq = ++this.seq;
    const id = { origin: this.opts.id, incarnation: this.storage.incarnation, seq };
    const data = frameProposal(id, command);
    const proposedMs = this.env.clock();
    const deadlineMs = proposedMs + this.opts.requestTimeoutMs;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, deadlineMs, proposedMs });
      this.queue.push({ seq, data, term: onlyInTerm });
      this.kick();
    });
  }

  /**
   * Fails proposals not applied by their deadline (checked each tick: one sweep instead of a
   * timer per write). `pending` iterates in proposal order, so the sweep stops at the first
   * proposal still in time.
   */
  private expireProposals(nowMs: number): void {
    for (const [seq, p] of this.pending) {
      if (p.deadlineMs > nowMs) return;
      const message = `not applied within ${this.opts.requestTimeoutMs} ms; the write may or may not have happened`;
      this.settle(seq, undefined, tributaryError('TIMEOUT', message));
    }
  }

  /** Resolves when a read of the local state machine is linearizable (ReadIndex). */
  linearizableRead(): Promise<void> {
    const p = this.reads.read();
    this.kick();
    return p;
  }

  proposeConfChange(cc: ConfChange): Promise<ConfState> {
    if (this.confWaiter)
      return Promise.reject(
        tributaryError(
          'CONF_CHANGE_IN_PROGRESS',
          'another membership change is in progress; retry when it completes',
        ),
      );
    const res = this.raw.proposeConfChange(cc);
    if (!res.ok)
      return Promise.reject(
        tributaryError(
          res.reason === 'not-leader' || res.reason === 'no-leader'
            ? 'NOT_LEADER'
            : 'CONF_CHANGE_IN_PROGRESS',
          `membership change refused: ${res.reason}`,
        ),
      );
    this.kick();
    return new Promise((resolve, reject) => (this.confWaiter = { cc, resolve, reject }));
  }

  /**
   * A leader that has applied an entry of its own term has applied everything earlier leaders
   * committed or will ever commit (Raft commits old-term entries only together with one of the
   * current term).
   */
  leaderCaughtUp(): boolean {
    return this.role === 'leader' && this.appliedTerm === this.raw.term;
  }

  /** Writes proposed here and not yet answered (bounded by pendingProposalsMax). */
  get pendingProposals(): number {
    return this.pending.size;
  }

  waitApplied(index: number): Promise<void> {
    if (this.appliedIndex >= index) return Promise.resolve();
    return new Promise((resolve) => this.appliedWaiters.push({ index, resolve }));
  }

  private readPort() {
    return {
      requestReadIndex: (context: string) => this.leader !== 0 && this.raw.readIndex(context).ok,
      waitApplied: (index: number) => this.waitApplied(index),
    };
  }

  private kick(): void {
    if (this.looping || this.stopped) return;
    this.looping = true;
    this.env.defer(() => void this.loop());
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) return;
        this.flushProposals();
        this.reads.flush(this.env.clock());
        if (!this.raw.hasReady()) return;
        const rd = this.raw.ready();
        await this.handleReady(rd);
        this.raw.advance(rd);
        this.maybeSnapshot();
      }
    } catch (error) {
      this.stopped = true;
      this.hooks.fatal(error as Error);
    } finally {
      this.looping = false;
    }
  }

  private flushProposals(): void {
    if (this.queue.length === 0) return;
    const term = this.raw.term;
    const leading = this.role === 'leader';
    const batch = this.queue.filter((p) => {
      if (p.term === undefined || (leading && p.term === term)) return true;
      this.settle(
        p.seq,
        undefined,
        tributaryError('NOT_LEADER', `no longer leader of term ${p.term}`),
      );
      return false;
    });
    this.queue = [];
    if (batch.length === 0) return;
    const res = this.raw.proposeBatch(batch.map((p) => p.data));
    this.metrics.proposalBatch(batch.length);
    if (res.ok) return;
    const reason = res.reason === 'no-leader' ? 'NO_LEADER' : 'NOT_LEADER';
    for (const p of batch)
      this.settle(
        p.seq,
        undefined,
        tributaryError(reason, `proposal refused (${res.reason}); retry shortly`),
      );
  }

  private async handleReady(rd: Ready): Promise<void> {
    if (rd.softState) this.onSoftState(rd.softState.role, rd.softState.leader);
    if (rd.hardState) this.unsavedHardState = rd.hardState;
    if (rd.snapshot) {
      await this.compaction;
      // The snapshot, this Ready's term and vote and the end of the replaced log: one batch.
      // A commit beyond the snapshot waits for the entries it covers (persisted just below).
      const hs = this.unsavedHardState;
      const index = rd.snapshot.metadata.index;
      await this.storage.installSnapshot(rd.snapshot, hs);
      if (hs) this.durableHardState = { ...hs, commit: index };
      if (hs && hs.commit <= index) this.unsavedHardState = null;
      this.installSnapshot(rd.snapshot);
    }
    // A leader sends before writing when the Ready changes neither term nor vote: followers
    // then write in parallel with it, and Raft counts its own copy only once durable.
    const early = this.role === 'leader' && !this.changesTermOrVote(rd);
    if (early && rd.messages.length > 0) this.send(rd.messages);
    // A hard state whose only change is the commit index need not be durable (Raft recovers
    // commit from the log), so it waits for the next write instead of costing one of its own.
    if (rd.entries.length > 0 || rd.mustSync) {
      const started = this.env.clock();
      const hardState = this.unsavedHardState;
      await this.storage.persist({ hardState, entries: rd.entries, sync: rd.mustSync });
      this.unsavedHardState = null;
      if (hardState) this.durableHardState = hardState;
      this.metrics.persisted(rd.entries.length, (this.env.clock() - started) / 1000);
    }
    if (!early && rd.messages.length > 0) this.send(rd.messages);
    for (const e of rd.committedEntries) this.applyEntry(e);
    for (const rs of rd.readStates) this.reads.onReadState(rs.context, rs.index);
    this.releaseAppliedWaiters();
  }

  private changesTermOrVote(rd: Ready): boolean {
    const hs = rd.hardState;
    return (
      hs !== null &&
      (hs.term !== this.durableHardState.term || hs.vote !== this.durableHardState.vote)
    );
  }

  private onSoftState(role: Role, leader: NodeId): void {
    const leaderChanged = leader !== this.leader;
    if (role === this.role && !leaderChanged) return;
    this.role = role;
    this.leader = leader;
    this.log.info({ role, leader, term: this.raw.term }, 'raft role changed');
    if (leaderChanged && leader !== 0) this.metrics.leaderChanged();
    if (leaderChanged) {
      // A proposal forwarded to a leader that is gone may be lost or may still commit: answer
      // its client now (outcome unknown) instead of at the request timeout.
      const message = `leader changed to ${leader || 'none'} while the write was in flight; it may or may not have been applied`;
      for (const seq of [...this.pending.keys()])
        this.settle(seq, undefined, tributaryError('LEADER_CHANGED', message));
      // Likewise a membership change: else this member refused every later one, forever.
      this.confWaiter?.reject(tributaryError('LEADER_CHANGED', message));
      this.confWaiter = null;
    }
    this.hooks.roleChanged(role, leader);
  }

  private applyEntry(e: Entry): void {
    this.appliedTerm = e.term;
    if (e.type === 'conf-change') {
      const before = this.confState;
      this.confState = this.raw.applyConfChangeEntry(e);
      this.noteRemovals(before, this.confState);
      this.hooks.confChanged(this.confState);
      if (this.confWaiter) {
        this.confWaiter.resolve(this.confState);
        this.confWaiter = null;
      }
    } else if (e.data.length > 0) {
      this.applyCommand(e);
    }
    this.appliedIndex = e.index;
    this.bytesSinceSnapshot += e.data.length;
    this.metrics.applied(e.index);
  }

  private applyCommand(e: Entry): void {
    const frame = unframeProposal(e.data);
    const decoded = frame ? decodeCommand(frame.command) : undefined;
    const mine = frame?.origin === this.opts.id && frame.incarnation === this.storage.incarnation;
    if (!frame || !decoded?.ok) {
      // The leader refuses such proposals, so this entry came from an older or buggy member.
      // Every replica skips the same bytes the same way, so the state machines stay identical.
      const problem = decoded && !decoded.ok ? decoded.error.message : 'short frame';
      this.log.error(
        { index: e.index, bytes: e.data.length },
        `skipped an entry that does not decode: ${problem}`,
      );
      this.metrics.undecodableEntry();
      if (frame && mine)
        this.settle(
          frame.seq,
          undefined,
          tributaryError('INTERNAL', `entry ${e.index} does not decode: ${problem}`),
        );
      return;
    }
    const output = this.sm.apply(e.index, decoded.value);
    this.hooks.applied(output);
    if (mine) this.settle(frame.seq, output);
  }

  private settle(seq: number, output: ApplyOutput | undefined, error?: Error): void {
    const p = this.pending.get(seq);
    if (!p) return;
    this.pending.delete(seq);
    if (output) {
      this.metrics.proposalApplied((this.env.clock() - p.proposedMs) / 1000);
      p.resolve(output);
    } else {
      this.metrics.proposalFailed(error instanceof TributaryError ? error.reason : 'INTERNAL');
      p.reject(error as Error);
    }
  }

  private releaseAppliedWaiters(): void {
    if (this.appliedWaiters.length === 0) return;
    const ready = this.appliedWaiters.filter((w) => w.index <= this.appliedIndex);
    this.appliedWaiters = this.appliedWaiters.filter((w) => w.index > this.appliedIndex);
    for (const w of ready) w.resolve();
  }

  private noteRemovals(before: ConfState, after: ConfState): void {
    const now = [...after.voters, ...after.learners];
    for (const id of [...before.voters, ...before.learners])
      if (!now.includes(id)) this.removed.add(id);
    for (const id of now) this.removed.delete(id);
  }

  private installSnapshot(snapshot: Snapshot): void {
    this.sm = this.restoreState(snapshot);
    // A snapshot stands for every conf change up to it: the members it no longer names were
    // removed, and their traffic is refused from now on, as if we had applied the removals.
    // (Else a removed leader kept this follower, and so the cluster, from electing anyone.)
    this.noteRemovals(this.confState, snapshot.metadata.confState);
    this.confState = snapshot.metadata.confState;
    this.appliedIndex = snapshot.metadata.index;
    this.appliedTerm = snapshot.metadata.term;
    this.snapshotIndex = snapshot.metadata.index;
    this.bytesSinceSnapshot = 0;
    this.log.info(
      { index: snapshot.metadata.index, bytes: snapshot.data.length },
      'installed snapshot from leader',
    );
    this.hooks.confChanged(this.confState);
    this.hooks.restored();
  }

  /** The state machine of a snapshot image (docs/snapshot-format.md); a bad image is fatal. */
  private restoreState(snapshot: Snapshot): CoordStateMachine {
    if (snapshot.data.length === 0) return new CoordStateMachine(this.opts.coord);
    const decoded = decodeSnapshot(snapshot.data, { crc32c });
    if (!decoded.ok) {
      const { code, offset, message } = decoded.error;
      throw new Error(
        `the snapshot image at index ${snapshot.metadata.index} does not decode (${code} at byte ${offset}): ${message}`,
      );
    }
    return decoded.value;
  }

  /**
   * Snapshots the state machine and compacts the log every `snapshotEveryEntries`. The image is
   * of the state at this call, built a chunk per turn of the event loop (heartbeats, appends and
   * applies run in between), then written and the old log deleted in the background. The
   * entries it deletes are below the snapshot and never overwritten, so the write cannot
   * conflict with the loop's own writes.
   */
  private maybeSnapshot(): void {
    if (this.compaction) return;
    const due =
      this.appliedIndex - this.snapshotIndex >= this.snapshotInterval ||
      this.bytesSinceSnapshot >= this.opts.snapshotEveryBytes;
    if (!due) return;
    this.snapshotIndex = this.appliedIndex;
    this.bytesSinceSnapshot = 0;
    this.compaction = this.takeSnapshot()
      .catch((error: Error) => this.hooks.fatal(error))
      .finally(() => (this.compaction = null));
  }

  private async takeSnapshot(): Promise<void> {
    const started = this.env.clock();
    const { sm, appliedIndex: index, confState } = this;
    const chunks = encodeSnapshotIncrementally(sm, { crc32c });
    const parts: Uint8Array[] = [];
    let longestChunkMs = 0;
    for (;;) {
      const chunkStarted = this.env.clock();
      const next = chunks.next();
      longestChunkMs = Math.max(longestChunkMs, this.env.clock() - chunkStarted);
      if (next.done) break;
      parts.push(next.value);
      await new Promise<void>((resolve) => this.env.defer(resolve));
      // A snapshot from the leader replaced this state, or we are stopping: abandon the image.
      if (this.sm !== sm || this.stopped) {
        chunks.return(undefined);
        return;
      }
    }
    // Joined a few MiB per turn too: one Buffer.concat of a large image faults in all its pages
    // at once, a pause of 100–200 ms at 32 MiB.
    const data = Buffer.allocUnsafeSlow(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    let longestJoinStepMs = 0;
    for (let k = 0; k < parts.length;) {
      const stepStarted = this.env.clock();
      for (const stepEnd = at + JOIN_STEP_BYTES; k < parts.length && at < stepEnd; k++) {
        data.set(parts[k]!, at);
        at += parts[k]!.length;
      }
      longestJoinStepMs = Math.max(longestJoinStepMs, this.env.clock() - stepStarted);
      await new Promise<void>((resolve) => this.env.defer(resolve));
      if (this.sm !== sm || this.stopped) return;
    }
    await this.storage.compact(index, confState, data, {
      entries: this.opts.snapshotKeepEntries,
      bytes: this.opts.snapshotEveryBytes,
    });
    const ms = Math.round(this.env.clock() - started);
    this.log.info(
      {
        index,
        bytes: data.length,
        chunks: parts.length,
        longestChunkMs: Math.round(longestChunkMs * 10) / 10,
        longestJoinStepMs: Math.round(longestJoinStepMs * 10) / 10,
        ms,
      },
      'took state snapshot and compacted the log',
    );
  }

  /** Stops ticking and fails everything waiting. The caller closes storage afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.reads.close();
    for (const seq of [...this.pending.keys()])
      this.settle(
        seq,
        undefined,
        tributaryError(
          'SHUTTING_DOWN',
          'this coordinator is shutting down; the write may or may not have happened',
        ),
      );
    while (this.looping) await new Promise<void>((r) => this.env.defer(r));
    await this.compaction;
  }
}
