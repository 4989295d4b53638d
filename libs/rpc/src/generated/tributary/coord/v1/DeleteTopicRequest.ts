// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.DeleteTopic.
 */
export interface DeleteTopicRequest {
  /**
   * Name of the topic to delete.
   */
  'name'?: (string);
}

/**
 * Request of MetadataService.DeleteTopic.
 */
export interface DeleteTopicRequest__Output {
  /**
   * Name of the topic to delete.
   */
  'name': (string);
}
