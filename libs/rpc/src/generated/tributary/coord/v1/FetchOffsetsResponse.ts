// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { PartitionOffset as _tributary_coord_v1_PartitionOffset, PartitionOffset__Output as _tributary_coord_v1_PartitionOffset__Output } from '../../../tributary/coord/v1/PartitionOffset';

/**
 * Response of MetadataService.FetchOffsets.
 */
export interface FetchOffsetsResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Committed offsets (offset -1 where none), in request order.
   */
  'offsets'?: (_tributary_coord_v1_PartitionOffset)[];
}

/**
 * Response of MetadataService.FetchOffsets.
 */
export interface FetchOffsetsResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Committed offsets (offset -1 where none), in request order.
   */
  'offsets': (_tributary_coord_v1_PartitionOffset__Output)[];
}
