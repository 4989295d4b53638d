// Original file: protos/tributary/coord/v1/coordination.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CloseSessionRequest as _tributary_coord_v1_CloseSessionRequest, CloseSessionRequest__Output as _tributary_coord_v1_CloseSessionRequest__Output } from '../../../tributary/coord/v1/CloseSessionRequest';
import type { CloseSessionResponse as _tributary_coord_v1_CloseSessionResponse, CloseSessionResponse__Output as _tributary_coord_v1_CloseSessionResponse__Output } from '../../../tributary/coord/v1/CloseSessionResponse';
import type { CreateRequest as _tributary_coord_v1_CreateRequest, CreateRequest__Output as _tributary_coord_v1_CreateRequest__Output } from '../../../tributary/coord/v1/CreateRequest';
import type { CreateResponse as _tributary_coord_v1_CreateResponse, CreateResponse__Output as _tributary_coord_v1_CreateResponse__Output } from '../../../tributary/coord/v1/CreateResponse';
import type { DeleteRequest as _tributary_coord_v1_DeleteRequest, DeleteRequest__Output as _tributary_coord_v1_DeleteRequest__Output } from '../../../tributary/coord/v1/DeleteRequest';
import type { DeleteResponse as _tributary_coord_v1_DeleteResponse, DeleteResponse__Output as _tributary_coord_v1_DeleteResponse__Output } from '../../../tributary/coord/v1/DeleteResponse';
import type { ExecuteRequest as _tributary_coord_v1_ExecuteRequest, ExecuteRequest__Output as _tributary_coord_v1_ExecuteRequest__Output } from '../../../tributary/coord/v1/ExecuteRequest';
import type { ExecuteResponse as _tributary_coord_v1_ExecuteResponse, ExecuteResponse__Output as _tributary_coord_v1_ExecuteResponse__Output } from '../../../tributary/coord/v1/ExecuteResponse';
import type { GetRequest as _tributary_coord_v1_GetRequest, GetRequest__Output as _tributary_coord_v1_GetRequest__Output } from '../../../tributary/coord/v1/GetRequest';
import type { GetResponse as _tributary_coord_v1_GetResponse, GetResponse__Output as _tributary_coord_v1_GetResponse__Output } from '../../../tributary/coord/v1/GetResponse';
import type { KeepAliveRequest as _tributary_coord_v1_KeepAliveRequest, KeepAliveRequest__Output as _tributary_coord_v1_KeepAliveRequest__Output } from '../../../tributary/coord/v1/KeepAliveRequest';
import type { KeepAliveResponse as _tributary_coord_v1_KeepAliveResponse, KeepAliveResponse__Output as _tributary_coord_v1_KeepAliveResponse__Output } from '../../../tributary/coord/v1/KeepAliveResponse';
import type { ListRequest as _tributary_coord_v1_ListRequest, ListRequest__Output as _tributary_coord_v1_ListRequest__Output } from '../../../tributary/coord/v1/ListRequest';
import type { ListResponse as _tributary_coord_v1_ListResponse, ListResponse__Output as _tributary_coord_v1_ListResponse__Output } from '../../../tributary/coord/v1/ListResponse';
import type { LockRequest as _tributary_coord_v1_LockRequest, LockRequest__Output as _tributary_coord_v1_LockRequest__Output } from '../../../tributary/coord/v1/LockRequest';
import type { LockResponse as _tributary_coord_v1_LockResponse, LockResponse__Output as _tributary_coord_v1_LockResponse__Output } from '../../../tributary/coord/v1/LockResponse';
import type { OpenSessionRequest as _tributary_coord_v1_OpenSessionRequest, OpenSessionRequest__Output as _tributary_coord_v1_OpenSessionRequest__Output } from '../../../tributary/coord/v1/OpenSessionRequest';
import type { OpenSessionResponse as _tributary_coord_v1_OpenSessionResponse, OpenSessionResponse__Output as _tributary_coord_v1_OpenSessionResponse__Output } from '../../../tributary/coord/v1/OpenSessionResponse';
import type { SetRequest as _tributary_coord_v1_SetRequest, SetRequest__Output as _tributary_coord_v1_SetRequest__Output } from '../../../tributary/coord/v1/SetRequest';
import type { SetResponse as _tributary_coord_v1_SetResponse, SetResponse__Output as _tributary_coord_v1_SetResponse__Output } from '../../../tributary/coord/v1/SetResponse';
import type { TxnRequest as _tributary_coord_v1_TxnRequest, TxnRequest__Output as _tributary_coord_v1_TxnRequest__Output } from '../../../tributary/coord/v1/TxnRequest';
import type { TxnResponse as _tributary_coord_v1_TxnResponse, TxnResponse__Output as _tributary_coord_v1_TxnResponse__Output } from '../../../tributary/coord/v1/TxnResponse';
import type { UnlockRequest as _tributary_coord_v1_UnlockRequest, UnlockRequest__Output as _tributary_coord_v1_UnlockRequest__Output } from '../../../tributary/coord/v1/UnlockRequest';
import type { UnlockResponse as _tributary_coord_v1_UnlockResponse, UnlockResponse__Output as _tributary_coord_v1_UnlockResponse__Output } from '../../../tributary/coord/v1/UnlockResponse';
import type { WatchRequest as _tributary_coord_v1_WatchRequest, WatchRequest__Output as _tributary_coord_v1_WatchRequest__Output } from '../../../tributary/coord/v1/WatchRequest';
import type { WatchResponse as _tributary_coord_v1_WatchResponse, WatchResponse__Output as _tributary_coord_v1_WatchResponse__Output } from '../../../tributary/coord/v1/WatchResponse';

