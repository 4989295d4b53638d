// Original file: protos/tributary/broker/v1/broker.proto

import type { TopicPartition as _tributary_coord_v1_TopicPartition, TopicPartition__Output as _tributary_coord_v1_TopicPartition__Output } from '../../../tributary/coord/v1/TopicPartition';

/**
 * Request of BrokerService.FetchOffsets; as tributary.coord.v1.FetchOffsetsRequest.
 */
export interface FetchOffsetsRequest {
  /**
   * Group id.
   */
  'group'?: (string);
  /**
   * Partitions to read; empty = every partition with a committed offset.
   */
  'partitions'?: (_tributary_coord_v1_TopicPartition)[];
}

/**
 * Request of BrokerService.FetchOffsets; as tributary.coord.v1.FetchOffsetsRequest.
 */
export interface FetchOffsetsRequest__Output {
  /**
   * Group id.
   */
  'group': (string);
  /**
   * Partitions to read; empty = every partition with a committed offset.
   */
  'partitions': (_tributary_coord_v1_TopicPartition__Output)[];
}
