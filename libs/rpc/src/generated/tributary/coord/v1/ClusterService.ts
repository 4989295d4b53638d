// Original file: protos/tributary/coord/v1/cluster.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddMemberRequest as _tributary_coord_v1_AddMemberRequest, AddMemberRequest__Output as _tributary_coord_v1_AddMemberRequest__Output } from '../../../tributary/coord/v1/AddMemberRequest';
import type { AddMemberResponse as _tributary_coord_v1_AddMemberResponse, AddMemberResponse__Output as _tributary_coord_v1_AddMemberResponse__Output } from '../../../tributary/coord/v1/AddMemberResponse';
import type { RemoveMemberRequest as _tributary_coord_v1_RemoveMemberRequest, RemoveMemberRequest__Output as _tributary_coord_v1_RemoveMemberRequest__Output } from '../../../tributary/coord/v1/RemoveMemberRequest';
import type { RemoveMemberResponse as _tributary_coord_v1_RemoveMemberResponse, RemoveMemberResponse__Output as _tributary_coord_v1_RemoveMemberResponse__Output } from '../../../tributary/coord/v1/RemoveMemberResponse';
import type { StatusRequest as _tributary_coord_v1_StatusRequest, StatusRequest__Output as _tributary_coord_v1_StatusRequest__Output } from '../../../tributary/coord/v1/StatusRequest';
import type { StatusResponse as _tributary_coord_v1_StatusResponse, StatusResponse__Output as _tributary_coord_v1_StatusResponse__Output } from '../../../tributary/coord/v1/StatusResponse';
import type { TransferLeadershipRequest as _tributary_coord_v1_TransferLeadershipRequest, TransferLeadershipRequest__Output as _tributary_coord_v1_TransferLeadershipRequest__Output } from '../../../tributary/coord/v1/TransferLeadershipRequest';
import type { TransferLeadershipResponse as _tributary_coord_v1_TransferLeadershipResponse, TransferLeadershipResponse__Output as _tributary_coord_v1_TransferLeadershipResponse__Output } from '../../../tributary/coord/v1/TransferLeadershipResponse';

/**
 * Raft group status and membership, served by every coordinator.
 * 
 * Membership changes are single-server (one voter added or removed per committed change).
 * Errors any RPC may return: UNAVAILABLE (no leader; RetryInfo attached); FAILED_PRECONDITION /
 * NOT_LEADER with `metadata.leader` (changes must be sent to the leader, if not forwarded);
 * UNAUTHENTICATED; PERMISSION_DENIED (cluster-level ACL).
 */
