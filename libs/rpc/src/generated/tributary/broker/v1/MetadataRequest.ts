// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.Metadata.
 */
export interface MetadataRequest {
  /**
   * Topics to describe; empty = every topic.
   */
  'topics'?: (string)[];
}

/**
 * Request of BrokerService.Metadata.
 */
export interface MetadataRequest__Output {
  /**
   * Topics to describe; empty = every topic.
   */
  'topics': (string)[];
}
