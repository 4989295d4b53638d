// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.DescribeTopics.
 */
export interface DescribeTopicsRequest {
  /**
   * Topics to describe; empty = every topic.
   */
  'names'?: (string)[];
}

/**
 * Request of MetadataService.DescribeTopics.
 */
export interface DescribeTopicsRequest__Output {
  /**
   * Topics to describe; empty = every topic.
   */
  'names': (string)[];
}
