// Original file: protos/tributary/broker/v1/replication.proto

import type { ReplicaFetchPartition as _tributary_broker_v1_ReplicaFetchPartition, ReplicaFetchPartition__Output as _tributary_broker_v1_ReplicaFetchPartition__Output } from '../../../tributary/broker/v1/ReplicaFetchPartition';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of ReplicationService.ReplicaFetch.
 */
export interface ReplicaFetchRequest {
  /**
   * The follower's broker id; must be a replica of every partition named (else that partition
   * fails FAILED_PRECONDITION / FENCED).
   */
  'replica_id'?: (number);
  /**
   * The follower's broker epoch (RegisterBrokerResponse.broker_epoch); a stale incarnation is
   * fenced.
   */
  'broker_epoch'?: (number | string | Long);
  /**
   * Longest wait for `min_bytes`, in milliseconds; 0 = answer at once.
   */
  'max_wait_ms'?: (number);
  /**
   * Answer as soon as this many bytes are available across partitions; 0 = any data.
   */
  'min_bytes'?: (number);
  /**
   * Soft cap on the response's total bytes; 0 = the server default.
   */
  'max_bytes'?: (number);
  /**
   * Partitions to fetch, each at most once.
   */
  'partitions'?: (_tributary_broker_v1_ReplicaFetchPartition)[];
}

/**
 * Request of ReplicationService.ReplicaFetch.
 */
export interface ReplicaFetchRequest__Output {
  /**
   * The follower's broker id; must be a replica of every partition named (else that partition
   * fails FAILED_PRECONDITION / FENCED).
   */
  'replica_id': (number);
  /**
   * The follower's broker epoch (RegisterBrokerResponse.broker_epoch); a stale incarnation is
   * fenced.
   */
  'broker_epoch': (number);
  /**
   * Longest wait for `min_bytes`, in milliseconds; 0 = answer at once.
   */
  'max_wait_ms': (number);
  /**
   * Answer as soon as this many bytes are available across partitions; 0 = any data.
   */
  'min_bytes': (number);
  /**
   * Soft cap on the response's total bytes; 0 = the server default.
   */
  'max_bytes': (number);
  /**
   * Partitions to fetch, each at most once.
   */
  'partitions': (_tributary_broker_v1_ReplicaFetchPartition__Output)[];
}
