import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AclEntry as _tributary_coord_v1_AclEntry, AclEntry__Output as _tributary_coord_v1_AclEntry__Output } from './tributary/coord/v1/AclEntry';
import type { AclFilter as _tributary_coord_v1_AclFilter, AclFilter__Output as _tributary_coord_v1_AclFilter__Output } from './tributary/coord/v1/AclFilter';
import type { AclSet as _tributary_coord_v1_AclSet, AclSet__Output as _tributary_coord_v1_AclSet__Output } from './tributary/coord/v1/AclSet';
import type { AddAclsRequest as _tributary_coord_v1_AddAclsRequest, AddAclsRequest__Output as _tributary_coord_v1_AddAclsRequest__Output } from './tributary/coord/v1/AddAclsRequest';
import type { AddAclsResponse as _tributary_coord_v1_AddAclsResponse, AddAclsResponse__Output as _tributary_coord_v1_AddAclsResponse__Output } from './tributary/coord/v1/AddAclsResponse';
import type { AddMemberRequest as _tributary_coord_v1_AddMemberRequest, AddMemberRequest__Output as _tributary_coord_v1_AddMemberRequest__Output } from './tributary/coord/v1/AddMemberRequest';
import type { AddMemberResponse as _tributary_coord_v1_AddMemberResponse, AddMemberResponse__Output as _tributary_coord_v1_AddMemberResponse__Output } from './tributary/coord/v1/AddMemberResponse';
import type { AllocateProducerIdRequest as _tributary_coord_v1_AllocateProducerIdRequest, AllocateProducerIdRequest__Output as _tributary_coord_v1_AllocateProducerIdRequest__Output } from './tributary/coord/v1/AllocateProducerIdRequest';
import type { AllocateProducerIdResponse as _tributary_coord_v1_AllocateProducerIdResponse, AllocateProducerIdResponse__Output as _tributary_coord_v1_AllocateProducerIdResponse__Output } from './tributary/coord/v1/AllocateProducerIdResponse';
import type { AlterIsrRequest as _tributary_coord_v1_AlterIsrRequest, AlterIsrRequest__Output as _tributary_coord_v1_AlterIsrRequest__Output } from './tributary/coord/v1/AlterIsrRequest';
import type { AlterIsrResponse as _tributary_coord_v1_AlterIsrResponse, AlterIsrResponse__Output as _tributary_coord_v1_AlterIsrResponse__Output } from './tributary/coord/v1/AlterIsrResponse';
import type { BrokerInfo as _tributary_coord_v1_BrokerInfo, BrokerInfo__Output as _tributary_coord_v1_BrokerInfo__Output } from './tributary/coord/v1/BrokerInfo';
import type { CloseSessionRequest as _tributary_coord_v1_CloseSessionRequest, CloseSessionRequest__Output as _tributary_coord_v1_CloseSessionRequest__Output } from './tributary/coord/v1/CloseSessionRequest';
import type { CloseSessionResponse as _tributary_coord_v1_CloseSessionResponse, CloseSessionResponse__Output as _tributary_coord_v1_CloseSessionResponse__Output } from './tributary/coord/v1/CloseSessionResponse';
import type { ClusterServiceClient as _tributary_coord_v1_ClusterServiceClient, ClusterServiceDefinition as _tributary_coord_v1_ClusterServiceDefinition } from './tributary/coord/v1/ClusterService';
import type { CommitOffsetsRequest as _tributary_coord_v1_CommitOffsetsRequest, CommitOffsetsRequest__Output as _tributary_coord_v1_CommitOffsetsRequest__Output } from './tributary/coord/v1/CommitOffsetsRequest';
import type { CommitOffsetsResponse as _tributary_coord_v1_CommitOffsetsResponse, CommitOffsetsResponse__Output as _tributary_coord_v1_CommitOffsetsResponse__Output } from './tributary/coord/v1/CommitOffsetsResponse';
import type { Compare as _tributary_coord_v1_Compare, Compare__Output as _tributary_coord_v1_Compare__Output } from './tributary/coord/v1/Compare';
import type { CoordinationServiceClient as _tributary_coord_v1_CoordinationServiceClient, CoordinationServiceDefinition as _tributary_coord_v1_CoordinationServiceDefinition } from './tributary/coord/v1/CoordinationService';
import type { CreatePartitionsRequest as _tributary_coord_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_coord_v1_CreatePartitionsRequest__Output } from './tributary/coord/v1/CreatePartitionsRequest';
import type { CreatePartitionsResponse as _tributary_coord_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_coord_v1_CreatePartitionsResponse__Output } from './tributary/coord/v1/CreatePartitionsResponse';
import type { CreateRequest as _tributary_coord_v1_CreateRequest, CreateRequest__Output as _tributary_coord_v1_CreateRequest__Output } from './tributary/coord/v1/CreateRequest';
import type { CreateResponse as _tributary_coord_v1_CreateResponse, CreateResponse__Output as _tributary_coord_v1_CreateResponse__Output } from './tributary/coord/v1/CreateResponse';
import type { CreateTopicRequest as _tributary_coord_v1_CreateTopicRequest, CreateTopicRequest__Output as _tributary_coord_v1_CreateTopicRequest__Output } from './tributary/coord/v1/CreateTopicRequest';
import type { CreateTopicResponse as _tributary_coord_v1_CreateTopicResponse, CreateTopicResponse__Output as _tributary_coord_v1_CreateTopicResponse__Output } from './tributary/coord/v1/CreateTopicResponse';
import type { DeleteRequest as _tributary_coord_v1_DeleteRequest, DeleteRequest__Output as _tributary_coord_v1_DeleteRequest__Output } from './tributary/coord/v1/DeleteRequest';
import type { DeleteResponse as _tributary_coord_v1_DeleteResponse, DeleteResponse__Output as _tributary_coord_v1_DeleteResponse__Output } from './tributary/coord/v1/DeleteResponse';
import type { DeleteTopicRequest as _tributary_coord_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _tributary_coord_v1_DeleteTopicRequest__Output } from './tributary/coord/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _tributary_coord_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _tributary_coord_v1_DeleteTopicResponse__Output } from './tributary/coord/v1/DeleteTopicResponse';
import type { DescribeGroupsRequest as _tributary_coord_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _tributary_coord_v1_DescribeGroupsRequest__Output } from './tributary/coord/v1/DescribeGroupsRequest';
import type { DescribeGroupsResponse as _tributary_coord_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _tributary_coord_v1_DescribeGroupsResponse__Output } from './tributary/coord/v1/DescribeGroupsResponse';
import type { DescribeTopicsRequest as _tributary_coord_v1_DescribeTopicsRequest, DescribeTopicsRequest__Output as _tributary_coord_v1_DescribeTopicsRequest__Output } from './tributary/coord/v1/DescribeTopicsRequest';
import type { DescribeTopicsResponse as _tributary_coord_v1_DescribeTopicsResponse, DescribeTopicsResponse__Output as _tributary_coord_v1_DescribeTopicsResponse__Output } from './tributary/coord/v1/DescribeTopicsResponse';
import type { ExecuteRequest as _tributary_coord_v1_ExecuteRequest, ExecuteRequest__Output as _tributary_coord_v1_ExecuteRequest__Output } from './tributary/coord/v1/ExecuteRequest';
import type { ExecuteResponse as _tributary_coord_v1_ExecuteResponse, ExecuteResponse__Output as _tributary_coord_v1_ExecuteResponse__Output } from './tributary/coord/v1/ExecuteResponse';
import type { FetchOffsetsRequest as _tributary_coord_v1_FetchOffsetsRequest, FetchOffsetsRequest__Output as _tributary_coord_v1_FetchOffsetsRequest__Output } from './tributary/coord/v1/FetchOffsetsRequest';
import type { FetchOffsetsResponse as _tributary_coord_v1_FetchOffsetsResponse, FetchOffsetsResponse__Output as _tributary_coord_v1_FetchOffsetsResponse__Output } from './tributary/coord/v1/FetchOffsetsResponse';
import type { GetRequest as _tributary_coord_v1_GetRequest, GetRequest__Output as _tributary_coord_v1_GetRequest__Output } from './tributary/coord/v1/GetRequest';
import type { GetResponse as _tributary_coord_v1_GetResponse, GetResponse__Output as _tributary_coord_v1_GetResponse__Output } from './tributary/coord/v1/GetResponse';
import type { GroupHeartbeatRequest as _tributary_coord_v1_GroupHeartbeatRequest, GroupHeartbeatRequest__Output as _tributary_coord_v1_GroupHeartbeatRequest__Output } from './tributary/coord/v1/GroupHeartbeatRequest';
import type { GroupHeartbeatResponse as _tributary_coord_v1_GroupHeartbeatResponse, GroupHeartbeatResponse__Output as _tributary_coord_v1_GroupHeartbeatResponse__Output } from './tributary/coord/v1/GroupHeartbeatResponse';
import type { GroupInfo as _tributary_coord_v1_GroupInfo, GroupInfo__Output as _tributary_coord_v1_GroupInfo__Output } from './tributary/coord/v1/GroupInfo';
import type { GroupMember as _tributary_coord_v1_GroupMember, GroupMember__Output as _tributary_coord_v1_GroupMember__Output } from './tributary/coord/v1/GroupMember';
import type { GroupSummary as _tributary_coord_v1_GroupSummary, GroupSummary__Output as _tributary_coord_v1_GroupSummary__Output } from './tributary/coord/v1/GroupSummary';
import type { JoinGroupRequest as _tributary_coord_v1_JoinGroupRequest, JoinGroupRequest__Output as _tributary_coord_v1_JoinGroupRequest__Output } from './tributary/coord/v1/JoinGroupRequest';
import type { JoinGroupResponse as _tributary_coord_v1_JoinGroupResponse, JoinGroupResponse__Output as _tributary_coord_v1_JoinGroupResponse__Output } from './tributary/coord/v1/JoinGroupResponse';
import type { KeepAliveRequest as _tributary_coord_v1_KeepAliveRequest, KeepAliveRequest__Output as _tributary_coord_v1_KeepAliveRequest__Output } from './tributary/coord/v1/KeepAliveRequest';
import type { KeepAliveResponse as _tributary_coord_v1_KeepAliveResponse, KeepAliveResponse__Output as _tributary_coord_v1_KeepAliveResponse__Output } from './tributary/coord/v1/KeepAliveResponse';
import type { LeaveGroupRequest as _tributary_coord_v1_LeaveGroupRequest, LeaveGroupRequest__Output as _tributary_coord_v1_LeaveGroupRequest__Output } from './tributary/coord/v1/LeaveGroupRequest';
import type { LeaveGroupResponse as _tributary_coord_v1_LeaveGroupResponse, LeaveGroupResponse__Output as _tributary_coord_v1_LeaveGroupResponse__Output } from './tributary/coord/v1/LeaveGroupResponse';
import type { ListAclsRequest as _tributary_coord_v1_ListAclsRequest, ListAclsRequest__Output as _tributary_coord_v1_ListAclsRequest__Output } from './tributary/coord/v1/ListAclsRequest';
import type { ListAclsResponse as _tributary_coord_v1_ListAclsResponse, ListAclsResponse__Output as _tributary_coord_v1_ListAclsResponse__Output } from './tributary/coord/v1/ListAclsResponse';
import type { ListBrokersRequest as _tributary_coord_v1_ListBrokersRequest, ListBrokersRequest__Output as _tributary_coord_v1_ListBrokersRequest__Output } from './tributary/coord/v1/ListBrokersRequest';
import type { ListBrokersResponse as _tributary_coord_v1_ListBrokersResponse, ListBrokersResponse__Output as _tributary_coord_v1_ListBrokersResponse__Output } from './tributary/coord/v1/ListBrokersResponse';
import type { ListGroupsRequest as _tributary_coord_v1_ListGroupsRequest, ListGroupsRequest__Output as _tributary_coord_v1_ListGroupsRequest__Output } from './tributary/coord/v1/ListGroupsRequest';
import type { ListGroupsResponse as _tributary_coord_v1_ListGroupsResponse, ListGroupsResponse__Output as _tributary_coord_v1_ListGroupsResponse__Output } from './tributary/coord/v1/ListGroupsResponse';
import type { ListRequest as _tributary_coord_v1_ListRequest, ListRequest__Output as _tributary_coord_v1_ListRequest__Output } from './tributary/coord/v1/ListRequest';
import type { ListResponse as _tributary_coord_v1_ListResponse, ListResponse__Output as _tributary_coord_v1_ListResponse__Output } from './tributary/coord/v1/ListResponse';
import type { ListTopicsRequest as _tributary_coord_v1_ListTopicsRequest, ListTopicsRequest__Output as _tributary_coord_v1_ListTopicsRequest__Output } from './tributary/coord/v1/ListTopicsRequest';
import type { ListTopicsResponse as _tributary_coord_v1_ListTopicsResponse, ListTopicsResponse__Output as _tributary_coord_v1_ListTopicsResponse__Output } from './tributary/coord/v1/ListTopicsResponse';
import type { LockRequest as _tributary_coord_v1_LockRequest, LockRequest__Output as _tributary_coord_v1_LockRequest__Output } from './tributary/coord/v1/LockRequest';
import type { LockResponse as _tributary_coord_v1_LockResponse, LockResponse__Output as _tributary_coord_v1_LockResponse__Output } from './tributary/coord/v1/LockResponse';
import type { Member as _tributary_coord_v1_Member, Member__Output as _tributary_coord_v1_Member__Output } from './tributary/coord/v1/Member';
import type { MetadataServiceClient as _tributary_coord_v1_MetadataServiceClient, MetadataServiceDefinition as _tributary_coord_v1_MetadataServiceDefinition } from './tributary/coord/v1/MetadataService';
import type { OpenSessionRequest as _tributary_coord_v1_OpenSessionRequest, OpenSessionRequest__Output as _tributary_coord_v1_OpenSessionRequest__Output } from './tributary/coord/v1/OpenSessionRequest';
import type { OpenSessionResponse as _tributary_coord_v1_OpenSessionResponse, OpenSessionResponse__Output as _tributary_coord_v1_OpenSessionResponse__Output } from './tributary/coord/v1/OpenSessionResponse';
import type { PartitionInfo as _tributary_coord_v1_PartitionInfo, PartitionInfo__Output as _tributary_coord_v1_PartitionInfo__Output } from './tributary/coord/v1/PartitionInfo';
import type { PartitionOffset as _tributary_coord_v1_PartitionOffset, PartitionOffset__Output as _tributary_coord_v1_PartitionOffset__Output } from './tributary/coord/v1/PartitionOffset';
import type { PartitionReassignment as _tributary_coord_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_coord_v1_PartitionReassignment__Output } from './tributary/coord/v1/PartitionReassignment';
import type { PartitionUpdate as _tributary_coord_v1_PartitionUpdate, PartitionUpdate__Output as _tributary_coord_v1_PartitionUpdate__Output } from './tributary/coord/v1/PartitionUpdate';
import type { ReassignPartitionsRequest as _tributary_coord_v1_ReassignPartitionsRequest, ReassignPartitionsRequest__Output as _tributary_coord_v1_ReassignPartitionsRequest__Output } from './tributary/coord/v1/ReassignPartitionsRequest';
import type { ReassignPartitionsResponse as _tributary_coord_v1_ReassignPartitionsResponse, ReassignPartitionsResponse__Output as _tributary_coord_v1_ReassignPartitionsResponse__Output } from './tributary/coord/v1/ReassignPartitionsResponse';
import type { RegisterBrokerRequest as _tributary_coord_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _tributary_coord_v1_RegisterBrokerRequest__Output } from './tributary/coord/v1/RegisterBrokerRequest';
import type { RegisterBrokerResponse as _tributary_coord_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _tributary_coord_v1_RegisterBrokerResponse__Output } from './tributary/coord/v1/RegisterBrokerResponse';
import type { RemoveAclsRequest as _tributary_coord_v1_RemoveAclsRequest, RemoveAclsRequest__Output as _tributary_coord_v1_RemoveAclsRequest__Output } from './tributary/coord/v1/RemoveAclsRequest';
import type { RemoveAclsResponse as _tributary_coord_v1_RemoveAclsResponse, RemoveAclsResponse__Output as _tributary_coord_v1_RemoveAclsResponse__Output } from './tributary/coord/v1/RemoveAclsResponse';
import type { RemoveMemberRequest as _tributary_coord_v1_RemoveMemberRequest, RemoveMemberRequest__Output as _tributary_coord_v1_RemoveMemberRequest__Output } from './tributary/coord/v1/RemoveMemberRequest';
import type { RemoveMemberResponse as _tributary_coord_v1_RemoveMemberResponse, RemoveMemberResponse__Output as _tributary_coord_v1_RemoveMemberResponse__Output } from './tributary/coord/v1/RemoveMemberResponse';
import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from './tributary/coord/v1/ResponseHeader';
import type { SetRequest as _tributary_coord_v1_SetRequest, SetRequest__Output as _tributary_coord_v1_SetRequest__Output } from './tributary/coord/v1/SetRequest';
import type { SetResponse as _tributary_coord_v1_SetResponse, SetResponse__Output as _tributary_coord_v1_SetResponse__Output } from './tributary/coord/v1/SetResponse';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from './tributary/coord/v1/Stat';
import type { StatusRequest as _tributary_coord_v1_StatusRequest, StatusRequest__Output as _tributary_coord_v1_StatusRequest__Output } from './tributary/coord/v1/StatusRequest';
import type { StatusResponse as _tributary_coord_v1_StatusResponse, StatusResponse__Output as _tributary_coord_v1_StatusResponse__Output } from './tributary/coord/v1/StatusResponse';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from './tributary/coord/v1/TopicInfo';
import type { TopicPartition as _tributary_coord_v1_TopicPartition, TopicPartition__Output as _tributary_coord_v1_TopicPartition__Output } from './tributary/coord/v1/TopicPartition';
import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from './tributary/coord/v1/TopicPartitions';
import type { TransferLeadershipRequest as _tributary_coord_v1_TransferLeadershipRequest, TransferLeadershipRequest__Output as _tributary_coord_v1_TransferLeadershipRequest__Output } from './tributary/coord/v1/TransferLeadershipRequest';
import type { TransferLeadershipResponse as _tributary_coord_v1_TransferLeadershipResponse, TransferLeadershipResponse__Output as _tributary_coord_v1_TransferLeadershipResponse__Output } from './tributary/coord/v1/TransferLeadershipResponse';
import type { TxnOp as _tributary_coord_v1_TxnOp, TxnOp__Output as _tributary_coord_v1_TxnOp__Output } from './tributary/coord/v1/TxnOp';
import type { TxnOpResult as _tributary_coord_v1_TxnOpResult, TxnOpResult__Output as _tributary_coord_v1_TxnOpResult__Output } from './tributary/coord/v1/TxnOpResult';
import type { TxnRequest as _tributary_coord_v1_TxnRequest, TxnRequest__Output as _tributary_coord_v1_TxnRequest__Output } from './tributary/coord/v1/TxnRequest';
import type { TxnResponse as _tributary_coord_v1_TxnResponse, TxnResponse__Output as _tributary_coord_v1_TxnResponse__Output } from './tributary/coord/v1/TxnResponse';
import type { UnlockRequest as _tributary_coord_v1_UnlockRequest, UnlockRequest__Output as _tributary_coord_v1_UnlockRequest__Output } from './tributary/coord/v1/UnlockRequest';
import type { UnlockResponse as _tributary_coord_v1_UnlockResponse, UnlockResponse__Output as _tributary_coord_v1_UnlockResponse__Output } from './tributary/coord/v1/UnlockResponse';
import type { UpdateTopicConfigRequest as _tributary_coord_v1_UpdateTopicConfigRequest, UpdateTopicConfigRequest__Output as _tributary_coord_v1_UpdateTopicConfigRequest__Output } from './tributary/coord/v1/UpdateTopicConfigRequest';
import type { UpdateTopicConfigResponse as _tributary_coord_v1_UpdateTopicConfigResponse, UpdateTopicConfigResponse__Output as _tributary_coord_v1_UpdateTopicConfigResponse__Output } from './tributary/coord/v1/UpdateTopicConfigResponse';
import type { WatchEvent as _tributary_coord_v1_WatchEvent, WatchEvent__Output as _tributary_coord_v1_WatchEvent__Output } from './tributary/coord/v1/WatchEvent';
import type { WatchMetadataRequest as _tributary_coord_v1_WatchMetadataRequest, WatchMetadataRequest__Output as _tributary_coord_v1_WatchMetadataRequest__Output } from './tributary/coord/v1/WatchMetadataRequest';
import type { WatchMetadataResponse as _tributary_coord_v1_WatchMetadataResponse, WatchMetadataResponse__Output as _tributary_coord_v1_WatchMetadataResponse__Output } from './tributary/coord/v1/WatchMetadataResponse';
import type { WatchRequest as _tributary_coord_v1_WatchRequest, WatchRequest__Output as _tributary_coord_v1_WatchRequest__Output } from './tributary/coord/v1/WatchRequest';
import type { WatchResponse as _tributary_coord_v1_WatchResponse, WatchResponse__Output as _tributary_coord_v1_WatchResponse__Output } from './tributary/coord/v1/WatchResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tributary: {
    coord: {
      v1: {
        AclEntry: MessageTypeDefinition<_tributary_coord_v1_AclEntry, _tributary_coord_v1_AclEntry__Output>
        AclFilter: MessageTypeDefinition<_tributary_coord_v1_AclFilter, _tributary_coord_v1_AclFilter__Output>
        AclOperation: EnumTypeDefinition
        AclPatternType: EnumTypeDefinition
        AclPermission: EnumTypeDefinition
        AclResourceType: EnumTypeDefinition
        AclSet: MessageTypeDefinition<_tributary_coord_v1_AclSet, _tributary_coord_v1_AclSet__Output>
        AddAclsRequest: MessageTypeDefinition<_tributary_coord_v1_AddAclsRequest, _tributary_coord_v1_AddAclsRequest__Output>
        AddAclsResponse: MessageTypeDefinition<_tributary_coord_v1_AddAclsResponse, _tributary_coord_v1_AddAclsResponse__Output>
        AddMemberRequest: MessageTypeDefinition<_tributary_coord_v1_AddMemberRequest, _tributary_coord_v1_AddMemberRequest__Output>
        AddMemberResponse: MessageTypeDefinition<_tributary_coord_v1_AddMemberResponse, _tributary_coord_v1_AddMemberResponse__Output>
        AllocateProducerIdRequest: MessageTypeDefinition<_tributary_coord_v1_AllocateProducerIdRequest, _tributary_coord_v1_AllocateProducerIdRequest__Output>
        AllocateProducerIdResponse: MessageTypeDefinition<_tributary_coord_v1_AllocateProducerIdResponse, _tributary_coord_v1_AllocateProducerIdResponse__Output>
        AlterIsrRequest: MessageTypeDefinition<_tributary_coord_v1_AlterIsrRequest, _tributary_coord_v1_AlterIsrRequest__Output>
        AlterIsrResponse: MessageTypeDefinition<_tributary_coord_v1_AlterIsrResponse, _tributary_coord_v1_AlterIsrResponse__Output>
        BrokerInfo: MessageTypeDefinition<_tributary_coord_v1_BrokerInfo, _tributary_coord_v1_BrokerInfo__Output>
        CloseSessionRequest: MessageTypeDefinition<_tributary_coord_v1_CloseSessionRequest, _tributary_coord_v1_CloseSessionRequest__Output>
        CloseSessionResponse: MessageTypeDefinition<_tributary_coord_v1_CloseSessionResponse, _tributary_coord_v1_CloseSessionResponse__Output>
        /**
         * Raft group status and membership, served by every coordinator.
         * 
         * Membership changes are single-server (one voter added or removed per committed change).
         * Errors any RPC may return: UNAVAILABLE (no leader; RetryInfo attached); FAILED_PRECONDITION /
         * NOT_LEADER with `metadata.leader` (changes must be sent to the leader, if not forwarded);
         * UNAUTHENTICATED; PERMISSION_DENIED (cluster-level ACL).
         */
        ClusterService: SubtypeConstructor<typeof grpc.Client, _tributary_coord_v1_ClusterServiceClient> & { service: _tributary_coord_v1_ClusterServiceDefinition }
        CommitOffsetsRequest: MessageTypeDefinition<_tributary_coord_v1_CommitOffsetsRequest, _tributary_coord_v1_CommitOffsetsRequest__Output>
        CommitOffsetsResponse: MessageTypeDefinition<_tributary_coord_v1_CommitOffsetsResponse, _tributary_coord_v1_CommitOffsetsResponse__Output>
        Compare: MessageTypeDefinition<_tributary_coord_v1_Compare, _tributary_coord_v1_Compare__Output>
        CompareOp: EnumTypeDefinition
        Consistency: EnumTypeDefinition
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
        CoordinationService: SubtypeConstructor<typeof grpc.Client, _tributary_coord_v1_CoordinationServiceClient> & { service: _tributary_coord_v1_CoordinationServiceDefinition }
        CreatePartitionsRequest: MessageTypeDefinition<_tributary_coord_v1_CreatePartitionsRequest, _tributary_coord_v1_CreatePartitionsRequest__Output>
        CreatePartitionsResponse: MessageTypeDefinition<_tributary_coord_v1_CreatePartitionsResponse, _tributary_coord_v1_CreatePartitionsResponse__Output>
        CreateRequest: MessageTypeDefinition<_tributary_coord_v1_CreateRequest, _tributary_coord_v1_CreateRequest__Output>
        CreateResponse: MessageTypeDefinition<_tributary_coord_v1_CreateResponse, _tributary_coord_v1_CreateResponse__Output>
        CreateTopicRequest: MessageTypeDefinition<_tributary_coord_v1_CreateTopicRequest, _tributary_coord_v1_CreateTopicRequest__Output>
        CreateTopicResponse: MessageTypeDefinition<_tributary_coord_v1_CreateTopicResponse, _tributary_coord_v1_CreateTopicResponse__Output>
        DeleteRequest: MessageTypeDefinition<_tributary_coord_v1_DeleteRequest, _tributary_coord_v1_DeleteRequest__Output>
        DeleteResponse: MessageTypeDefinition<_tributary_coord_v1_DeleteResponse, _tributary_coord_v1_DeleteResponse__Output>
        DeleteTopicRequest: MessageTypeDefinition<_tributary_coord_v1_DeleteTopicRequest, _tributary_coord_v1_DeleteTopicRequest__Output>
        DeleteTopicResponse: MessageTypeDefinition<_tributary_coord_v1_DeleteTopicResponse, _tributary_coord_v1_DeleteTopicResponse__Output>
        DescribeGroupsRequest: MessageTypeDefinition<_tributary_coord_v1_DescribeGroupsRequest, _tributary_coord_v1_DescribeGroupsRequest__Output>
        DescribeGroupsResponse: MessageTypeDefinition<_tributary_coord_v1_DescribeGroupsResponse, _tributary_coord_v1_DescribeGroupsResponse__Output>
        DescribeTopicsRequest: MessageTypeDefinition<_tributary_coord_v1_DescribeTopicsRequest, _tributary_coord_v1_DescribeTopicsRequest__Output>
        DescribeTopicsResponse: MessageTypeDefinition<_tributary_coord_v1_DescribeTopicsResponse, _tributary_coord_v1_DescribeTopicsResponse__Output>
        EventType: EnumTypeDefinition
        ExecuteRequest: MessageTypeDefinition<_tributary_coord_v1_ExecuteRequest, _tributary_coord_v1_ExecuteRequest__Output>
        ExecuteResponse: MessageTypeDefinition<_tributary_coord_v1_ExecuteResponse, _tributary_coord_v1_ExecuteResponse__Output>
        FetchOffsetsRequest: MessageTypeDefinition<_tributary_coord_v1_FetchOffsetsRequest, _tributary_coord_v1_FetchOffsetsRequest__Output>
        FetchOffsetsResponse: MessageTypeDefinition<_tributary_coord_v1_FetchOffsetsResponse, _tributary_coord_v1_FetchOffsetsResponse__Output>
        GetRequest: MessageTypeDefinition<_tributary_coord_v1_GetRequest, _tributary_coord_v1_GetRequest__Output>
        GetResponse: MessageTypeDefinition<_tributary_coord_v1_GetResponse, _tributary_coord_v1_GetResponse__Output>
        GroupHeartbeatRequest: MessageTypeDefinition<_tributary_coord_v1_GroupHeartbeatRequest, _tributary_coord_v1_GroupHeartbeatRequest__Output>
        GroupHeartbeatResponse: MessageTypeDefinition<_tributary_coord_v1_GroupHeartbeatResponse, _tributary_coord_v1_GroupHeartbeatResponse__Output>
        GroupInfo: MessageTypeDefinition<_tributary_coord_v1_GroupInfo, _tributary_coord_v1_GroupInfo__Output>
        GroupMember: MessageTypeDefinition<_tributary_coord_v1_GroupMember, _tributary_coord_v1_GroupMember__Output>
        GroupState: EnumTypeDefinition
        GroupSummary: MessageTypeDefinition<_tributary_coord_v1_GroupSummary, _tributary_coord_v1_GroupSummary__Output>
        JoinGroupRequest: MessageTypeDefinition<_tributary_coord_v1_JoinGroupRequest, _tributary_coord_v1_JoinGroupRequest__Output>
        JoinGroupResponse: MessageTypeDefinition<_tributary_coord_v1_JoinGroupResponse, _tributary_coord_v1_JoinGroupResponse__Output>
        KeepAliveRequest: MessageTypeDefinition<_tributary_coord_v1_KeepAliveRequest, _tributary_coord_v1_KeepAliveRequest__Output>
        KeepAliveResponse: MessageTypeDefinition<_tributary_coord_v1_KeepAliveResponse, _tributary_coord_v1_KeepAliveResponse__Output>
        LeaveGroupRequest: MessageTypeDefinition<_tributary_coord_v1_LeaveGroupRequest, _tributary_coord_v1_LeaveGroupRequest__Output>
        LeaveGroupResponse: MessageTypeDefinition<_tributary_coord_v1_LeaveGroupResponse, _tributary_coord_v1_LeaveGroupResponse__Output>
        ListAclsRequest: MessageTypeDefinition<_tributary_coord_v1_ListAclsRequest, _tributary_coord_v1_ListAclsRequest__Output>
        ListAclsResponse: MessageTypeDefinition<_tributary_coord_v1_ListAclsResponse, _tributary_coord_v1_ListAclsResponse__Output>
        ListBrokersRequest: MessageTypeDefinition<_tributary_coord_v1_ListBrokersRequest, _tributary_coord_v1_ListBrokersRequest__Output>
        ListBrokersResponse: MessageTypeDefinition<_tributary_coord_v1_ListBrokersResponse, _tributary_coord_v1_ListBrokersResponse__Output>
        ListGroupsRequest: MessageTypeDefinition<_tributary_coord_v1_ListGroupsRequest, _tributary_coord_v1_ListGroupsRequest__Output>
        ListGroupsResponse: MessageTypeDefinition<_tributary_coord_v1_ListGroupsResponse, _tributary_coord_v1_ListGroupsResponse__Output>
        ListRequest: MessageTypeDefinition<_tributary_coord_v1_ListRequest, _tributary_coord_v1_ListRequest__Output>
        ListResponse: MessageTypeDefinition<_tributary_coord_v1_ListResponse, _tributary_coord_v1_ListResponse__Output>
        ListTopicsRequest: MessageTypeDefinition<_tributary_coord_v1_ListTopicsRequest, _tributary_coord_v1_ListTopicsRequest__Output>
        ListTopicsResponse: MessageTypeDefinition<_tributary_coord_v1_ListTopicsResponse, _tributary_coord_v1_ListTopicsResponse__Output>
        LockRequest: MessageTypeDefinition<_tributary_coord_v1_LockRequest, _tributary_coord_v1_LockRequest__Output>
        LockResponse: MessageTypeDefinition<_tributary_coord_v1_LockResponse, _tributary_coord_v1_LockResponse__Output>
        Member: MessageTypeDefinition<_tributary_coord_v1_Member, _tributary_coord_v1_Member__Output>
        MemberRole: EnumTypeDefinition
        /**
         * Cluster metadata and the controller, served by the coordinators; the controller runs on the
         * Raft leader, and a follower forwards calls to it (or fails FAILED_PRECONDITION / NOT_LEADER
         * with `metadata.leader`).
         * 
         * Errors any RPC may return: INVALID_ARGUMENT (malformed name or field); UNAVAILABLE (no
         * leader; RetryInfo attached); FAILED_PRECONDITION / NOT_LEADER; RESOURCE_EXHAUSTED (message
         * over `--max-message-bytes`); UNAUTHENTICATED; PERMISSION_DENIED (ACL).
         */
        MetadataService: SubtypeConstructor<typeof grpc.Client, _tributary_coord_v1_MetadataServiceClient> & { service: _tributary_coord_v1_MetadataServiceDefinition }
        OpenSessionRequest: MessageTypeDefinition<_tributary_coord_v1_OpenSessionRequest, _tributary_coord_v1_OpenSessionRequest__Output>
        OpenSessionResponse: MessageTypeDefinition<_tributary_coord_v1_OpenSessionResponse, _tributary_coord_v1_OpenSessionResponse__Output>
        PartitionInfo: MessageTypeDefinition<_tributary_coord_v1_PartitionInfo, _tributary_coord_v1_PartitionInfo__Output>
        PartitionOffset: MessageTypeDefinition<_tributary_coord_v1_PartitionOffset, _tributary_coord_v1_PartitionOffset__Output>
        PartitionReassignment: MessageTypeDefinition<_tributary_coord_v1_PartitionReassignment, _tributary_coord_v1_PartitionReassignment__Output>
        PartitionUpdate: MessageTypeDefinition<_tributary_coord_v1_PartitionUpdate, _tributary_coord_v1_PartitionUpdate__Output>
        ReassignPartitionsRequest: MessageTypeDefinition<_tributary_coord_v1_ReassignPartitionsRequest, _tributary_coord_v1_ReassignPartitionsRequest__Output>
        ReassignPartitionsResponse: MessageTypeDefinition<_tributary_coord_v1_ReassignPartitionsResponse, _tributary_coord_v1_ReassignPartitionsResponse__Output>
        RegisterBrokerRequest: MessageTypeDefinition<_tributary_coord_v1_RegisterBrokerRequest, _tributary_coord_v1_RegisterBrokerRequest__Output>
        RegisterBrokerResponse: MessageTypeDefinition<_tributary_coord_v1_RegisterBrokerResponse, _tributary_coord_v1_RegisterBrokerResponse__Output>
        RemoveAclsRequest: MessageTypeDefinition<_tributary_coord_v1_RemoveAclsRequest, _tributary_coord_v1_RemoveAclsRequest__Output>
        RemoveAclsResponse: MessageTypeDefinition<_tributary_coord_v1_RemoveAclsResponse, _tributary_coord_v1_RemoveAclsResponse__Output>
        RemoveMemberRequest: MessageTypeDefinition<_tributary_coord_v1_RemoveMemberRequest, _tributary_coord_v1_RemoveMemberRequest__Output>
        RemoveMemberResponse: MessageTypeDefinition<_tributary_coord_v1_RemoveMemberResponse, _tributary_coord_v1_RemoveMemberResponse__Output>
        ResponseHeader: MessageTypeDefinition<_tributary_coord_v1_ResponseHeader, _tributary_coord_v1_ResponseHeader__Output>
        SetRequest: MessageTypeDefinition<_tributary_coord_v1_SetRequest, _tributary_coord_v1_SetRequest__Output>
        SetResponse: MessageTypeDefinition<_tributary_coord_v1_SetResponse, _tributary_coord_v1_SetResponse__Output>
        Stat: MessageTypeDefinition<_tributary_coord_v1_Stat, _tributary_coord_v1_Stat__Output>
        StatusRequest: MessageTypeDefinition<_tributary_coord_v1_StatusRequest, _tributary_coord_v1_StatusRequest__Output>
        StatusResponse: MessageTypeDefinition<_tributary_coord_v1_StatusResponse, _tributary_coord_v1_StatusResponse__Output>
        TopicInfo: MessageTypeDefinition<_tributary_coord_v1_TopicInfo, _tributary_coord_v1_TopicInfo__Output>
        TopicPartition: MessageTypeDefinition<_tributary_coord_v1_TopicPartition, _tributary_coord_v1_TopicPartition__Output>
        TopicPartitions: MessageTypeDefinition<_tributary_coord_v1_TopicPartitions, _tributary_coord_v1_TopicPartitions__Output>
        TransferLeadershipRequest: MessageTypeDefinition<_tributary_coord_v1_TransferLeadershipRequest, _tributary_coord_v1_TransferLeadershipRequest__Output>
        TransferLeadershipResponse: MessageTypeDefinition<_tributary_coord_v1_TransferLeadershipResponse, _tributary_coord_v1_TransferLeadershipResponse__Output>
        TxnOp: MessageTypeDefinition<_tributary_coord_v1_TxnOp, _tributary_coord_v1_TxnOp__Output>
        TxnOpResult: MessageTypeDefinition<_tributary_coord_v1_TxnOpResult, _tributary_coord_v1_TxnOpResult__Output>
        TxnRequest: MessageTypeDefinition<_tributary_coord_v1_TxnRequest, _tributary_coord_v1_TxnRequest__Output>
        TxnResponse: MessageTypeDefinition<_tributary_coord_v1_TxnResponse, _tributary_coord_v1_TxnResponse__Output>
        UnlockRequest: MessageTypeDefinition<_tributary_coord_v1_UnlockRequest, _tributary_coord_v1_UnlockRequest__Output>
        UnlockResponse: MessageTypeDefinition<_tributary_coord_v1_UnlockResponse, _tributary_coord_v1_UnlockResponse__Output>
        UpdateTopicConfigRequest: MessageTypeDefinition<_tributary_coord_v1_UpdateTopicConfigRequest, _tributary_coord_v1_UpdateTopicConfigRequest__Output>
        UpdateTopicConfigResponse: MessageTypeDefinition<_tributary_coord_v1_UpdateTopicConfigResponse, _tributary_coord_v1_UpdateTopicConfigResponse__Output>
        WatchEvent: MessageTypeDefinition<_tributary_coord_v1_WatchEvent, _tributary_coord_v1_WatchEvent__Output>
        WatchMetadataRequest: MessageTypeDefinition<_tributary_coord_v1_WatchMetadataRequest, _tributary_coord_v1_WatchMetadataRequest__Output>
        WatchMetadataResponse: MessageTypeDefinition<_tributary_coord_v1_WatchMetadataResponse, _tributary_coord_v1_WatchMetadataResponse__Output>
        WatchRequest: MessageTypeDefinition<_tributary_coord_v1_WatchRequest, _tributary_coord_v1_WatchRequest__Output>
        WatchResponse: MessageTypeDefinition<_tributary_coord_v1_WatchResponse, _tributary_coord_v1_WatchResponse__Output>
      }
    }
  }
}

