// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { PartitionInfo as _tributary_coord_v1_PartitionInfo, PartitionInfo__Output as _tributary_coord_v1_PartitionInfo__Output } from '../../../tributary/coord/v1/PartitionInfo';

/**
 * Response of MetadataService.AlterIsr.
 */
export interface AlterIsrResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The partition after the change (with its new partition_epoch).
   */
  'partition'?: (_tributary_coord_v1_PartitionInfo | null);
}

/**
 * Response of MetadataService.AlterIsr.
 */
export interface AlterIsrResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The partition after the change (with its new partition_epoch).
   */
  'partition': (_tributary_coord_v1_PartitionInfo__Output | null);
}
