// Original file: protos/tributary/coord/v1/common.proto


/**
 * A set of partitions of one topic (used for group assignments).
 */
export interface TopicPartitions {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition indexes, ascending, no duplicates.
   */
  'partitions'?: (number)[];
}

/**
 * A set of partitions of one topic (used for group assignments).
 */
export interface TopicPartitions__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition indexes, ascending, no duplicates.
   */
  'partitions': (number)[];
}
