/**
 * The consumer group's decisions, without I/O: what a heartbeat answer means for the partitions
 * this member owns, what a failed group call asks of the member, and which offsets a commit
 * carries. consumer-group.ts runs them against the brokers.
 */
import { status as Code } from '@grpc/grpc-js';
import type { CoordinationError } from './errors';

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** Partitions of one topic, as the group RPCs carry them. */
export interface WireTopicPartitions {
  topic: string;
  partitions: number[];
}

export const tpKey = (tp: TopicPartition): string => `${tp.topic}\0${tp.partition}`;

/** Sorted by topic then partition, so reports and listener arguments read the same each time. */
export function sortPartitions(list: readonly TopicPartition[]): TopicPartition[] {
  return [...list].sort((a, b) =>
    a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
  );
}

export function toWire(list: readonly TopicPartition[]): WireTopicPartitions[] {
  const byTopic = new Map<string, number[]>();
  for (const tp of sortPartitions(list)) {
    byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  }
  return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
}

export function fromWire(list: readonly WireTopicPartitions[]): TopicPartition[] {
  return sortPartitions(
    list.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition }))),
  );
}

export interface AssignmentChange {
  /** Owned and no longer in the target: stop, commit, then release by omitting from `owned`. */
  revoked: TopicPartition[];
  /** In the target and not owned yet: the server has released them to this member. */
  added: TopicPartition[];
}

/**
 * The server's answer lists exactly what the member may consume now (its target minus what
 * others still hold), so the difference with what it owns is the whole hand-over step.
 */
export function diffAssignment(
  owned: readonly TopicPartition[],
  target: readonly WireTopicPartitions[],
): AssignmentChange {
  const want = new Set(fromWire(target).map(tpKey));
  const have = new Set(owned.map(tpKey));
  return {
    revoked: sortPartitions(owned.filter((tp) => !want.has(tpKey(tp)))),
    added: fromWire(target).filter((tp) => !have.has(tpKey(tp))),
  };
}

/**
 * What a failed join, heartbeat or commit asks of the member:
 * - 'retry': the call may succeed later (coordinators electing, a broker restarting);
 * - 'rejoin': FENCED, a stale generation (an answer was lost): the member stops consuming
 *   everything and joins again under its member id, which the server keeps;
 * - 'rejoin-new': UNKNOWN_MEMBER, the session timed out and others may own the partitions:
 *   stop everything and join as a new member;
 * - 'fail': anything else (a bad group id, say): the caller sees the error.
 */
export type GroupAction = 'retry' | 'rejoin' | 'rejoin-new' | 'fail';

export function groupAction(error: CoordinationError): GroupAction {
  if (error.reason === 'CLIENT_CLOSED') return 'fail';
  if (error.reason === 'FENCED') return 'rejoin';
  if (error.reason === 'UNKNOWN_MEMBER') return 'rejoin-new';
  if (error.retriable || error.indeterminate || error.code === Code.UNAVAILABLE) return 'retry';
  // A deadline passed, or the broker lost its coordinators mid-call.
  if (error.code === Code.DEADLINE_EXCEEDED || error.reason === 'TIMEOUT') return 'retry';
  return 'fail';
}

/** A partition's consumed position, as a commit needs it. */
export interface ConsumedPosition extends TopicPartition {
  /** Offset after the last record the application is done with. */
  consumed: number;
  /** Leader epoch of that record; -1 when unknown. */
  leaderEpoch: number;
  /** Last offset committed (or read back from the group); -1 when none. */
  committed: number;
}

export interface OffsetToCommit extends TopicPartition {
  offset: number;
  leaderEpoch: number;
}

/** The positions that moved since their last commit: committing the rest would only cost a write. */
export function offsetsToCommit(positions: readonly ConsumedPosition[]): OffsetToCommit[] {
  return positions
    .filter((p) => p.consumed >= 0 && p.consumed !== p.committed)
    .map((p) => ({
      topic: p.topic,
      partition: p.partition,
      offset: p.consumed,
      leaderEpoch: p.leaderEpoch,
    }));
}
