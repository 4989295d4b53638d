/**
 * Consumer groups as `Admin` describes them: the coordinators' GroupInfo in SDK shapes, and the
 * per-partition lag table (committed offset against the partition's high watermark) that
 * `trib group describe` prints, as Kafka's `kafka-consumer-groups --describe` does.
 */
import type { GroupInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/GroupInfo';
import type { GroupState__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/GroupState';
import type { TopicPartitions__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicPartitions';

/** 'unknown': the coordinators have never seen the group (no members, no commits). */
export type GroupState = 'unknown' | 'empty' | 'reconciling' | 'stable';

export interface GroupSummary {
  groupId: string;
  state: GroupState;
  members: number;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface GroupMemberDescription {
  memberId: string;
  clientId: string;
  topics: string[];
  /** Partitions the member may be consuming now. */
  owned: TopicPartition[];
  /** Partitions the assignor wants it to own. */
  target: TopicPartition[];
  generation: number;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Next offset the group will read, -1 when it has committed none. */
  committedOffset: number;
  /** Offset the next committed record will get. */
  highWatermark: number;
  /** highWatermark − committedOffset; null with no committed offset. */
  lag: number | null;
  /** Member owning the partition now, null when none does. */
  memberId: string | null;
  clientId: string | null;
}

export interface GroupDescription {
  groupId: string;
  state: GroupState;
  /** Bumped whenever the target assignment changes. */
  generation: number;
  members: GroupMemberDescription[];
  /** Every partition of the subscribed or committed topics, by topic then partition. */
  partitions: PartitionLag[];
  /** Sum of the known lags. */
  totalLag: number;
}

const STATES: Record<GroupState__Output, GroupState> = {
  GROUP_STATE_UNSPECIFIED: 'unknown',
  GROUP_STATE_EMPTY: 'empty',
  GROUP_STATE_RECONCILING: 'reconciling',
  GROUP_STATE_STABLE: 'stable',
};

export function groupState(state: GroupState__Output): GroupState {
  return STATES[state];
}

export function flatten(list: TopicPartitions__Output[]): TopicPartition[] {
  return list.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition })));
}

export function describeMembers(info: GroupInfo__Output): GroupMemberDescription[] {
  return info.members.map((m) => ({
    memberId: m.member_id,
    clientId: m.client_id,
    topics: m.topics,
    owned: flatten(m.owned),
    target: flatten(m.target),
    generation: m.generation,
  }));
}

/** Topics whose partitions a group description lists: subscribed ones and committed ones. */
export function groupTopics(
  members: GroupMemberDescription[],
  committed: readonly TopicPartition[],
): string[] {
  const topics = new Set<string>();
  for (const m of members) for (const t of m.topics) topics.add(t);
  for (const c of committed) topics.add(c.topic);
  return [...topics].sort();
}

/**
 * The lag rows of `partitions`: `committed` and `highWatermarks` keyed `topic/partition`
 * (a partition missing from `committed` has no committed offset).
 */
export function lagRows(
  partitions: readonly TopicPartition[],
  members: readonly GroupMemberDescription[],
  committed: ReadonlyMap<string, number>,
  highWatermarks: ReadonlyMap<string, number>,
): PartitionLag[] {
  const owner = new Map<string, GroupMemberDescription>();
  for (const m of members) for (const p of m.owned) owner.set(key(p), m);
  return partitions.map((p) => {
    const k = key(p);
    const committedOffset = committed.get(k) ?? -1;
    const highWatermark = highWatermarks.get(k) ?? 0;
    const m = owner.get(k);
    return {
      topic: p.topic,
      partition: p.partition,
      committedOffset,
      highWatermark,
      // A commit can be ahead of a high watermark that a new leader has not yet advanced.
      lag: committedOffset < 0 ? null : Math.max(0, highWatermark - committedOffset),
      memberId: m?.memberId ?? null,
      clientId: m?.clientId ?? null,
    };
  });
}

export function key(p: TopicPartition): string {
  return `${p.topic}/${p.partition}`;
}
