// Original file: protos/tributary/coord/v1/metadata.proto

import type { PartitionInfo as _tributary_coord_v1_PartitionInfo, PartitionInfo__Output as _tributary_coord_v1_PartitionInfo__Output } from '../../../tributary/coord/v1/PartitionInfo';

/**
 * A partition changed in place (leader, epochs, replicas, ISR).
 */
export interface PartitionUpdate {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * The partition's new state, complete.
   */
  'partition'?: (_tributary_coord_v1_PartitionInfo | null);
}

/**
 * A partition changed in place (leader, epochs, replicas, ISR).
 */
export interface PartitionUpdate__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * The partition's new state, complete.
   */
  'partition': (_tributary_coord_v1_PartitionInfo__Output | null);
}
