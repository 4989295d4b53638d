// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from '../../../tributary/coord/v1/TopicInfo';

/**
 * Response of BrokerService.DescribeTopics.
 */
export interface DescribeTopicsResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The topics, in request order (sorted by name when all were asked for).
   */
  'topics'?: (_tributary_coord_v1_TopicInfo)[];
}

/**
 * Response of BrokerService.DescribeTopics.
 */
export interface DescribeTopicsResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The topics, in request order (sorted by name when all were asked for).
   */
  'topics': (_tributary_coord_v1_TopicInfo__Output)[];
}
