// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.DeleteTopic; as tributary.coord.v1.DeleteTopicRequest.
 */
export interface DeleteTopicRequest {
  /**
   * Name of the topic to delete.
   */
  'name'?: (string);
}

/**
 * Request of BrokerService.DeleteTopic; as tributary.coord.v1.DeleteTopicRequest.
 */
export interface DeleteTopicRequest__Output {
  /**
   * Name of the topic to delete.
   */
  'name': (string);
}
