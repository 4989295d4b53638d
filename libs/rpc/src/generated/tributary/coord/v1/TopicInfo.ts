// Original file: protos/tributary/coord/v1/common.proto

import type { PartitionInfo as _tributary_coord_v1_PartitionInfo, PartitionInfo__Output as _tributary_coord_v1_PartitionInfo__Output } from '../../../tributary/coord/v1/PartitionInfo';

/**
 * A topic and its partitions.
 */
export interface TopicInfo {
  /**
   * Topic name, `[A-Za-z0-9._-]{1,249}`.
   */
  'name'?: (string);
  /**
   * Id assigned at creation (UUID text); distinguishes a re-created topic of the same name.
   */
  'topic_id'?: (string);
  /**
   * Replicas per partition, 1 to the number of live brokers at creation.
   */
  'replication_factor'?: (number);
  /**
   * Every partition, ordered by `partition`.
   */
  'partitions'?: (_tributary_coord_v1_PartitionInfo)[];
  /**
   * Topic-level configuration overrides (e.g. "retention.ms", "retention.bytes",
   * "cleanup.policy", "min.insync.replicas", "max.message.bytes", "unclean.leader.election");
   * keys not present take the cluster defaults.
   */
  'configs'?: ({[key: string]: string});
}

/**
 * A topic and its partitions.
 */
export interface TopicInfo__Output {
  /**
   * Topic name, `[A-Za-z0-9._-]{1,249}`.
   */
  'name': (string);
  /**
   * Id assigned at creation (UUID text); distinguishes a re-created topic of the same name.
   */
  'topic_id': (string);
  /**
   * Replicas per partition, 1 to the number of live brokers at creation.
   */
  'replication_factor': (number);
  /**
   * Every partition, ordered by `partition`.
   */
  'partitions': (_tributary_coord_v1_PartitionInfo__Output)[];
  /**
   * Topic-level configuration overrides (e.g. "retention.ms", "retention.bytes",
   * "cleanup.policy", "min.insync.replicas", "max.message.bytes", "unclean.leader.election");
   * keys not present take the cluster defaults.
   */
  'configs': ({[key: string]: string});
}
