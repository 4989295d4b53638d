// Original file: protos/tributary/broker/v1/replication.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { OffsetForLeaderEpochRequest as _tributary_broker_v1_OffsetForLeaderEpochRequest, OffsetForLeaderEpochRequest__Output as _tributary_broker_v1_OffsetForLeaderEpochRequest__Output } from '../../../tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse as _tributary_broker_v1_OffsetForLeaderEpochResponse, OffsetForLeaderEpochResponse__Output as _tributary_broker_v1_OffsetForLeaderEpochResponse__Output } from '../../../tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { ReplicaFetchRequest as _tributary_broker_v1_ReplicaFetchRequest, ReplicaFetchRequest__Output as _tributary_broker_v1_ReplicaFetchRequest__Output } from '../../../tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse as _tributary_broker_v1_ReplicaFetchResponse, ReplicaFetchResponse__Output as _tributary_broker_v1_ReplicaFetchResponse__Output } from '../../../tributary/broker/v1/ReplicaFetchResponse';

/**
 * Internal replication service on every broker. Callers must authenticate as cluster brokers
 * (PERMISSION_DENIED otherwise).
 * 
 * Errors any RPC may return: UNAUTHENTICATED; PERMISSION_DENIED; RESOURCE_EXHAUSTED (message
 * over `--max-message-bytes`); UNAVAILABLE (broker shutting down; RetryInfo attached).
 */
export interface ReplicationServiceClient extends grpc.Client {
  /**
   * KIP-101: the end offset of a leader epoch in the leader's log, for truncation before
   * fetching. FAILED_PRECONDITION / NOT_LEADER if this broker does not lead the partition;
   * FAILED_PRECONDITION / FENCED if `current_leader_epoch` is older than the leader's;
   * UNAVAILABLE / UNKNOWN_LEADER_EPOCH (RetryInfo) if it is newer than this broker knows;
   * NOT_FOUND for an unknown topic or partition.
   */
  OffsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  OffsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  OffsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  OffsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  /**
   * KIP-101: the end offset of a leader epoch in the leader's log, for truncation before
   * fetching. FAILED_PRECONDITION / NOT_LEADER if this broker does not lead the partition;
   * FAILED_PRECONDITION / FENCED if `current_leader_epoch` is older than the leader's;
   * UNAVAILABLE / UNKNOWN_LEADER_EPOCH (RetryInfo) if it is newer than this broker knows;
   * NOT_FOUND for an unknown topic or partition.
   */
  offsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_broker_v1_OffsetForLeaderEpochRequest, callback: grpc.requestCallback<_tributary_broker_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Follower fetch for many partitions led by this broker, long-polling up to `max_wait_ms` for
   * `min_bytes`. Errors are per partition (`status_details`) so one bad partition does not stall
   * the others; the call fails as a whole only for the service-wide errors above.
   */
  ReplicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  ReplicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  ReplicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  ReplicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Follower fetch for many partitions led by this broker, long-polling up to `max_wait_ms` for
   * `min_bytes`. Errors are per partition (`status_details`) so one bad partition does not stall
   * the others; the call fails as a whole only for the service-wide errors above.
   */
  replicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  replicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  replicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  replicaFetch(argument: _tributary_broker_v1_ReplicaFetchRequest, callback: grpc.requestCallback<_tributary_broker_v1_ReplicaFetchResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Internal replication service on every broker. Callers must authenticate as cluster brokers
 * (PERMISSION_DENIED otherwise).
 * 
 * Errors any RPC may return: UNAUTHENTICATED; PERMISSION_DENIED; RESOURCE_EXHAUSTED (message
 * over `--max-message-bytes`); UNAVAILABLE (broker shutting down; RetryInfo attached).
 */
export interface ReplicationServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * KIP-101: the end offset of a leader epoch in the leader's log, for truncation before
   * fetching. FAILED_PRECONDITION / NOT_LEADER if this broker does not lead the partition;
   * FAILED_PRECONDITION / FENCED if `current_leader_epoch` is older than the leader's;
   * UNAVAILABLE / UNKNOWN_LEADER_EPOCH (RetryInfo) if it is newer than this broker knows;
   * NOT_FOUND for an unknown topic or partition.
   */
  OffsetForLeaderEpoch: grpc.handleUnaryCall<_tributary_broker_v1_OffsetForLeaderEpochRequest__Output, _tributary_broker_v1_OffsetForLeaderEpochResponse>;
  
  /**
   * Follower fetch for many partitions led by this broker, long-polling up to `max_wait_ms` for
   * `min_bytes`. Errors are per partition (`status_details`) so one bad partition does not stall
   * the others; the call fails as a whole only for the service-wide errors above.
   */
  ReplicaFetch: grpc.handleUnaryCall<_tributary_broker_v1_ReplicaFetchRequest__Output, _tributary_broker_v1_ReplicaFetchResponse>;
  
}

export interface ReplicationServiceDefinition extends grpc.ServiceDefinition {
  OffsetForLeaderEpoch: MethodDefinition<_tributary_broker_v1_OffsetForLeaderEpochRequest, _tributary_broker_v1_OffsetForLeaderEpochResponse, _tributary_broker_v1_OffsetForLeaderEpochRequest__Output, _tributary_broker_v1_OffsetForLeaderEpochResponse__Output>
  ReplicaFetch: MethodDefinition<_tributary_broker_v1_ReplicaFetchRequest, _tributary_broker_v1_ReplicaFetchResponse, _tributary_broker_v1_ReplicaFetchRequest__Output, _tributary_broker_v1_ReplicaFetchResponse__Output>
}
