// Original file: protos/tributary/coord/v1/common.proto

import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from '../../../tributary/coord/v1/TopicPartitions';

/**
 * One member of a consumer group.
 */
export interface GroupMember {
  /**
   * Server-assigned member id, unique in the cluster's life.
   */
  'member_id'?: (string);
  /**
   * Client-chosen label (e.g. process name), for operators only.
   */
  'client_id'?: (string);
  /**
   * Topics this member subscribes to.
   */
  'topics'?: (string)[];
  /**
   * Partitions handed to the member that it may be consuming: its assignment, plus revoked ones
   * it has not yet reported released.
   */
  'owned'?: (_tributary_coord_v1_TopicPartitions)[];
  /**
   * Partitions the group's assignor wants this member to own.
   */
  'target'?: (_tributary_coord_v1_TopicPartitions)[];
  /**
   * Member generation (epoch): bumped whenever its assignment changes; fences commits.
   */
  'generation'?: (number);
}

/**
 * One member of a consumer group.
 */
export interface GroupMember__Output {
  /**
   * Server-assigned member id, unique in the cluster's life.
   */
  'member_id': (string);
  /**
   * Client-chosen label (e.g. process name), for operators only.
   */
  'client_id': (string);
  /**
   * Topics this member subscribes to.
   */
  'topics': (string)[];
  /**
   * Partitions handed to the member that it may be consuming: its assignment, plus revoked ones
   * it has not yet reported released.
   */
  'owned': (_tributary_coord_v1_TopicPartitions__Output)[];
  /**
   * Partitions the group's assignor wants this member to own.
   */
  'target': (_tributary_coord_v1_TopicPartitions__Output)[];
  /**
   * Member generation (epoch): bumped whenever its assignment changes; fences commits.
   */
  'generation': (number);
}
