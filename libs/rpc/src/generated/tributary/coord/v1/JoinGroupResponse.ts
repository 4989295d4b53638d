// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from '../../../tributary/coord/v1/TopicPartitions';

/**
 * Response of MetadataService.JoinGroup.
 */
export interface JoinGroupResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The member's id; send it with every later call.
   */
  'member_id'?: (string);
  /**
   * The member's generation; send it with heartbeats and commits.
   */
  'generation'?: (number);
  /**
   * Partitions the member may consume now (initially only partitions no one owns).
   */
  'assignment'?: (_tributary_coord_v1_TopicPartitions)[];
  /**
   * Send a heartbeat at least this often, in milliseconds.
   */
  'heartbeat_interval_ms'?: (number);
}

/**
 * Response of MetadataService.JoinGroup.
 */
export interface JoinGroupResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The member's id; send it with every later call.
   */
  'member_id': (string);
  /**
   * The member's generation; send it with heartbeats and commits.
   */
  'generation': (number);
  /**
   * Partitions the member may consume now (initially only partitions no one owns).
   */
  'assignment': (_tributary_coord_v1_TopicPartitions__Output)[];
  /**
   * Send a heartbeat at least this often, in milliseconds.
   */
  'heartbeat_interval_ms': (number);
}
