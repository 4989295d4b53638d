/**
 * One member of a consumer group (DESIGN §4): JoinGroup, then a heartbeat loop that reports the
 * partitions the member owns and receives the ones it may consume, through any broker (the
 * brokers pass group calls on to the coordinators).
 *
 * Hand-over is incremental and server-driven: an answer lists the member's assignment; an owned
 * partition missing from it is revoked. Revocation runs beside the heartbeats (the member keeps
 * reporting the partition as owned, so the server never gives it away early) and ends with the
 * host committing and dropping the partition; the next heartbeat, sent at once, releases it.
 * A partition added to the answer was released by its previous owner, so no partition is ever
 * consumed by two members.
 *
 * The generation changes only in answers to this member's own join and heartbeats. A commit
 * sent just before a heartbeat answer moved it is FENCED; it is sent again with the new
 * generation once that answer is in (`commit`).
 */
import { status as Code } from '@grpc/grpc-js';
import { Backoff, type BackoffOptions } from './backoff';
import type { BrokerMetadata } from './broker-metadata';
import type { RequestOf, ResponseOf } from './broker-pool';
import { sleepUnless, type Clock, type Random } from './clock';
import {
  diffAssignment,
  groupAction,
  toWire,
  type OffsetToCommit,
  type TopicPartition,
  type WireTopicPartitions,
} from './consumer-group-plan';
import { clientError, CoordinationError, fromCallError } from './errors';

export type Assignor = 'range' | 'sticky';

/** What the member asks of the consumer that hosts it. */
export interface GroupHost {
  /** Partitions the consumer holds now (consuming, or revoking and not yet dropped). */
  owned(): TopicPartition[];
  /** Start consuming partitions the server handed over. */
  added(partitions: TopicPartition[]): Promise<void>;
  /** Stop, commit and drop partitions; they are released once this resolves. */
  revoked(partitions: TopicPartition[]): Promise<void>;
  /** Drop partitions without committing: the member was fenced or timed out. */
  lost(partitions: TopicPartition[]): Promise<void>;
}

export interface GroupMemberOptions {
  groupId: string;
  topics: string[];
  clientId: string;
  instanceId: string;
  /** 0 = the server's default. */
  sessionTimeoutMs: number;
  assignor: Assignor | '';
  requestTimeoutMs: number;
  backoff: BackoffOptions;
  clock: Clock;
  random: Random;
}

type GroupMethod = 'JoinGroup' | 'GroupHeartbeat' | 'LeaveGroup' | 'CommitOffsets' | 'FetchOffsets';

/** Committed offsets read back from the group; -1 where nothing was committed. */
export interface CommittedOffset extends TopicPartition {
  offset: number;
  leaderEpoch: number;
}

export class GroupMember {
  memberId = '';
  /** -1 until the first join answers. */
  generation = -1;
  private heartbeatIntervalMs = 1_000;
  private readonly stopping = new AbortController();
  private heartbeatInflight: Promise<unknown> = Promise.resolve();
  private revoking: Promise<void> | undefined;
  /** Partitions being handed to the host (an answer being acted on). */
  private applying: Promise<void> | undefined;
  /** Resolves the loop's current sleep early (a release to report). */
  private nudgeSleep: (() => void) | undefined;
  /** A join, heartbeat or commit failed with an error no retry can fix. */
  failure: CoordinationError | undefined;

  constructor(
    private readonly metadata: BrokerMetadata,
    private readonly host: GroupHost,
    private readonly o: GroupMemberOptions,
  ) {}

  /** Joins (retrying what may pass), hands the first assignment to the host, starts the loop. */
  async start(): Promise<void> {
    await this.join();
    // A listener that throws while partitions are lost ends the membership, not the process.
    void this.heartbeatLoop().catch((error: unknown) => (this.failure = fromCallError(error)));
  }

