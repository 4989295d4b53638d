// Original file: protos/tributary/coord/v1/metadata.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddAclsRequest as _tributary_coord_v1_AddAclsRequest, AddAclsRequest__Output as _tributary_coord_v1_AddAclsRequest__Output } from '../../../tributary/coord/v1/AddAclsRequest';
import type { AddAclsResponse as _tributary_coord_v1_AddAclsResponse, AddAclsResponse__Output as _tributary_coord_v1_AddAclsResponse__Output } from '../../../tributary/coord/v1/AddAclsResponse';
import type { AllocateProducerIdRequest as _tributary_coord_v1_AllocateProducerIdRequest, AllocateProducerIdRequest__Output as _tributary_coord_v1_AllocateProducerIdRequest__Output } from '../../../tributary/coord/v1/AllocateProducerIdRequest';
import type { AllocateProducerIdResponse as _tributary_coord_v1_AllocateProducerIdResponse, AllocateProducerIdResponse__Output as _tributary_coord_v1_AllocateProducerIdResponse__Output } from '../../../tributary/coord/v1/AllocateProducerIdResponse';
import type { AlterIsrRequest as _tributary_coord_v1_AlterIsrRequest, AlterIsrRequest__Output as _tributary_coord_v1_AlterIsrRequest__Output } from '../../../tributary/coord/v1/AlterIsrRequest';
import type { AlterIsrResponse as _tributary_coord_v1_AlterIsrResponse, AlterIsrResponse__Output as _tributary_coord_v1_AlterIsrResponse__Output } from '../../../tributary/coord/v1/AlterIsrResponse';
import type { CommitOffsetsRequest as _tributary_coord_v1_CommitOffsetsRequest, CommitOffsetsRequest__Output as _tributary_coord_v1_CommitOffsetsRequest__Output } from '../../../tributary/coord/v1/CommitOffsetsRequest';
import type { CommitOffsetsResponse as _tributary_coord_v1_CommitOffsetsResponse, CommitOffsetsResponse__Output as _tributary_coord_v1_CommitOffsetsResponse__Output } from '../../../tributary/coord/v1/CommitOffsetsResponse';
import type { CreatePartitionsRequest as _tributary_coord_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_coord_v1_CreatePartitionsRequest__Output } from '../../../tributary/coord/v1/CreatePartitionsRequest';
import type { CreatePartitionsResponse as _tributary_coord_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_coord_v1_CreatePartitionsResponse__Output } from '../../../tributary/coord/v1/CreatePartitionsResponse';
import type { CreateTopicRequest as _tributary_coord_v1_CreateTopicRequest, CreateTopicRequest__Output as _tributary_coord_v1_CreateTopicRequest__Output } from '../../../tributary/coord/v1/CreateTopicRequest';
import type { CreateTopicResponse as _tributary_coord_v1_CreateTopicResponse, CreateTopicResponse__Output as _tributary_coord_v1_CreateTopicResponse__Output } from '../../../tributary/coord/v1/CreateTopicResponse';
import type { DeleteTopicRequest as _tributary_coord_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _tributary_coord_v1_DeleteTopicRequest__Output } from '../../../tributary/coord/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _tributary_coord_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _tributary_coord_v1_DeleteTopicResponse__Output } from '../../../tributary/coord/v1/DeleteTopicResponse';
import type { DescribeGroupsRequest as _tributary_coord_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _tributary_coord_v1_DescribeGroupsRequest__Output } from '../../../tributary/coord/v1/DescribeGroupsRequest';
import type { DescribeGroupsResponse as _tributary_coord_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _tributary_coord_v1_DescribeGroupsResponse__Output } from '../../../tributary/coord/v1/DescribeGroupsResponse';
import type { DescribeTopicsRequest as _tributary_coord_v1_DescribeTopicsRequest, DescribeTopicsRequest__Output as _tributary_coord_v1_DescribeTopicsRequest__Output } from '../../../tributary/coord/v1/DescribeTopicsRequest';
import type { DescribeTopicsResponse as _tributary_coord_v1_DescribeTopicsResponse, DescribeTopicsResponse__Output as _tributary_coord_v1_DescribeTopicsResponse__Output } from '../../../tributary/coord/v1/DescribeTopicsResponse';
import type { FetchOffsetsRequest as _tributary_coord_v1_FetchOffsetsRequest, FetchOffsetsRequest__Output as _tributary_coord_v1_FetchOffsetsRequest__Output } from '../../../tributary/coord/v1/FetchOffsetsRequest';
import type { FetchOffsetsResponse as _tributary_coord_v1_FetchOffsetsResponse, FetchOffsetsResponse__Output as _tributary_coord_v1_FetchOffsetsResponse__Output } from '../../../tributary/coord/v1/FetchOffsetsResponse';
import type { GroupHeartbeatRequest as _tributary_coord_v1_GroupHeartbeatRequest, GroupHeartbeatRequest__Output as _tributary_coord_v1_GroupHeartbeatRequest__Output } from '../../../tributary/coord/v1/GroupHeartbeatRequest';
import type { GroupHeartbeatResponse as _tributary_coord_v1_GroupHeartbeatResponse, GroupHeartbeatResponse__Output as _tributary_coord_v1_GroupHeartbeatResponse__Output } from '../../../tributary/coord/v1/GroupHeartbeatResponse';
import type { JoinGroupRequest as _tributary_coord_v1_JoinGroupRequest, JoinGroupRequest__Output as _tributary_coord_v1_JoinGroupRequest__Output } from '../../../tributary/coord/v1/JoinGroupRequest';
import type { JoinGroupResponse as _tributary_coord_v1_JoinGroupResponse, JoinGroupResponse__Output as _tributary_coord_v1_JoinGroupResponse__Output } from '../../../tributary/coord/v1/JoinGroupResponse';
import type { LeaveGroupRequest as _tributary_coord_v1_LeaveGroupRequest, LeaveGroupRequest__Output as _tributary_coord_v1_LeaveGroupRequest__Output } from '../../../tributary/coord/v1/LeaveGroupRequest';
import type { LeaveGroupResponse as _tributary_coord_v1_LeaveGroupResponse, LeaveGroupResponse__Output as _tributary_coord_v1_LeaveGroupResponse__Output } from '../../../tributary/coord/v1/LeaveGroupResponse';
import type { ListAclsRequest as _tributary_coord_v1_ListAclsRequest, ListAclsRequest__Output as _tributary_coord_v1_ListAclsRequest__Output } from '../../../tributary/coord/v1/ListAclsRequest';
import type { ListAclsResponse as _tributary_coord_v1_ListAclsResponse, ListAclsResponse__Output as _tributary_coord_v1_ListAclsResponse__Output } from '../../../tributary/coord/v1/ListAclsResponse';
import type { ListBrokersRequest as _tributary_coord_v1_ListBrokersRequest, ListBrokersRequest__Output as _tributary_coord_v1_ListBrokersRequest__Output } from '../../../tributary/coord/v1/ListBrokersRequest';
import type { ListBrokersResponse as _tributary_coord_v1_ListBrokersResponse, ListBrokersResponse__Output as _tributary_coord_v1_ListBrokersResponse__Output } from '../../../tributary/coord/v1/ListBrokersResponse';
import type { ListGroupsRequest as _tributary_coord_v1_ListGroupsRequest, ListGroupsRequest__Output as _tributary_coord_v1_ListGroupsRequest__Output } from '../../../tributary/coord/v1/ListGroupsRequest';
import type { ListGroupsResponse as _tributary_coord_v1_ListGroupsResponse, ListGroupsResponse__Output as _tributary_coord_v1_ListGroupsResponse__Output } from '../../../tributary/coord/v1/ListGroupsResponse';
import type { ListTopicsRequest as _tributary_coord_v1_ListTopicsRequest, ListTopicsRequest__Output as _tributary_coord_v1_ListTopicsRequest__Output } from '../../../tributary/coord/v1/ListTopicsRequest';
import type { ListTopicsResponse as _tributary_coord_v1_ListTopicsResponse, ListTopicsResponse__Output as _tributary_coord_v1_ListTopicsResponse__Output } from '../../../tributary/coord/v1/ListTopicsResponse';
import type { ReassignPartitionsRequest as _tributary_coord_v1_ReassignPartitionsRequest, ReassignPartitionsRequest__Output as _tributary_coord_v1_ReassignPartitionsRequest__Output } from '../../../tributary/coord/v1/ReassignPartitionsRequest';
import type { ReassignPartitionsResponse as _tributary_coord_v1_ReassignPartitionsResponse, ReassignPartitionsResponse__Output as _tributary_coord_v1_ReassignPartitionsResponse__Output } from '../../../tributary/coord/v1/ReassignPartitionsResponse';
import type { RegisterBrokerRequest as _tributary_coord_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _tributary_coord_v1_RegisterBrokerRequest__Output } from '../../../tributary/coord/v1/RegisterBrokerRequest';
import type { RegisterBrokerResponse as _tributary_coord_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _tributary_coord_v1_RegisterBrokerResponse__Output } from '../../../tributary/coord/v1/RegisterBrokerResponse';
import type { RemoveAclsRequest as _tributary_coord_v1_RemoveAclsRequest, RemoveAclsRequest__Output as _tributary_coord_v1_RemoveAclsRequest__Output } from '../../../tributary/coord/v1/RemoveAclsRequest';
import type { RemoveAclsResponse as _tributary_coord_v1_RemoveAclsResponse, RemoveAclsResponse__Output as _tributary_coord_v1_RemoveAclsResponse__Output } from '../../../tributary/coord/v1/RemoveAclsResponse';
import type { UpdateTopicConfigRequest as _tributary_coord_v1_UpdateTopicConfigRequest, UpdateTopicConfigRequest__Output as _tributary_coord_v1_UpdateTopicConfigRequest__Output } from '../../../tributary/coord/v1/UpdateTopicConfigRequest';
import type { UpdateTopicConfigResponse as _tributary_coord_v1_UpdateTopicConfigResponse, UpdateTopicConfigResponse__Output as _tributary_coord_v1_UpdateTopicConfigResponse__Output } from '../../../tributary/coord/v1/UpdateTopicConfigResponse';
import type { WatchMetadataRequest as _tributary_coord_v1_WatchMetadataRequest, WatchMetadataRequest__Output as _tributary_coord_v1_WatchMetadataRequest__Output } from '../../../tributary/coord/v1/WatchMetadataRequest';
import type { WatchMetadataResponse as _tributary_coord_v1_WatchMetadataResponse, WatchMetadataResponse__Output as _tributary_coord_v1_WatchMetadataResponse__Output } from '../../../tributary/coord/v1/WatchMetadataResponse';

