// Original file: protos/tributary/broker/v1/replication.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One partition of a ReplicaFetchRequest.
 */
export interface ReplicaFetchPartition {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * Leader epoch the follower follows; must equal the leader's current epoch (FENCED if older,
   * UNKNOWN_LEADER_EPOCH if newer).
   */
  'leader_epoch'?: (number);
  /**
   * Next offset the follower wants: its log end offset. Reported to the leader as the
   * follower's progress.
   */
  'fetch_offset'?: (number | string | Long);
  /**
   * Leader epoch of the follower's last batch (below `fetch_offset`); the leader checks it
   * against its own log and answers `diverging_epoch` if the logs diverge there. -1 = empty log.
   */
  'last_fetched_epoch'?: (number);
  /**
   * The follower's log start offset.
   */
  'log_start_offset'?: (number | string | Long);
  /**
   * Soft cap on this partition's bytes (at least one batch is returned); 0 = the server default.
   */
  'max_bytes'?: (number);
}

/**
 * One partition of a ReplicaFetchRequest.
 */
export interface ReplicaFetchPartition__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * Leader epoch the follower follows; must equal the leader's current epoch (FENCED if older,
   * UNKNOWN_LEADER_EPOCH if newer).
   */
  'leader_epoch': (number);
  /**
   * Next offset the follower wants: its log end offset. Reported to the leader as the
   * follower's progress.
   */
  'fetch_offset': (number);
  /**
   * Leader epoch of the follower's last batch (below `fetch_offset`); the leader checks it
   * against its own log and answers `diverging_epoch` if the logs diverge there. -1 = empty log.
   */
  'last_fetched_epoch': (number);
  /**
   * The follower's log start offset.
   */
  'log_start_offset': (number);
  /**
   * Soft cap on this partition's bytes (at least one batch is returned); 0 = the server default.
   */
  'max_bytes': (number);
}
