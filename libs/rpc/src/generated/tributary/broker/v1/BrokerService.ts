// Original file: protos/tributary/broker/v1/broker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddAclsRequest as _tributary_broker_v1_AddAclsRequest, AddAclsRequest__Output as _tributary_broker_v1_AddAclsRequest__Output } from '../../../tributary/broker/v1/AddAclsRequest';
import type { AddAclsResponse as _tributary_broker_v1_AddAclsResponse, AddAclsResponse__Output as _tributary_broker_v1_AddAclsResponse__Output } from '../../../tributary/broker/v1/AddAclsResponse';
import type { AllocateProducerIdRequest as _tributary_broker_v1_AllocateProducerIdRequest, AllocateProducerIdRequest__Output as _tributary_broker_v1_AllocateProducerIdRequest__Output } from '../../../tributary/broker/v1/AllocateProducerIdRequest';
import type { AllocateProducerIdResponse as _tributary_broker_v1_AllocateProducerIdResponse, AllocateProducerIdResponse__Output as _tributary_broker_v1_AllocateProducerIdResponse__Output } from '../../../tributary/broker/v1/AllocateProducerIdResponse';
import type { CommitOffsetsRequest as _tributary_broker_v1_CommitOffsetsRequest, CommitOffsetsRequest__Output as _tributary_broker_v1_CommitOffsetsRequest__Output } from '../../../tributary/broker/v1/CommitOffsetsRequest';
import type { CommitOffsetsResponse as _tributary_broker_v1_CommitOffsetsResponse, CommitOffsetsResponse__Output as _tributary_broker_v1_CommitOffsetsResponse__Output } from '../../../tributary/broker/v1/CommitOffsetsResponse';
import type { CreatePartitionsRequest as _tributary_broker_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_broker_v1_CreatePartitionsRequest__Output } from '../../../tributary/broker/v1/CreatePartitionsRequest';
import type { CreatePartitionsResponse as _tributary_broker_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_broker_v1_CreatePartitionsResponse__Output } from '../../../tributary/broker/v1/CreatePartitionsResponse';
import type { CreateTopicRequest as _tributary_broker_v1_CreateTopicRequest, CreateTopicRequest__Output as _tributary_broker_v1_CreateTopicRequest__Output } from '../../../tributary/broker/v1/CreateTopicRequest';
import type { CreateTopicResponse as _tributary_broker_v1_CreateTopicResponse, CreateTopicResponse__Output as _tributary_broker_v1_CreateTopicResponse__Output } from '../../../tributary/broker/v1/CreateTopicResponse';
import type { DeleteTopicRequest as _tributary_broker_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _tributary_broker_v1_DeleteTopicRequest__Output } from '../../../tributary/broker/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _tributary_broker_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _tributary_broker_v1_DeleteTopicResponse__Output } from '../../../tributary/broker/v1/DeleteTopicResponse';
import type { DescribeGroupsRequest as _tributary_broker_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _tributary_broker_v1_DescribeGroupsRequest__Output } from '../../../tributary/broker/v1/DescribeGroupsRequest';
import type { DescribeGroupsResponse as _tributary_broker_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _tributary_broker_v1_DescribeGroupsResponse__Output } from '../../../tributary/broker/v1/DescribeGroupsResponse';
import type { DescribeTopicsRequest as _tributary_broker_v1_DescribeTopicsRequest, DescribeTopicsRequest__Output as _tributary_broker_v1_DescribeTopicsRequest__Output } from '../../../tributary/broker/v1/DescribeTopicsRequest';
import type { DescribeTopicsResponse as _tributary_broker_v1_DescribeTopicsResponse, DescribeTopicsResponse__Output as _tributary_broker_v1_DescribeTopicsResponse__Output } from '../../../tributary/broker/v1/DescribeTopicsResponse';
import type { FetchOffsetsRequest as _tributary_broker_v1_FetchOffsetsRequest, FetchOffsetsRequest__Output as _tributary_broker_v1_FetchOffsetsRequest__Output } from '../../../tributary/broker/v1/FetchOffsetsRequest';
import type { FetchOffsetsResponse as _tributary_broker_v1_FetchOffsetsResponse, FetchOffsetsResponse__Output as _tributary_broker_v1_FetchOffsetsResponse__Output } from '../../../tributary/broker/v1/FetchOffsetsResponse';
import type { FetchRequest as _tributary_broker_v1_FetchRequest, FetchRequest__Output as _tributary_broker_v1_FetchRequest__Output } from '../../../tributary/broker/v1/FetchRequest';
import type { FetchResponse as _tributary_broker_v1_FetchResponse, FetchResponse__Output as _tributary_broker_v1_FetchResponse__Output } from '../../../tributary/broker/v1/FetchResponse';
import type { GroupHeartbeatRequest as _tributary_broker_v1_GroupHeartbeatRequest, GroupHeartbeatRequest__Output as _tributary_broker_v1_GroupHeartbeatRequest__Output } from '../../../tributary/broker/v1/GroupHeartbeatRequest';
import type { GroupHeartbeatResponse as _tributary_broker_v1_GroupHeartbeatResponse, GroupHeartbeatResponse__Output as _tributary_broker_v1_GroupHeartbeatResponse__Output } from '../../../tributary/broker/v1/GroupHeartbeatResponse';
import type { JoinGroupRequest as _tributary_broker_v1_JoinGroupRequest, JoinGroupRequest__Output as _tributary_broker_v1_JoinGroupRequest__Output } from '../../../tributary/broker/v1/JoinGroupRequest';
import type { JoinGroupResponse as _tributary_broker_v1_JoinGroupResponse, JoinGroupResponse__Output as _tributary_broker_v1_JoinGroupResponse__Output } from '../../../tributary/broker/v1/JoinGroupResponse';
import type { LeaveGroupRequest as _tributary_broker_v1_LeaveGroupRequest, LeaveGroupRequest__Output as _tributary_broker_v1_LeaveGroupRequest__Output } from '../../../tributary/broker/v1/LeaveGroupRequest';
import type { LeaveGroupResponse as _tributary_broker_v1_LeaveGroupResponse, LeaveGroupResponse__Output as _tributary_broker_v1_LeaveGroupResponse__Output } from '../../../tributary/broker/v1/LeaveGroupResponse';
import type { ListAclsRequest as _tributary_broker_v1_ListAclsRequest, ListAclsRequest__Output as _tributary_broker_v1_ListAclsRequest__Output } from '../../../tributary/broker/v1/ListAclsRequest';
import type { ListAclsResponse as _tributary_broker_v1_ListAclsResponse, ListAclsResponse__Output as _tributary_broker_v1_ListAclsResponse__Output } from '../../../tributary/broker/v1/ListAclsResponse';
import type { ListGroupsRequest as _tributary_broker_v1_ListGroupsRequest, ListGroupsRequest__Output as _tributary_broker_v1_ListGroupsRequest__Output } from '../../../tributary/broker/v1/ListGroupsRequest';
import type { ListGroupsResponse as _tributary_broker_v1_ListGroupsResponse, ListGroupsResponse__Output as _tributary_broker_v1_ListGroupsResponse__Output } from '../../../tributary/broker/v1/ListGroupsResponse';
import type { ListOffsetsRequest as _tributary_broker_v1_ListOffsetsRequest, ListOffsetsRequest__Output as _tributary_broker_v1_ListOffsetsRequest__Output } from '../../../tributary/broker/v1/ListOffsetsRequest';
import type { ListOffsetsResponse as _tributary_broker_v1_ListOffsetsResponse, ListOffsetsResponse__Output as _tributary_broker_v1_ListOffsetsResponse__Output } from '../../../tributary/broker/v1/ListOffsetsResponse';
import type { MetadataRequest as _tributary_broker_v1_MetadataRequest, MetadataRequest__Output as _tributary_broker_v1_MetadataRequest__Output } from '../../../tributary/broker/v1/MetadataRequest';
import type { MetadataResponse as _tributary_broker_v1_MetadataResponse, MetadataResponse__Output as _tributary_broker_v1_MetadataResponse__Output } from '../../../tributary/broker/v1/MetadataResponse';
import type { ProduceRequest as _tributary_broker_v1_ProduceRequest, ProduceRequest__Output as _tributary_broker_v1_ProduceRequest__Output } from '../../../tributary/broker/v1/ProduceRequest';
import type { ProduceResponse as _tributary_broker_v1_ProduceResponse, ProduceResponse__Output as _tributary_broker_v1_ProduceResponse__Output } from '../../../tributary/broker/v1/ProduceResponse';
import type { ProduceStreamRequest as _tributary_broker_v1_ProduceStreamRequest, ProduceStreamRequest__Output as _tributary_broker_v1_ProduceStreamRequest__Output } from '../../../tributary/broker/v1/ProduceStreamRequest';
import type { ProduceStreamResponse as _tributary_broker_v1_ProduceStreamResponse, ProduceStreamResponse__Output as _tributary_broker_v1_ProduceStreamResponse__Output } from '../../../tributary/broker/v1/ProduceStreamResponse';
import type { ReassignPartitionsRequest as _tributary_broker_v1_ReassignPartitionsRequest, ReassignPartitionsRequest__Output as _tributary_broker_v1_ReassignPartitionsRequest__Output } from '../../../tributary/broker/v1/ReassignPartitionsRequest';
import type { ReassignPartitionsResponse as _tributary_broker_v1_ReassignPartitionsResponse, ReassignPartitionsResponse__Output as _tributary_broker_v1_ReassignPartitionsResponse__Output } from '../../../tributary/broker/v1/ReassignPartitionsResponse';
import type { RemoveAclsRequest as _tributary_broker_v1_RemoveAclsRequest, RemoveAclsRequest__Output as _tributary_broker_v1_RemoveAclsRequest__Output } from '../../../tributary/broker/v1/RemoveAclsRequest';
import type { RemoveAclsResponse as _tributary_broker_v1_RemoveAclsResponse, RemoveAclsResponse__Output as _tributary_broker_v1_RemoveAclsResponse__Output } from '../../../tributary/broker/v1/RemoveAclsResponse';
import type { SubscribeRequest as _tributary_broker_v1_SubscribeRequest, SubscribeRequest__Output as _tributary_broker_v1_SubscribeRequest__Output } from '../../../tributary/broker/v1/SubscribeRequest';
import type { SubscribeResponse as _tributary_broker_v1_SubscribeResponse, SubscribeResponse__Output as _tributary_broker_v1_SubscribeResponse__Output } from '../../../tributary/broker/v1/SubscribeResponse';
import type { UpdateTopicConfigRequest as _tributary_broker_v1_UpdateTopicConfigRequest, UpdateTopicConfigRequest__Output as _tributary_broker_v1_UpdateTopicConfigRequest__Output } from '../../../tributary/broker/v1/UpdateTopicConfigRequest';
import type { UpdateTopicConfigResponse as _tributary_broker_v1_UpdateTopicConfigResponse, UpdateTopicConfigResponse__Output as _tributary_broker_v1_UpdateTopicConfigResponse__Output } from '../../../tributary/broker/v1/UpdateTopicConfigResponse';

