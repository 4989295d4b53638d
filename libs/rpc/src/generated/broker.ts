import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddAclsRequest as _tributary_broker_v1_AddAclsRequest, AddAclsRequest__Output as _tributary_broker_v1_AddAclsRequest__Output } from './tributary/broker/v1/AddAclsRequest';
import type { AddAclsResponse as _tributary_broker_v1_AddAclsResponse, AddAclsResponse__Output as _tributary_broker_v1_AddAclsResponse__Output } from './tributary/broker/v1/AddAclsResponse';
import type { AllocateProducerIdRequest as _tributary_broker_v1_AllocateProducerIdRequest, AllocateProducerIdRequest__Output as _tributary_broker_v1_AllocateProducerIdRequest__Output } from './tributary/broker/v1/AllocateProducerIdRequest';
import type { AllocateProducerIdResponse as _tributary_broker_v1_AllocateProducerIdResponse, AllocateProducerIdResponse__Output as _tributary_broker_v1_AllocateProducerIdResponse__Output } from './tributary/broker/v1/AllocateProducerIdResponse';
import type { BrokerServiceClient as _tributary_broker_v1_BrokerServiceClient, BrokerServiceDefinition as _tributary_broker_v1_BrokerServiceDefinition } from './tributary/broker/v1/BrokerService';
import type { CommitOffsetsRequest as _tributary_broker_v1_CommitOffsetsRequest, CommitOffsetsRequest__Output as _tributary_broker_v1_CommitOffsetsRequest__Output } from './tributary/broker/v1/CommitOffsetsRequest';
import type { CommitOffsetsResponse as _tributary_broker_v1_CommitOffsetsResponse, CommitOffsetsResponse__Output as _tributary_broker_v1_CommitOffsetsResponse__Output } from './tributary/broker/v1/CommitOffsetsResponse';
import type { CreatePartitionsRequest as _tributary_broker_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_broker_v1_CreatePartitionsRequest__Output } from './tributary/broker/v1/CreatePartitionsRequest';
import type { CreatePartitionsResponse as _tributary_broker_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_broker_v1_CreatePartitionsResponse__Output } from './tributary/broker/v1/CreatePartitionsResponse';
import type { CreateTopicRequest as _tributary_broker_v1_CreateTopicRequest, CreateTopicRequest__Output as _tributary_broker_v1_CreateTopicRequest__Output } from './tributary/broker/v1/CreateTopicRequest';
import type { CreateTopicResponse as _tributary_broker_v1_CreateTopicResponse, CreateTopicResponse__Output as _tributary_broker_v1_CreateTopicResponse__Output } from './tributary/broker/v1/CreateTopicResponse';
import type { DeleteTopicRequest as _tributary_broker_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _tributary_broker_v1_DeleteTopicRequest__Output } from './tributary/broker/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _tributary_broker_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _tributary_broker_v1_DeleteTopicResponse__Output } from './tributary/broker/v1/DeleteTopicResponse';
import type { DescribeGroupsRequest as _tributary_broker_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _tributary_broker_v1_DescribeGroupsRequest__Output } from './tributary/broker/v1/DescribeGroupsRequest';
import type { DescribeGroupsResponse as _tributary_broker_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _tributary_broker_v1_DescribeGroupsResponse__Output } from './tributary/broker/v1/DescribeGroupsResponse';
import type { DescribeTopicsRequest as _tributary_broker_v1_DescribeTopicsRequest, DescribeTopicsRequest__Output as _tributary_broker_v1_DescribeTopicsRequest__Output } from './tributary/broker/v1/DescribeTopicsRequest';
import type { DescribeTopicsResponse as _tributary_broker_v1_DescribeTopicsResponse, DescribeTopicsResponse__Output as _tributary_broker_v1_DescribeTopicsResponse__Output } from './tributary/broker/v1/DescribeTopicsResponse';
import type { EpochEndOffset as _tributary_broker_v1_EpochEndOffset, EpochEndOffset__Output as _tributary_broker_v1_EpochEndOffset__Output } from './tributary/broker/v1/EpochEndOffset';
import type { FetchOffsetsRequest as _tributary_broker_v1_FetchOffsetsRequest, FetchOffsetsRequest__Output as _tributary_broker_v1_FetchOffsetsRequest__Output } from './tributary/broker/v1/FetchOffsetsRequest';
import type { FetchOffsetsResponse as _tributary_broker_v1_FetchOffsetsResponse, FetchOffsetsResponse__Output as _tributary_broker_v1_FetchOffsetsResponse__Output } from './tributary/broker/v1/FetchOffsetsResponse';
import type { FetchRequest as _tributary_broker_v1_FetchRequest, FetchRequest__Output as _tributary_broker_v1_FetchRequest__Output } from './tributary/broker/v1/FetchRequest';
import type { FetchResponse as _tributary_broker_v1_FetchResponse, FetchResponse__Output as _tributary_broker_v1_FetchResponse__Output } from './tributary/broker/v1/FetchResponse';
import type { GroupHeartbeatRequest as _tributary_broker_v1_GroupHeartbeatRequest, GroupHeartbeatRequest__Output as _tributary_broker_v1_GroupHeartbeatRequest__Output } from './tributary/broker/v1/GroupHeartbeatRequest';
import type { GroupHeartbeatResponse as _tributary_broker_v1_GroupHeartbeatResponse, GroupHeartbeatResponse__Output as _tributary_broker_v1_GroupHeartbeatResponse__Output } from './tributary/broker/v1/GroupHeartbeatResponse';
import type { Header as _tributary_broker_v1_Header, Header__Output as _tributary_broker_v1_Header__Output } from './tributary/broker/v1/Header';
import type { JoinGroupRequest as _tributary_broker_v1_JoinGroupRequest, JoinGroupRequest__Output as _tributary_broker_v1_JoinGroupRequest__Output } from './tributary/broker/v1/JoinGroupRequest';
import type { JoinGroupResponse as _tributary_broker_v1_JoinGroupResponse, JoinGroupResponse__Output as _tributary_broker_v1_JoinGroupResponse__Output } from './tributary/broker/v1/JoinGroupResponse';
import type { LeaveGroupRequest as _tributary_broker_v1_LeaveGroupRequest, LeaveGroupRequest__Output as _tributary_broker_v1_LeaveGroupRequest__Output } from './tributary/broker/v1/LeaveGroupRequest';
import type { LeaveGroupResponse as _tributary_broker_v1_LeaveGroupResponse, LeaveGroupResponse__Output as _tributary_broker_v1_LeaveGroupResponse__Output } from './tributary/broker/v1/LeaveGroupResponse';
import type { ListAclsRequest as _tributary_broker_v1_ListAclsRequest, ListAclsRequest__Output as _tributary_broker_v1_ListAclsRequest__Output } from './tributary/broker/v1/ListAclsRequest';
import type { ListAclsResponse as _tributary_broker_v1_ListAclsResponse, ListAclsResponse__Output as _tributary_broker_v1_ListAclsResponse__Output } from './tributary/broker/v1/ListAclsResponse';
import type { ListGroupsRequest as _tributary_broker_v1_ListGroupsRequest, ListGroupsRequest__Output as _tributary_broker_v1_ListGroupsRequest__Output } from './tributary/broker/v1/ListGroupsRequest';
import type { ListGroupsResponse as _tributary_broker_v1_ListGroupsResponse, ListGroupsResponse__Output as _tributary_broker_v1_ListGroupsResponse__Output } from './tributary/broker/v1/ListGroupsResponse';
import type { ListOffsetsRequest as _tributary_broker_v1_ListOffsetsRequest, ListOffsetsRequest__Output as _tributary_broker_v1_ListOffsetsRequest__Output } from './tributary/broker/v1/ListOffsetsRequest';
import type { ListOffsetsResponse as _tributary_broker_v1_ListOffsetsResponse, ListOffsetsResponse__Output as _tributary_broker_v1_ListOffsetsResponse__Output } from './tributary/broker/v1/ListOffsetsResponse';
import type { MetadataRequest as _tributary_broker_v1_MetadataRequest, MetadataRequest__Output as _tributary_broker_v1_MetadataRequest__Output } from './tributary/broker/v1/MetadataRequest';
import type { MetadataResponse as _tributary_broker_v1_MetadataResponse, MetadataResponse__Output as _tributary_broker_v1_MetadataResponse__Output } from './tributary/broker/v1/MetadataResponse';
import type { OffsetForLeaderEpochRequest as _tributary_broker_v1_OffsetForLeaderEpochRequest, OffsetForLeaderEpochRequest__Output as _tributary_broker_v1_OffsetForLeaderEpochRequest__Output } from './tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse as _tributary_broker_v1_OffsetForLeaderEpochResponse, OffsetForLeaderEpochResponse__Output as _tributary_broker_v1_OffsetForLeaderEpochResponse__Output } from './tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { PartitionReassignment as _tributary_broker_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_broker_v1_PartitionReassignment__Output } from './tributary/broker/v1/PartitionReassignment';
import type { ProduceRequest as _tributary_broker_v1_ProduceRequest, ProduceRequest__Output as _tributary_broker_v1_ProduceRequest__Output } from './tributary/broker/v1/ProduceRequest';
import type { ProduceResponse as _tributary_broker_v1_ProduceResponse, ProduceResponse__Output as _tributary_broker_v1_ProduceResponse__Output } from './tributary/broker/v1/ProduceResponse';
import type { ProduceStreamRequest as _tributary_broker_v1_ProduceStreamRequest, ProduceStreamRequest__Output as _tributary_broker_v1_ProduceStreamRequest__Output } from './tributary/broker/v1/ProduceStreamRequest';
import type { ProduceStreamResponse as _tributary_broker_v1_ProduceStreamResponse, ProduceStreamResponse__Output as _tributary_broker_v1_ProduceStreamResponse__Output } from './tributary/broker/v1/ProduceStreamResponse';
import type { ReassignPartitionsRequest as _tributary_broker_v1_ReassignPartitionsRequest, ReassignPartitionsRequest__Output as _tributary_broker_v1_ReassignPartitionsRequest__Output } from './tributary/broker/v1/ReassignPartitionsRequest';
import type { ReassignPartitionsResponse as _tributary_broker_v1_ReassignPartitionsResponse, ReassignPartitionsResponse__Output as _tributary_broker_v1_ReassignPartitionsResponse__Output } from './tributary/broker/v1/ReassignPartitionsResponse';
import type { Record as _tributary_broker_v1_Record, Record__Output as _tributary_broker_v1_Record__Output } from './tributary/broker/v1/Record';
import type { RecordBatch as _tributary_broker_v1_RecordBatch, RecordBatch__Output as _tributary_broker_v1_RecordBatch__Output } from './tributary/broker/v1/RecordBatch';
import type { RecordSet as _tributary_broker_v1_RecordSet, RecordSet__Output as _tributary_broker_v1_RecordSet__Output } from './tributary/broker/v1/RecordSet';
import type { RemoveAclsRequest as _tributary_broker_v1_RemoveAclsRequest, RemoveAclsRequest__Output as _tributary_broker_v1_RemoveAclsRequest__Output } from './tributary/broker/v1/RemoveAclsRequest';
import type { RemoveAclsResponse as _tributary_broker_v1_RemoveAclsResponse, RemoveAclsResponse__Output as _tributary_broker_v1_RemoveAclsResponse__Output } from './tributary/broker/v1/RemoveAclsResponse';
import type { ReplicaFetchPartition as _tributary_broker_v1_ReplicaFetchPartition, ReplicaFetchPartition__Output as _tributary_broker_v1_ReplicaFetchPartition__Output } from './tributary/broker/v1/ReplicaFetchPartition';
import type { ReplicaFetchPartitionResult as _tributary_broker_v1_ReplicaFetchPartitionResult, ReplicaFetchPartitionResult__Output as _tributary_broker_v1_ReplicaFetchPartitionResult__Output } from './tributary/broker/v1/ReplicaFetchPartitionResult';
import type { ReplicaFetchRequest as _tributary_broker_v1_ReplicaFetchRequest, ReplicaFetchRequest__Output as _tributary_broker_v1_ReplicaFetchRequest__Output } from './tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse as _tributary_broker_v1_ReplicaFetchResponse, ReplicaFetchResponse__Output as _tributary_broker_v1_ReplicaFetchResponse__Output } from './tributary/broker/v1/ReplicaFetchResponse';
import type { ReplicationServiceClient as _tributary_broker_v1_ReplicationServiceClient, ReplicationServiceDefinition as _tributary_broker_v1_ReplicationServiceDefinition } from './tributary/broker/v1/ReplicationService';
import type { SubscribeRequest as _tributary_broker_v1_SubscribeRequest, SubscribeRequest__Output as _tributary_broker_v1_SubscribeRequest__Output } from './tributary/broker/v1/SubscribeRequest';
import type { SubscribeResponse as _tributary_broker_v1_SubscribeResponse, SubscribeResponse__Output as _tributary_broker_v1_SubscribeResponse__Output } from './tributary/broker/v1/SubscribeResponse';
import type { UpdateTopicConfigRequest as _tributary_broker_v1_UpdateTopicConfigRequest, UpdateTopicConfigRequest__Output as _tributary_broker_v1_UpdateTopicConfigRequest__Output } from './tributary/broker/v1/UpdateTopicConfigRequest';
import type { UpdateTopicConfigResponse as _tributary_broker_v1_UpdateTopicConfigResponse, UpdateTopicConfigResponse__Output as _tributary_broker_v1_UpdateTopicConfigResponse__Output } from './tributary/broker/v1/UpdateTopicConfigResponse';
import type { AclEntry as _tributary_coord_v1_AclEntry, AclEntry__Output as _tributary_coord_v1_AclEntry__Output } from './tributary/coord/v1/AclEntry';
import type { AclFilter as _tributary_coord_v1_AclFilter, AclFilter__Output as _tributary_coord_v1_AclFilter__Output } from './tributary/coord/v1/AclFilter';
import type { BrokerInfo as _tributary_coord_v1_BrokerInfo, BrokerInfo__Output as _tributary_coord_v1_BrokerInfo__Output } from './tributary/coord/v1/BrokerInfo';
import type { GroupInfo as _tributary_coord_v1_GroupInfo, GroupInfo__Output as _tributary_coord_v1_GroupInfo__Output } from './tributary/coord/v1/GroupInfo';
import type { GroupMember as _tributary_coord_v1_GroupMember, GroupMember__Output as _tributary_coord_v1_GroupMember__Output } from './tributary/coord/v1/GroupMember';
import type { GroupSummary as _tributary_coord_v1_GroupSummary, GroupSummary__Output as _tributary_coord_v1_GroupSummary__Output } from './tributary/coord/v1/GroupSummary';
import type { PartitionInfo as _tributary_coord_v1_PartitionInfo, PartitionInfo__Output as _tributary_coord_v1_PartitionInfo__Output } from './tributary/coord/v1/PartitionInfo';
import type { PartitionOffset as _tributary_coord_v1_PartitionOffset, PartitionOffset__Output as _tributary_coord_v1_PartitionOffset__Output } from './tributary/coord/v1/PartitionOffset';
import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from './tributary/coord/v1/ResponseHeader';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from './tributary/coord/v1/Stat';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from './tributary/coord/v1/TopicInfo';
import type { TopicPartition as _tributary_coord_v1_TopicPartition, TopicPartition__Output as _tributary_coord_v1_TopicPartition__Output } from './tributary/coord/v1/TopicPartition';
import type { TopicPartitions as _tributary_coord_v1_TopicPartitions, TopicPartitions__Output as _tributary_coord_v1_TopicPartitions__Output } from './tributary/coord/v1/TopicPartitions';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tributary: {
    broker: {
      v1: {
        Acks: EnumTypeDefinition
        AddAclsRequest: MessageTypeDefinition<_tributary_broker_v1_AddAclsRequest, _tributary_broker_v1_AddAclsRequest__Output>
        AddAclsResponse: MessageTypeDefinition<_tributary_broker_v1_AddAclsResponse, _tributary_broker_v1_AddAclsResponse__Output>
        AllocateProducerIdRequest: MessageTypeDefinition<_tributary_broker_v1_AllocateProducerIdRequest, _tributary_broker_v1_AllocateProducerIdRequest__Output>
        AllocateProducerIdResponse: MessageTypeDefinition<_tributary_broker_v1_AllocateProducerIdResponse, _tributary_broker_v1_AllocateProducerIdResponse__Output>
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
        BrokerService: SubtypeConstructor<typeof grpc.Client, _tributary_broker_v1_BrokerServiceClient> & { service: _tributary_broker_v1_BrokerServiceDefinition }
        CommitOffsetsRequest: MessageTypeDefinition<_tributary_broker_v1_CommitOffsetsRequest, _tributary_broker_v1_CommitOffsetsRequest__Output>
        CommitOffsetsResponse: MessageTypeDefinition<_tributary_broker_v1_CommitOffsetsResponse, _tributary_broker_v1_CommitOffsetsResponse__Output>
        Compression: EnumTypeDefinition
        CreatePartitionsRequest: MessageTypeDefinition<_tributary_broker_v1_CreatePartitionsRequest, _tributary_broker_v1_CreatePartitionsRequest__Output>
        CreatePartitionsResponse: MessageTypeDefinition<_tributary_broker_v1_CreatePartitionsResponse, _tributary_broker_v1_CreatePartitionsResponse__Output>
        CreateTopicRequest: MessageTypeDefinition<_tributary_broker_v1_CreateTopicRequest, _tributary_broker_v1_CreateTopicRequest__Output>
        CreateTopicResponse: MessageTypeDefinition<_tributary_broker_v1_CreateTopicResponse, _tributary_broker_v1_CreateTopicResponse__Output>
        DeleteTopicRequest: MessageTypeDefinition<_tributary_broker_v1_DeleteTopicRequest, _tributary_broker_v1_DeleteTopicRequest__Output>
        DeleteTopicResponse: MessageTypeDefinition<_tributary_broker_v1_DeleteTopicResponse, _tributary_broker_v1_DeleteTopicResponse__Output>
        DescribeGroupsRequest: MessageTypeDefinition<_tributary_broker_v1_DescribeGroupsRequest, _tributary_broker_v1_DescribeGroupsRequest__Output>
        DescribeGroupsResponse: MessageTypeDefinition<_tributary_broker_v1_DescribeGroupsResponse, _tributary_broker_v1_DescribeGroupsResponse__Output>
        DescribeTopicsRequest: MessageTypeDefinition<_tributary_broker_v1_DescribeTopicsRequest, _tributary_broker_v1_DescribeTopicsRequest__Output>
        DescribeTopicsResponse: MessageTypeDefinition<_tributary_broker_v1_DescribeTopicsResponse, _tributary_broker_v1_DescribeTopicsResponse__Output>
        EpochEndOffset: MessageTypeDefinition<_tributary_broker_v1_EpochEndOffset, _tributary_broker_v1_EpochEndOffset__Output>
        FetchOffsetsRequest: MessageTypeDefinition<_tributary_broker_v1_FetchOffsetsRequest, _tributary_broker_v1_FetchOffsetsRequest__Output>
        FetchOffsetsResponse: MessageTypeDefinition<_tributary_broker_v1_FetchOffsetsResponse, _tributary_broker_v1_FetchOffsetsResponse__Output>
        FetchRequest: MessageTypeDefinition<_tributary_broker_v1_FetchRequest, _tributary_broker_v1_FetchRequest__Output>
        FetchResponse: MessageTypeDefinition<_tributary_broker_v1_FetchResponse, _tributary_broker_v1_FetchResponse__Output>
        GroupHeartbeatRequest: MessageTypeDefinition<_tributary_broker_v1_GroupHeartbeatRequest, _tributary_broker_v1_GroupHeartbeatRequest__Output>
        GroupHeartbeatResponse: MessageTypeDefinition<_tributary_broker_v1_GroupHeartbeatResponse, _tributary_broker_v1_GroupHeartbeatResponse__Output>
        Header: MessageTypeDefinition<_tributary_broker_v1_Header, _tributary_broker_v1_Header__Output>
        JoinGroupRequest: MessageTypeDefinition<_tributary_broker_v1_JoinGroupRequest, _tributary_broker_v1_JoinGroupRequest__Output>
        JoinGroupResponse: MessageTypeDefinition<_tributary_broker_v1_JoinGroupResponse, _tributary_broker_v1_JoinGroupResponse__Output>
        LeaveGroupRequest: MessageTypeDefinition<_tributary_broker_v1_LeaveGroupRequest, _tributary_broker_v1_LeaveGroupRequest__Output>
        LeaveGroupResponse: MessageTypeDefinition<_tributary_broker_v1_LeaveGroupResponse, _tributary_broker_v1_LeaveGroupResponse__Output>
        ListAclsRequest: MessageTypeDefinition<_tributary_broker_v1_ListAclsRequest, _tributary_broker_v1_ListAclsRequest__Output>
        ListAclsResponse: MessageTypeDefinition<_tributary_broker_v1_ListAclsResponse, _tributary_broker_v1_ListAclsResponse__Output>
        ListGroupsRequest: MessageTypeDefinition<_tributary_broker_v1_ListGroupsRequest, _tributary_broker_v1_ListGroupsRequest__Output>
        ListGroupsResponse: MessageTypeDefinition<_tributary_broker_v1_ListGroupsResponse, _tributary_broker_v1_ListGroupsResponse__Output>
        ListOffsetsRequest: MessageTypeDefinition<_tributary_broker_v1_ListOffsetsRequest, _tributary_broker_v1_ListOffsetsRequest__Output>
        ListOffsetsResponse: MessageTypeDefinition<_tributary_broker_v1_ListOffsetsResponse, _tributary_broker_v1_ListOffsetsResponse__Output>
        MetadataRequest: MessageTypeDefinition<_tributary_broker_v1_MetadataRequest, _tributary_broker_v1_MetadataRequest__Output>
        MetadataResponse: MessageTypeDefinition<_tributary_broker_v1_MetadataResponse, _tributary_broker_v1_MetadataResponse__Output>
        OffsetForLeaderEpochRequest: MessageTypeDefinition<_tributary_broker_v1_OffsetForLeaderEpochRequest, _tributary_broker_v1_OffsetForLeaderEpochRequest__Output>
        OffsetForLeaderEpochResponse: MessageTypeDefinition<_tributary_broker_v1_OffsetForLeaderEpochResponse, _tributary_broker_v1_OffsetForLeaderEpochResponse__Output>
        OffsetSpec: EnumTypeDefinition
        PartitionReassignment: MessageTypeDefinition<_tributary_broker_v1_PartitionReassignment, _tributary_broker_v1_PartitionReassignment__Output>
        ProduceRequest: MessageTypeDefinition<_tributary_broker_v1_ProduceRequest, _tributary_broker_v1_ProduceRequest__Output>
        ProduceResponse: MessageTypeDefinition<_tributary_broker_v1_ProduceResponse, _tributary_broker_v1_ProduceResponse__Output>
        ProduceStreamRequest: MessageTypeDefinition<_tributary_broker_v1_ProduceStreamRequest, _tributary_broker_v1_ProduceStreamRequest__Output>
        ProduceStreamResponse: MessageTypeDefinition<_tributary_broker_v1_ProduceStreamResponse, _tributary_broker_v1_ProduceStreamResponse__Output>
        ReassignPartitionsRequest: MessageTypeDefinition<_tributary_broker_v1_ReassignPartitionsRequest, _tributary_broker_v1_ReassignPartitionsRequest__Output>
        ReassignPartitionsResponse: MessageTypeDefinition<_tributary_broker_v1_ReassignPartitionsResponse, _tributary_broker_v1_ReassignPartitionsResponse__Output>
        Record: MessageTypeDefinition<_tributary_broker_v1_Record, _tributary_broker_v1_Record__Output>
        RecordBatch: MessageTypeDefinition<_tributary_broker_v1_RecordBatch, _tributary_broker_v1_RecordBatch__Output>
        RecordSet: MessageTypeDefinition<_tributary_broker_v1_RecordSet, _tributary_broker_v1_RecordSet__Output>
        RemoveAclsRequest: MessageTypeDefinition<_tributary_broker_v1_RemoveAclsRequest, _tributary_broker_v1_RemoveAclsRequest__Output>
        RemoveAclsResponse: MessageTypeDefinition<_tributary_broker_v1_RemoveAclsResponse, _tributary_broker_v1_RemoveAclsResponse__Output>
        ReplicaFetchPartition: MessageTypeDefinition<_tributary_broker_v1_ReplicaFetchPartition, _tributary_broker_v1_ReplicaFetchPartition__Output>
        ReplicaFetchPartitionResult: MessageTypeDefinition<_tributary_broker_v1_ReplicaFetchPartitionResult, _tributary_broker_v1_ReplicaFetchPartitionResult__Output>
        ReplicaFetchRequest: MessageTypeDefinition<_tributary_broker_v1_ReplicaFetchRequest, _tributary_broker_v1_ReplicaFetchRequest__Output>
        ReplicaFetchResponse: MessageTypeDefinition<_tributary_broker_v1_ReplicaFetchResponse, _tributary_broker_v1_ReplicaFetchResponse__Output>
        /**
         * Internal replication service on every broker. Callers must authenticate as cluster brokers
         * (PERMISSION_DENIED otherwise).
         * 
         * Errors any RPC may return: UNAUTHENTICATED; PERMISSION_DENIED; RESOURCE_EXHAUSTED (message
         * over `--max-message-bytes`); UNAVAILABLE (broker shutting down; RetryInfo attached).
         */
        ReplicationService: SubtypeConstructor<typeof grpc.Client, _tributary_broker_v1_ReplicationServiceClient> & { service: _tributary_broker_v1_ReplicationServiceDefinition }
        SubscribeRequest: MessageTypeDefinition<_tributary_broker_v1_SubscribeRequest, _tributary_broker_v1_SubscribeRequest__Output>
        SubscribeResponse: MessageTypeDefinition<_tributary_broker_v1_SubscribeResponse, _tributary_broker_v1_SubscribeResponse__Output>
        UpdateTopicConfigRequest: MessageTypeDefinition<_tributary_broker_v1_UpdateTopicConfigRequest, _tributary_broker_v1_UpdateTopicConfigRequest__Output>
        UpdateTopicConfigResponse: MessageTypeDefinition<_tributary_broker_v1_UpdateTopicConfigResponse, _tributary_broker_v1_UpdateTopicConfigResponse__Output>
      }
    }
    coord: {
      v1: {
        AclEntry: MessageTypeDefinition<_tributary_coord_v1_AclEntry, _tributary_coord_v1_AclEntry__Output>
        AclFilter: MessageTypeDefinition<_tributary_coord_v1_AclFilter, _tributary_coord_v1_AclFilter__Output>
        AclOperation: EnumTypeDefinition
        AclPatternType: EnumTypeDefinition
        AclPermission: EnumTypeDefinition
        AclResourceType: EnumTypeDefinition
        BrokerInfo: MessageTypeDefinition<_tributary_coord_v1_BrokerInfo, _tributary_coord_v1_BrokerInfo__Output>
        Consistency: EnumTypeDefinition
        GroupInfo: MessageTypeDefinition<_tributary_coord_v1_GroupInfo, _tributary_coord_v1_GroupInfo__Output>
        GroupMember: MessageTypeDefinition<_tributary_coord_v1_GroupMember, _tributary_coord_v1_GroupMember__Output>
        GroupState: EnumTypeDefinition
        GroupSummary: MessageTypeDefinition<_tributary_coord_v1_GroupSummary, _tributary_coord_v1_GroupSummary__Output>
        PartitionInfo: MessageTypeDefinition<_tributary_coord_v1_PartitionInfo, _tributary_coord_v1_PartitionInfo__Output>
        PartitionOffset: MessageTypeDefinition<_tributary_coord_v1_PartitionOffset, _tributary_coord_v1_PartitionOffset__Output>
        ResponseHeader: MessageTypeDefinition<_tributary_coord_v1_ResponseHeader, _tributary_coord_v1_ResponseHeader__Output>
        Stat: MessageTypeDefinition<_tributary_coord_v1_Stat, _tributary_coord_v1_Stat__Output>
        TopicInfo: MessageTypeDefinition<_tributary_coord_v1_TopicInfo, _tributary_coord_v1_TopicInfo__Output>
        TopicPartition: MessageTypeDefinition<_tributary_coord_v1_TopicPartition, _tributary_coord_v1_TopicPartition__Output>
        TopicPartitions: MessageTypeDefinition<_tributary_coord_v1_TopicPartitions, _tributary_coord_v1_TopicPartitions__Output>
      }
    }
  }
}

