// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.DescribeTopics; as tributary.coord.v1.DescribeTopicsRequest.
 */
export interface DescribeTopicsRequest {
  /**
   * Topics to describe; empty = every topic.
   */
  'names'?: (string)[];
}

/**
 * Request of BrokerService.DescribeTopics; as tributary.coord.v1.DescribeTopicsRequest.
 */
export interface DescribeTopicsRequest__Output {
  /**
   * Topics to describe; empty = every topic.
   */
  'names': (string)[];
}
