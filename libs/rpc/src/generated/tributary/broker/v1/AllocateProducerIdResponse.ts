// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of BrokerService.AllocateProducerId.
 */
export interface AllocateProducerIdResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * New producer id, ≥ 1, never reused in this cluster.
   */
  'producer_id'?: (number | string | Long);
  /**
   * Producer epoch to use with it; 0 for a new id.
   */
  'producer_epoch'?: (number);
}

/**
 * Response of BrokerService.AllocateProducerId.
 */
export interface AllocateProducerIdResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * New producer id, ≥ 1, never reused in this cluster.
   */
  'producer_id': (number);
  /**
   * Producer epoch to use with it; 0 for a new id.
   */
  'producer_epoch': (number);
}