export interface ClusterServiceClient extends grpc.Client {
  /**
   * Adds a member, as a learner or a voter. Returns once the change is committed.
   * ALREADY_EXISTS if the id is already a member of that kind; INVALID_ARGUMENT if the address
   * is malformed; ABORTED / CONF_CHANGE_IN_PROGRESS (RetryInfo) while another change is
   * uncommitted.
   */
  AddMember(argument: _tributary_coord_v1_AddMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  AddMember(argument: _tributary_coord_v1_AddMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  AddMember(argument: _tributary_coord_v1_AddMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  AddMember(argument: _tributary_coord_v1_AddMemberRequest, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds a member, as a learner or a voter. Returns once the change is committed.
   * ALREADY_EXISTS if the id is already a member of that kind; INVALID_ARGUMENT if the address
   * is malformed; ABORTED / CONF_CHANGE_IN_PROGRESS (RetryInfo) while another change is
   * uncommitted.
   */
  addMember(argument: _tributary_coord_v1_AddMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  addMember(argument: _tributary_coord_v1_AddMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  addMember(argument: _tributary_coord_v1_AddMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  addMember(argument: _tributary_coord_v1_AddMemberRequest, callback: grpc.requestCallback<_tributary_coord_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes a member. Returns once the change is committed; a removed leader steps down after.
   * NOT_FOUND if not a member; FAILED_PRECONDITION / LAST_VOTER when removing the only voter;
   * ABORTED / CONF_CHANGE_IN_PROGRESS (RetryInfo) while another change is uncommitted.
   */
  RemoveMember(argument: _tributary_coord_v1_RemoveMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _tributary_coord_v1_RemoveMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _tributary_coord_v1_RemoveMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _tributary_coord_v1_RemoveMemberRequest, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes a member. Returns once the change is committed; a removed leader steps down after.
   * NOT_FOUND if not a member; FAILED_PRECONDITION / LAST_VOTER when removing the only voter;
   * ABORTED / CONF_CHANGE_IN_PROGRESS (RetryInfo) while another change is uncommitted.
   */
  removeMember(argument: _tributary_coord_v1_RemoveMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _tributary_coord_v1_RemoveMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _tributary_coord_v1_RemoveMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _tributary_coord_v1_RemoveMemberRequest, callback: grpc.requestCallback<_tributary_coord_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * This node's view of the Raft group. Answered locally, also without a leader.
   */
  Status(argument: _tributary_coord_v1_StatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  Status(argument: _tributary_coord_v1_StatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  Status(argument: _tributary_coord_v1_StatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  Status(argument: _tributary_coord_v1_StatusRequest, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * This node's view of the Raft group. Answered locally, also without a leader.
   */
  status(argument: _tributary_coord_v1_StatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _tributary_coord_v1_StatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _tributary_coord_v1_StatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _tributary_coord_v1_StatusRequest, callback: grpc.requestCallback<_tributary_coord_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Hands leadership to another voter (TIMEOUT_NOW once it is caught up); proposals are paused
   * meanwhile. NOT_FOUND if the target is not a voter; DEADLINE_EXCEEDED if the transfer did
   * not complete within `timeout_ms` (leadership stays or returns to the old leader).
   */
  TransferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  TransferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  TransferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  TransferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Hands leadership to another voter (TIMEOUT_NOW once it is caught up); proposals are paused
   * meanwhile. NOT_FOUND if the target is not a voter; DEADLINE_EXCEEDED if the transfer did
   * not complete within `timeout_ms` (leadership stays or returns to the old leader).
   */
  transferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _tributary_coord_v1_TransferLeadershipRequest, callback: grpc.requestCallback<_tributary_coord_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Raft group status and membership, served by every coordinator.
 * 
 * Membership changes are single-server (one voter added or removed per committed change).
 * Errors any RPC may return: UNAVAILABLE (no leader; RetryInfo attached); FAILED_PRECONDITION /
 * NOT_LEADER with `metadata.leader` (changes must be sent to the leader, if not forwarded);
 * UNAUTHENTICATED; PERMISSION_DENIED (cluster-level ACL).
 */
export interface ClusterServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Adds a member, as a learner or a voter. Returns once the change is committed.
   * ALREADY_EXISTS if the id is already a member of that kind; INVALID_ARGUMENT if the address
   * is malformed; ABORTED / CONF_CHANGE_IN_PROGRESS (RetryInfo) while another change is
   * uncommitted.
   */
  AddMember: grpc.handleUnaryCall<_tributary_coord_v1_AddMemberRequest__Output, _tributary_coord_v1_AddMemberResponse>;
  
  /**
   * Removes a member. Returns once the change is committed; a removed leader steps down after.
   * NOT_FOUND if not a member; FAILED_PRECONDITION / LAST_VOTER when removing the only voter;
   * ABORTED / CONF_CHANGE_IN_PROGRESS (RetryInfo) while another change is uncommitted.
   */
  RemoveMember: grpc.handleUnaryCall<_tributary_coord_v1_RemoveMemberRequest__Output, _tributary_coord_v1_RemoveMemberResponse>;
  
  /**
   * This node's view of the Raft group. Answered locally, also without a leader.
   */
  Status: grpc.handleUnaryCall<_tributary_coord_v1_StatusRequest__Output, _tributary_coord_v1_StatusResponse>;
  
  /**
   * Hands leadership to another voter (TIMEOUT_NOW once it is caught up); proposals are paused
   * meanwhile. NOT_FOUND if the target is not a voter; DEADLINE_EXCEEDED if the transfer did
   * not complete within `timeout_ms` (leadership stays or returns to the old leader).
   */
  TransferLeadership: grpc.handleUnaryCall<_tributary_coord_v1_TransferLeadershipRequest__Output, _tributary_coord_v1_TransferLeadershipResponse>;
  
}

export interface ClusterServiceDefinition extends grpc.ServiceDefinition {
  AddMember: MethodDefinition<_tributary_coord_v1_AddMemberRequest, _tributary_coord_v1_AddMemberResponse, _tributary_coord_v1_AddMemberRequest__Output, _tributary_coord_v1_AddMemberResponse__Output>
  RemoveMember: MethodDefinition<_tributary_coord_v1_RemoveMemberRequest, _tributary_coord_v1_RemoveMemberResponse, _tributary_coord_v1_RemoveMemberRequest__Output, _tributary_coord_v1_RemoveMemberResponse__Output>
  Status: MethodDefinition<_tributary_coord_v1_StatusRequest, _tributary_coord_v1_StatusResponse, _tributary_coord_v1_StatusRequest__Output, _tributary_coord_v1_StatusResponse__Output>
  TransferLeadership: MethodDefinition<_tributary_coord_v1_TransferLeadershipRequest, _tributary_coord_v1_TransferLeadershipResponse, _tributary_coord_v1_TransferLeadershipRequest__Output, _tributary_coord_v1_TransferLeadershipResponse__Output>
}
