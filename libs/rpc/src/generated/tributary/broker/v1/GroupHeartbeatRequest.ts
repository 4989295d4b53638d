// Original file: protos/tributary/broker/v1/broker.proto

import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from '../../../tributary/coord/v1/TopicPartitions';

/**
 * Request of BrokerService.GroupHeartbeat; as tributary.coord.v1.GroupHeartbeatRequest.
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
 * Request of BrokerService.GroupHeartbeat; as tributary.coord.v1.GroupHeartbeatRequest.
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
