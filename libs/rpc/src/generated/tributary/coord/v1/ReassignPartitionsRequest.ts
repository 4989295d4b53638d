// Original file: protos/tributary/coord/v1/metadata.proto

import type { PartitionReassignment as _tributary_coord_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_coord_v1_PartitionReassignment__Output } from '../../../tributary/coord/v1/PartitionReassignment';

/**
 * Request of MetadataService.ReassignPartitions.
 */
export interface ReassignPartitionsRequest {
  /**
   * Explicit moves; empty = let the controller compute a balanced, rack-aware assignment of
   * every partition over the live brokers (what `trib partitions rebalance` sends).
   */
  'reassignments'?: (_tributary_coord_v1_PartitionReassignment)[];
}

/**
 * Request of MetadataService.ReassignPartitions.
 */
export interface ReassignPartitionsRequest__Output {
  /**
   * Explicit moves; empty = let the controller compute a balanced, rack-aware assignment of
   * every partition over the live brokers (what `trib partitions rebalance` sends).
   */
  'reassignments': (_tributary_coord_v1_PartitionReassignment__Output)[];
}
