// The follower's half of replication: one loop per leader broker that first truncates each new
// partition by leader epoch (OffsetForLeaderEpoch, KIP-101), then fetches all the partitions it
// follows there in one ReplicaFetch at a time and applies the answers (diverging_epoch
// truncation, appends, high watermark, log start), as the replication core plans them.
import { storedFromWire } from '@tributary/log-store';
import {
  followerHighWatermark,
  followLogStart,
  planFetchApply,
  truncationStep,
  type LogStep,
} from '@tributary/replication';
import { decodeStatusDetails, readError } from '@tributary/rpc';
import type { ReplicaFetchPartitionResult__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchPartitionResult';
import type { ReplicaContext } from './context';
import type { FollowerRole, PartitionReplica } from './partition-replica';

/** Per-partition pause after an error answer that names no retry delay. */
const PARTITION_RETRY_MS = 200;
/** A fenced follower waits for metadata; it asks again only after this. */
const FENCED_RETRY_MS = 1000;
/** Backoff bounds after a failed ReplicaFetch call. */
const CALL_BACKOFF_MIN_MS = 50;
const CALL_BACKOFF_MAX_MS = 2000;
/** Shortest round trip of a fetch round that brought nothing. */
const IDLE_ROUND_MS = 20;
/** Longest sleep while every partition waits (a wake cuts it short). */
const IDLE_MS = 1000;

interface Follower {
  r: PartitionReplica;
  role: FollowerRole;
}

export class FollowerFetcher {
  private running = false;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private failures = 0;

  constructor(
    private readonly ctx: ReplicaContext,
    readonly leaderId: number,
  ) {}

  /** Starts the loop, or cuts its pause short: a partition was added or became ready. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.wakeUp?.();
    else void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp?.();
  }

  private followers(): Follower[] {
    const out: Follower[] = [];
    for (const r of this.ctx.replicas())
      if (r.role.kind === 'follower' && r.role.leaderId === this.leaderId)
        out.push({ r, role: r.role });
    return out;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped && !this.ctx.closed()) {
        const all = this.followers();
        if (all.length === 0) return;
        const now = this.ctx.ports.now();
        const due = all.filter((f) => f.role.ready && f.role.retryAtMs <= now);
        if (due.length === 0) {
          const next = Math.min(...all.filter((f) => f.role.ready).map((f) => f.role.retryAtMs));
          await this.pause(Number.isFinite(next) ? Math.max(1, next - now) : IDLE_MS);
          continue;
        }
        const untruncated = due.filter((f) => !f.role.truncated);
        if (untruncated.length > 0) await Promise.all(untruncated.map((f) => this.truncate(f)));
        else await this.fetchOnce(due);
      }
    } catch (error) {
      this.ctx.log?.error({ err: error, leader: this.leaderId }, 'follower fetch loop failed');
    } finally {
      // Synchronously after the last check of followers(): a wake() from now on restarts it.
      this.running = false;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        timer.cancel();
        this.wakeUp = undefined;
        resolve();
      };
      const timer = this.ctx.setTimer(ms, done);
      this.wakeUp = done;
    });
  }

  /** KIP-101 before the first fetch of an epoch: cut whatever the leader's log does not have. */
  private async truncate({ r, role }: Follower): Promise<void> {
    const lastEpoch = r.log.lastEpoch();
    if (lastEpoch < 0) {
      role.truncated = true;
      return;
    }
    try {
      const res = await this.ctx.ports.offsetForLeaderEpoch(this.leaderId, {
        topic: r.topic,
        partition: r.partition,
        replica_id: this.ctx.brokerId,
        current_leader_epoch: role.leaderEpoch,
        leader_epoch: lastEpoch,
      });
      await r.exclusive(async () => {
        if (r.role !== role || r.log.lastEpoch() !== lastEpoch) return;
        const end = res.end ?? { epoch: -1, end_offset: -1 };
        const step = truncationStep({ epoch: end.epoch, endOffset: end.end_offset }, r.log);
        if (step) await this.applyStep(r, step, 'offset-for-leader-epoch');
        role.truncated = true;
      });
    } catch (error) {
      const e = readError(error);
      role.retryAtMs =
        this.ctx.ports.now() +
        (e.reason === 'FENCED' ? FENCED_RETRY_MS : (e.retryDelayMs ?? PARTITION_RETRY_MS));
    }
  }

  private async fetchOnce(due: Follower[]): Promise<void> {
    const sent = due.map((f) => ({ ...f, fetchOffset: f.r.log.logEndOffset }));
    const startedMs = this.ctx.ports.now();
    let answers: ReplicaFetchPartitionResult__Output[];
    try {
      const res = await this.ctx.ports.replicaFetch(this.leaderId, {
        replica_id: this.ctx.brokerId,
        broker_epoch: this.ctx.brokerEpoch(),
        max_wait_ms: this.ctx.opts.fetchMaxWaitMs,
        min_bytes: 1,
        max_bytes: this.ctx.opts.fetchMaxBytes,
        partitions: sent.map(({ r, role, fetchOffset }) => {
          const throttle = throttleOf(r, this.ctx.brokerId);
          return {
            topic: r.topic,
            partition: r.partition,
            leader_epoch: role.leaderEpoch,
            fetch_offset: fetchOffset,
            last_fetched_epoch: r.log.lastEpoch(),
            log_start_offset: r.log.logStartOffset,
            // A throttled copy asks for a tenth of a second's worth at a time: an even flow.
            max_bytes: throttle > 0 ? Math.max(1, Math.floor(throttle / 10)) : 0,
          };
        }),
      });
      answers = res.partitions;
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.ctx.log?.debug({ err: error, leader: this.leaderId }, 'ReplicaFetch failed');
      await this.pause(
        Math.min(CALL_BACKOFF_MAX_MS, CALL_BACKOFF_MIN_MS * 2 ** (this.failures - 1)),
      );
      return;
    }
    const byName = new Map(answers.map((a) => [`${a.topic}/${a.partition}`, a]));
    await Promise.all(
      sent.map(async (s) => {
        const answer = byName.get(s.r.name);
        if (answer) await this.applyAnswer(s, answer);
      }),
    );
    // A leader that does not long-poll (max wait 0, or it answers errors) is not asked again
    // at once when it had nothing: bounds the rounds per second of an idle partition set.
    const moved = sent.some((s) => s.r.log.logEndOffset !== s.fetchOffset);
    const elapsed = this.ctx.ports.now() - startedMs;
    if (!moved && elapsed < IDLE_ROUND_MS) await this.pause(IDLE_ROUND_MS - elapsed);
  }

  private async applyAnswer(
    s: Follower & { fetchOffset: number },
    a: ReplicaFetchPartitionResult__Output,
  ): Promise<void> {
    const { r, role } = s;
    try {
      await r.exclusive(async () => {
        // A role change or another answer got here first: this one no longer fits the log.
        if (r.role !== role || this.ctx.closed() || r.log.logEndOffset !== s.fetchOffset) return;
        if (a.status_details && a.status_details.length > 0)
          return this.answerError(s, a.status_details);
        if (a.diverging_epoch) {
          const step = truncationStep(
            { epoch: a.diverging_epoch.epoch, endOffset: a.diverging_epoch.end_offset },
            r.log,
            true,
          );
          if (step) await this.applyStep(r, step, 'diverging-epoch');
          return;
        }
        const spans = a.batches.map((b) => ({
          baseOffset: b.base_offset,
          recordCount: b.record_count,
        }));
        const plan = planFetchApply(spans, a.log_start_offset, r.log);
        if (plan.reset !== undefined)
          await this.applyStep(r, { kind: 'reset', offset: plan.reset }, 'log-start');
        const batches = a.batches.slice(plan.appendFrom);
        if (batches.length > 0) {
          const throttle = throttleOf(r, this.ctx.brokerId);
          if (throttle > 0) {
            // Not fetched again before these bytes fit the reassignment's rate.
            const bytes = batches.reduce((n, b) => n + b.records.length, 0);
            role.retryAtMs = this.ctx.ports.now() + (bytes * 1000) / throttle;
          }
          const now = this.ctx.ports.wallClock();
          await r.log.appendAsFollower(
            batches.map((b) => ({
              ...storedFromWire(b),
              baseOffset: b.base_offset,
              leaderEpoch: b.leader_epoch,
              appendTimeMs: now,
            })),
          );
        }
        const hw = followerHighWatermark(a.high_watermark, r.log);
        if (hw !== r.log.highWatermark) r.log.setHighWatermark(hw);
        const start = followLogStart(a.log_start_offset, r.log);
        if (start !== undefined) await r.log.deleteBefore(start);
      });
    } catch (error) {
      this.ctx.log?.warn(
        { err: error, partition: r.name },
        'applying a ReplicaFetch answer failed',
      );
      role.retryAtMs = this.ctx.ports.now() + PARTITION_RETRY_MS;
    }
  }

  private answerError({ r, role }: Follower, details: Buffer): void {
    const status = decodeStatusDetails(details);
    const reason = status?.errorInfo?.reason;
    this.ctx.log?.debug(
      { partition: r.name, reason, message: status?.message },
      'ReplicaFetch partition error',
    );
    role.retryAtMs =
      this.ctx.ports.now() +
      (reason === 'FENCED' ? FENCED_RETRY_MS : (status?.retryDelayMs ?? PARTITION_RETRY_MS));
  }

  private async applyStep(r: PartitionReplica, step: LogStep, why: string): Promise<void> {
    this.ctx.log?.info(
      { partition: r.name, step, why, logEnd: r.log.logEndOffset },
      'follower log cut',
    );
    if (step.kind === 'truncate') await r.log.truncateTo(step.offset);
    else await r.log.resetTo(step.offset);
    if (r.log.highWatermark > r.log.logEndOffset) r.log.setHighWatermark(r.log.logEndOffset);
  }
}

/**
 * The rate this broker copies `r` at while a reassignment adds it as a new replica (bytes/s;
 * 0: no limit). Followers already in the ISR are never throttled.
 */
function throttleOf(r: PartitionReplica, brokerId: number): number {
  const rate = Number(r.info.reassignment_throttle_bytes_per_sec ?? 0);
  return rate > 0 && r.info.adding_replicas.includes(brokerId) ? rate : 0;
}
