// The leader's decision on one partition of a follower's ReplicaFetch, before any read:
// fencing, divergence (the follower's last epoch ends earlier, or does not exist, in this log)
// and where to read from.

import { checkLeaderEpoch } from './fencing';

export interface ReplicaFetchAsk {
  replicaId: number;
  leaderEpoch: number;
  fetchOffset: number;
  lastFetchedEpoch: number;
}

/** What the leader reads of its own log. */
export interface LeaderLogView {
  logStartOffset: number;
  logEndOffset: number;
  lastEpoch(): number;
  endOffsetForEpoch(e: number): { epoch: number; endOffset: number };
}

export type ReplicaFetchDecision =
  | { kind: 'error'; reason: 'FENCED' | 'UNKNOWN_LEADER_EPOCH'; message: string }
  /** The follower must truncate (min(endOffset, own log end)) and fetch again. */
  | { kind: 'diverging'; epoch: number; endOffset: number }
  /** The follower's log start is gone here: answer the log start and no batches. */
  | { kind: 'behind-log-start' }
  /** Read from fetchOffset; the fetch offset counts as the follower's progress. */
  | { kind: 'read' };

export function decideReplicaFetch(
  ask: ReplicaFetchAsk,
  leader: { brokerId: number; leaderEpoch: number; replicas: readonly number[] },
  log: LeaderLogView,
): ReplicaFetchDecision {
  if (ask.replicaId === leader.brokerId || !leader.replicas.includes(ask.replicaId))
    return {
      kind: 'error',
      reason: 'FENCED',
      message: `broker ${ask.replicaId} is not a follower of this partition (replicas ${leader.replicas.join(',')})`,
    };
  const epoch = checkLeaderEpoch(ask.leaderEpoch, leader.leaderEpoch);
  if (!epoch.ok) return { kind: 'error', reason: epoch.reason, message: epoch.message };
  // Below the log start the follower restarts there whatever it holds: no divergence check
  // (the epochs of deleted batches are gone from the cache). Exactly at the log start there is
  // nothing here to compare with either: the follower continues and deletes what is below.
  if (ask.fetchOffset < log.logStartOffset) return { kind: 'behind-log-start' };
  if (ask.lastFetchedEpoch >= 0 && ask.fetchOffset > log.logStartOffset) {
    const end = log.endOffsetForEpoch(ask.lastFetchedEpoch);
    if (end.epoch !== ask.lastFetchedEpoch || end.endOffset < ask.fetchOffset)
      return { kind: 'diverging', epoch: end.epoch, endOffset: end.endOffset };
  } else if (ask.fetchOffset > log.logEndOffset) {
    // A follower log restarted beyond this log's end: bring it back to the end.
    return { kind: 'diverging', epoch: log.lastEpoch(), endOffset: log.logEndOffset };
  }
  return { kind: 'read' };
}