  /**
   * Commits offsets at the member's generation. FENCED right after a heartbeat answer moved
   * the generation is sent again at the new one; FENCED for a partition the member no longer
   * owns, or lost and got back since the offsets were taken (`ownedSince` says): its new owner
   * reads the records again.
   */
  async commit(
    offsets: readonly OffsetToCommit[],
    ownedSince: (tp: TopicPartition) => boolean,
  ): Promise<void> {
    const backoff = new Backoff(this.o.backoff, this.o.random);
    const deadline = this.o.clock.nowMs() + this.o.requestTimeoutMs;
    const memberId = this.memberId;
    for (;;) {
      const lost = offsets.find((o) => !ownedSince(o));
      if (lost) throw notOwned(lost);
      if (offsets.length === 0) return;
      const generation = this.generation;
      try {
        await this.call('CommitOffsets', {
          group: this.o.groupId,
          member_id: memberId,
          generation,
          offsets: offsets.map((o) => ({
            topic: o.topic,
            partition: o.partition,
            offset: o.offset,
            leader_epoch: o.leaderEpoch,
            metadata: '',
          })),
        });
        return;
      } catch (error) {
        const err = fromCallError(error);
        const action = groupAction(err);
        if (action === 'rejoin' || action === 'rejoin-new') {
          await this.heartbeatInflight.catch(() => undefined);
          // Sent again only by the same member, for partitions it never let go meanwhile: a
          // member that rejoined, or got a partition back, would move back its new owner's offset.
          if (this.generation !== generation && this.memberId === memberId) continue;
          throw err;
        }
        if (action !== 'retry' || this.o.clock.nowMs() >= deadline) throw err;
        await sleepUnless(this.o.clock, backoff.next(err.retryDelayMs), this.stopping.signal);
        if (this.stopping.signal.aborted) throw err;
      }
    }
  }

  /** The group's committed offsets of `partitions` (read, so any broker and retries are fine). */
  async committed(partitions: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    const r = await this.retrying(() =>
      this.call('FetchOffsets', {
        group: this.o.groupId,
        partitions: partitions.map((p) => ({ topic: p.topic, partition: p.partition })),
      }),
    );
    return r.offsets.map((o) => ({
      topic: o.topic,
      partition: o.partition,
      offset: o.offset,
      leaderEpoch: o.leader_epoch,
    }));
  }

  /** Stops the heartbeats (and any revocation in progress); the caller commits and leaves. */
  async stop(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    this.nudgeSleep?.();
    // A heartbeat in flight is not waited for (its answer is ignored now), an answer being
    // acted on is: the host must not gain partitions after this.
    await this.applying?.catch(() => undefined);
    await this.revoking?.catch(() => undefined);
  }

  /** LeaveGroup: the partitions are free for the others at once. */
  async leave(): Promise<void> {
    if (this.memberId === '') return;
    await this.call('LeaveGroup', { group: this.o.groupId, member_id: this.memberId }).catch(
      (error: unknown) => {
        // Already removed (session timed out): nothing to leave.
        if (fromCallError(error).reason !== 'UNKNOWN_MEMBER') throw error;
      },
    );
  }

  /** Sends the next heartbeat now instead of at the interval. */
  nudge(): void {
    this.nudgeSleep?.();
  }

  private async join(): Promise<void> {
    const r = await this.retrying(() =>
      this.call('JoinGroup', {
        group: this.o.groupId,
        member_id: this.memberId,
        client_id: this.o.clientId,
        topics: this.o.topics,
        session_timeout_ms: this.o.sessionTimeoutMs,
        group_instance_id: this.o.instanceId,
        assignor: this.o.assignor,
      }),
    );
    this.memberId = r.member_id;
    this.generation = r.generation;
    this.heartbeatIntervalMs = r.heartbeat_interval_ms;
    await this.apply(r.assignment);
  }