/**
 * The coordination service, served by every coordinator on its gRPC port.
 * 
 * Writes are Raft transactions; each advances the cluster revision by exactly one. A follower
 * forwards writes and linearizable reads to the leader, or fails them FAILED_PRECONDITION /
 * NOT_LEADER with `metadata.leader`; clients retry there.
 * 
 * Errors any RPC may return: INVALID_ARGUMENT (malformed path, name, size or field);
 * UNAVAILABLE (no leader elected yet, or quorum lost; RetryInfo attached); FAILED_PRECONDITION
 * / NOT_LEADER; RESOURCE_EXHAUSTED (message over `--max-message-bytes`, default 16 MiB, or a
 * server queue full); UNAUTHENTICATED; PERMISSION_DENIED (ACL, or a write under /tributary);
 * DEADLINE_EXCEEDED (the call's deadline passed; a write may still commit).
 */
export interface CoordinationServiceClient extends grpc.Client {
  /**
   * Expires a session now, with the same effects as TTL expiry. NOT_FOUND if the session is
   * unknown or already expired. One Raft write.
   */
  CloseSession(argument: _tributary_coord_v1_CloseSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  CloseSession(argument: _tributary_coord_v1_CloseSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  CloseSession(argument: _tributary_coord_v1_CloseSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  CloseSession(argument: _tributary_coord_v1_CloseSessionRequest, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Expires a session now, with the same effects as TTL expiry. NOT_FOUND if the session is
   * unknown or already expired. One Raft write.
   */
  closeSession(argument: _tributary_coord_v1_CloseSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  closeSession(argument: _tributary_coord_v1_CloseSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  closeSession(argument: _tributary_coord_v1_CloseSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  closeSession(argument: _tributary_coord_v1_CloseSessionRequest, callback: grpc.requestCallback<_tributary_coord_v1_CloseSessionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a node. ALREADY_EXISTS if the path exists; NOT_FOUND if the parent does not exist;
   * FAILED_PRECONDITION / NO_CHILDREN_FOR_EPHEMERALS if the parent is ephemeral;
   * FAILED_PRECONDITION / SESSION_EXPIRED if `ephemeral` and the session is gone;
   * INVALID_ARGUMENT if `ephemeral` without a session id, or data over 1 MiB.
   */
  Create(argument: _tributary_coord_v1_CreateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  Create(argument: _tributary_coord_v1_CreateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  Create(argument: _tributary_coord_v1_CreateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  Create(argument: _tributary_coord_v1_CreateRequest, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a node. ALREADY_EXISTS if the path exists; NOT_FOUND if the parent does not exist;
   * FAILED_PRECONDITION / NO_CHILDREN_FOR_EPHEMERALS if the parent is ephemeral;
   * FAILED_PRECONDITION / SESSION_EXPIRED if `ephemeral` and the session is gone;
   * INVALID_ARGUMENT if `ephemeral` without a session id, or data over 1 MiB.
   */
  create(argument: _tributary_coord_v1_CreateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _tributary_coord_v1_CreateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _tributary_coord_v1_CreateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _tributary_coord_v1_CreateRequest, callback: grpc.requestCallback<_tributary_coord_v1_CreateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a node, or with `recursive` its whole subtree in one transaction. NOT_FOUND if the
   * node does not exist; FAILED_PRECONDITION / VERSION_MISMATCH as for Set;
   * FAILED_PRECONDITION / NOT_EMPTY if it has children and `recursive` is false.
   */
  Delete(argument: _tributary_coord_v1_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _tributary_coord_v1_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _tributary_coord_v1_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _tributary_coord_v1_DeleteRequest, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a node, or with `recursive` its whole subtree in one transaction. NOT_FOUND if the
   * node does not exist; FAILED_PRECONDITION / VERSION_MISMATCH as for Set;
   * FAILED_PRECONDITION / NOT_EMPTY if it has children and `recursive` is false.
   */
  delete(argument: _tributary_coord_v1_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tributary_coord_v1_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tributary_coord_v1_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tributary_coord_v1_DeleteRequest, callback: grpc.requestCallback<_tributary_coord_v1_DeleteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The unary operations above, pipelined on one stream: what the SDK uses on its hot path.
   * Requests are started in the order received (writes are proposed in that order); each is
   * answered as it completes, so answers may come out of order: match them by `request_id`.
   * A failed request yields an error answer and does not end the stream. The server bounds
   * the requests in flight per stream and stops reading while at the bound.
   */
  Execute(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_ExecuteRequest, _tributary_coord_v1_ExecuteResponse__Output>;
  Execute(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_ExecuteRequest, _tributary_coord_v1_ExecuteResponse__Output>;
  /**
   * The unary operations above, pipelined on one stream: what the SDK uses on its hot path.
   * Requests are started in the order received (writes are proposed in that order); each is
   * answered as it completes, so answers may come out of order: match them by `request_id`.
   * A failed request yields an error answer and does not end the stream. The server bounds
   * the requests in flight per stream and stops reading while at the bound.
   */
  execute(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_ExecuteRequest, _tributary_coord_v1_ExecuteResponse__Output>;
  execute(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_ExecuteRequest, _tributary_coord_v1_ExecuteResponse__Output>;
  
  /**
   * Reads a node's data and stat. NOT_FOUND if the node does not exist.
   */
  Get(argument: _tributary_coord_v1_GetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _tributary_coord_v1_GetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _tributary_coord_v1_GetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _tributary_coord_v1_GetRequest, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads a node's data and stat. NOT_FOUND if the node does not exist.
   */
  get(argument: _tributary_coord_v1_GetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _tributary_coord_v1_GetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _tributary_coord_v1_GetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _tributary_coord_v1_GetRequest, callback: grpc.requestCallback<_tributary_coord_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Heartbeats for any number of sessions on one stream: each request renews one session and is
   * answered by one response, in order. Not a Raft write: the leader tracks deadlines, and a new
   * leader restarts every session's full TTL. Served by the leader; a follower relays the
   * stream or ends it FAILED_PRECONDITION / NOT_LEADER.
   */
  KeepAlive(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_KeepAliveRequest, _tributary_coord_v1_KeepAliveResponse__Output>;
  KeepAlive(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_KeepAliveRequest, _tributary_coord_v1_KeepAliveResponse__Output>;
  /**
   * Heartbeats for any number of sessions on one stream: each request renews one session and is
   * answered by one response, in order. Not a Raft write: the leader tracks deadlines, and a new
   * leader restarts every session's full TTL. Served by the leader; a follower relays the
   * stream or ends it FAILED_PRECONDITION / NOT_LEADER.
   */
  keepAlive(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_KeepAliveRequest, _tributary_coord_v1_KeepAliveResponse__Output>;
  keepAlive(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_coord_v1_KeepAliveRequest, _tributary_coord_v1_KeepAliveResponse__Output>;
  
  /**
   * Lists a node's direct children. NOT_FOUND if the node does not exist.
   */
  List(argument: _tributary_coord_v1_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tributary_coord_v1_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tributary_coord_v1_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tributary_coord_v1_ListRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a node's direct children. NOT_FOUND if the node does not exist.
   */
  list(argument: _tributary_coord_v1_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tributary_coord_v1_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tributary_coord_v1_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tributary_coord_v1_ListRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Acquires a fair (FIFO) mutex for a session: waits behind earlier waiters for up to
   * `wait_ms`. DEADLINE_EXCEEDED / LOCK_TIMEOUT if not acquired in time (the waiter is
   * withdrawn, nothing is held); FAILED_PRECONDITION / SESSION_EXPIRED if the session is gone
   * or expires while waiting; NOT_FOUND if the lock node's parent does not exist. Not
   * reentrant: a second Lock by the same session queues behind the first.
   */
  Lock(argument: _tributary_coord_v1_LockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  Lock(argument: _tributary_coord_v1_LockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  Lock(argument: _tributary_coord_v1_LockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  Lock(argument: _tributary_coord_v1_LockRequest, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Acquires a fair (FIFO) mutex for a session: waits behind earlier waiters for up to
   * `wait_ms`. DEADLINE_EXCEEDED / LOCK_TIMEOUT if not acquired in time (the waiter is
   * withdrawn, nothing is held); FAILED_PRECONDITION / SESSION_EXPIRED if the session is gone
   * or expires while waiting; NOT_FOUND if the lock node's parent does not exist. Not
   * reentrant: a second Lock by the same session queues behind the first.
   */
  lock(argument: _tributary_coord_v1_LockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  lock(argument: _tributary_coord_v1_LockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  lock(argument: _tributary_coord_v1_LockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  lock(argument: _tributary_coord_v1_LockRequest, callback: grpc.requestCallback<_tributary_coord_v1_LockResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Opens a session with a time-to-live. The session lives while KeepAlive renews it; when it
   * expires (or is closed) every ephemeral node it owns and every lock it holds or waits for is
   * deleted in one transaction. One Raft write.
   */
  OpenSession(argument: _tributary_coord_v1_OpenSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  OpenSession(argument: _tributary_coord_v1_OpenSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  OpenSession(argument: _tributary_coord_v1_OpenSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  OpenSession(argument: _tributary_coord_v1_OpenSessionRequest, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Opens a session with a time-to-live. The session lives while KeepAlive renews it; when it
   * expires (or is closed) every ephemeral node it owns and every lock it holds or waits for is
   * deleted in one transaction. One Raft write.
   */
  openSession(argument: _tributary_coord_v1_OpenSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  openSession(argument: _tributary_coord_v1_OpenSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  openSession(argument: _tributary_coord_v1_OpenSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  openSession(argument: _tributary_coord_v1_OpenSessionRequest, callback: grpc.requestCallback<_tributary_coord_v1_OpenSessionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Replaces a node's data. NOT_FOUND if the node does not exist; FAILED_PRECONDITION /
   * VERSION_MISMATCH if `expected_version` is not -1 and differs from the node's version.
   */
  Set(argument: _tributary_coord_v1_SetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  Set(argument: _tributary_coord_v1_SetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  Set(argument: _tributary_coord_v1_SetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  Set(argument: _tributary_coord_v1_SetRequest, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Replaces a node's data. NOT_FOUND if the node does not exist; FAILED_PRECONDITION /
   * VERSION_MISMATCH if `expected_version` is not -1 and differs from the node's version.
   */
  set(argument: _tributary_coord_v1_SetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  set(argument: _tributary_coord_v1_SetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  set(argument: _tributary_coord_v1_SetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  set(argument: _tributary_coord_v1_SetRequest, callback: grpc.requestCallback<_tributary_coord_v1_SetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Evaluates every compare against one state; applies `success` if all hold, else `failure`;
   * all-or-nothing, one Raft write (or none when the chosen branch only reads). The operations
   * of the chosen branch see each other's effects in order; if one fails, the whole
   * transaction fails with that operation's status and nothing is applied.
   */
  Txn(argument: _tributary_coord_v1_TxnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  Txn(argument: _tributary_coord_v1_TxnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  Txn(argument: _tributary_coord_v1_TxnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  Txn(argument: _tributary_coord_v1_TxnRequest, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Evaluates every compare against one state; applies `success` if all hold, else `failure`;
   * all-or-nothing, one Raft write (or none when the chosen branch only reads). The operations
   * of the chosen branch see each other's effects in order; if one fails, the whole
   * transaction fails with that operation's status and nothing is applied.
   */
  txn(argument: _tributary_coord_v1_TxnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  txn(argument: _tributary_coord_v1_TxnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  txn(argument: _tributary_coord_v1_TxnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  txn(argument: _tributary_coord_v1_TxnRequest, callback: grpc.requestCallback<_tributary_coord_v1_TxnResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Releases a held lock or withdraws a waiter. NOT_FOUND if `key` is neither held nor waiting
   * (already released, or its session expired).
   */
  Unlock(argument: _tributary_coord_v1_UnlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  Unlock(argument: _tributary_coord_v1_UnlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  Unlock(argument: _tributary_coord_v1_UnlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  Unlock(argument: _tributary_coord_v1_UnlockRequest, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Releases a held lock or withdraws a waiter. NOT_FOUND if `key` is neither held nor waiting
   * (already released, or its session expired).
   */
  unlock(argument: _tributary_coord_v1_UnlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  unlock(argument: _tributary_coord_v1_UnlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  unlock(argument: _tributary_coord_v1_UnlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  unlock(argument: _tributary_coord_v1_UnlockRequest, callback: grpc.requestCallback<_tributary_coord_v1_UnlockResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams every change to `path` (or its subtree) after `start_revision`: none lost, none
   * repeated, in revision order; events of one revision are never split across messages.
   * OUT_OF_RANGE / COMPACTED (metadata.compact_revision = oldest revision still available) when
   * that history has been compacted, at start or while catching up a watcher that fell behind.
   */
  Watch(argument: _tributary_coord_v1_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchResponse__Output>;
  Watch(argument: _tributary_coord_v1_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchResponse__Output>;
  /**
   * Streams every change to `path` (or its subtree) after `start_revision`: none lost, none
   * repeated, in revision order; events of one revision are never split across messages.
   * OUT_OF_RANGE / COMPACTED (metadata.compact_revision = oldest revision still available) when
   * that history has been compacted, at start or while catching up a watcher that fell behind.
   */
  watch(argument: _tributary_coord_v1_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchResponse__Output>;
  watch(argument: _tributary_coord_v1_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchResponse__Output>;
  
}

/**
 * The coordination service, served by every coordinator on its gRPC port.
 * 
 * Writes are Raft transactions; each advances the cluster revision by exactly one. A follower
 * forwards writes and linearizable reads to the leader, or fails them FAILED_PRECONDITION /
 * NOT_LEADER with `metadata.leader`; clients retry there.
 * 
 * Errors any RPC may return: INVALID_ARGUMENT (malformed path, name, size or field);
 * UNAVAILABLE (no leader elected yet, or quorum lost; RetryInfo attached); FAILED_PRECONDITION
 * / NOT_LEADER; RESOURCE_EXHAUSTED (message over `--max-message-bytes`, default 16 MiB, or a
 * server queue full); UNAUTHENTICATED; PERMISSION_DENIED (ACL, or a write under /tributary);
 * DEADLINE_EXCEEDED (the call's deadline passed; a write may still commit).
 */
export interface CoordinationServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Expires a session now, with the same effects as TTL expiry. NOT_FOUND if the session is
   * unknown or already expired. One Raft write.
   */
  CloseSession: grpc.handleUnaryCall<_tributary_coord_v1_CloseSessionRequest__Output, _tributary_coord_v1_CloseSessionResponse>;
  
  /**
   * Creates a node. ALREADY_EXISTS if the path exists; NOT_FOUND if the parent does not exist;
   * FAILED_PRECONDITION / NO_CHILDREN_FOR_EPHEMERALS if the parent is ephemeral;
   * FAILED_PRECONDITION / SESSION_EXPIRED if `ephemeral` and the session is gone;
   * INVALID_ARGUMENT if `ephemeral` without a session id, or data over 1 MiB.
   */
  Create: grpc.handleUnaryCall<_tributary_coord_v1_CreateRequest__Output, _tributary_coord_v1_CreateResponse>;
  
  /**
   * Deletes a node, or with `recursive` its whole subtree in one transaction. NOT_FOUND if the
   * node does not exist; FAILED_PRECONDITION / VERSION_MISMATCH as for Set;
   * FAILED_PRECONDITION / NOT_EMPTY if it has children and `recursive` is false.
   */
  Delete: grpc.handleUnaryCall<_tributary_coord_v1_DeleteRequest__Output, _tributary_coord_v1_DeleteResponse>;
  
  /**
   * The unary operations above, pipelined on one stream: what the SDK uses on its hot path.
   * Requests are started in the order received (writes are proposed in that order); each is
   * answered as it completes, so answers may come out of order: match them by `request_id`.
   * A failed request yields an error answer and does not end the stream. The server bounds
   * the requests in flight per stream and stops reading while at the bound.
   */
  Execute: grpc.handleBidiStreamingCall<_tributary_coord_v1_ExecuteRequest__Output, _tributary_coord_v1_ExecuteResponse>;
  
  /**
   * Reads a node's data and stat. NOT_FOUND if the node does not exist.
   */
  Get: grpc.handleUnaryCall<_tributary_coord_v1_GetRequest__Output, _tributary_coord_v1_GetResponse>;
  
  /**
   * Heartbeats for any number of sessions on one stream: each request renews one session and is
   * answered by one response, in order. Not a Raft write: the leader tracks deadlines, and a new
   * leader restarts every session's full TTL. Served by the leader; a follower relays the
   * stream or ends it FAILED_PRECONDITION / NOT_LEADER.
   */
  KeepAlive: grpc.handleBidiStreamingCall<_tributary_coord_v1_KeepAliveRequest__Output, _tributary_coord_v1_KeepAliveResponse>;
  
  /**
   * Lists a node's direct children. NOT_FOUND if the node does not exist.
   */
  List: grpc.handleUnaryCall<_tributary_coord_v1_ListRequest__Output, _tributary_coord_v1_ListResponse>;
  
  /**
   * Acquires a fair (FIFO) mutex for a session: waits behind earlier waiters for up to
   * `wait_ms`. DEADLINE_EXCEEDED / LOCK_TIMEOUT if not acquired in time (the waiter is
   * withdrawn, nothing is held); FAILED_PRECONDITION / SESSION_EXPIRED if the session is gone
   * or expires while waiting; NOT_FOUND if the lock node's parent does not exist. Not
   * reentrant: a second Lock by the same session queues behind the first.
   */
  Lock: grpc.handleUnaryCall<_tributary_coord_v1_LockRequest__Output, _tributary_coord_v1_LockResponse>;
  
  /**
   * Opens a session with a time-to-live. The session lives while KeepAlive renews it; when it
   * expires (or is closed) every ephemeral node it owns and every lock it holds or waits for is
   * deleted in one transaction. One Raft write.
   */
  OpenSession: grpc.handleUnaryCall<_tributary_coord_v1_OpenSessionRequest__Output, _tributary_coord_v1_OpenSessionResponse>;
  
  /**
   * Replaces a node's data. NOT_FOUND if the node does not exist; FAILED_PRECONDITION /
   * VERSION_MISMATCH if `expected_version` is not -1 and differs from the node's version.
   */
  Set: grpc.handleUnaryCall<_tributary_coord_v1_SetRequest__Output, _tributary_coord_v1_SetResponse>;
  
  /**
   * Evaluates every compare against one state; applies `success` if all hold, else `failure`;
   * all-or-nothing, one Raft write (or none when the chosen branch only reads). The operations
   * of the chosen branch see each other's effects in order; if one fails, the whole
   * transaction fails with that operation's status and nothing is applied.
   */
  Txn: grpc.handleUnaryCall<_tributary_coord_v1_TxnRequest__Output, _tributary_coord_v1_TxnResponse>;
  
  /**
   * Releases a held lock or withdraws a waiter. NOT_FOUND if `key` is neither held nor waiting
   * (already released, or its session expired).
   */
  Unlock: grpc.handleUnaryCall<_tributary_coord_v1_UnlockRequest__Output, _tributary_coord_v1_UnlockResponse>;
  
  /**
   * Streams every change to `path` (or its subtree) after `start_revision`: none lost, none
   * repeated, in revision order; events of one revision are never split across messages.
   * OUT_OF_RANGE / COMPACTED (metadata.compact_revision = oldest revision still available) when
   * that history has been compacted, at start or while catching up a watcher that fell behind.
   */
  Watch: grpc.handleServerStreamingCall<_tributary_coord_v1_WatchRequest__Output, _tributary_coord_v1_WatchResponse>;
  
}

export interface CoordinationServiceDefinition extends grpc.ServiceDefinition {
  CloseSession: MethodDefinition<_tributary_coord_v1_CloseSessionRequest, _tributary_coord_v1_CloseSessionResponse, _tributary_coord_v1_CloseSessionRequest__Output, _tributary_coord_v1_CloseSessionResponse__Output>
  Create: MethodDefinition<_tributary_coord_v1_CreateRequest, _tributary_coord_v1_CreateResponse, _tributary_coord_v1_CreateRequest__Output, _tributary_coord_v1_CreateResponse__Output>
  Delete: MethodDefinition<_tributary_coord_v1_DeleteRequest, _tributary_coord_v1_DeleteResponse, _tributary_coord_v1_DeleteRequest__Output, _tributary_coord_v1_DeleteResponse__Output>
  Execute: MethodDefinition<_tributary_coord_v1_ExecuteRequest, _tributary_coord_v1_ExecuteResponse, _tributary_coord_v1_ExecuteRequest__Output, _tributary_coord_v1_ExecuteResponse__Output>
  Get: MethodDefinition<_tributary_coord_v1_GetRequest, _tributary_coord_v1_GetResponse, _tributary_coord_v1_GetRequest__Output, _tributary_coord_v1_GetResponse__Output>
  KeepAlive: MethodDefinition<_tributary_coord_v1_KeepAliveRequest, _tributary_coord_v1_KeepAliveResponse, _tributary_coord_v1_KeepAliveRequest__Output, _tributary_coord_v1_KeepAliveResponse__Output>
  List: MethodDefinition<_tributary_coord_v1_ListRequest, _tributary_coord_v1_ListResponse, _tributary_coord_v1_ListRequest__Output, _tributary_coord_v1_ListResponse__Output>
  Lock: MethodDefinition<_tributary_coord_v1_LockRequest, _tributary_coord_v1_LockResponse, _tributary_coord_v1_LockRequest__Output, _tributary_coord_v1_LockResponse__Output>
  OpenSession: MethodDefinition<_tributary_coord_v1_OpenSessionRequest, _tributary_coord_v1_OpenSessionResponse, _tributary_coord_v1_OpenSessionRequest__Output, _tributary_coord_v1_OpenSessionResponse__Output>
  Set: MethodDefinition<_tributary_coord_v1_SetRequest, _tributary_coord_v1_SetResponse, _tributary_coord_v1_SetRequest__Output, _tributary_coord_v1_SetResponse__Output>
  Txn: MethodDefinition<_tributary_coord_v1_TxnRequest, _tributary_coord_v1_TxnResponse, _tributary_coord_v1_TxnRequest__Output, _tributary_coord_v1_TxnResponse__Output>
  Unlock: MethodDefinition<_tributary_coord_v1_UnlockRequest, _tributary_coord_v1_UnlockResponse, _tributary_coord_v1_UnlockRequest__Output, _tributary_coord_v1_UnlockResponse__Output>
  Watch: MethodDefinition<_tributary_coord_v1_WatchRequest, _tributary_coord_v1_WatchResponse, _tributary_coord_v1_WatchRequest__Output, _tributary_coord_v1_WatchResponse__Output>
}
