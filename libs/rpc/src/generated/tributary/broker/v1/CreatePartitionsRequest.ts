// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.CreatePartitions; as tributary.coord.v1.CreatePartitionsRequest.
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
 * Request of BrokerService.CreatePartitions; as tributary.coord.v1.CreatePartitionsRequest.
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
