// The follower side of one partition: truncation by leader epoch (KIP-101) and what to do with
// a fetch answer. Pure functions over a read-only view of the follower's log; the shell
// performs the returned steps in order and asks again with the log as it then is.
//
// Safety argument for truncation: a committed record is on every ISR member at the same
// offset with the same epoch, and each epoch has one leader whose log is the prefix of every
// other log's records of that epoch. A follower whose last epoch is L, told by the leader that
// its largest epoch ≤ L is E ending at `end`, holds at offsets ≥ `end` only records of epochs
// ≤ L the leader does not have there, and records of epochs > E only at offsets ≥ its own end
// of E: neither can be committed, so cutting at the minimum of the two never loses a committed
// record.

import { assert } from './assert';

/** What the follower core reads of its own log. */
export interface FollowerLogView {
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** Epoch of the last batch, -1 if the log is empty. */
  lastEpoch(): number;
  /** Largest epoch ≤ e in the log and where it ends; {-1, -1} if none. */
  endOffsetForEpoch(e: number): { epoch: number; endOffset: number };
}

export interface EpochEnd {
  epoch: number;
  endOffset: number;
}

/** A change to the follower's log, performed by the shell before it fetches again. */
export type LogStep =
  /** Remove everything at and above `offset`. */
  | { kind: 'truncate'; offset: number }
  /** Drop the whole log and restart it empty at `offset`. */
  | { kind: 'reset'; offset: number };

/** The fields of a ReplicaFetch partition entry that come from the follower's log. */
export function fetchPosition(log: FollowerLogView): {
  fetchOffset: number;
  lastFetchedEpoch: number;
  logStartOffset: number;
} {
  return {
    fetchOffset: log.logEndOffset,
    lastFetchedEpoch: log.lastEpoch(),
    logStartOffset: log.logStartOffset,
  };
}

/**
 * Where to cut the follower's log, given the leader's end of its largest epoch ≤ the
 * follower's last one (from OffsetForLeaderEpoch or a ReplicaFetch's diverging_epoch).
 * Undefined when nothing needs to go. `diverging`: the leader said the logs differ (a
 * diverging_epoch answer), so something must go; if this log's own view finds nothing (only
 * possible after an unclean election broke the committed prefix) it restarts from its start
 * rather than asking forever.
 */
export function truncationStep(
  leader: EpochEnd,
  log: FollowerLogView,
  diverging = false,
): LogStep | undefined {
  let offset: number;
  if (leader.epoch < 0) {
    // The leader has no epoch that old: only records below the high watermark are known
    // committed (the rest of them the leader deleted by retention; log-start following
    // removes those). An empty leader log still names its end (else -1).
    offset = Math.min(log.highWatermark, log.logEndOffset);
    if (leader.endOffset >= 0) offset = Math.min(offset, leader.endOffset);
  } else {
    const own = log.endOffsetForEpoch(leader.epoch);
    // No epoch ≤ the leader's here: every record here is of an epoch the leader never had
    // (an empty log restarted beyond the leader's end goes back to it).
    offset =
      own.epoch < 0
        ? Math.min(leader.endOffset, log.logStartOffset)
        : Math.min(leader.endOffset, own.endOffset, log.logEndOffset);
  }
  if (offset >= log.logEndOffset) {
    if (!diverging || log.logEndOffset === log.logStartOffset) return undefined;
    offset = log.logStartOffset;
  }
  if (offset < log.logStartOffset) return { kind: 'reset', offset: Math.max(0, offset) };
  return { kind: 'truncate', offset };
}

/** Batch position fields of a fetched batch. */
export interface BatchSpan {
  baseOffset: number;
  recordCount: number;
}

/** How to apply a successful ReplicaFetch answer (no diverging_epoch) to the follower's log. */
export interface FetchPlan {
  /** Done first: the leader's log starts past this log's end. */
  reset?: number;
  /** Index of the first answered batch to append (earlier ones are already here). */
  appendFrom: number;
}

/**
 * Which of the fetched batches to append. The leader answers from the follower's log end,
 * so normally all of them; batches wholly below the end (a duplicate answer) are skipped. The
 * first may start after the end (compaction removed whole batches), never inside the log.
 */
export function planFetchApply(
  batches: readonly BatchSpan[],
  leaderLogStartOffset: number,
  log: FollowerLogView,
): FetchPlan {
  const reset = leaderLogStartOffset > log.logEndOffset ? leaderLogStartOffset : undefined;
  const end = reset ?? log.logEndOffset;
  let appendFrom = 0;
  while (
    appendFrom < batches.length &&
    batches[appendFrom].baseOffset + batches[appendFrom].recordCount <= end
  )
    appendFrom++;
  const first = batches[appendFrom];
  assert(
    first === undefined || first.baseOffset >= end,
    `fetched batch at ${first?.baseOffset} straddles the log end ${end}`,
  );
  return reset === undefined ? { appendFrom } : { reset, appendFrom };
}

/** The follower's new high watermark: the leader's, capped at its own log end, never back. */
export function followerHighWatermark(leaderHw: number, log: FollowerLogView): number {
  return Math.min(Math.max(log.highWatermark, leaderHw), log.logEndOffset);
}

/** Offset to delete below to follow the leader's log start, or undefined if none. */
export function followLogStart(
  leaderLogStartOffset: number,
  log: FollowerLogView,
): number | undefined {
  if (leaderLogStartOffset <= log.logStartOffset) return undefined;
  return Math.min(leaderLogStartOffset, log.logEndOffset);
}
