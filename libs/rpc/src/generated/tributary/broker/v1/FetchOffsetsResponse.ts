// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { PartitionOffset as _tributary_coord_v1_PartitionOffset, PartitionOffset__Output as _tributary_coord_v1_PartitionOffset__Output } from '../../../tributary/coord/v1/PartitionOffset';

/**
 * Response of BrokerService.FetchOffsets.
 */
export interface FetchOffsetsResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Committed offsets (offset -1 where none), in request order.
   */
  'offsets'?: (_tributary_coord_v1_PartitionOffset)[];
}

/**
 * Response of BrokerService.FetchOffsets.
 */
export interface FetchOffsetsResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Committed offsets (offset -1 where none), in request order.
   */
  'offsets': (_tributary_coord_v1_PartitionOffset__Output)[];
}
