// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of MetadataService.AllocateProducerId.
 */
export interface AllocateProducerIdResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * New producer id, ≥ 1, never reused in this cluster (0 means "not idempotent" in batches).
   */
  'producer_id'?: (number | string | Long);
  /**
   * Producer epoch to use with it; 0 for a new id.
   */
  'producer_epoch'?: (number);
}

/**
 * Response of MetadataService.AllocateProducerId.
 */
export interface AllocateProducerIdResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * New producer id, ≥ 1, never reused in this cluster (0 means "not idempotent" in batches).
   */
  'producer_id': (number);
  /**
   * Producer epoch to use with it; 0 for a new id.
   */
  'producer_epoch': (number);
}
