// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from '../../../tributary/coord/v1/TopicInfo';

/**
 * Response of BrokerService.CreatePartitions.
 */
export interface CreatePartitionsResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The topic with every partition.
   */
  'topic'?: (_tributary_coord_v1_TopicInfo | null);
}

/**
 * Response of BrokerService.CreatePartitions.
 */
export interface CreatePartitionsResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The topic with every partition.
   */
  'topic': (_tributary_coord_v1_TopicInfo__Output | null);
}