  private async heartbeatLoop(): Promise<void> {
    const backoff = new Backoff(this.o.backoff, this.o.random);
    let delayMs = this.heartbeatIntervalMs;
    while (!this.stopping.signal.aborted) {
      await this.sleep(delayMs);
      if (this.stopping.signal.aborted) return;
      try {
        await this.heartbeat();
        backoff.reset();
        delayMs = this.heartbeatIntervalMs;
      } catch (error) {
        const err = fromCallError(error);
        const action = groupAction(err);
        if (this.stopping.signal.aborted) return;
        if (action === 'retry') {
          delayMs = Math.min(backoff.next(err.retryDelayMs), this.heartbeatIntervalMs);
          continue;
        }
        if (action === 'fail') {
          this.failure = err;
          return;
        }
        await this.rejoin(action === 'rejoin-new');
        delayMs = this.heartbeatIntervalMs;
      }
    }
  }

  private async heartbeat(): Promise<void> {
    // An answer later than two intervals is of no use: the session is nearly over by then.
    const timeoutMs = Math.min(
      this.o.requestTimeoutMs,
      Math.max(1_000, 2 * this.heartbeatIntervalMs),
    );
    const call = this.call(
      'GroupHeartbeat',
      {
        group: this.o.groupId,
        member_id: this.memberId,
        generation: this.generation,
        owned: toWire(this.host.owned()),
      },
      timeoutMs,
    );
    this.heartbeatInflight = call;
    const r = await call;
    // Kept even when stopping: the closing commit is fenced by this generation.
    this.generation = r.generation;
    this.heartbeatIntervalMs = r.heartbeat_interval_ms;
    if (this.stopping.signal.aborted) return;
    this.applying = this.apply(r.assignment);
    try {
      await this.applying;
    } finally {
      this.applying = undefined;
    }
  }

  /** Acts on an assignment answer: new partitions now, revocations in the background. */
  private async apply(assignment: WireTopicPartitions[]): Promise<void> {
    const change = diffAssignment(this.host.owned(), assignment);
    if (change.added.length > 0) await this.host.added(change.added);
    if (change.revoked.length > 0 && this.revoking === undefined) {
      this.revoking = this.host
        .revoked(change.revoked)
        .catch(() => undefined)
        .finally(() => {
          this.revoking = undefined;
          this.nudge();
        });
    }
  }

  /** Fenced or timed out: drop everything without committing (others may own it), join again. */
  private async rejoin(asNewMember: boolean): Promise<void> {
    await this.revoking?.catch(() => undefined);
    await this.host.lost(this.host.owned());
    if (asNewMember) this.memberId = '';
    try {
      await this.join();
    } catch (error) {
      this.failure = fromCallError(error);
      this.stopping.abort();
    }
  }

  private sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const inner = new AbortController();
      this.nudgeSleep = () => inner.abort();
      const both = AbortSignal.any([inner.signal, this.stopping.signal]);
      void sleepUnless(this.o.clock, delayMs, both).then(() => {
        this.nudgeSleep = undefined;
        resolve();
      });
    });
  }

  /** Retries what may pass until the request timeout; joins and reads are safe to resend. */
  private async retrying<T>(fn: () => Promise<T>): Promise<T> {
    const backoff = new Backoff(this.o.backoff, this.o.random);
    const deadline = this.o.clock.nowMs() + this.o.requestTimeoutMs;
    for (;;) {
      try {
        return await fn();
      } catch (error) {
        const err = fromCallError(error);
        if (groupAction(err) !== 'retry' || this.o.clock.nowMs() >= deadline) throw err;
        await sleepUnless(this.o.clock, backoff.next(err.retryDelayMs), this.stopping.signal);
        if (this.stopping.signal.aborted)
          throw clientError('CLIENT_CLOSED', 'the consumer was closed');
      }
    }
  }

  /** One group call through the first broker that answers: any of them relays it. */
  private call<K extends GroupMethod>(
    method: K,
    request: RequestOf<K>,
    timeoutMs = this.o.requestTimeoutMs,
  ): Promise<ResponseOf<K>> {
    return this.metadata.callAnyBroker(method, request, timeoutMs);
  }
}

function notOwned(tp: TopicPartition): CoordinationError {
  return new CoordinationError({
    code: Code.FAILED_PRECONDITION,
    reason: 'FENCED',
    message: `${tp.topic}/${tp.partition} is no longer assigned to this member (the group rebalanced); its new owner reads its uncommitted records again`,
  });
}
