// Original file: protos/tributary/broker/v1/broker.proto


/**
 * A requested replica set for one partition; as tributary.coord.v1.PartitionReassignment.
 */
export interface PartitionReassignment {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * Target replicas (broker ids), preferred leader first; as many as the replication factor.
   */
  'replicas'?: (number)[];
}

/**
 * A requested replica set for one partition; as tributary.coord.v1.PartitionReassignment.
 */
export interface PartitionReassignment__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * Target replicas (broker ids), preferred leader first; as many as the replication factor.
   */
  'replicas': (number)[];
}
