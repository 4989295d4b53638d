// Original file: protos/tributary/coord/v1/metadata.proto

import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from '../../../tributary/coord/v1/TopicPartitions';

/**
 * Request of MetadataService.GroupHeartbeat.
 */
export interface GroupHeartbeatRequest {
  /**
   * Group id.
   */
  'group'?: (string);
  /**
   * Member id from JoinGroup.
   */
  'member_id'?: (string);
  /**
   * The member's current generation.
   */
  'generation'?: (number);
  /**
   * Partitions the member owns now (consuming, not yet released).
   */
  'owned'?: (_tributary_coord_v1_TopicPartitions)[];
}

/**
 * Request of MetadataService.GroupHeartbeat.
 */
export interface GroupHeartbeatRequest__Output {
  /**
   * Group id.
   */
  'group': (string);
  /**
   * Member id from JoinGroup.
   */
  'member_id': (string);
  /**
   * The member's current generation.
   */
  'generation': (number);
  /**
   * Partitions the member owns now (consuming, not yet released).
   */
  'owned': (_tributary_coord_v1_TopicPartitions__Output)[];
}
