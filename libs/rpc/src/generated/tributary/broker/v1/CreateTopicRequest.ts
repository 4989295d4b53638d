// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.CreateTopic; fields as tributary.coord.v1.CreateTopicRequest (same
 * numbers, so the broker relays the bytes).
 */
export interface CreateTopicRequest {
  /**
   * Topic name, `[A-Za-z0-9._-]{1,249}`.
   */
  'name'?: (string);
  /**
   * Number of partitions, ≥ 1; 0 = the cluster default.
   */
  'partitions'?: (number);
  /**
   * Replicas per partition, 1 to the number of live brokers; 0 = the cluster default.
   */
  'replication_factor'?: (number);
  /**
   * Configuration overrides (see tributary.coord.v1.TopicInfo.configs).
   */
  'configs'?: ({[key: string]: string});
  /**
   * Validate and return the would-be topic without creating it.
   */
  'validate_only'?: (boolean);
}

/**
 * Request of BrokerService.CreateTopic; fields as tributary.coord.v1.CreateTopicRequest (same
 * numbers, so the broker relays the bytes).
 */
export interface CreateTopicRequest__Output {
  /**
   * Topic name, `[A-Za-z0-9._-]{1,249}`.
   */
  'name': (string);
  /**
   * Number of partitions, ≥ 1; 0 = the cluster default.
   */
  'partitions': (number);
  /**
   * Replicas per partition, 1 to the number of live brokers; 0 = the cluster default.
   */
  'replication_factor': (number);
  /**
   * Configuration overrides (see tributary.coord.v1.TopicInfo.configs).
   */
  'configs': ({[key: string]: string});
  /**
   * Validate and return the would-be topic without creating it.
   */
  'validate_only': (boolean);
}
