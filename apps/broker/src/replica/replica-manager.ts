/**
 * The partitions one broker holds replicas of: it becomes leader or follower of each as the
 * metadata says (leader-epoch fencing), serves produce, fetch and offsets on the partitions it
 * leads, answers followers' ReplicaFetch, runs one follower fetch loop per leader broker, and
 * sends ISR changes. The decisions live in @tributary/replication; this is the glue between
 * them, the LogStore and the ports, so the broker process and the simulation run the same code.
 */
import { storedFromWire, wireFromStored, type LogStore } from '@tributary/log-store';
import { PartitionLeader } from '@tributary/replication';
import { CompressionCode, tributaryError, validateBatch, verifyRecords } from '@tributary/rpc';
import type { FetchRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchRequest';
import type { FetchResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchResponse';
import type { ListOffsetsRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ListOffsetsRequest';
import type { ListOffsetsResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ListOffsetsResponse';
import type { OffsetForLeaderEpochRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { ProduceRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceRequest';
import type { ProduceResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceResponse';
import type { ReplicaFetchRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchResponse';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { TopicInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import { notLeader, shuttingDown, unknownTopic, type ReplicaContext } from './context';
import { FollowerFetcher } from './follower-fetcher';
import {
  assignmentOf,
  handleReplicaFetch,
  highWatermarkAdvanced,
  leaderAppended,
  leaderOf,
  maybeAlterIsr,
  offsetForLeaderEpoch,
  stillLeads,
} from './leader-side';
import { PartitionReplica, type FollowerRole } from './partition-replica';
import { DEFAULT_REPLICA_OPTIONS, type ReplicaManagerOptions, type ReplicaPorts } from './ports';
import { realTimer, type SetTimer } from './timer';
import { topicSettings } from './topic-settings';

export type { ReplicaManagerOptions, ReplicaPorts } from './ports';

/** Produce timeout_ms 0 means this (broker.proto). */
const PRODUCE_TIMEOUT_DEFAULT_MS = 30_000;
/** A compressed batch inflating past this is refused CORRUPT_RECORD (a decompression bomb). */
const INFLATED_BATCH_MAX_BYTES = 64 * 1024 * 1024;
/** Fetch max_bytes 0 means this; larger asks are capped at the request limit. */
const FETCH_BYTES_DEFAULT = 1024 * 1024;
const FETCH_BYTES_MAX = 16 * 1024 * 1024;
/** Longest a consumer Fetch long-polls, whatever its max_wait_ms: a call is never held forever. */
export const FETCH_WAIT_MS_MAX = 30_000;
/**
 * High watermarks reach disk with their partition's next write, and at least this often (as
 * Kafka's replica.high.watermark.checkpoint.interval.ms), so a leader restarted after kill -9
 * starts from a recent one rather than the last it wrote with data.
 */
const HW_CHECKPOINT_INTERVAL_MS = 5_000;

/** One replica's state, for metrics, tests and the simulation's checks. */
export interface ReplicaState {
  role: 'leader' | 'follower' | 'offline';
  leaderEpoch: number;
  leader: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  isr: readonly number[];
  /** Leader only: the ISR the high watermark waits for (with a pending change). */
  maximalIsr: readonly number[];
}

const key = (topic: string, partition: number) => `${topic}/${partition}`;

function stateOf(r: PartitionReplica): ReplicaState {
  const core = r.role.kind === 'leader' ? r.role.core : undefined;
  return {
    role: r.role.kind,
    leaderEpoch: r.leaderEpoch,
    leader: r.info.leader,
    logStartOffset: r.log.logStartOffset,
    logEndOffset: r.log.logEndOffset,
    highWatermark: core?.highWatermark ?? r.log.highWatermark,
    isr: core?.isr ?? r.info.isr,
    maximalIsr: core?.maximalIsr() ?? r.info.isr,
  };
}

export class ReplicaManager {
  private readonly opts: ReplicaManagerOptions;
  private readonly setTimer: SetTimer;
  private readonly ctx: ReplicaContext;
  private readonly replicas = new Map<string, PartitionReplica>();
  private readonly topics = new Map<string, TopicInfo__Output>();
  private readonly fetchers = new Map<number, FollowerFetcher>();
  private brokerEpoch = -1;
  /** Whether replicas take the roles the metadata gives (after the first setBrokerEpoch). */
  private takesRoles = false;
  private closed = false;
  /** applyMetadata calls run one after another, in call order. */
  private metadataQueue: Promise<unknown> = Promise.resolve();
  private lastCleanupMs = -Infinity;
  private lastCheckpointMs = -Infinity;
  private cleaning = false;

  constructor(
    readonly brokerId: number,
    private readonly store: LogStore,
    private readonly ports: ReplicaPorts,
    opts: Partial<ReplicaManagerOptions> = {},
  ) {
    this.opts = { ...DEFAULT_REPLICA_OPTIONS, ...opts };
    this.setTimer = ports.setTimer ?? realTimer;
    this.ctx = {
      brokerId,
      ports,
      opts: this.opts,
      setTimer: this.setTimer,
      log: ports.log,
      brokerEpoch: () => this.brokerEpoch,
      closed: () => this.closed,
      replica: (topic, partition) => this.replicas.get(key(topic, partition)),
      replicas: () => this.replicas.values(),
      knowsTopic: (topic) => this.topics.has(topic),
    };
  }

  /**
   * The broker epoch of this process's registration; call it once the metadata applied
   * includes that registration. Until the first call no replica takes a role: a process
   * restarted within its predecessor's session TTL sees metadata naming it leader in the old
   * leader epoch, but its log may now be shorter than what that leader acknowledged (start-up
   * verification cut it, or the disk lost unsynced writes), and followers would truncate to
   * it. The controller moves those leaderships when the old session ends, which is before this
   * process can register, so the metadata that includes the registration is safe to act on.
   */
  setBrokerEpoch(epoch: number): Promise<void> {
    this.brokerEpoch = epoch;
    return this.enqueue(async () => {
      if (this.takesRoles || this.closed) return;
      this.takesRoles = true;
      for (const r of [...this.replicas.values()]) await this.applyPartition(r, r.info);
    });
  }

  /**
   * Applies metadata: `topics` are complete views of the topics that changed, `deletedTopics`
   * names topics gone. Partitions this broker is a replica of are opened and take the role the
   * metadata gives (an older leader epoch than the one applied is ignored); replicas no longer
   * assigned, of deleted or re-created topics, are closed and their data deleted.
   */
  applyMetadata(topics: TopicInfo__Output[], deletedTopics: string[]): Promise<void> {
    return this.enqueue(() => this.applyMetadataNow(topics, deletedTopics));
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const run = this.metadataQueue.then(fn);
    this.metadataQueue = run.catch(() => undefined);
    return run;
  }

  private async applyMetadataNow(topics: TopicInfo__Output[], deletedTopics: string[]) {
    if (this.closed) return;
    for (const name of deletedTopics) {
      this.topics.delete(name);
      for (const r of [...this.replicas.values()]) if (r.topic === name) await this.remove(r);
      await this.deleteUnopened(name, () => true);
    }
    for (const t of topics) {
      this.topics.set(t.name, t);
      const settings = topicSettings(t.configs ?? {});
      const assigned = new Set<number>();
      for (const p of t.partitions) {
        if (!p.replicas.includes(this.brokerId)) continue;
        assigned.add(p.partition);
        let r = this.replicas.get(key(t.name, p.partition));
        if (r && r.log.topicId !== t.topic_id) {
          await this.remove(r);
          r = undefined;
        }
        if (r === undefined) {
          const log = await this.store.openPartition(t.name, p.partition, t.topic_id);
          r = new PartitionReplica(log, p, settings, this.setTimer);
          this.replicas.set(key(t.name, p.partition), r);
        }
        r.settings = settings;
        await this.applyPartition(r, p);
      }
      for (const r of [...this.replicas.values()])
        if (r.topic === t.name && !assigned.has(r.partition)) await this.remove(r);
      await this.deleteUnopened(t.name, (partition) => !assigned.has(partition));
    }
  }

  /**
   * Deletes stored logs of `topic` this manager never opened (found at startup) for which
   * `gone(partition)` holds: a topic deleted, or a replica moved away, while this broker was down.
   */
  private async deleteUnopened(topic: string, gone: (partition: number) => boolean) {
    for (const log of this.store.list())
      if (
        log.topic === topic &&
        gone(log.partition) &&
        !this.replicas.has(key(topic, log.partition))
      )
        await this.store.deletePartition(topic, log.partition);
  }

  private async applyPartition(r: PartitionReplica, p: PartitionInfo__Output): Promise<void> {
    if (!this.takesRoles) {
      // Kept for setBrokerEpoch, which takes the role of the newest.
      const q = r.info;
      if (
        p.leader_epoch > q.leader_epoch ||
        (p.leader_epoch === q.leader_epoch && p.partition_epoch > q.partition_epoch)
      )
        r.info = p;
      return;
    }
    if (p.leader_epoch < r.leaderEpoch) return;
    if (p.leader_epoch === r.leaderEpoch) {
      if (p.partition_epoch <= r.info.partition_epoch) return;
      r.info = p;
      if (r.role.kind === 'leader' && r.role.core.metadataChanged(assignmentOf(p)))
        highWatermarkAdvanced(r, r.role.core);
      // Made leader while not in the ISR, now in it: take the role now.
      if (r.role.kind === 'offline' && p.leader === this.brokerId)
        await r.exclusive(() => this.becomeLeader(r, p.leader_epoch));
      return;
    }
    r.info = p;
    r.role = { kind: 'offline', leaderEpoch: p.leader_epoch };
    const moved = notLeader(this.ctx, r.name, p.leader, `, in leader epoch ${p.leader_epoch}`);
    r.hwWaiters.failAll(moved);
    r.endWaiters.wakeAll();
    if (p.leader === this.brokerId) await r.exclusive(() => this.becomeLeader(r, p.leader_epoch));
    else if (p.leader >= 0) this.becomeFollower(r, p.leader, p.leader_epoch);
  }

  private async becomeLeader(r: PartitionReplica, epoch: number): Promise<void> {
    // Later metadata of the same epoch (an ISR change) may have arrived while this waited.
    if (r.role.kind !== 'offline' || r.role.leaderEpoch !== epoch || this.closed) return;
    const info = r.info;
    if (!info.isr.includes(this.brokerId)) {
      this.ports.log?.error(
        { partition: r.name, isr: info.isr },
        'made leader while not in the ISR',
      );
      return;
    }
    const log = r.log;
    const core = new PartitionLeader({
      brokerId: this.brokerId,
      leaderEpoch: epoch,
      partitionEpoch: info.partition_epoch,
      replicas: info.replicas,
      isr: info.isr,
      epochStartOffset: log.logEndOffset,
      logEnd: log.logEndOffset,
      highWatermark: Math.min(log.highWatermark, log.logEndOffset),
      nowMs: this.ports.now(),
    });
    r.role = { kind: 'leader', core };
    this.ports.log?.info({ partition: r.name, epoch, logEnd: log.logEndOffset }, 'became leader');
    highWatermarkAdvanced(r, core);
  }

  private becomeFollower(r: PartitionReplica, leaderId: number, epoch: number): void {
    const role: FollowerRole = {
      kind: 'follower',
      leaderId,
      leaderEpoch: epoch,
      ready: false,
      truncated: false,
      retryAtMs: 0,
    };
    r.role = role;
    let fetcher = this.fetchers.get(leaderId);
    if (fetcher === undefined) {
      fetcher = new FollowerFetcher(this.ctx, leaderId);
      this.fetchers.set(leaderId, fetcher);
    }
    const wake = fetcher;
    // The log end is final only once appends from an earlier leadership have settled.
    void r.exclusive(async () => {
      role.ready = true;
      wake.wake();
    });
  }

  private async remove(r: PartitionReplica): Promise<void> {
    this.replicas.delete(key(r.topic, r.partition));
    r.role = { kind: 'offline', leaderEpoch: Number.MAX_SAFE_INTEGER };
    const gone = tributaryError(
      'UNKNOWN_PARTITION',
      `${r.name} is no longer on broker ${this.brokerId}`,
      {
        metadata: { topic: r.topic },
      },
    );
    r.hwWaiters.failAll(gone);
    r.endWaiters.wakeAll();
    await r.exclusive(() => this.store.deletePartition(r.topic, r.partition));
  }

  /** The replica of a partition this broker leads, or the error to answer (NOT_LEADER, …). */
  private leader(topic: string, partition: number, epoch: number | undefined) {
    if (this.closed) throw shuttingDown(this.ctx);
    const t = this.topics.get(topic);
    if (t === undefined) throw unknownTopic(topic);
    const r = this.replicas.get(key(topic, partition));
    if (r === undefined) {
      const p = t.partitions.find((x) => x.partition === partition);
      if (p === undefined)
        throw tributaryError(
          'UNKNOWN_PARTITION',
          `topic '${topic}' has partitions 0 to ${t.partitions.length - 1}, not ${partition}`,
          { metadata: { topic } },
        );
      throw notLeader(this.ctx, key(topic, partition), p.leader);
    }
    return leaderOf(this.ctx, topic, partition, epoch);
  }

  async produce(req: ProduceRequest__Output): Promise<Omit<ProduceResponse, 'header'>> {
    const { r, core } = this.leader(req.topic, req.partition, req.leader_epoch);
    const batch = req.batch;
    if (batch === null || batch === undefined)
      throw tributaryError('INVALID_ARGUMENT', 'produce without a batch');
    const codec = validateBatch(batch, {
      maxBatchBytes: r.settings.maxMessageBytes,
      nowMs: this.ports.wallClock(),
    });
    const acks = acksOf(req.acks);
    const minIsr = r.settings.minInsyncReplicas;
    if (acks === 'ALL' && !core.enoughInSync(minIsr))
      throw notEnoughReplicas(r.name, core.isr, minIsr, 'before');
    // The CRC covers the bytes as sent, not whether they decompress: a compressed batch is
    // inflated and decoded once here so a corrupt one is refused instead of stored.
    const check =
      codec === CompressionCode.NONE ? undefined : verifyRecords(batch, INFLATED_BATCH_MAX_BYTES);
    const append = r.track(
      r.appendInOrder(check, () => r.log.appendAsLeader(storedFromWire(batch), core.leaderEpoch)),
    );
    if (acks === 'NONE') {
      append.then(
        () => leaderAppended(r, core),
        (error: unknown) =>
          this.ports.log?.debug({ err: error, partition: r.name }, 'acks=NONE append failed'),
      );
      return {
        base_offset: -1,
        log_append_time_ms: -1,
        log_start_offset: r.log.logStartOffset,
        duplicate: false,
      };
    }
    const timeoutMs = req.timeout_ms > 0 ? req.timeout_ms : PRODUCE_TIMEOUT_DEFAULT_MS;
    const deadline = this.ports.now() + timeoutMs;
    const res = await this.beforeDeadline(append, timeoutMs, () =>
      tributaryError(
        'TIMEOUT',
        `${r.name}: the append was not durable within ${timeoutMs} ms; the batch may still be written`,
      ),
    );
    leaderAppended(r, core);
    const answer = {
      base_offset: res.baseOffset,
      log_append_time_ms: res.appendTimeMs,
      log_start_offset: r.log.logStartOffset,
      duplicate: res.duplicate,
    };
    if (acks === 'LEADER') return answer;
    const end = res.baseOffset + batch.record_count;
    if (!stillLeads(r, core))
      throw notLeader(this.ctx, r.name, r.info.leader, ' (leadership moved during the write)');
    if (!core.isCommitted(end)) {
      const reached = await r.hwWaiters.wait(end - 1, deadline - this.ports.now()).promise;
      if (!reached)
        throw tributaryError(
          'TIMEOUT',
          `${r.name}: offsets ${res.baseOffset}..${end - 1} not on every ISR member within ${timeoutMs} ms (ISR ${core.maximalIsr().join(',')}); the batch may still commit`,
        );
    }
    // Kafka's check after the append: committed, but by fewer replicas than the topic demands.
    if (!core.enoughInSync(minIsr)) throw notEnoughReplicas(r.name, core.isr, minIsr, 'after');
    return answer;
  }

  /** `work`'s result, or the error `late` makes once `timeoutMs` passed first. */
  private beforeDeadline<T>(work: Promise<T>, timeoutMs: number, late: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.setTimer(timeoutMs, () => reject(late()));
      work.then(
        (value) => {
          timer.cancel();
          resolve(value);
        },
        (error: unknown) => {
          timer.cancel();
          reject(error);
        },
      );
    });
  }

  async fetch(
    req: FetchRequest__Output,
    isCancelled?: () => boolean,
  ): Promise<Omit<FetchResponse, 'header'>> {
    const { r, core } = this.leader(req.topic, req.partition, req.leader_epoch);
    const maxBytes =
      req.max_bytes > 0 ? Math.min(req.max_bytes, FETCH_BYTES_MAX) : FETCH_BYTES_DEFAULT;
    const minBytes = Math.max(1, req.min_bytes);
    const deadline = this.ports.now() + Math.min(Math.max(0, req.max_wait_ms), FETCH_WAIT_MS_MAX);
    for (;;) {
      if (!stillLeads(r, core)) throw notLeader(this.ctx, r.name, r.info.leader);
      const hw = core.highWatermark;
      const start = r.log.logStartOffset;
      if (req.offset < start || req.offset > r.log.logEndOffset)
        throw tributaryError(
          'OFFSET_OUT_OF_RANGE',
          `${r.name}: offset ${req.offset} is outside the log [${start}, ${r.log.logEndOffset}] (high watermark ${hw})`,
          { metadata: { log_start_offset: String(start), high_watermark: String(hw) } },
        );
      const batches = req.offset < hw ? await r.log.read(req.offset, hw, maxBytes) : [];
      const bytes = batches.reduce((n, b) => n + b.payload.length, 0);
      const remaining = deadline - this.ports.now();
      if (bytes >= minBytes || remaining <= 0 || isCancelled?.() || this.closed)
        return {
          batches: batches.map(wireFromStored),
          high_watermark: hw,
          log_start_offset: start,
        };
      await r.hwWaiters.wait(hw, remaining).promise;
    }
  }

  /**
   * For Subscribe: resolves once the high watermark is above `above`, or at the timeout
   * (the caller looks again); rejects NOT_LEADER if leadership moves, SHUTTING_DOWN on close.
   */
  async waitForHighWatermark(
    topic: string,
    partition: number,
    above: number,
    timeoutMs: number,
  ): Promise<void> {
    const { r, core } = this.leader(topic, partition, undefined);
    if (core.highWatermark > above) return;
    await r.hwWaiters.wait(above, timeoutMs).promise;
  }

  async listOffsets(req: ListOffsetsRequest__Output): Promise<Omit<ListOffsetsResponse, 'header'>> {
    const { r, core } = this.leader(req.topic, req.partition, undefined);
    const hw = core.highWatermark;
    const epochAt = (offset: number) => (offset < r.log.logEndOffset ? r.log.epochAt(offset) : -1);
    switch (req.spec) {
      case 'OFFSET_SPEC_EARLIEST': {
        const start = r.log.logStartOffset;
        return { offset: start, timestamp_ms: -1, leader_epoch: epochAt(start) };
      }
      case 'OFFSET_SPEC_TIMESTAMP': {
        const found = r.log.offsetForTimestamp(req.timestamp_ms, hw);
        if (found === undefined) return { offset: hw, timestamp_ms: -1, leader_epoch: epochAt(hw) };
        return {
          offset: found.offset,
          timestamp_ms: found.timestampMs,
          leader_epoch: epochAt(found.offset),
        };
      }
      default:
        return { offset: hw, timestamp_ms: -1, leader_epoch: epochAt(hw) };
    }
  }

  handleReplicaFetch(
    req: ReplicaFetchRequest__Output,
  ): Promise<Omit<ReplicaFetchResponse, 'header'>> {
    return handleReplicaFetch(this.ctx, req);
  }

  offsetForLeaderEpoch(
    req: OffsetForLeaderEpochRequest__Output,
  ): Omit<OffsetForLeaderEpochResponse, 'header'> {
    return offsetForLeaderEpoch(this.ctx, req);
  }

  /** The partition's leader epoch for ResponseHeader.term; -1 when this broker has no replica. */
  leaderEpoch(topic: string, partition: number): number {
    return this.replicas.get(key(topic, partition))?.leaderEpoch ?? -1;
  }

  partitionState(topic: string, partition: number): ReplicaState | undefined {
    const r = this.replicas.get(key(topic, partition));
    return r === undefined ? undefined : stateOf(r);
  }

  /** Every replica this broker holds, with its state (for metrics at scrape time). */
  replicaStates(): Array<ReplicaState & { topic: string; partition: number }> {
    return [...this.replicas.values()].map((r) => ({
      topic: r.topic,
      partition: r.partition,
      ...stateOf(r),
    }));
  }

  /**
   * Periodic work (the shell calls it every ~100 ms): ISR shrink and expand checks on led
   * partitions, and every retentionCheckMs retention (leaders, below the high watermark;
   * followers follow the leader's log start) and compaction (every replica, below its own
   * high watermark), and expiry of idle producers' dedup state.
   */
  async tick(): Promise<void> {
    if (this.closed) return;
    for (const r of this.replicas.values())
      if (r.role.kind === 'leader') maybeAlterIsr(this.ctx, r, r.role.core);
    const now = this.ports.now();
    if (now - this.lastCheckpointMs >= HW_CHECKPOINT_INTERVAL_MS) {
      this.lastCheckpointMs = now;
      this.store
        .checkpoint()
        .catch((error: unknown) =>
          this.ports.log?.warn({ err: error }, 'high watermark checkpoint failed'),
        );
    }
    if (this.cleaning || now - this.lastCleanupMs < this.opts.retentionCheckMs) return;
    this.lastCleanupMs = now;
    this.cleaning = true;
    try {
      for (const r of [...this.replicas.values()]) await r.exclusive(() => this.cleanup(r));
    } finally {
      this.cleaning = false;
    }
  }

  private async cleanup(r: PartitionReplica): Promise<void> {
    if (this.closed || this.replicas.get(key(r.topic, r.partition)) !== r) return;
    const cfg = r.settings.log;
    const now = this.ports.wallClock();
    try {
      if (r.role.kind === 'leader' && cfg.cleanupPolicy !== 'compact')
        await r.log.applyRetention(cfg, now, r.role.core.highWatermark);
      if (cfg.cleanupPolicy !== 'delete') {
        const upTo = r.role.kind === 'leader' ? r.role.core.highWatermark : r.log.highWatermark;
        await r.log.compact(cfg, now, upTo);
      }
      await r.log.expireProducers(now, r.settings.producerIdExpirationMs);
    } catch (error) {
      this.ports.log?.warn(
        { err: error, partition: r.name },
        'retention, compaction or producer expiry failed',
      );
    }
  }

  /** Stops the fetch loops and fails every waiter SHUTTING_DOWN; the store stays open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const f of this.fetchers.values()) f.stop();
    const error = shuttingDown(this.ctx);
    for (const r of this.replicas.values()) {
      r.hwWaiters.failAll(error);
      r.endWaiters.wakeAll();
    }
    await Promise.allSettled([
      this.metadataQueue,
      ...[...this.replicas.values()].map((r) => r.idle()),
    ]);
  }
}

function acksOf(acks: string | number): 'NONE' | 'LEADER' | 'ALL' {
  switch (acks) {
    case 'ACKS_NONE':
      return 'NONE';
    case 'ACKS_LEADER':
      return 'LEADER';
    case 'ACKS_ALL':
    case 'ACKS_UNSPECIFIED':
      return 'ALL';
    default:
      throw tributaryError(
        'INVALID_ARGUMENT',
        `unknown acks ${JSON.stringify(acks)}; allowed NONE, LEADER, ALL`,
      );
  }
}

function notEnoughReplicas(
  name: string,
  isr: readonly number[],
  minIsr: number,
  when: 'before' | 'after',
) {
  return tributaryError(
    'NOT_ENOUGH_REPLICAS',
    when === 'before'
      ? `${name}: the ISR (${isr.join(',')}) has fewer than min.insync.replicas=${minIsr} members; nothing was written`
      : `${name}: the batch is written but the ISR (${isr.join(',')}) shrank below min.insync.replicas=${minIsr}; only an idempotent retry is free of duplicates`,
    { retryDelayMs: 500 },
  );
}
