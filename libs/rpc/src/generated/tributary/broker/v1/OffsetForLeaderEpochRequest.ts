// Original file: protos/tributary/broker/v1/replication.proto


/**
 * Request of ReplicationService.OffsetForLeaderEpoch.
 */
export interface OffsetForLeaderEpochRequest {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * The asking follower's broker id.
   */
  'replica_id'?: (number);
  /**
   * Leader epoch the follower now follows; checked as in ReplicaFetch.
   */
  'current_leader_epoch'?: (number);
  /**
   * Epoch asked about: the leader epoch of the follower's last batch.
   */
  'leader_epoch'?: (number);
}

/**
 * Request of ReplicationService.OffsetForLeaderEpoch.
 */
export interface OffsetForLeaderEpochRequest__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * The asking follower's broker id.
   */
  'replica_id': (number);
  /**
   * Leader epoch the follower now follows; checked as in ReplicaFetch.
   */
  'current_leader_epoch': (number);
  /**
   * Epoch asked about: the leader epoch of the follower's last batch.
   */
  'leader_epoch': (number);
}
