// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.CreatePartitions.
 */
export interface CreatePartitionsRequest {
  /**
   * Topic name.
   */
  'name'?: (string);
  /**
   * The new total number of partitions, more than today's.
   */
  'count'?: (number);
}

/**
 * Request of MetadataService.CreatePartitions.
 */
export interface CreatePartitionsRequest__Output {
  /**
   * Topic name.
   */
  'name': (string);
  /**
   * The new total number of partitions, more than today's.
   */
  'count': (number);
}
