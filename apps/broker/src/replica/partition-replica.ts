// One partition this broker holds a replica of: its log, the metadata last applied, its role
// and the waiters on its offsets. Log changes other than leader appends (follower appends,
// truncation, retention, compaction, deletion, role changes) run one at a time through
// `exclusive`, after the leader appends already in flight have settled.
import type { PartitionLog } from '@tributary/log-store';
import type { PartitionLeader } from '@tributary/replication';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import { ProgressWaiters } from './progress-waiters';
import type { SetTimer } from './timer';
import type { TopicSettings } from './topic-settings';

export interface FollowerRole {
  kind: 'follower';
  leaderId: number;
  leaderEpoch: number;
  /** False until leader appends of an earlier role have settled: the log end is then final. */
  ready: boolean;
  /** Whether the truncation by leader epoch (OffsetForLeaderEpoch) for this epoch is done. */
  truncated: boolean;
  /** Not fetched before this time (per-partition backoff after an error answer). */
  retryAtMs: number;
}

export type Role =
  | { kind: 'leader'; core: PartitionLeader }
  | FollowerRole
  /** No leader (-1), or a role change still being applied. */
  | { kind: 'offline'; leaderEpoch: number };

export class PartitionReplica {
  info: PartitionInfo__Output;
  settings: TopicSettings;
  role: Role;
  /** Leader only: consumers and acks=ALL produces waiting for the high watermark. */
  readonly hwWaiters: ProgressWaiters;
  /** Leader only: followers' long-polls waiting for the log end. */
  readonly endWaiters: ProgressWaiters;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inflight = new Set<Promise<unknown>>();
  /** The last queued append's turn, and how many queued appends have not started yet. */
  private checking: Promise<unknown> = Promise.resolve();
  private waitingAppends = 0;

  constructor(
    readonly log: PartitionLog,
    info: PartitionInfo__Output,
    settings: TopicSettings,
    setTimer: SetTimer,
  ) {
    this.info = info;
    this.settings = settings;
    this.role = { kind: 'offline', leaderEpoch: -1 };
    this.hwWaiters = new ProgressWaiters(setTimer);
    this.endWaiters = new ProgressWaiters(setTimer);
  }

  get topic(): string {
    return this.log.topic;
  }
  get partition(): number {
    return this.log.partition;
  }
  /** The epoch of the role this replica has taken (-1 before the first). */
  get leaderEpoch(): number {
    return this.role.kind === 'leader' ? this.role.core.leaderEpoch : this.role.leaderEpoch;
  }
  get name(): string {
    return `${this.topic}/${this.partition}`;
  }

  /** Runs `fn` alone among exclusive operations, after in-flight leader appends. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await Promise.allSettled([...this.inflight]);
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Records a leader append in flight, so exclusive operations wait for it. */
  track<T>(append: Promise<T>): Promise<T> {
    this.inflight.add(append);
    const untrack = () => this.inflight.delete(append);
    append.then(untrack, untrack);
    return append;
  }

  /**
   * Starts `append` in arrival order behind every earlier append still waiting on its `check`
   * (a compressed batch is inflated and decoded before it may be stored, which is
   * asynchronous). With nothing waiting and no check, it starts at once. Either way offsets
   * follow arrival order; a failed check fails its own batch only.
   */
  appendInOrder<T>(check: Promise<unknown> | undefined, append: () => Promise<T>): Promise<T> {
    if (check === undefined && this.waitingAppends === 0) return append();
    // The check may fail before its turn comes; it is reported through `started`, and must not
    // count as an unhandled rejection meanwhile (that would end the process).
    check?.catch(() => undefined);
    this.waitingAppends++;
    const turn = this.checking.then(() => check);
    const started = turn.then(
      () => {
        this.waitingAppends--;
        return append();
      },
      (error: unknown) => {
        this.waitingAppends--;
        throw error;
      },
    );
    this.checking = turn.catch(() => undefined);
    return started;
  }

  /** Resolves once every exclusive operation queued so far has finished. */
  idle(): Promise<void> {
    return this.exclusive(async () => undefined);
  }
}
