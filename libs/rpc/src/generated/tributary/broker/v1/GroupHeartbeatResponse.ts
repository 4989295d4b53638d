// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from '../../../tributary/coord/v1/TopicPartitions';

/**
 * Response of BrokerService.GroupHeartbeat.
 */
export interface GroupHeartbeatResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The member's generation, bumped when its assignment changed.
   */
  'generation'?: (number);
  /**
   * Target assignment (see tributary.coord.v1.GroupHeartbeatResponse.assignment).
   */
  'assignment'?: (_tributary_coord_v1_TopicPartitions)[];
  /**
   * Send the next heartbeat within this many milliseconds.
   */
  'heartbeat_interval_ms'?: (number);
}

/**
 * Response of BrokerService.GroupHeartbeat.
 */
export interface GroupHeartbeatResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The member's generation, bumped when its assignment changed.
   */
  'generation': (number);
  /**
   * Target assignment (see tributary.coord.v1.GroupHeartbeatResponse.assignment).
   */
  'assignment': (_tributary_coord_v1_TopicPartitions__Output)[];
  /**
   * Send the next heartbeat within this many milliseconds.
   */
  'heartbeat_interval_ms': (number);
}
