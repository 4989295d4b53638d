// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { PartitionReassignment as _tributary_coord_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_coord_v1_PartitionReassignment__Output } from '../../../tributary/coord/v1/PartitionReassignment';

/**
 * Response of MetadataService.ReassignPartitions.
 */
export interface ReassignPartitionsResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The moves committed (only partitions whose replicas change).
   */
  'reassignments'?: (_tributary_coord_v1_PartitionReassignment)[];
}

/**
 * Response of MetadataService.ReassignPartitions.
 */
export interface ReassignPartitionsResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The moves committed (only partitions whose replicas change).
   */
  'reassignments': (_tributary_coord_v1_PartitionReassignment__Output)[];
}