/**
 * The broker's client-facing service.
 * 
 * Produce, Fetch, Subscribe and ListOffsets must reach the partition's leader; another broker
 * fails them FAILED_PRECONDITION / NOT_LEADER with `metadata.leader` = the leader's
 * "host:port" when known (UNAVAILABLE / NOT_LEADER with RetryInfo while the partition has no
 * leader): refresh Metadata and retry. Pass-through RPCs are forwarded to the coordinators and
 * return their errors (see tributary.coord.v1.MetadataService).
 * 
 * Errors any RPC may return: INVALID_ARGUMENT (malformed name or field); NOT_FOUND (unknown
 * topic or partition; metadata.topic names it); RESOURCE_EXHAUSTED (message over
 * `--max-message-bytes`, default 16 MiB, refused before it is buffered whole);
 * UNAUTHENTICATED; PERMISSION_DENIED (ACL); UNAVAILABLE (coordinators unreachable, broker
 * shutting down; RetryInfo attached).
 */
export interface BrokerServiceClient extends grpc.Client {
  /**
   * Pass-through of tributary.coord.v1.MetadataService.AddAcls.
   */
  AddAcls(argument: _tributary_broker_v1_AddAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  AddAcls(argument: _tributary_broker_v1_AddAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  AddAcls(argument: _tributary_broker_v1_AddAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  AddAcls(argument: _tributary_broker_v1_AddAclsRequest, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.AddAcls.
   */
  addAcls(argument: _tributary_broker_v1_AddAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  addAcls(argument: _tributary_broker_v1_AddAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  addAcls(argument: _tributary_broker_v1_AddAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  addAcls(argument: _tributary_broker_v1_AddAclsRequest, callback: grpc.requestCallback<_tributary_broker_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.AllocateProducerId.
   */
  AllocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.AllocateProducerId.
   */
  allocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerId(argument: _tributary_broker_v1_AllocateProducerIdRequest, callback: grpc.requestCallback<_tributary_broker_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CommitOffsets.
   */
  CommitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CommitOffsets.
   */
  commitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _tributary_broker_v1_CommitOffsetsRequest, callback: grpc.requestCallback<_tributary_broker_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CreatePartitions.
   */
  CreatePartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CreatePartitions.
   */
  createPartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_broker_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_tributary_broker_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CreateTopic.
   */
  CreateTopic(argument: _tributary_broker_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _tributary_broker_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _tributary_broker_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _tributary_broker_v1_CreateTopicRequest, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CreateTopic.
   */
  createTopic(argument: _tributary_broker_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _tributary_broker_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _tributary_broker_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _tributary_broker_v1_CreateTopicRequest, callback: grpc.requestCallback<_tributary_broker_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DeleteTopic.
   */
  DeleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DeleteTopic.
   */
  deleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _tributary_broker_v1_DeleteTopicRequest, callback: grpc.requestCallback<_tributary_broker_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DescribeGroups.
   */
  DescribeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DescribeGroups.
   */
  describeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_broker_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_tributary_broker_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DescribeTopics.
   */
  DescribeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DescribeTopics.
   */
  describeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  describeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  describeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  describeTopics(argument: _tributary_broker_v1_DescribeTopicsRequest, callback: grpc.requestCallback<_tributary_broker_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads batches from `offset`, long-polling up to `max_wait_ms` for `min_bytes`. Never
   * returns data at or above the high watermark. OUT_OF_RANGE / OFFSET_OUT_OF_RANGE (metadata
   * log_start_offset, high_watermark) if `offset` is below the log start or above the log end;
   * FAILED_PRECONDITION / FENCED if `leader_epoch` is older than the leader's; DATA_LOSS /
   * CHECKSUM_MISMATCH if stored data fails its checksum.
   */
  Fetch(argument: _tributary_broker_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _tributary_broker_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _tributary_broker_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _tributary_broker_v1_FetchRequest, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads batches from `offset`, long-polling up to `max_wait_ms` for `min_bytes`. Never
   * returns data at or above the high watermark. OUT_OF_RANGE / OFFSET_OUT_OF_RANGE (metadata
   * log_start_offset, high_watermark) if `offset` is below the log start or above the log end;
   * FAILED_PRECONDITION / FENCED if `leader_epoch` is older than the leader's; DATA_LOSS /
   * CHECKSUM_MISMATCH if stored data fails its checksum.
   */
  fetch(argument: _tributary_broker_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_broker_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_broker_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_broker_v1_FetchRequest, callback: grpc.requestCallback<_tributary_broker_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.FetchOffsets.
   */
  FetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  FetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  FetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  FetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.FetchOffsets.
   */
  fetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  fetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  fetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  fetchOffsets(argument: _tributary_broker_v1_FetchOffsetsRequest, callback: grpc.requestCallback<_tributary_broker_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.GroupHeartbeat.
   */
  GroupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  GroupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  GroupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  GroupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.GroupHeartbeat.
   */
  groupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  groupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  groupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  groupHeartbeat(argument: _tributary_broker_v1_GroupHeartbeatRequest, callback: grpc.requestCallback<_tributary_broker_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.JoinGroup.
   */
  JoinGroup(argument: _tributary_broker_v1_JoinGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  JoinGroup(argument: _tributary_broker_v1_JoinGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  JoinGroup(argument: _tributary_broker_v1_JoinGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  JoinGroup(argument: _tributary_broker_v1_JoinGroupRequest, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.JoinGroup.
   */
  joinGroup(argument: _tributary_broker_v1_JoinGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  joinGroup(argument: _tributary_broker_v1_JoinGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  joinGroup(argument: _tributary_broker_v1_JoinGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  joinGroup(argument: _tributary_broker_v1_JoinGroupRequest, callback: grpc.requestCallback<_tributary_broker_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.LeaveGroup.
   */
  LeaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.LeaveGroup.
   */
  leaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _tributary_broker_v1_LeaveGroupRequest, callback: grpc.requestCallback<_tributary_broker_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ListAcls.
   */
  ListAcls(argument: _tributary_broker_v1_ListAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  ListAcls(argument: _tributary_broker_v1_ListAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  ListAcls(argument: _tributary_broker_v1_ListAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  ListAcls(argument: _tributary_broker_v1_ListAclsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ListAcls.
   */
  listAcls(argument: _tributary_broker_v1_ListAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  listAcls(argument: _tributary_broker_v1_ListAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  listAcls(argument: _tributary_broker_v1_ListAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  listAcls(argument: _tributary_broker_v1_ListAclsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ListGroups.
   */
  ListGroups(argument: _tributary_broker_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_broker_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_broker_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_broker_v1_ListGroupsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ListGroups.
   */
  listGroups(argument: _tributary_broker_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_broker_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_broker_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_broker_v1_ListGroupsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Finds an offset by position (earliest, latest) or by timestamp.
   */
  ListOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Finds an offset by position (earliest, latest) or by timestamp.
   */
  listOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_broker_v1_ListOffsetsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Brokers and partition leaders of the requested topics, from the broker's metadata cache
   * (`header.revision` says how fresh).
   */
  Metadata(argument: _tributary_broker_v1_MetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _tributary_broker_v1_MetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _tributary_broker_v1_MetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _tributary_broker_v1_MetadataRequest, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Brokers and partition leaders of the requested topics, from the broker's metadata cache
   * (`header.revision` says how fresh).
   */
  metadata(argument: _tributary_broker_v1_MetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_broker_v1_MetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_broker_v1_MetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_broker_v1_MetadataRequest, callback: grpc.requestCallback<_tributary_broker_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Appends one batch to one partition. With acks ALL (the default) it answers once every ISR
   * member has the batch. UNAVAILABLE / NOT_ENOUGH_REPLICAS (RetryInfo) if the ISR is smaller
   * than min.insync.replicas, before or after the append (after: the batch may be in the log;
   * only an idempotent retry is free of duplicates); FAILED_PRECONDITION / FENCED for a stale
   * producer_epoch or leader_epoch; FAILED_PRECONDITION / OUT_OF_ORDER_SEQUENCE for a sequence
   * gap; DATA_LOSS / CHECKSUM_MISMATCH if crc32c does not match; RESOURCE_EXHAUSTED above the
   * topic's max.message.bytes; DEADLINE_EXCEEDED if `timeout_ms` passed before the acks (the
   * batch may still commit). A retry of one of the producer's last 5 batches is not written
   * again: it is answered with the original base_offset and `duplicate` true.
   */
  Produce(argument: _tributary_broker_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _tributary_broker_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _tributary_broker_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _tributary_broker_v1_ProduceRequest, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Appends one batch to one partition. With acks ALL (the default) it answers once every ISR
   * member has the batch. UNAVAILABLE / NOT_ENOUGH_REPLICAS (RetryInfo) if the ISR is smaller
   * than min.insync.replicas, before or after the append (after: the batch may be in the log;
   * only an idempotent retry is free of duplicates); FAILED_PRECONDITION / FENCED for a stale
   * producer_epoch or leader_epoch; FAILED_PRECONDITION / OUT_OF_ORDER_SEQUENCE for a sequence
   * gap; DATA_LOSS / CHECKSUM_MISMATCH if crc32c does not match; RESOURCE_EXHAUSTED above the
   * topic's max.message.bytes; DEADLINE_EXCEEDED if `timeout_ms` passed before the acks (the
   * batch may still commit). A retry of one of the producer's last 5 batches is not written
   * again: it is answered with the original base_offset and `duplicate` true.
   */
  produce(argument: _tributary_broker_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_broker_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_broker_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_broker_v1_ProduceRequest, callback: grpc.requestCallback<_tributary_broker_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Produce, pipelined on one stream. Requests for one partition are appended in the order
   * received and answered in that order; answers for different partitions may interleave. A
   * failed request yields an error answer and does not end the stream. The server bounds the
   * requests in flight per stream and stops reading while at the bound.
   */
  ProduceStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_broker_v1_ProduceStreamRequest, _tributary_broker_v1_ProduceStreamResponse__Output>;
  ProduceStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_broker_v1_ProduceStreamRequest, _tributary_broker_v1_ProduceStreamResponse__Output>;
  /**
   * Produce, pipelined on one stream. Requests for one partition are appended in the order
   * received and answered in that order; answers for different partitions may interleave. A
   * failed request yields an error answer and does not end the stream. The server bounds the
   * requests in flight per stream and stops reading while at the bound.
   */
  produceStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_broker_v1_ProduceStreamRequest, _tributary_broker_v1_ProduceStreamResponse__Output>;
  produceStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tributary_broker_v1_ProduceStreamRequest, _tributary_broker_v1_ProduceStreamResponse__Output>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ReassignPartitions.
   */
  ReassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  ReassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  ReassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  ReassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ReassignPartitions.
   */
  reassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  reassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  reassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  reassignPartitions(argument: _tributary_broker_v1_ReassignPartitionsRequest, callback: grpc.requestCallback<_tributary_broker_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.RemoveAcls.
   */
  RemoveAcls(argument: _tributary_broker_v1_RemoveAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  RemoveAcls(argument: _tributary_broker_v1_RemoveAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  RemoveAcls(argument: _tributary_broker_v1_RemoveAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  RemoveAcls(argument: _tributary_broker_v1_RemoveAclsRequest, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.RemoveAcls.
   */
  removeAcls(argument: _tributary_broker_v1_RemoveAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  removeAcls(argument: _tributary_broker_v1_RemoveAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  removeAcls(argument: _tributary_broker_v1_RemoveAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  removeAcls(argument: _tributary_broker_v1_RemoveAclsRequest, callback: grpc.requestCallback<_tributary_broker_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams batches from `offset` as the high watermark advances. Flow control is the
   * transport's: the broker reads the next batches only once the previous message has been
   * accepted by the HTTP/2 window, so a slow reader costs one message of server memory. Ends
   * with the errors of Fetch, e.g. NOT_LEADER when leadership moves, or OFFSET_OUT_OF_RANGE if
   * retention deletes the reader's position.
   */
  Subscribe(argument: _tributary_broker_v1_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_broker_v1_SubscribeResponse__Output>;
  Subscribe(argument: _tributary_broker_v1_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_broker_v1_SubscribeResponse__Output>;
  /**
   * Streams batches from `offset` as the high watermark advances. Flow control is the
   * transport's: the broker reads the next batches only once the previous message has been
   * accepted by the HTTP/2 window, so a slow reader costs one message of server memory. Ends
   * with the errors of Fetch, e.g. NOT_LEADER when leadership moves, or OFFSET_OUT_OF_RANGE if
   * retention deletes the reader's position.
   */
  subscribe(argument: _tributary_broker_v1_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_broker_v1_SubscribeResponse__Output>;
  subscribe(argument: _tributary_broker_v1_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_broker_v1_SubscribeResponse__Output>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.UpdateTopicConfig.
   */
  UpdateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pass-through of tributary.coord.v1.MetadataService.UpdateTopicConfig.
   */
  updateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  updateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  updateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  updateTopicConfig(argument: _tributary_broker_v1_UpdateTopicConfigRequest, callback: grpc.requestCallback<_tributary_broker_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The broker's client-facing service.
 * 
 * Produce, Fetch, Subscribe and ListOffsets must reach the partition's leader; another broker
 * fails them FAILED_PRECONDITION / NOT_LEADER with `metadata.leader` = the leader's
 * "host:port" when known (UNAVAILABLE / NOT_LEADER with RetryInfo while the partition has no
 * leader): refresh Metadata and retry. Pass-through RPCs are forwarded to the coordinators and
 * return their errors (see tributary.coord.v1.MetadataService).
 * 
 * Errors any RPC may return: INVALID_ARGUMENT (malformed name or field); NOT_FOUND (unknown
 * topic or partition; metadata.topic names it); RESOURCE_EXHAUSTED (message over
 * `--max-message-bytes`, default 16 MiB, refused before it is buffered whole);
 * UNAUTHENTICATED; PERMISSION_DENIED (ACL); UNAVAILABLE (coordinators unreachable, broker
 * shutting down; RetryInfo attached).
 */
export interface BrokerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Pass-through of tributary.coord.v1.MetadataService.AddAcls.
   */
  AddAcls: grpc.handleUnaryCall<_tributary_broker_v1_AddAclsRequest__Output, _tributary_broker_v1_AddAclsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.AllocateProducerId.
   */
  AllocateProducerId: grpc.handleUnaryCall<_tributary_broker_v1_AllocateProducerIdRequest__Output, _tributary_broker_v1_AllocateProducerIdResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CommitOffsets.
   */
  CommitOffsets: grpc.handleUnaryCall<_tributary_broker_v1_CommitOffsetsRequest__Output, _tributary_broker_v1_CommitOffsetsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CreatePartitions.
   */
  CreatePartitions: grpc.handleUnaryCall<_tributary_broker_v1_CreatePartitionsRequest__Output, _tributary_broker_v1_CreatePartitionsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.CreateTopic.
   */
  CreateTopic: grpc.handleUnaryCall<_tributary_broker_v1_CreateTopicRequest__Output, _tributary_broker_v1_CreateTopicResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DeleteTopic.
   */
  DeleteTopic: grpc.handleUnaryCall<_tributary_broker_v1_DeleteTopicRequest__Output, _tributary_broker_v1_DeleteTopicResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DescribeGroups.
   */
  DescribeGroups: grpc.handleUnaryCall<_tributary_broker_v1_DescribeGroupsRequest__Output, _tributary_broker_v1_DescribeGroupsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.DescribeTopics.
   */
  DescribeTopics: grpc.handleUnaryCall<_tributary_broker_v1_DescribeTopicsRequest__Output, _tributary_broker_v1_DescribeTopicsResponse>;
  
  /**
   * Reads batches from `offset`, long-polling up to `max_wait_ms` for `min_bytes`. Never
   * returns data at or above the high watermark. OUT_OF_RANGE / OFFSET_OUT_OF_RANGE (metadata
   * log_start_offset, high_watermark) if `offset` is below the log start or above the log end;
   * FAILED_PRECONDITION / FENCED if `leader_epoch` is older than the leader's; DATA_LOSS /
   * CHECKSUM_MISMATCH if stored data fails its checksum.
   */
  Fetch: grpc.handleUnaryCall<_tributary_broker_v1_FetchRequest__Output, _tributary_broker_v1_FetchResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.FetchOffsets.
   */
  FetchOffsets: grpc.handleUnaryCall<_tributary_broker_v1_FetchOffsetsRequest__Output, _tributary_broker_v1_FetchOffsetsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.GroupHeartbeat.
   */
  GroupHeartbeat: grpc.handleUnaryCall<_tributary_broker_v1_GroupHeartbeatRequest__Output, _tributary_broker_v1_GroupHeartbeatResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.JoinGroup.
   */
  JoinGroup: grpc.handleUnaryCall<_tributary_broker_v1_JoinGroupRequest__Output, _tributary_broker_v1_JoinGroupResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.LeaveGroup.
   */
  LeaveGroup: grpc.handleUnaryCall<_tributary_broker_v1_LeaveGroupRequest__Output, _tributary_broker_v1_LeaveGroupResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ListAcls.
   */
  ListAcls: grpc.handleUnaryCall<_tributary_broker_v1_ListAclsRequest__Output, _tributary_broker_v1_ListAclsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ListGroups.
   */
  ListGroups: grpc.handleUnaryCall<_tributary_broker_v1_ListGroupsRequest__Output, _tributary_broker_v1_ListGroupsResponse>;
  
  /**
   * Finds an offset by position (earliest, latest) or by timestamp.
   */
  ListOffsets: grpc.handleUnaryCall<_tributary_broker_v1_ListOffsetsRequest__Output, _tributary_broker_v1_ListOffsetsResponse>;
  
  /**
   * Brokers and partition leaders of the requested topics, from the broker's metadata cache
   * (`header.revision` says how fresh).
   */
  Metadata: grpc.handleUnaryCall<_tributary_broker_v1_MetadataRequest__Output, _tributary_broker_v1_MetadataResponse>;
  
  /**
   * Appends one batch to one partition. With acks ALL (the default) it answers once every ISR
   * member has the batch. UNAVAILABLE / NOT_ENOUGH_REPLICAS (RetryInfo) if the ISR is smaller
   * than min.insync.replicas, before or after the append (after: the batch may be in the log;
   * only an idempotent retry is free of duplicates); FAILED_PRECONDITION / FENCED for a stale
   * producer_epoch or leader_epoch; FAILED_PRECONDITION / OUT_OF_ORDER_SEQUENCE for a sequence
   * gap; DATA_LOSS / CHECKSUM_MISMATCH if crc32c does not match; RESOURCE_EXHAUSTED above the
   * topic's max.message.bytes; DEADLINE_EXCEEDED if `timeout_ms` passed before the acks (the
   * batch may still commit). A retry of one of the producer's last 5 batches is not written
   * again: it is answered with the original base_offset and `duplicate` true.
   */
  Produce: grpc.handleUnaryCall<_tributary_broker_v1_ProduceRequest__Output, _tributary_broker_v1_ProduceResponse>;
  
  /**
   * Produce, pipelined on one stream. Requests for one partition are appended in the order
   * received and answered in that order; answers for different partitions may interleave. A
   * failed request yields an error answer and does not end the stream. The server bounds the
   * requests in flight per stream and stops reading while at the bound.
   */
  ProduceStream: grpc.handleBidiStreamingCall<_tributary_broker_v1_ProduceStreamRequest__Output, _tributary_broker_v1_ProduceStreamResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.ReassignPartitions.
   */
  ReassignPartitions: grpc.handleUnaryCall<_tributary_broker_v1_ReassignPartitionsRequest__Output, _tributary_broker_v1_ReassignPartitionsResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.RemoveAcls.
   */
  RemoveAcls: grpc.handleUnaryCall<_tributary_broker_v1_RemoveAclsRequest__Output, _tributary_broker_v1_RemoveAclsResponse>;
  
  /**
   * Streams batches from `offset` as the high watermark advances. Flow control is the
   * transport's: the broker reads the next batches only once the previous message has been
   * accepted by the HTTP/2 window, so a slow reader costs one message of server memory. Ends
   * with the errors of Fetch, e.g. NOT_LEADER when leadership moves, or OFFSET_OUT_OF_RANGE if
   * retention deletes the reader's position.
   */
  Subscribe: grpc.handleServerStreamingCall<_tributary_broker_v1_SubscribeRequest__Output, _tributary_broker_v1_SubscribeResponse>;
  
  /**
   * Pass-through of tributary.coord.v1.MetadataService.UpdateTopicConfig.
   */
  UpdateTopicConfig: grpc.handleUnaryCall<_tributary_broker_v1_UpdateTopicConfigRequest__Output, _tributary_broker_v1_UpdateTopicConfigResponse>;
  
}

export interface BrokerServiceDefinition extends grpc.ServiceDefinition {
  AddAcls: MethodDefinition<_tributary_broker_v1_AddAclsRequest, _tributary_broker_v1_AddAclsResponse, _tributary_broker_v1_AddAclsRequest__Output, _tributary_broker_v1_AddAclsResponse__Output>
  AllocateProducerId: MethodDefinition<_tributary_broker_v1_AllocateProducerIdRequest, _tributary_broker_v1_AllocateProducerIdResponse, _tributary_broker_v1_AllocateProducerIdRequest__Output, _tributary_broker_v1_AllocateProducerIdResponse__Output>
  CommitOffsets: MethodDefinition<_tributary_broker_v1_CommitOffsetsRequest, _tributary_broker_v1_CommitOffsetsResponse, _tributary_broker_v1_CommitOffsetsRequest__Output, _tributary_broker_v1_CommitOffsetsResponse__Output>
  CreatePartitions: MethodDefinition<_tributary_broker_v1_CreatePartitionsRequest, _tributary_broker_v1_CreatePartitionsResponse, _tributary_broker_v1_CreatePartitionsRequest__Output, _tributary_broker_v1_CreatePartitionsResponse__Output>
  CreateTopic: MethodDefinition<_tributary_broker_v1_CreateTopicRequest, _tributary_broker_v1_CreateTopicResponse, _tributary_broker_v1_CreateTopicRequest__Output, _tributary_broker_v1_CreateTopicResponse__Output>
  DeleteTopic: MethodDefinition<_tributary_broker_v1_DeleteTopicRequest, _tributary_broker_v1_DeleteTopicResponse, _tributary_broker_v1_DeleteTopicRequest__Output, _tributary_broker_v1_DeleteTopicResponse__Output>
  DescribeGroups: MethodDefinition<_tributary_broker_v1_DescribeGroupsRequest, _tributary_broker_v1_DescribeGroupsResponse, _tributary_broker_v1_DescribeGroupsRequest__Output, _tributary_broker_v1_DescribeGroupsResponse__Output>
  DescribeTopics: MethodDefinition<_tributary_broker_v1_DescribeTopicsRequest, _tributary_broker_v1_DescribeTopicsResponse, _tributary_broker_v1_DescribeTopicsRequest__Output, _tributary_broker_v1_DescribeTopicsResponse__Output>
  Fetch: MethodDefinition<_tributary_broker_v1_FetchRequest, _tributary_broker_v1_FetchResponse, _tributary_broker_v1_FetchRequest__Output, _tributary_broker_v1_FetchResponse__Output>
  FetchOffsets: MethodDefinition<_tributary_broker_v1_FetchOffsetsRequest, _tributary_broker_v1_FetchOffsetsResponse, _tributary_broker_v1_FetchOffsetsRequest__Output, _tributary_broker_v1_FetchOffsetsResponse__Output>
  GroupHeartbeat: MethodDefinition<_tributary_broker_v1_GroupHeartbeatRequest, _tributary_broker_v1_GroupHeartbeatResponse, _tributary_broker_v1_GroupHeartbeatRequest__Output, _tributary_broker_v1_GroupHeartbeatResponse__Output>
  JoinGroup: MethodDefinition<_tributary_broker_v1_JoinGroupRequest, _tributary_broker_v1_JoinGroupResponse, _tributary_broker_v1_JoinGroupRequest__Output, _tributary_broker_v1_JoinGroupResponse__Output>
  LeaveGroup: MethodDefinition<_tributary_broker_v1_LeaveGroupRequest, _tributary_broker_v1_LeaveGroupResponse, _tributary_broker_v1_LeaveGroupRequest__Output, _tributary_broker_v1_LeaveGroupResponse__Output>
  ListAcls: MethodDefinition<_tributary_broker_v1_ListAclsRequest, _tributary_broker_v1_ListAclsResponse, _tributary_broker_v1_ListAclsRequest__Output, _tributary_broker_v1_ListAclsResponse__Output>
  ListGroups: MethodDefinition<_tributary_broker_v1_ListGroupsRequest, _tributary_broker_v1_ListGroupsResponse, _tributary_broker_v1_ListGroupsRequest__Output, _tributary_broker_v1_ListGroupsResponse__Output>
  ListOffsets: MethodDefinition<_tributary_broker_v1_ListOffsetsRequest, _tributary_broker_v1_ListOffsetsResponse, _tributary_broker_v1_ListOffsetsRequest__Output, _tributary_broker_v1_ListOffsetsResponse__Output>
  Metadata: MethodDefinition<_tributary_broker_v1_MetadataRequest, _tributary_broker_v1_MetadataResponse, _tributary_broker_v1_MetadataRequest__Output, _tributary_broker_v1_MetadataResponse__Output>
  Produce: MethodDefinition<_tributary_broker_v1_ProduceRequest, _tributary_broker_v1_ProduceResponse, _tributary_broker_v1_ProduceRequest__Output, _tributary_broker_v1_ProduceResponse__Output>
  ProduceStream: MethodDefinition<_tributary_broker_v1_ProduceStreamRequest, _tributary_broker_v1_ProduceStreamResponse, _tributary_broker_v1_ProduceStreamRequest__Output, _tributary_broker_v1_ProduceStreamResponse__Output>
  ReassignPartitions: MethodDefinition<_tributary_broker_v1_ReassignPartitionsRequest, _tributary_broker_v1_ReassignPartitionsResponse, _tributary_broker_v1_ReassignPartitionsRequest__Output, _tributary_broker_v1_ReassignPartitionsResponse__Output>
  RemoveAcls: MethodDefinition<_tributary_broker_v1_RemoveAclsRequest, _tributary_broker_v1_RemoveAclsResponse, _tributary_broker_v1_RemoveAclsRequest__Output, _tributary_broker_v1_RemoveAclsResponse__Output>
  Subscribe: MethodDefinition<_tributary_broker_v1_SubscribeRequest, _tributary_broker_v1_SubscribeResponse, _tributary_broker_v1_SubscribeRequest__Output, _tributary_broker_v1_SubscribeResponse__Output>
  UpdateTopicConfig: MethodDefinition<_tributary_broker_v1_UpdateTopicConfigRequest, _tributary_broker_v1_UpdateTopicConfigResponse, _tributary_broker_v1_UpdateTopicConfigRequest__Output, _tributary_broker_v1_UpdateTopicConfigResponse__Output>
}
