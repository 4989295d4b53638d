// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from '../../../tributary/coord/v1/TopicPartitions';

/**
 * Response of MetadataService.GroupHeartbeat.
 */
export interface GroupHeartbeatResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The member's generation, bumped when its assignment changed; use it from now on.
   */
  'generation'?: (number);
  /**
   * Target assignment: the member must stop consuming, commit and release (omit from `owned`)
   * every owned partition not listed; a listed partition appears only once its previous owner
   * has released it, so no partition is ever owned by two members.
   */
  'assignment'?: (_tributary_coord_v1_TopicPartitions)[];
  /**
   * Send the next heartbeat within this many milliseconds.
   */
  'heartbeat_interval_ms'?: (number);
}

/**
 * Response of MetadataService.GroupHeartbeat.
 */
export interface GroupHeartbeatResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The member's generation, bumped when its assignment changed; use it from now on.
   */
  'generation': (number);
  /**
   * Target assignment: the member must stop consuming, commit and release (omit from `owned`)
   * every owned partition not listed; a listed partition appears only once its previous owner
   * has released it, so no partition is ever owned by two members.
   */
  'assignment': (_tributary_coord_v1_TopicPartitions__Output)[];
  /**
   * Send the next heartbeat within this many milliseconds.
   */
  'heartbeat_interval_ms': (number);
}
