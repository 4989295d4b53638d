/**
 * `Consumer`: reads partitions from their leaders with long-polling Fetch calls (DESIGN §5) and
 * decodes the batches itself (the broker serves them as stored). Partitions come from `assign`
 * (chosen by the caller) or from `subscribe` (a consumer group's member, DESIGN §4:
 * consumer-group.ts runs the membership).
 *
 * Each partition keeps one Fetch in flight: as soon as an answer arrives the next fetch starts
 * from the end of its last batch, before the records are decoded, so the network and the broker
 * work while the application handles the previous records. A fetch that fails NOT_LEADER (or
 * UNAVAILABLE) refreshes the metadata and tries again after a backoff, beside the other
 * partitions; any other error (OFFSET_OUT_OF_RANGE outside a group, UNKNOWN_TOPIC, …) is
 * thrown by `poll`.
 *
 * Three offsets per partition: `position` (after the last record handed to the application),
 * `consumed` (after the last record it is done with: every record handed out before it came
 * back to `poll` or to the iterator) and `committed`. Automatic commits and revocations commit
 * `consumed`, so a record being handled when the commit happens is not counted as processed
 * (at-least-once); `commit()` and `close()` commit `position`, as Kafka's consumer does.
 */
import { status as Code } from '@grpc/grpc-js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@tributary/rpc';
import type { FetchResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchResponse';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { BrokerMetadata } from './broker-metadata';
import { BrokerPool } from './broker-pool';
import {
  sleepUnless,
  systemClock,
  systemRandom,
  type Clock,
  type Random,
  type TimerHandle,
} from './clock';
import { DeadLetters } from './consumer-dead-letter';
import { batchEnd, decodeFetched, type ConsumerRecord } from './consumer-decode';
import { GroupMember, type Assignor } from './consumer-group';
import {
  offsetsToCommit,
  sortPartitions,
  tpKey,
  type OffsetToCommit,
  type TopicPartition,
} from './consumer-group-plan';
import { retryDelayMs, retryPolicy, type RetryPolicy } from './consumer-retry';
import { clientError, CoordinationError, fromCallError } from './errors';
import { listOffset, type OffsetPosition } from './list-offsets';
import { channelCredentials, type SecureOptions } from './tls';

export type { Assignor, ConsumerRecord, RetryPolicy, TopicPartition };

export type StartOffset = 'earliest' | 'latest' | number;

export interface ConsumerOptions extends SecureOptions {
  /** Broker addresses, `host:port`; any live one will do. */
  bootstrap: string[];
  /** Label shown to operators in group descriptions; default 'tributary-consumer'. */
  clientId?: string;
  /** Soft cap on the bytes of one Fetch answer (per partition); default 1 MiB. */
  fetchBytesMax?: number;
  /** Longest a Fetch waits for data, and `poll` for records; default 500 ms. */
  fetchWaitMsMax?: number;
  /** Bound of metadata, offset and group calls; default 30000. */
  requestTimeoutMs?: number;
  maxMessageBytes?: number;
  backoff?: BackoffOptions;
  clock?: Clock;
  random?: Random;
}

export interface SubscribeOptions {
  /** The consumer group, `[A-Za-z0-9._-]{1,249}`. */
  groupId: string;
  /** Static membership: a restart with the same id takes back its partitions, no rebalance. */
  instanceId?: string;
  /** The member is removed when no heartbeat arrives for this long; default the server's (45 s). */
  sessionTimeoutMs?: number;
  /** Commit consumed positions every `autoCommitIntervalMs`, on revocation and on close; default true. */
  autoCommit?: boolean;
  /** Default 5000. */
  autoCommitIntervalMs?: number;
  /** Where a partition with no committed offset starts: true = log start; default false = its end. */
  fromBeginning?: boolean;
  /** The group's assignor; default the group's current one (range for a new group). */
  assignor?: Assignor;
  /** Called with partitions handed to this member, before any of their records. */
  onAssigned?: (partitions: TopicPartition[]) => void | Promise<void>;
  /**
   * Called before partitions are released to another member, after the automatic commit;
   * with manual commits, `commit()` here. Also called on close and, when the member was fenced
   * (its commits would be refused), for the partitions it lost.
   */
  onRevoked?: (partitions: TopicPartition[]) => void | Promise<void>;
}

export interface TopicPartitionOffset extends TopicPartition {
  /** The next offset to consume. */
  offset: number;
}

export interface ConsumerLag extends TopicPartition {
  /** Next offset the consumer hands out. */
  position: number;
  /** Offset after the last committed record of the partition. */
  highWatermark: number;
  /** Records not yet handed out: highWatermark - position, ≥ 0. */
  lag: number;
}

export interface RunOptions {
  /** Handles one record; a throw (or rejection) is retried, then dead-lettered. */
  handler: (record: ConsumerRecord) => unknown;
  retries?: Partial<RetryPolicy>;
  /** Produce records whose retries are spent to `<topic>.dlq` (true) or this topic, and go on. */
  deadLetter?: true | string;
}

export interface CloseOptions {
  /** Leave the group now; default true, except for static members (a restart keeps their place). */
  leave?: boolean;
}

interface PartitionState {
  topic: string;
  partition: number;
  /** Where the fetch in flight (or the next one) starts. */
  fetchOffset: number;
  /** Offset after the last decoded record: decoding skips what lies below it. */
  decodeFrom: number;
  /** Offset after the last record handed to the application. */
  position: number;
  positionEpoch: number;
  /** Offset after the last record the application is done with. */
  consumed: number;
  consumedEpoch: number;
  /** Last offset committed or read from the group; -1 when none. */
  committed: number;
  inflight: Promise<void> | undefined;
  /** Fetch answers not decoded yet, oldest first. */
  ready: Fetched[];
  /** Decoded records not handed out yet. */
  pending: ConsumerRecord[];
  backoff: Backoff;
  /** Bumped by seek and removal: answers of older fetches are dropped. */
  epoch: number;
  paused: boolean;
  /** Being revoked: no more fetching or handing out, still owned until dropped. */
  revoking: boolean;
}

/** Answers a partition may hold ahead of `poll` (the one being handed over, and one more). */
const READY_MAX = 2;

type Fetched =
  { ok: true; response: FetchResponse__Output } | { ok: false; error: CoordinationError };

interface Group {
  member: GroupMember;
  options: SubscribeOptions;
  autoCommit: boolean;
  autoCommitTimer: TimerHandle | undefined;
}

export class Consumer {
  private readonly pool: BrokerPool;
  private readonly metadata: BrokerMetadata;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly backoffOptions: BackoffOptions;
  private readonly bootstrap: string[];
  private readonly clientId: string;
  private readonly fetchBytesMax: number;
  private readonly fetchWaitMsMax: number;
  private readonly requestTimeoutMs: number;
  private readonly assigned = new Map<string, PartitionState>();
  /** Resolved when records arrive, partitions change or the consumer closes. */
  private waiters = new Set<() => void>();
  /** Resolved when the application comes back for more records (consumed moved). */
  private progressWaiters = new Set<() => void>();
  private readonly closing = new AbortController();
  /** close() was called: hand out nothing more, give up retries. */
  private readonly closeRequested = new AbortController();
  /** The record `run` is handling, done when its handler (and retries) are. */
  private handling: Promise<void> | undefined;
  private group: Group | undefined;
  private manual = false;
  /** Round-robin start of the iterator's one-record takes, so no partition starves. */
  private nextTake = 0;
  private deadLetters: DeadLetters | undefined;

  constructor(options: ConsumerOptions) {
    this.bootstrap = options.bootstrap;
    this.clientId = options.clientId ?? 'tributary-consumer';
    // Kafka's max.partition.fetch.bytes. Bigger answers read slower here: grpc-js copies each
    // message whole into a fresh buffer, and fresh multi-MiB buffers cost page faults.
    this.fetchBytesMax = options.fetchBytesMax ?? 1024 * 1024;
    this.fetchWaitMsMax = options.fetchWaitMsMax ?? 500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.backoffOptions = options.backoff ?? DEFAULT_BACKOFF;
    this.pool = new BrokerPool(
      { maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
      channelCredentials(options),
    );
    this.metadata = new BrokerMetadata(options.bootstrap, this.pool, this.requestTimeoutMs);
  }

  /**
   * Reads `partitions` of `topic` (every partition when omitted) from `from`: an offset, the
   * log start ('earliest') or the high watermark ('latest'). Not with `subscribe`.
   */
  async assign(topic: string, from: StartOffset, partitions?: number[]): Promise<void> {
    if (this.group)
      throw new Error('assign after subscribe: a group member gets its partitions from the group');
    this.manual = true;
    const leaders = await this.metadata.require(topic);
    const list = partitions ?? leaders.partitions.map((_, i) => i);
    for (const partition of list) {
      if (!(partition >= 0 && partition < leaders.partitions.length)) {
        throw new CoordinationError({
          code: Code.NOT_FOUND,
          reason: 'UNKNOWN_PARTITION',
          message: `topic '${topic}' has partitions 0..${leaders.partitions.length - 1}, not ${partition}`,
        });
      }
    }
    await Promise.all(
      list.map(async (partition) => {
        const offset =
          typeof from === 'number' ? from : await this.listOffset(topic, partition, from);
        this.addState({ topic, partition }, offset, -1);
      }),
    );
    this.wakeAll();
  }

  /**
   * Joins `groupId` as a member consuming `topics`: resolves once the first assignment (maybe
   * empty: others may hold every partition yet) is in place. Heartbeats run until `close`.
   */
  async subscribe(topics: string[], options: SubscribeOptions): Promise<void> {
    if (this.group) throw new Error(`already subscribed to group '${this.group.options.groupId}'`);
    if (this.manual) throw new Error('subscribe after assign: use one or the other');
    if (topics.length === 0) throw new Error('subscribe needs at least one topic');
    const member = new GroupMember(
      this.metadata,
      {
        owned: () => this.owned(),
        added: (list) => this.groupAdded(list),
        revoked: (list) => this.groupRevoked(list, true),
        lost: (list) => this.groupLost(list),
      },
      {
        groupId: options.groupId,
        topics: [...new Set(topics)],
        clientId: this.clientId,
        instanceId: options.instanceId ?? '',
        sessionTimeoutMs: options.sessionTimeoutMs ?? 0,
        assignor: options.assignor ?? '',
        requestTimeoutMs: this.requestTimeoutMs,
        backoff: this.backoffOptions,
        clock: this.clock,
        random: this.random,
      },
    );
    const autoCommit = options.autoCommit ?? true;
    this.group = { member, options, autoCommit, autoCommitTimer: undefined };
    try {
      await member.start();
    } catch (error) {
      this.group = undefined;
      await member.stop();
      throw error;
    }
    if (autoCommit) this.scheduleAutoCommit(options.autoCommitIntervalMs ?? 5_000);
  }

  /** The member id and generation in the group (empty and -1 before `subscribe`). */
  membership(): { memberId: string; generation: number } {
    return {
      memberId: this.group?.member.memberId ?? '',
      generation: this.group?.member.generation ?? -1,
    };
  }

  /** The partitions this consumer reads now, sorted. */
  assignment(): TopicPartition[] {
    return this.owned();
  }

  /** Where each partition's next record is. */
  positions(): TopicPartitionOffset[] {
    return [...this.assigned.values()].map((a) => ({
      topic: a.topic,
      partition: a.partition,
      offset: a.position,
    }));
  }

  /**
   * The next records of whichever partitions have some: waits up to the fetch wait until at
   * least one fetch answers. Records of the previous poll count as consumed from now on. An
   * empty array means nothing arrived in time (or nothing is assigned yet).
   */
  async poll(): Promise<ConsumerRecord[]> {
    this.markConsumed();
    await this.fill();
    return this.take(Infinity);
  }

  /** Records one at a time; the previous one counts as consumed when the loop asks for the next. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ConsumerRecord> {
    while (!this.closeRequested.signal.aborted) {
      this.markConsumed();
      let [record] = this.take(1);
      if (!record) {
        try {
          await this.fill();
        } catch (error) {
          if ((error as CoordinationError).reason === 'CLIENT_CLOSED') return;
          throw error;
        }
        [record] = this.take(1);
      }
      if (record) yield record;
    }
  }

  /**
   * Commits the group's offsets: `offsets` (each the next offset to consume), or else the
   * position of every owned partition (every record handed out counts as processed).
   */
  async commit(offsets?: TopicPartitionOffset[]): Promise<void> {
    const group = this.requireGroup('commit');
    const list: OffsetToCommit[] = offsets
      ? offsets.map((o) => ({ ...o, leaderEpoch: -1 }))
      : offsetsToCommit(
          [...this.assigned.values()].map((a) => ({
            topic: a.topic,
            partition: a.partition,
            consumed: a.position,
            leaderEpoch: a.positionEpoch,
            committed: a.committed,
          })),
        );
    await this.commitOffsets(group, list);
  }

  /** The next record of the partition will be `offset` (an owned or assigned partition). */
  seek(target: TopicPartitionOffset): void {
    const a = this.requireState(target, 'seek');
    if (!(Number.isSafeInteger(target.offset) && target.offset >= 0)) {
      throw new RangeError(`seek offset must be an integer >= 0, got ${target.offset}`);
    }
    a.epoch += 1;
    a.inflight = undefined;
    a.ready.length = 0;
    a.pending.length = 0;
    a.fetchOffset = a.decodeFrom = a.position = a.consumed = target.offset;
    a.positionEpoch = a.consumedEpoch = -1;
    this.wakeAll();
  }

  /** Stops handing out (and fetching) records of these partitions until `resume`. */
  pause(partitions: TopicPartition[]): void {
    for (const tp of partitions) this.requireState(tp, 'pause').paused = true;
  }

  resume(partitions: TopicPartition[]): void {
    for (const tp of partitions) this.requireState(tp, 'resume').paused = false;
    this.wakeAll();
  }

  /** Paused partitions, sorted. */
  paused(): TopicPartition[] {
    return sortPartitions([...this.assigned.values()].filter((a) => a.paused));
  }

  /** Per owned partition: position, high watermark and the records between them. */
  async lag(): Promise<ConsumerLag[]> {
    const states = [...this.assigned.values()];
    const out = await Promise.all(
      states.map(async (a) => {
        const highWatermark = await this.listOffset(a.topic, a.partition, 'latest');
        return {
          topic: a.topic,
          partition: a.partition,
          position: a.position,
          highWatermark,
          lag: Math.max(0, highWatermark - a.position),
        };
      }),
    );
    return sortPartitions(out) as ConsumerLag[];
  }

  /**
   * Hands every record to `handler` until `close`. A handler that throws is retried after
   * initialMs, 2·initialMs, … (capped at maxMs) up to `retries.max` times; then, with
   * `deadLetter`, the record is produced to the dead-letter topic with dlq.* headers and counts
   * as processed; without, `run` rejects with the error and the record stays uncommitted (it
   * is delivered again to whoever consumes the partition next). A record whose partition was
   * revoked meanwhile is given up: its new owner reads it again.
   */
  async run(options: RunOptions): Promise<void> {
    const policy = retryPolicy(options.retries);
    for await (const record of this) {
      this.handling = this.handle(record, options, policy);
      try {
        await this.handling;
      } finally {
        this.handling = undefined;
      }
    }
  }

  private async handle(record: ConsumerRecord, options: RunOptions, policy: RetryPolicy) {
    const outcome = await this.attempt(record, options.handler, policy);
    if (outcome.ok) return;
    try {
      if (outcome.abandoned) return this.notProcessed(record);
      if (options.deadLetter === undefined) throw outcome.error;
      this.deadLetters ??= new DeadLetters(this.bootstrap, this.requestTimeoutMs);
      await this.deadLetters.send(record, outcome.error, outcome.attempts, options.deadLetter);
    } catch (error) {
      this.notProcessed(record);
      throw error;
    }
  }

  /** The next commit (revocation's and close's included) must not count `record`. */
  private notProcessed(record: ConsumerRecord): void {
    const a = this.assigned.get(tpKey(record));
    if (!a) return;
    if (this.live(a)) return this.seek(record); // read it again
    a.position = Math.min(a.position, record.offset);
    a.positionEpoch = -1;
  }

  /**
   * Stops consuming. A group member commits its positions (with autoCommit), tells
   * onRevoked, and leaves the group so its partitions move at once (a static member stays, so
   * that its restart takes them back; `leave: true` makes it go too).
   */
  async close(options: CloseOptions = {}): Promise<void> {
    if (this.closeRequested.signal.aborted) return;
    this.closeRequested.abort();
    this.wakeAll();
    // The record being handled ends (its retries given up) before the commit counts it.
    await this.handling?.catch(() => undefined);
    const group = this.group;
    let failure: unknown;
    if (group) {
      if (group.autoCommitTimer) this.clock.clearTimer(group.autoCommitTimer);
      await group.member.stop();
      // Everything handed out counts as processed, as Kafka's close commits.
      this.markConsumed();
      await this.groupRevoked(this.owned(), false).catch((error: unknown) => (failure = error));
      const leave = options.leave ?? !group.options.instanceId;
      if (leave) await group.member.leave().catch((error: unknown) => (failure ??= error));
    }
    this.closing.abort();
    this.wakeAll();
    await this.deadLetters?.close().catch(() => undefined);
    this.pool.close();
    if (failure) throw failure;
  }

  // --- group membership ------------------------------------------------------------------

  private owned(): TopicPartition[] {
    return sortPartitions([...this.assigned.values()]);
  }

  private async groupAdded(list: TopicPartition[]): Promise<void> {
    const group = this.group!;
    await Promise.all(
      [...new Set(list.map((tp) => tp.topic))].map((t) => this.metadata.require(t)),
    );
    const committed = await group.member.committed(list);
    await Promise.all(
      committed.map(async (c) => {
        const from =
          c.offset >= 0
            ? c.offset
            : await this.listOffset(
                c.topic,
                c.partition,
                group.options.fromBeginning ? 'earliest' : 'latest',
              );
        this.addState(c, from, c.offset);
      }),
    );
    await group.options.onAssigned?.(sortPartitions(list));
    this.wakeAll();
  }

  /**
   * Stops handing out records of `list`, waits (up to the session timeout) for the
   * application to finish the ones it holds, commits them (autoCommit), tells onRevoked, drops
   * the partitions. The heartbeats keep reporting them as owned until then.
   */
  private async groupRevoked(list: TopicPartition[], waitForApp: boolean): Promise<void> {
    const group = this.group!;
    const states = list.map((tp) => this.assigned.get(tpKey(tp))).filter((a) => a !== undefined);
    for (const a of states) {
      a.revoking = true;
      a.pending.length = 0;
      a.ready.length = 0;
    }
    if (waitForApp) {
      const waitMs = group.options.sessionTimeoutMs ?? 10_000;
      await this.untilConsumed(states, waitMs);
    }
    let failure: unknown;
    if (group.autoCommit) {
      await this.commitOffsets(group, this.consumedOffsets(states)).catch(
        (error: unknown) => (failure = error),
      );
    }
    try {
      if (states.length > 0) await group.options.onRevoked?.(sortPartitions(states));
    } finally {
      for (const a of states) this.removeState(a);
    }
    if (failure) throw failure;
  }

  /** Fenced: others may own these now, so no commit; the listener still hears of it. */
  private async groupLost(list: TopicPartition[]): Promise<void> {
    const states = list.map((tp) => this.assigned.get(tpKey(tp))).filter((a) => a !== undefined);
    for (const a of states) this.removeState(a);
    if (states.length > 0) await this.group?.options.onRevoked?.(sortPartitions(states));
  }

  private scheduleAutoCommit(intervalMs: number): void {
    const group = this.group!;
    const tick = () => {
      if (this.closing.signal.aborted || this.group !== group) return;
      const offsets = this.consumedOffsets([...this.assigned.values()].filter((a) => !a.revoking));
      void this.commitOffsets(group, offsets)
        .catch(() => undefined) // the next tick (or the revocation) commits again
        .finally(() => {
          if (!this.closing.signal.aborted)
            group.autoCommitTimer = this.clock.setTimer(tick, intervalMs);
        });
    };
    group.autoCommitTimer = this.clock.setTimer(tick, intervalMs);
  }

  private consumedOffsets(states: PartitionState[]): OffsetToCommit[] {
    return offsetsToCommit(
      states.map((a) => ({
        topic: a.topic,
        partition: a.partition,
        consumed: a.consumed,
        leaderEpoch: a.consumedEpoch,
        committed: a.committed,
      })),
    );
  }

  private async commitOffsets(group: Group, offsets: OffsetToCommit[]): Promise<void> {
    if (offsets.length === 0) return;
    // The partitions' states now: a partition lost and assigned again gets a new one.
    const states = new Map(offsets.map((o) => [tpKey(o), this.assigned.get(tpKey(o))]));
    const ownedSince = (tp: TopicPartition) => {
      const a = states.get(tpKey(tp));
      return a !== undefined && this.assigned.get(tpKey(tp)) === a;
    };
    await group.member.commit(offsets, ownedSince);
    for (const o of offsets) {
      const a = states.get(tpKey(o))!;
      a.committed = Math.max(a.committed, o.offset);
    }
  }

  private requireGroup(what: string): Group {
    if (!this.group) throw new Error(`${what} needs a group: call subscribe first`);
    return this.group;
  }

  // --- fetching and handing out ------------------------------------------------------------

  private addState(tp: TopicPartition, offset: number, committed: number): void {
    this.assigned.set(tpKey(tp), {
      topic: tp.topic,
      partition: tp.partition,
      fetchOffset: offset,
      decodeFrom: offset,
      position: offset,
      positionEpoch: -1,
      consumed: offset,
      consumedEpoch: -1,
      committed,
      inflight: undefined,
      ready: [],
      pending: [],
      backoff: new Backoff(this.backoffOptions, this.random),
      epoch: 0,
      paused: false,
      revoking: false,
    });
  }

  private removeState(a: PartitionState): void {
    a.epoch += 1;
    a.revoking = true;
    if (this.assigned.get(tpKey(a)) === a) this.assigned.delete(tpKey(a));
    this.wakeAll();
  }

  private requireState(tp: TopicPartition, what: string): PartitionState {
    const a = this.assigned.get(tpKey(tp));
    if (!a || a.revoking) {
      throw new Error(`${what}: ${tp.topic}/${tp.partition} is not assigned to this consumer`);
    }
    return a;
  }

  private live(a: PartitionState): boolean {
    return !a.revoking && !a.paused && !this.closeRequested.signal.aborted;
  }

  /** The application came back: every record handed out so far is processed. */
  private markConsumed(): void {
    for (const a of this.assigned.values()) {
      a.consumed = a.position;
      a.consumedEpoch = a.positionEpoch;
    }
    const waiters = this.progressWaiters;
    this.progressWaiters = new Set();
    for (const w of waiters) w();
  }

  private async untilConsumed(states: PartitionState[], waitMs: number): Promise<void> {
    const deadline = this.clock.nowMs() + waitMs;
    while (states.some((a) => a.consumed !== a.position) && !this.closing.signal.aborted) {
      const left = deadline - this.clock.nowMs();
      if (left <= 0) return;
      await this.waitFor(this.progressWaiters, left);
    }
  }

  /**
   * Decodes fetch answers until some live partition has records, waiting up to the fetch wait
   * for one to arrive; throws the first error no retry can fix.
   */
  private async fill(): Promise<void> {
    if (this.closing.signal.aborted) throw clientError('CLIENT_CLOSED', 'the consumer was closed');
    const failure = this.group?.member.failure;
    if (failure) throw failure;
    const hasPending = () =>
      [...this.assigned.values()].some((a) => this.live(a) && a.pending.length > 0);
    const deadline = this.clock.nowMs() + this.fetchWaitMsMax;
    for (;;) {
      for (const a of [...this.assigned.values()]) {
        if (!this.live(a)) continue;
        this.startFetch(a);
        if (a.pending.length === 0) await this.decodeNext(a);
      }
      if (hasPending() || this.closing.signal.aborted) return;
      const left = deadline - this.clock.nowMs();
      if (left <= 0) return;
      const anyReady = [...this.assigned.values()].some((a) => this.live(a) && a.ready.length > 0);
      if (!anyReady) await this.waitFor(this.waiters, left);
    }
  }

  /** Decodes the oldest answer of `a` into its pending records. */
  private async decodeNext(a: PartitionState): Promise<void> {
    const result = a.ready.shift();
    if (!result) return;
    if (!result.ok) throw result.error;
    a.backoff.reset();
    const batches = result.response.batches;
    this.startFetch(a);
    if (batches.length === 0) return;
    const epoch = a.epoch;
    const records = await decodeFetched(a.topic, a.partition, batches, a.decodeFrom);
    if (a.epoch !== epoch) return; // seeked or revoked while decoding
    a.pending.push(...records);
    a.decodeFrom = Math.max(a.decodeFrom, batchEnd(batches[batches.length - 1]!));
  }

  /** Up to `max` pending records of live partitions, in offset order per partition. */
  private take(max: number): ConsumerRecord[] {
    const states = [...this.assigned.values()];
    const out: ConsumerRecord[] = [];
    for (let i = 0; i < states.length && out.length < max; i++) {
      const a = states[(this.nextTake + i) % states.length]!;
      if (!this.live(a) || a.pending.length === 0) continue;
      const taken = a.pending.splice(0, max - out.length);
      for (const r of taken) out.push(r);
      const last = taken[taken.length - 1]!;
      a.position = last.offset + 1;
      a.positionEpoch = last.leaderEpoch;
      // Nothing deliverable lies between the last record and the decoded end (compaction).
      if (a.pending.length === 0) a.position = Math.max(a.position, a.decodeFrom);
    }
    this.nextTake += 1;
    return out;
  }

  /**
   * One Fetch per partition in flight, and at most READY_MAX answers waiting: after an answer
   * with data the next fetch starts from the end of its last batch at once. A retriable
   * failure is retried here, after a metadata refresh and a backoff; others wait for `poll`.
   */
  private startFetch(a: PartitionState): void {
    if (a.inflight || a.ready.length >= READY_MAX || !this.live(a)) return;
    const epoch = a.epoch;
    const inflight = this.fetchOnce(a, a.fetchOffset).then(async (result) => {
      if (a.epoch !== epoch) return;
      if (!result.ok && (await this.recover(a, result.error))) {
        if (a.epoch !== epoch) return;
        a.inflight = undefined;
        this.startFetch(a);
        return;
      }
      a.inflight = undefined;
      a.ready.push(result);
      if (result.ok && result.response.batches.length > 0) {
        a.fetchOffset = batchEnd(result.response.batches[result.response.batches.length - 1]!);
        this.startFetch(a);
      }
      this.wakeAll();
    });
    a.inflight = inflight;
  }

  private async fetchOnce(a: PartitionState, from: number): Promise<Fetched> {
    const leader = this.metadata.topic(a.topic)?.partitions[a.partition];
    if (!leader?.address) {
      return { ok: false, error: notLeader(a) };
    }
    try {
      const response = await this.pool.call(
        leader.address,
        'Fetch',
        {
          topic: a.topic,
          partition: a.partition,
          offset: from,
          max_bytes: this.fetchBytesMax,
          max_wait_ms: this.fetchWaitMsMax,
        },
        this.fetchWaitMsMax + this.requestTimeoutMs,
      );
      return { ok: true, response };
    } catch (error) {
      return { ok: false, error: fromCallError(error) };
    }
  }

  /**
   * NOT_LEADER, unreachable leaders and brokers that do not know a new topic yet: refresh,
   * back off, and true (fetch again). A group member whose committed offset fell below the log
   * start (retention) restarts where `fromBeginning` says. Anything else: false.
   */
  private async recover(a: PartitionState, error: CoordinationError): Promise<boolean> {
    if (this.closing.signal.aborted || error.reason === 'CLIENT_CLOSED') return false;
    if (error.reason === 'OFFSET_OUT_OF_RANGE' && this.group) {
      const spec = this.group.options.fromBeginning ? 'earliest' : 'latest';
      const offset = await this.listOffset(a.topic, a.partition, spec).catch(() => undefined);
      if (offset === undefined) return false;
      a.fetchOffset = a.decodeFrom = a.position = a.consumed = offset;
      return true;
    }
    const moved =
      error.reason === 'NOT_LEADER' ||
      error.reason === 'NO_LEADER' ||
      error.reason === 'UNKNOWN_LEADER_EPOCH' ||
      error.code === Code.UNAVAILABLE;
    const unknown = error.reason === 'UNKNOWN_TOPIC' || error.reason === 'UNKNOWN_PARTITION';
    if (!moved && !unknown && !error.retriable) return false;
    await this.metadata.refresh([a.topic]).catch(() => undefined);
    if (unknown && !this.metadata.topic(a.topic)) return false;
    await sleepUnless(this.clock, a.backoff.next(error.retryDelayMs), this.closing.signal);
    return !this.closing.signal.aborted;
  }

  private async listOffset(topic: string, partition: number, spec: OffsetPosition) {
    await this.metadata.require(topic);
    return listOffset(
      {
        metadata: this.metadata,
        pool: this.pool,
        clock: this.clock,
        random: this.random,
        backoff: this.backoffOptions,
        timeoutMs: this.requestTimeoutMs,
        signal: this.closing.signal,
      },
      topic,
      partition,
      spec,
    );
  }

  /** One run of the handler with its retries; `abandoned` when the partition left meanwhile. */
  private async attempt(
    record: ConsumerRecord,
    handler: RunOptions['handler'],
    policy: RetryPolicy,
  ): Promise<{ ok: true } | { ok: false; abandoned: boolean; error: unknown; attempts: number }> {
    const state = this.assigned.get(tpKey(record));
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(record);
        return { ok: true };
      } catch (error) {
        const gone = () => this.assigned.get(tpKey(record)) !== state || state?.revoking === true;
        if (attempt > policy.max || gone())
          return { ok: false, abandoned: gone(), error, attempts: attempt };
        await sleepUnless(this.clock, retryDelayMs(policy, attempt), this.closeRequested.signal);
        if (this.closeRequested.signal.aborted || gone())
          return { ok: false, abandoned: true, error, attempts: attempt };
      }
    }
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const w of waiters) w();
  }

  /** Resolves when one of `set`'s wake-ups fires, the consumer closes, or after `ms`. */
  private waitFor(set: Set<() => void>, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.clock.clearTimer(timer);
        set.delete(done);
        this.closing.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = this.clock.setTimer(done, ms);
      set.add(done);
      this.closing.signal.addEventListener('abort', done, { once: true });
    });
  }
}

function notLeader(p: { topic: string; partition: number }): CoordinationError {
  return new CoordinationError({
    code: Code.UNAVAILABLE,
    reason: 'NO_LEADER',
    message: `partition ${p.topic}/${p.partition} has no known leader`,
    retriable: true,
  });
}
