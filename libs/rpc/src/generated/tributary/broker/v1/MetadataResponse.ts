// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { BrokerInfo as _tributary_coord_v1_BrokerInfo, BrokerInfo__Output as _tributary_coord_v1_BrokerInfo__Output } from '../../../tributary/coord/v1/BrokerInfo';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from '../../../tributary/coord/v1/TopicInfo';

/**
 * Response of BrokerService.Metadata.
 */
export interface MetadataResponse {
  /**
   * Who answered; `revision` is the metadata revision of the broker's cache.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Live brokers, ordered by broker_id.
   */
  'brokers'?: (_tributary_coord_v1_BrokerInfo)[];
  /**
   * The requested topics with leaders, epochs, replicas and ISR.
   */
  'topics'?: (_tributary_coord_v1_TopicInfo)[];
}

/**
 * Response of BrokerService.Metadata.
 */
export interface MetadataResponse__Output {
  /**
   * Who answered; `revision` is the metadata revision of the broker's cache.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Live brokers, ordered by broker_id.
   */
  'brokers': (_tributary_coord_v1_BrokerInfo__Output)[];
  /**
   * The requested topics with leaders, epochs, replicas and ISR.
   */
  'topics': (_tributary_coord_v1_TopicInfo__Output)[];
}
