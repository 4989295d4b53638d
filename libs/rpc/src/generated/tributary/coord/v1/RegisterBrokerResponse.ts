// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of MetadataService.RegisterBroker.
 */
export interface RegisterBrokerResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Epoch of this registration (see BrokerInfo.broker_epoch); the broker sends it with AlterIsr.
   */
  'broker_epoch'?: (number | string | Long);
}

/**
 * Response of MetadataService.RegisterBroker.
 */
export interface RegisterBrokerResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Epoch of this registration (see BrokerInfo.broker_epoch); the broker sends it with AlterIsr.
   */
  'broker_epoch': (number);
}
