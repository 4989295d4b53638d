// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { BrokerInfo as _tributary_coord_v1_BrokerInfo, BrokerInfo__Output as _tributary_coord_v1_BrokerInfo__Output } from '../../../tributary/coord/v1/BrokerInfo';

/**
 * Response of MetadataService.ListBrokers.
 */
export interface ListBrokersResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Live brokers, ordered by broker_id.
   */
  'brokers'?: (_tributary_coord_v1_BrokerInfo)[];
}

/**
 * Response of MetadataService.ListBrokers.
 */
export interface ListBrokersResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Live brokers, ordered by broker_id.
   */
  'brokers': (_tributary_coord_v1_BrokerInfo__Output)[];
}
