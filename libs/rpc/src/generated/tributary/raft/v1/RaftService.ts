// Original file: protos/tributary/raft/v1/raft.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { InstallSnapshotRequest as _tributary_raft_v1_InstallSnapshotRequest, InstallSnapshotRequest__Output as _tributary_raft_v1_InstallSnapshotRequest__Output } from '../../../tributary/raft/v1/InstallSnapshotRequest';
import type { InstallSnapshotResponse as _tributary_raft_v1_InstallSnapshotResponse, InstallSnapshotResponse__Output as _tributary_raft_v1_InstallSnapshotResponse__Output } from '../../../tributary/raft/v1/InstallSnapshotResponse';
import type { SendRequest as _tributary_raft_v1_SendRequest, SendRequest__Output as _tributary_raft_v1_SendRequest__Output } from '../../../tributary/raft/v1/SendRequest';
import type { SendResponse as _tributary_raft_v1_SendResponse, SendResponse__Output as _tributary_raft_v1_SendResponse__Output } from '../../../tributary/raft/v1/SendResponse';

/**
 * Peer-to-peer Raft transport, on the coordinators' single gRPC port. Callers must
 * authenticate as cluster members (UNAUTHENTICATED / PERMISSION_DENIED otherwise).
 */
export interface RaftServiceClient extends grpc.Client {
  /**
   * Streams one snapshot from the leader to a follower in chunks, in offset order. On the
   * last chunk (`done`) the follower verifies and installs it, then its core handles the
   * SNAPSHOT message rebuilt from `metadata`. DATA_LOSS / CHECKSUM_MISMATCH if a chunk's crc32c
   * is wrong; INVALID_ARGUMENT if an offset is not the number of bytes received so far. A
   * chunk whose term is older than the follower's is answered (not failed) with the follower's
   * term and `installed` false, so the sender steps down.
   */
  InstallSnapshot(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  InstallSnapshot(metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  InstallSnapshot(options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  InstallSnapshot(callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  /**
   * Streams one snapshot from the leader to a follower in chunks, in offset order. On the
   * last chunk (`done`) the follower verifies and installs it, then its core handles the
   * SNAPSHOT message rebuilt from `metadata`. DATA_LOSS / CHECKSUM_MISMATCH if a chunk's crc32c
   * is wrong; INVALID_ARGUMENT if an offset is not the number of bytes received so far. A
   * chunk whose term is older than the follower's is answered (not failed) with the follower's
   * term and `installed` false, so the sender steps down.
   */
  installSnapshot(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  installSnapshot(metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  installSnapshot(options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  installSnapshot(callback: grpc.requestCallback<_tributary_raft_v1_InstallSnapshotResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_InstallSnapshotRequest>;
  
  /**
   * One long-lived client stream per ordered pair of peers, carrying message batches from the
   * caller to the callee in order; replies travel on the callee's own stream back. Messages
   * may be dropped if the stream breaks: Raft tolerates loss and the sender reopens the
   * stream. The stream fails FAILED_PRECONDITION / CLUSTER_ID_MISMATCH if a batch's
   * cluster_id differs from the callee's, and INVALID_ARGUMENT if `to` is not the callee.
   */
  Send(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  Send(metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  Send(options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  Send(callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  /**
   * One long-lived client stream per ordered pair of peers, carrying message batches from the
   * caller to the callee in order; replies travel on the callee's own stream back. Messages
   * may be dropped if the stream breaks: Raft tolerates loss and the sender reopens the
   * stream. The stream fails FAILED_PRECONDITION / CLUSTER_ID_MISMATCH if a batch's
   * cluster_id differs from the callee's, and INVALID_ARGUMENT if `to` is not the callee.
   */
  send(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  send(metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  send(options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  send(callback: grpc.requestCallback<_tributary_raft_v1_SendResponse__Output>): grpc.ClientWritableStream<_tributary_raft_v1_SendRequest>;
  
}

/**
 * Peer-to-peer Raft transport, on the coordinators' single gRPC port. Callers must
 * authenticate as cluster members (UNAUTHENTICATED / PERMISSION_DENIED otherwise).
 */
export interface RaftServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Streams one snapshot from the leader to a follower in chunks, in offset order. On the
   * last chunk (`done`) the follower verifies and installs it, then its core handles the
   * SNAPSHOT message rebuilt from `metadata`. DATA_LOSS / CHECKSUM_MISMATCH if a chunk's crc32c
   * is wrong; INVALID_ARGUMENT if an offset is not the number of bytes received so far. A
   * chunk whose term is older than the follower's is answered (not failed) with the follower's
   * term and `installed` false, so the sender steps down.
   */
  InstallSnapshot: grpc.handleClientStreamingCall<_tributary_raft_v1_InstallSnapshotRequest__Output, _tributary_raft_v1_InstallSnapshotResponse>;
  
  /**
   * One long-lived client stream per ordered pair of peers, carrying message batches from the
   * caller to the callee in order; replies travel on the callee's own stream back. Messages
   * may be dropped if the stream breaks: Raft tolerates loss and the sender reopens the
   * stream. The stream fails FAILED_PRECONDITION / CLUSTER_ID_MISMATCH if a batch's
   * cluster_id differs from the callee's, and INVALID_ARGUMENT if `to` is not the callee.
   */
  Send: grpc.handleClientStreamingCall<_tributary_raft_v1_SendRequest__Output, _tributary_raft_v1_SendResponse>;
  
}

export interface RaftServiceDefinition extends grpc.ServiceDefinition {
  InstallSnapshot: MethodDefinition<_tributary_raft_v1_InstallSnapshotRequest, _tributary_raft_v1_InstallSnapshotResponse, _tributary_raft_v1_InstallSnapshotRequest__Output, _tributary_raft_v1_InstallSnapshotResponse__Output>
  Send: MethodDefinition<_tributary_raft_v1_SendRequest, _tributary_raft_v1_SendResponse, _tributary_raft_v1_SendRequest__Output, _tributary_raft_v1_SendResponse__Output>
}
