// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.CreateTopic.
 */
export interface CreateTopicRequest {
  /**
   * Topic name, `[A-Za-z0-9._-]{1,249}`.
   */
  'name'?: (string);
  /**
   * Number of partitions, 1 to 10,000 (there is no default: 0 is refused).
   */
  'partitions'?: (number);
  /**
   * Replicas per partition, 1 to the number of live brokers; 0 = the cluster default
   * (capped at the number of live brokers).
   */
  'replication_factor'?: (number);
  /**
   * Configuration overrides, e.g. "retention.ms", "retention.bytes", "cleanup.policy"
   * (delete|compact), "min.insync.replicas", "max.message.bytes", "unclean.leader.election".
   */
  'configs'?: ({[key: string]: string});
  /**
   * Validate and return the would-be topic without creating it.
   */
  'validate_only'?: (boolean);
}

/**
 * Request of MetadataService.CreateTopic.
 */
export interface CreateTopicRequest__Output {
  /**
   * Topic name, `[A-Za-z0-9._-]{1,249}`.
   */
  'name': (string);
  /**
   * Number of partitions, 1 to 10,000 (there is no default: 0 is refused).
   */
  'partitions': (number);
  /**
   * Replicas per partition, 1 to the number of live brokers; 0 = the cluster default
   * (capped at the number of live brokers).
   */
  'replication_factor': (number);
  /**
   * Configuration overrides, e.g. "retention.ms", "retention.bytes", "cleanup.policy"
   * (delete|compact), "min.insync.replicas", "max.message.bytes", "unclean.leader.election".
   */
  'configs': ({[key: string]: string});
  /**
   * Validate and return the would-be topic without creating it.
   */
  'validate_only': (boolean);
}
