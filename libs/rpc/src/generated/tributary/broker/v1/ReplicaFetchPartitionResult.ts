// Original file: protos/tributary/broker/v1/replication.proto

import type { RecordBatch as _tributary_broker_v1_RecordBatch, RecordBatch__Output as _tributary_broker_v1_RecordBatch__Output } from '../../../tributary/broker/v1/RecordBatch';
import type { EpochEndOffset as _tributary_broker_v1_EpochEndOffset, EpochEndOffset__Output as _tributary_broker_v1_EpochEndOffset__Output } from '../../../tributary/broker/v1/EpochEndOffset';
import type { Long } from '@grpc/proto-loader';

/**
 * One partition of a ReplicaFetchResponse.
 */
export interface ReplicaFetchPartitionResult {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * Empty on success; else a serialized google.rpc.Status for this partition (NOT_LEADER,
   * FENCED, UNKNOWN_LEADER_EPOCH, OUT_OF_RANGE / OFFSET_OUT_OF_RANGE, NOT_FOUND, …), with
   * the other fields unset.
   */
  'status_details'?: (Buffer | Uint8Array | string);
  /**
   * Batches from `fetch_offset`, as stored, with their leader_epoch; may be above the high
   * watermark (followers replicate uncommitted data).
   */
  'batches'?: (_tributary_broker_v1_RecordBatch)[];
  /**
   * The leader's high watermark; the follower adopts min(this, its log end).
   */
  'high_watermark'?: (number | string | Long);
  /**
   * The leader's log start offset; the follower deletes below it.
   */
  'log_start_offset'?: (number | string | Long);
  /**
   * Set when the follower's log diverges at `last_fetched_epoch`: truncate to
   * min(end_offset, own log end) and fetch again. No batches are returned then.
   */
  'diverging_epoch'?: (_tributary_broker_v1_EpochEndOffset | null);
}

/**
 * One partition of a ReplicaFetchResponse.
 */
export interface ReplicaFetchPartitionResult__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * Empty on success; else a serialized google.rpc.Status for this partition (NOT_LEADER,
   * FENCED, UNKNOWN_LEADER_EPOCH, OUT_OF_RANGE / OFFSET_OUT_OF_RANGE, NOT_FOUND, …), with
   * the other fields unset.
   */
  'status_details': (Buffer);
  /**
   * Batches from `fetch_offset`, as stored, with their leader_epoch; may be above the high
   * watermark (followers replicate uncommitted data).
   */
  'batches': (_tributary_broker_v1_RecordBatch__Output)[];
  /**
   * The leader's high watermark; the follower adopts min(this, its log end).
   */
  'high_watermark': (number);
  /**
   * The leader's log start offset; the follower deletes below it.
   */
  'log_start_offset': (number);
  /**
   * Set when the follower's log diverges at `last_fetched_epoch`: truncate to
   * min(end_offset, own log end) and fetch again. No batches are returned then.
   */
  'diverging_epoch': (_tributary_broker_v1_EpochEndOffset__Output | null);
}
