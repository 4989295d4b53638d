// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from '../../../tributary/coord/v1/TopicInfo';

/**
 * Response of BrokerService.CreateTopic.
 */
export interface CreateTopicResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The created topic with its partition assignment.
   */
  'topic'?: (_tributary_coord_v1_TopicInfo | null);
}

/**
 * Response of BrokerService.CreateTopic.
 */
export interface CreateTopicResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The created topic with its partition assignment.
   */
  'topic': (_tributary_coord_v1_TopicInfo__Output | null);
}