/**
 * Cluster metadata and the controller, served by the coordinators; the controller runs on the
 * Raft leader, and a follower forwards calls to it (or fails FAILED_PRECONDITION / NOT_LEADER
 * with `metadata.leader`).
 * 
 * Errors any RPC may return: INVALID_ARGUMENT (malformed name or field); UNAVAILABLE (no
 * leader; RetryInfo attached); FAILED_PRECONDITION / NOT_LEADER; RESOURCE_EXHAUSTED (message
 * over `--max-message-bytes`); UNAUTHENTICATED; PERMISSION_DENIED (ACL).
 */
export interface MetadataServiceClient extends grpc.Client {
  /**
   * Adds access control entries (DESIGN §7), all in one write; an entry identical to a stored
   * one is left as it is, so a retry is harmless. INVALID_ARGUMENT (nothing added) if any entry
   * is malformed: an empty principal, an UNSPECIFIED enum, a bad name or path, a cluster entry
   * not named "cluster"; RESOURCE_EXHAUSTED / LIMIT_EXCEEDED past 10,000 entries.
   */
  AddAcls(argument: _tributary_coord_v1_AddAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  AddAcls(argument: _tributary_coord_v1_AddAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  AddAcls(argument: _tributary_coord_v1_AddAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  AddAcls(argument: _tributary_coord_v1_AddAclsRequest, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds access control entries (DESIGN §7), all in one write; an entry identical to a stored
   * one is left as it is, so a retry is harmless. INVALID_ARGUMENT (nothing added) if any entry
   * is malformed: an empty principal, an UNSPECIFIED enum, a bad name or path, a cluster entry
   * not named "cluster"; RESOURCE_EXHAUSTED / LIMIT_EXCEEDED past 10,000 entries.
   */
  addAcls(argument: _tributary_coord_v1_AddAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  addAcls(argument: _tributary_coord_v1_AddAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  addAcls(argument: _tributary_coord_v1_AddAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  addAcls(argument: _tributary_coord_v1_AddAclsRequest, callback: grpc.requestCallback<_tributary_coord_v1_AddAclsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Allocates a producer id, unique in the cluster, for an idempotent producer.
   */
  AllocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Allocates a producer id, unique in the cluster, for an idempotent producer.
   */
  allocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerId(argument: _tributary_coord_v1_AllocateProducerIdRequest, callback: grpc.requestCallback<_tributary_coord_v1_AllocateProducerIdResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a partition's ISR; sent by the partition leader. FAILED_PRECONDITION / FENCED if
   * the sender is not the current leader, or `leader_epoch`, `partition_epoch` or
   * `broker_epoch` is stale; INVALID_ARGUMENT if the ISR is empty, lacks the leader, or names
   * a non-replica; NOT_FOUND if the topic or partition does not exist.
   */
  AlterIsr(argument: _tributary_coord_v1_AlterIsrRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  AlterIsr(argument: _tributary_coord_v1_AlterIsrRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  AlterIsr(argument: _tributary_coord_v1_AlterIsrRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  AlterIsr(argument: _tributary_coord_v1_AlterIsrRequest, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a partition's ISR; sent by the partition leader. FAILED_PRECONDITION / FENCED if
   * the sender is not the current leader, or `leader_epoch`, `partition_epoch` or
   * `broker_epoch` is stale; INVALID_ARGUMENT if the ISR is empty, lacks the leader, or names
   * a non-replica; NOT_FOUND if the topic or partition does not exist.
   */
  alterIsr(argument: _tributary_coord_v1_AlterIsrRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  alterIsr(argument: _tributary_coord_v1_AlterIsrRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  alterIsr(argument: _tributary_coord_v1_AlterIsrRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  alterIsr(argument: _tributary_coord_v1_AlterIsrRequest, callback: grpc.requestCallback<_tributary_coord_v1_AlterIsrResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Commits offsets, all-or-nothing, in one Raft write whatever the number of partitions.
   * FAILED_PRECONDITION / FENCED if `generation` is not the member's current one or a
   * partition is not owned by the member; NOT_FOUND / UNKNOWN_MEMBER if not a member.
   */
  CommitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Commits offsets, all-or-nothing, in one Raft write whatever the number of partitions.
   * FAILED_PRECONDITION / FENCED if `generation` is not the member's current one or a
   * partition is not owned by the member; NOT_FOUND / UNKNOWN_MEMBER if not a member.
   */
  commitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _tributary_coord_v1_CommitOffsetsRequest, callback: grpc.requestCallback<_tributary_coord_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Grows a topic to `count` partitions, placing the new ones over the live brokers like
   * CreateTopic (Kafka's CreatePartitions; partitions are never removed). NOT_FOUND /
   * UNKNOWN_TOPIC; INVALID_ARGUMENT if `count` is not more than today's.
   */
  CreatePartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Grows a topic to `count` partitions, placing the new ones over the live brokers like
   * CreateTopic (Kafka's CreatePartitions; partitions are never removed). NOT_FOUND /
   * UNKNOWN_TOPIC; INVALID_ARGUMENT if `count` is not more than today's.
   */
  createPartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_coord_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_tributary_coord_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a topic, spreading replicas over live brokers (rack-aware) and electing the first
   * replica of each partition as leader. ALREADY_EXISTS if the name is taken; INVALID_ARGUMENT
   * if the name is malformed, `partitions` < 1, `replication_factor` > live brokers, or a
   * config key or value is unknown or invalid.
   */
  CreateTopic(argument: _tributary_coord_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _tributary_coord_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _tributary_coord_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _tributary_coord_v1_CreateTopicRequest, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a topic, spreading replicas over live brokers (rack-aware) and electing the first
   * replica of each partition as leader. ALREADY_EXISTS if the name is taken; INVALID_ARGUMENT
   * if the name is malformed, `partitions` < 1, `replication_factor` > live brokers, or a
   * config key or value is unknown or invalid.
   */
  createTopic(argument: _tributary_coord_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _tributary_coord_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _tributary_coord_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _tributary_coord_v1_CreateTopicRequest, callback: grpc.requestCallback<_tributary_coord_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a topic and, asynchronously on the brokers, its data. NOT_FOUND if it does not
   * exist.
   */
  DeleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a topic and, asynchronously on the brokers, its data. NOT_FOUND if it does not
   * exist.
   */
  deleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _tributary_coord_v1_DeleteTopicRequest, callback: grpc.requestCallback<_tributary_coord_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes consumer groups: state, members, owned and target assignments. An unknown group
   * is returned with state GROUP_STATE_UNSPECIFIED and no members.
   */
  DescribeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes consumer groups: state, members, owned and target assignments. An unknown group
   * is returned with state GROUP_STATE_UNSPECIFIED and no members.
   */
  describeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_coord_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_tributary_coord_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes topics: per partition `leader`, `leader_epoch`, `replicas`, `isr`. NOT_FOUND if a
   * named topic does not exist (metadata.topic names it).
   */
  DescribeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes topics: per partition `leader`, `leader_epoch`, `replicas`, `isr`. NOT_FOUND if a
   * named topic does not exist (metadata.topic names it).
   */
  describeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  describeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  describeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  describeTopics(argument: _tributary_coord_v1_DescribeTopicsRequest, callback: grpc.requestCallback<_tributary_coord_v1_DescribeTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads committed offsets. An unknown group or partition yields offset -1, not an error.
   */
  FetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  FetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  FetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  FetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads committed offsets. An unknown group or partition yields offset -1, not an error.
   */
  fetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  fetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  fetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  fetchOffsets(argument: _tributary_coord_v1_FetchOffsetsRequest, callback: grpc.requestCallback<_tributary_coord_v1_FetchOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reports liveness and owned partitions; returns the member's current target assignment.
   * NOT_FOUND / UNKNOWN_MEMBER if the member was removed (its session timed out): rejoin;
   * FAILED_PRECONDITION / FENCED if `generation` is stale: rejoin.
   */
  GroupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  GroupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  GroupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  GroupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reports liveness and owned partitions; returns the member's current target assignment.
   * NOT_FOUND / UNKNOWN_MEMBER if the member was removed (its session timed out): rejoin;
   * FAILED_PRECONDITION / FENCED if `generation` is stale: rejoin.
   */
  groupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  groupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  groupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  groupHeartbeat(argument: _tributary_coord_v1_GroupHeartbeatRequest, callback: grpc.requestCallback<_tributary_coord_v1_GroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Joins (or rejoins) a consumer group and returns the member's first target assignment.
   * Assignment is server-side and incremental: a partition is never owned by two members at
   * once. INVALID_ARGUMENT for a malformed group id or no topics.
   */
  JoinGroup(argument: _tributary_coord_v1_JoinGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  JoinGroup(argument: _tributary_coord_v1_JoinGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  JoinGroup(argument: _tributary_coord_v1_JoinGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  JoinGroup(argument: _tributary_coord_v1_JoinGroupRequest, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Joins (or rejoins) a consumer group and returns the member's first target assignment.
   * Assignment is server-side and incremental: a partition is never owned by two members at
   * once. INVALID_ARGUMENT for a malformed group id or no topics.
   */
  joinGroup(argument: _tributary_coord_v1_JoinGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  joinGroup(argument: _tributary_coord_v1_JoinGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  joinGroup(argument: _tributary_coord_v1_JoinGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  joinGroup(argument: _tributary_coord_v1_JoinGroupRequest, callback: grpc.requestCallback<_tributary_coord_v1_JoinGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Leaves a group now, releasing the member's partitions. NOT_FOUND / UNKNOWN_MEMBER if not a
   * member.
   */
  LeaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Leaves a group now, releasing the member's partitions. NOT_FOUND / UNKNOWN_MEMBER if not a
   * member.
   */
  leaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _tributary_coord_v1_LeaveGroupRequest, callback: grpc.requestCallback<_tributary_coord_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the entries matching a filter, in the order they were added.
   */
  ListAcls(argument: _tributary_coord_v1_ListAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  ListAcls(argument: _tributary_coord_v1_ListAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  ListAcls(argument: _tributary_coord_v1_ListAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  ListAcls(argument: _tributary_coord_v1_ListAclsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the entries matching a filter, in the order they were added.
   */
  listAcls(argument: _tributary_coord_v1_ListAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  listAcls(argument: _tributary_coord_v1_ListAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  listAcls(argument: _tributary_coord_v1_ListAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  listAcls(argument: _tributary_coord_v1_ListAclsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListAclsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the live brokers.
   */
  ListBrokers(argument: _tributary_coord_v1_ListBrokersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  ListBrokers(argument: _tributary_coord_v1_ListBrokersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  ListBrokers(argument: _tributary_coord_v1_ListBrokersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  ListBrokers(argument: _tributary_coord_v1_ListBrokersRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the live brokers.
   */
  listBrokers(argument: _tributary_coord_v1_ListBrokersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  listBrokers(argument: _tributary_coord_v1_ListBrokersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  listBrokers(argument: _tributary_coord_v1_ListBrokersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  listBrokers(argument: _tributary_coord_v1_ListBrokersRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListBrokersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists consumer groups.
   */
  ListGroups(argument: _tributary_coord_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_coord_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_coord_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_coord_v1_ListGroupsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists consumer groups.
   */
  listGroups(argument: _tributary_coord_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_coord_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_coord_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_coord_v1_ListGroupsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists topic names.
   */
  ListTopics(argument: _tributary_coord_v1_ListTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _tributary_coord_v1_ListTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _tributary_coord_v1_ListTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _tributary_coord_v1_ListTopicsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists topic names.
   */
  listTopics(argument: _tributary_coord_v1_ListTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _tributary_coord_v1_ListTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _tributary_coord_v1_ListTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _tributary_coord_v1_ListTopicsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves partition replicas: new replicas are added, join the ISR once caught up, then the
   * removed ones leave and leadership moves to the preferred replica. Returns once the plan is
   * committed; progress shows in PartitionInfo.adding_replicas / removing_replicas.
   * NOT_FOUND for an unknown topic or partition; INVALID_ARGUMENT for unknown or duplicate
   * brokers, or a replica count that differs from the replication factor; ABORTED /
   * REASSIGNMENT_IN_PROGRESS if a partition is already being reassigned.
   */
  ReassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  ReassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  ReassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  ReassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Moves partition replicas: new replicas are added, join the ISR once caught up, then the
   * removed ones leave and leadership moves to the preferred replica. Returns once the plan is
   * committed; progress shows in PartitionInfo.adding_replicas / removing_replicas.
   * NOT_FOUND for an unknown topic or partition; INVALID_ARGUMENT for unknown or duplicate
   * brokers, or a replica count that differs from the replication factor; ABORTED /
   * REASSIGNMENT_IN_PROGRESS if a partition is already being reassigned.
   */
  reassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  reassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  reassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  reassignPartitions(argument: _tributary_coord_v1_ReassignPartitionsRequest, callback: grpc.requestCallback<_tributary_coord_v1_ReassignPartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Registers a live broker; its liveness is `session_id`'s session. Re-registering with the
   * same session updates address and rack. ALREADY_EXISTS if another live session holds
   * `broker_id`; FAILED_PRECONDITION / SESSION_EXPIRED if the session is gone.
   */
  RegisterBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Registers a live broker; its liveness is `session_id`'s session. Re-registering with the
   * same session updates address and rack. ALREADY_EXISTS if another live session holds
   * `broker_id`; FAILED_PRECONDITION / SESSION_EXPIRED if the session is gone.
   */
  registerBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_coord_v1_RegisterBrokerRequest, callback: grpc.requestCallback<_tributary_coord_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes every entry matching any of the filters (a filter with every field set removes
   * exactly that entry), in one write. INVALID_ARGUMENT without a filter.
   */
  RemoveAcls(argument: _tributary_coord_v1_RemoveAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  RemoveAcls(argument: _tributary_coord_v1_RemoveAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  RemoveAcls(argument: _tributary_coord_v1_RemoveAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  RemoveAcls(argument: _tributary_coord_v1_RemoveAclsRequest, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes every entry matching any of the filters (a filter with every field set removes
   * exactly that entry), in one write. INVALID_ARGUMENT without a filter.
   */
  removeAcls(argument: _tributary_coord_v1_RemoveAclsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  removeAcls(argument: _tributary_coord_v1_RemoveAclsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  removeAcls(argument: _tributary_coord_v1_RemoveAclsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  removeAcls(argument: _tributary_coord_v1_RemoveAclsRequest, callback: grpc.requestCallback<_tributary_coord_v1_RemoveAclsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sets and removes topic configuration overrides in one write. NOT_FOUND if the topic does
   * not exist; INVALID_ARGUMENT for an unknown key or invalid value.
   */
  UpdateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Sets and removes topic configuration overrides in one write. NOT_FOUND if the topic does
   * not exist; INVALID_ARGUMENT for an unknown key or invalid value.
   */
  updateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  updateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  updateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  updateTopicConfig(argument: _tributary_coord_v1_UpdateTopicConfigRequest, callback: grpc.requestCallback<_tributary_coord_v1_UpdateTopicConfigResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams metadata changes from `from_revision`, for brokers' and clients' caches. Never
   * fails with COMPACTED: when that history is gone it starts with a full snapshot instead.
   */
  WatchMetadata(argument: _tributary_coord_v1_WatchMetadataRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchMetadataResponse__Output>;
  WatchMetadata(argument: _tributary_coord_v1_WatchMetadataRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchMetadataResponse__Output>;
  /**
   * Streams metadata changes from `from_revision`, for brokers' and clients' caches. Never
   * fails with COMPACTED: when that history is gone it starts with a full snapshot instead.
   */
  watchMetadata(argument: _tributary_coord_v1_WatchMetadataRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchMetadataResponse__Output>;
  watchMetadata(argument: _tributary_coord_v1_WatchMetadataRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_coord_v1_WatchMetadataResponse__Output>;
  
}

/**
 * Cluster metadata and the controller, served by the coordinators; the controller runs on the
 * Raft leader, and a follower forwards calls to it (or fails FAILED_PRECONDITION / NOT_LEADER
 * with `metadata.leader`).
 * 
 * Errors any RPC may return: INVALID_ARGUMENT (malformed name or field); UNAVAILABLE (no
 * leader; RetryInfo attached); FAILED_PRECONDITION / NOT_LEADER; RESOURCE_EXHAUSTED (message
 * over `--max-message-bytes`); UNAUTHENTICATED; PERMISSION_DENIED (ACL).
 */
export interface MetadataServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Adds access control entries (DESIGN §7), all in one write; an entry identical to a stored
   * one is left as it is, so a retry is harmless. INVALID_ARGUMENT (nothing added) if any entry
   * is malformed: an empty principal, an UNSPECIFIED enum, a bad name or path, a cluster entry
   * not named "cluster"; RESOURCE_EXHAUSTED / LIMIT_EXCEEDED past 10,000 entries.
   */
  AddAcls: grpc.handleUnaryCall<_tributary_coord_v1_AddAclsRequest__Output, _tributary_coord_v1_AddAclsResponse>;
  
  /**
   * Allocates a producer id, unique in the cluster, for an idempotent producer.
   */
  AllocateProducerId: grpc.handleUnaryCall<_tributary_coord_v1_AllocateProducerIdRequest__Output, _tributary_coord_v1_AllocateProducerIdResponse>;
  
  /**
   * Changes a partition's ISR; sent by the partition leader. FAILED_PRECONDITION / FENCED if
   * the sender is not the current leader, or `leader_epoch`, `partition_epoch` or
   * `broker_epoch` is stale; INVALID_ARGUMENT if the ISR is empty, lacks the leader, or names
   * a non-replica; NOT_FOUND if the topic or partition does not exist.
   */
  AlterIsr: grpc.handleUnaryCall<_tributary_coord_v1_AlterIsrRequest__Output, _tributary_coord_v1_AlterIsrResponse>;
  
  /**
   * Commits offsets, all-or-nothing, in one Raft write whatever the number of partitions.
   * FAILED_PRECONDITION / FENCED if `generation` is not the member's current one or a
   * partition is not owned by the member; NOT_FOUND / UNKNOWN_MEMBER if not a member.
   */
  CommitOffsets: grpc.handleUnaryCall<_tributary_coord_v1_CommitOffsetsRequest__Output, _tributary_coord_v1_CommitOffsetsResponse>;
  
  /**
   * Grows a topic to `count` partitions, placing the new ones over the live brokers like
   * CreateTopic (Kafka's CreatePartitions; partitions are never removed). NOT_FOUND /
   * UNKNOWN_TOPIC; INVALID_ARGUMENT if `count` is not more than today's.
   */
  CreatePartitions: grpc.handleUnaryCall<_tributary_coord_v1_CreatePartitionsRequest__Output, _tributary_coord_v1_CreatePartitionsResponse>;
  
  /**
   * Creates a topic, spreading replicas over live brokers (rack-aware) and electing the first
   * replica of each partition as leader. ALREADY_EXISTS if the name is taken; INVALID_ARGUMENT
   * if the name is malformed, `partitions` < 1, `replication_factor` > live brokers, or a
   * config key or value is unknown or invalid.
   */
  CreateTopic: grpc.handleUnaryCall<_tributary_coord_v1_CreateTopicRequest__Output, _tributary_coord_v1_CreateTopicResponse>;
  
  /**
   * Deletes a topic and, asynchronously on the brokers, its data. NOT_FOUND if it does not
   * exist.
   */
  DeleteTopic: grpc.handleUnaryCall<_tributary_coord_v1_DeleteTopicRequest__Output, _tributary_coord_v1_DeleteTopicResponse>;
  
  /**
   * Describes consumer groups: state, members, owned and target assignments. An unknown group
   * is returned with state GROUP_STATE_UNSPECIFIED and no members.
   */
  DescribeGroups: grpc.handleUnaryCall<_tributary_coord_v1_DescribeGroupsRequest__Output, _tributary_coord_v1_DescribeGroupsResponse>;
  
  /**
   * Describes topics: per partition `leader`, `leader_epoch`, `replicas`, `isr`. NOT_FOUND if a
   * named topic does not exist (metadata.topic names it).
   */
  DescribeTopics: grpc.handleUnaryCall<_tributary_coord_v1_DescribeTopicsRequest__Output, _tributary_coord_v1_DescribeTopicsResponse>;
  
  /**
   * Reads committed offsets. An unknown group or partition yields offset -1, not an error.
   */
  FetchOffsets: grpc.handleUnaryCall<_tributary_coord_v1_FetchOffsetsRequest__Output, _tributary_coord_v1_FetchOffsetsResponse>;
  
  /**
   * Reports liveness and owned partitions; returns the member's current target assignment.
   * NOT_FOUND / UNKNOWN_MEMBER if the member was removed (its session timed out): rejoin;
   * FAILED_PRECONDITION / FENCED if `generation` is stale: rejoin.
   */
  GroupHeartbeat: grpc.handleUnaryCall<_tributary_coord_v1_GroupHeartbeatRequest__Output, _tributary_coord_v1_GroupHeartbeatResponse>;
  
  /**
   * Joins (or rejoins) a consumer group and returns the member's first target assignment.
   * Assignment is server-side and incremental: a partition is never owned by two members at
   * once. INVALID_ARGUMENT for a malformed group id or no topics.
   */
  JoinGroup: grpc.handleUnaryCall<_tributary_coord_v1_JoinGroupRequest__Output, _tributary_coord_v1_JoinGroupResponse>;
  
  /**
   * Leaves a group now, releasing the member's partitions. NOT_FOUND / UNKNOWN_MEMBER if not a
   * member.
   */
  LeaveGroup: grpc.handleUnaryCall<_tributary_coord_v1_LeaveGroupRequest__Output, _tributary_coord_v1_LeaveGroupResponse>;
  
  /**
   * Lists the entries matching a filter, in the order they were added.
   */
  ListAcls: grpc.handleUnaryCall<_tributary_coord_v1_ListAclsRequest__Output, _tributary_coord_v1_ListAclsResponse>;
  
  /**
   * Lists the live brokers.
   */
  ListBrokers: grpc.handleUnaryCall<_tributary_coord_v1_ListBrokersRequest__Output, _tributary_coord_v1_ListBrokersResponse>;
  
  /**
   * Lists consumer groups.
   */
  ListGroups: grpc.handleUnaryCall<_tributary_coord_v1_ListGroupsRequest__Output, _tributary_coord_v1_ListGroupsResponse>;
  
  /**
   * Lists topic names.
   */
  ListTopics: grpc.handleUnaryCall<_tributary_coord_v1_ListTopicsRequest__Output, _tributary_coord_v1_ListTopicsResponse>;
  
  /**
   * Moves partition replicas: new replicas are added, join the ISR once caught up, then the
   * removed ones leave and leadership moves to the preferred replica. Returns once the plan is
   * committed; progress shows in PartitionInfo.adding_replicas / removing_replicas.
   * NOT_FOUND for an unknown topic or partition; INVALID_ARGUMENT for unknown or duplicate
   * brokers, or a replica count that differs from the replication factor; ABORTED /
   * REASSIGNMENT_IN_PROGRESS if a partition is already being reassigned.
   */
  ReassignPartitions: grpc.handleUnaryCall<_tributary_coord_v1_ReassignPartitionsRequest__Output, _tributary_coord_v1_ReassignPartitionsResponse>;
  
  /**
   * Registers a live broker; its liveness is `session_id`'s session. Re-registering with the
   * same session updates address and rack. ALREADY_EXISTS if another live session holds
   * `broker_id`; FAILED_PRECONDITION / SESSION_EXPIRED if the session is gone.
   */
  RegisterBroker: grpc.handleUnaryCall<_tributary_coord_v1_RegisterBrokerRequest__Output, _tributary_coord_v1_RegisterBrokerResponse>;
  
  /**
   * Removes every entry matching any of the filters (a filter with every field set removes
   * exactly that entry), in one write. INVALID_ARGUMENT without a filter.
   */
  RemoveAcls: grpc.handleUnaryCall<_tributary_coord_v1_RemoveAclsRequest__Output, _tributary_coord_v1_RemoveAclsResponse>;
  
  /**
   * Sets and removes topic configuration overrides in one write. NOT_FOUND if the topic does
   * not exist; INVALID_ARGUMENT for an unknown key or invalid value.
   */
  UpdateTopicConfig: grpc.handleUnaryCall<_tributary_coord_v1_UpdateTopicConfigRequest__Output, _tributary_coord_v1_UpdateTopicConfigResponse>;
  
  /**
   * Streams metadata changes from `from_revision`, for brokers' and clients' caches. Never
   * fails with COMPACTED: when that history is gone it starts with a full snapshot instead.
   */
  WatchMetadata: grpc.handleServerStreamingCall<_tributary_coord_v1_WatchMetadataRequest__Output, _tributary_coord_v1_WatchMetadataResponse>;
  
}

export interface MetadataServiceDefinition extends grpc.ServiceDefinition {
  AddAcls: MethodDefinition<_tributary_coord_v1_AddAclsRequest, _tributary_coord_v1_AddAclsResponse, _tributary_coord_v1_AddAclsRequest__Output, _tributary_coord_v1_AddAclsResponse__Output>
  AllocateProducerId: MethodDefinition<_tributary_coord_v1_AllocateProducerIdRequest, _tributary_coord_v1_AllocateProducerIdResponse, _tributary_coord_v1_AllocateProducerIdRequest__Output, _tributary_coord_v1_AllocateProducerIdResponse__Output>
  AlterIsr: MethodDefinition<_tributary_coord_v1_AlterIsrRequest, _tributary_coord_v1_AlterIsrResponse, _tributary_coord_v1_AlterIsrRequest__Output, _tributary_coord_v1_AlterIsrResponse__Output>
  CommitOffsets: MethodDefinition<_tributary_coord_v1_CommitOffsetsRequest, _tributary_coord_v1_CommitOffsetsResponse, _tributary_coord_v1_CommitOffsetsRequest__Output, _tributary_coord_v1_CommitOffsetsResponse__Output>
  CreatePartitions: MethodDefinition<_tributary_coord_v1_CreatePartitionsRequest, _tributary_coord_v1_CreatePartitionsResponse, _tributary_coord_v1_CreatePartitionsRequest__Output, _tributary_coord_v1_CreatePartitionsResponse__Output>
  CreateTopic: MethodDefinition<_tributary_coord_v1_CreateTopicRequest, _tributary_coord_v1_CreateTopicResponse, _tributary_coord_v1_CreateTopicRequest__Output, _tributary_coord_v1_CreateTopicResponse__Output>
  DeleteTopic: MethodDefinition<_tributary_coord_v1_DeleteTopicRequest, _tributary_coord_v1_DeleteTopicResponse, _tributary_coord_v1_DeleteTopicRequest__Output, _tributary_coord_v1_DeleteTopicResponse__Output>
  DescribeGroups: MethodDefinition<_tributary_coord_v1_DescribeGroupsRequest, _tributary_coord_v1_DescribeGroupsResponse, _tributary_coord_v1_DescribeGroupsRequest__Output, _tributary_coord_v1_DescribeGroupsResponse__Output>
  DescribeTopics: MethodDefinition<_tributary_coord_v1_DescribeTopicsRequest, _tributary_coord_v1_DescribeTopicsResponse, _tributary_coord_v1_DescribeTopicsRequest__Output, _tributary_coord_v1_DescribeTopicsResponse__Output>
  FetchOffsets: MethodDefinition<_tributary_coord_v1_FetchOffsetsRequest, _tributary_coord_v1_FetchOffsetsResponse, _tributary_coord_v1_FetchOffsetsRequest__Output, _tributary_coord_v1_FetchOffsetsResponse__Output>
  GroupHeartbeat: MethodDefinition<_tributary_coord_v1_GroupHeartbeatRequest, _tributary_coord_v1_GroupHeartbeatResponse, _tributary_coord_v1_GroupHeartbeatRequest__Output, _tributary_coord_v1_GroupHeartbeatResponse__Output>
  JoinGroup: MethodDefinition<_tributary_coord_v1_JoinGroupRequest, _tributary_coord_v1_JoinGroupResponse, _tributary_coord_v1_JoinGroupRequest__Output, _tributary_coord_v1_JoinGroupResponse__Output>
  LeaveGroup: MethodDefinition<_tributary_coord_v1_LeaveGroupRequest, _tributary_coord_v1_LeaveGroupResponse, _tributary_coord_v1_LeaveGroupRequest__Output, _tributary_coord_v1_LeaveGroupResponse__Output>
  ListAcls: MethodDefinition<_tributary_coord_v1_ListAclsRequest, _tributary_coord_v1_ListAclsResponse, _tributary_coord_v1_ListAclsRequest__Output, _tributary_coord_v1_ListAclsResponse__Output>
  ListBrokers: MethodDefinition<_tributary_coord_v1_ListBrokersRequest, _tributary_coord_v1_ListBrokersResponse, _tributary_coord_v1_ListBrokersRequest__Output, _tributary_coord_v1_ListBrokersResponse__Output>
  ListGroups: MethodDefinition<_tributary_coord_v1_ListGroupsRequest, _tributary_coord_v1_ListGroupsResponse, _tributary_coord_v1_ListGroupsRequest__Output, _tributary_coord_v1_ListGroupsResponse__Output>
  ListTopics: MethodDefinition<_tributary_coord_v1_ListTopicsRequest, _tributary_coord_v1_ListTopicsResponse, _tributary_coord_v1_ListTopicsRequest__Output, _tributary_coord_v1_ListTopicsResponse__Output>
  ReassignPartitions: MethodDefinition<_tributary_coord_v1_ReassignPartitionsRequest, _tributary_coord_v1_ReassignPartitionsResponse, _tributary_coord_v1_ReassignPartitionsRequest__Output, _tributary_coord_v1_ReassignPartitionsResponse__Output>
  RegisterBroker: MethodDefinition<_tributary_coord_v1_RegisterBrokerRequest, _tributary_coord_v1_RegisterBrokerResponse, _tributary_coord_v1_RegisterBrokerRequest__Output, _tributary_coord_v1_RegisterBrokerResponse__Output>
  RemoveAcls: MethodDefinition<_tributary_coord_v1_RemoveAclsRequest, _tributary_coord_v1_RemoveAclsResponse, _tributary_coord_v1_RemoveAclsRequest__Output, _tributary_coord_v1_RemoveAclsResponse__Output>
  UpdateTopicConfig: MethodDefinition<_tributary_coord_v1_UpdateTopicConfigRequest, _tributary_coord_v1_UpdateTopicConfigResponse, _tributary_coord_v1_UpdateTopicConfigRequest__Output, _tributary_coord_v1_UpdateTopicConfigResponse__Output>
  WatchMetadata: MethodDefinition<_tributary_coord_v1_WatchMetadataRequest, _tributary_coord_v1_WatchMetadataResponse, _tributary_coord_v1_WatchMetadataRequest__Output, _tributary_coord_v1_WatchMetadataResponse__Output>
}
