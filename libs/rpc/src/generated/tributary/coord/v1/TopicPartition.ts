// Original file: protos/tributary/coord/v1/common.proto


/**
 * One partition of one topic.
 */
export interface TopicPartition {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index, ≥ 0.
   */
  'partition'?: (number);
}

/**
 * One partition of one topic.
 */
export interface TopicPartition__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index, ≥ 0.
   */
  'partition': (number);
}
