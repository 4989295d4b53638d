import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

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
import type { ConfChange as _tributary_raft_v1_ConfChange, ConfChange__Output as _tributary_raft_v1_ConfChange__Output } from './tributary/raft/v1/ConfChange';
import type { ConfState as _tributary_raft_v1_ConfState, ConfState__Output as _tributary_raft_v1_ConfState__Output } from './tributary/raft/v1/ConfState';
import type { Entry as _tributary_raft_v1_Entry, Entry__Output as _tributary_raft_v1_Entry__Output } from './tributary/raft/v1/Entry';
import type { InstallSnapshotRequest as _tributary_raft_v1_InstallSnapshotRequest, InstallSnapshotRequest__Output as _tributary_raft_v1_InstallSnapshotRequest__Output } from './tributary/raft/v1/InstallSnapshotRequest';
import type { InstallSnapshotResponse as _tributary_raft_v1_InstallSnapshotResponse, InstallSnapshotResponse__Output as _tributary_raft_v1_InstallSnapshotResponse__Output } from './tributary/raft/v1/InstallSnapshotResponse';
import type { Message as _tributary_raft_v1_Message, Message__Output as _tributary_raft_v1_Message__Output } from './tributary/raft/v1/Message';
import type { MessageBatch as _tributary_raft_v1_MessageBatch, MessageBatch__Output as _tributary_raft_v1_MessageBatch__Output } from './tributary/raft/v1/MessageBatch';
import type { RaftServiceClient as _tributary_raft_v1_RaftServiceClient, RaftServiceDefinition as _tributary_raft_v1_RaftServiceDefinition } from './tributary/raft/v1/RaftService';
import type { SendRequest as _tributary_raft_v1_SendRequest, SendRequest__Output as _tributary_raft_v1_SendRequest__Output } from './tributary/raft/v1/SendRequest';
import type { SendResponse as _tributary_raft_v1_SendResponse, SendResponse__Output as _tributary_raft_v1_SendResponse__Output } from './tributary/raft/v1/SendResponse';
import type { SnapshotMetadata as _tributary_raft_v1_SnapshotMetadata, SnapshotMetadata__Output as _tributary_raft_v1_SnapshotMetadata__Output } from './tributary/raft/v1/SnapshotMetadata';

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
    raft: {
      v1: {
        ConfChange: MessageTypeDefinition<_tributary_raft_v1_ConfChange, _tributary_raft_v1_ConfChange__Output>
        ConfChangeType: EnumTypeDefinition
        ConfState: MessageTypeDefinition<_tributary_raft_v1_ConfState, _tributary_raft_v1_ConfState__Output>
        Entry: MessageTypeDefinition<_tributary_raft_v1_Entry, _tributary_raft_v1_Entry__Output>
        EntryType: EnumTypeDefinition
        InstallSnapshotRequest: MessageTypeDefinition<_tributary_raft_v1_InstallSnapshotRequest, _tributary_raft_v1_InstallSnapshotRequest__Output>
        InstallSnapshotResponse: MessageTypeDefinition<_tributary_raft_v1_InstallSnapshotResponse, _tributary_raft_v1_InstallSnapshotResponse__Output>
        Message: MessageTypeDefinition<_tributary_raft_v1_Message, _tributary_raft_v1_Message__Output>
        MessageBatch: MessageTypeDefinition<_tributary_raft_v1_MessageBatch, _tributary_raft_v1_MessageBatch__Output>
        MessageType: EnumTypeDefinition
        /**
         * Peer-to-peer Raft transport, on the coordinators' single gRPC port. Callers must
         * authenticate as cluster members (UNAUTHENTICATED / PERMISSION_DENIED otherwise).
         */
        RaftService: SubtypeConstructor<typeof grpc.Client, _tributary_raft_v1_RaftServiceClient> & { service: _tributary_raft_v1_RaftServiceDefinition }
        SendRequest: MessageTypeDefinition<_tributary_raft_v1_SendRequest, _tributary_raft_v1_SendRequest__Output>
        SendResponse: MessageTypeDefinition<_tributary_raft_v1_SendResponse, _tributary_raft_v1_SendResponse__Output>
        SnapshotMetadata: MessageTypeDefinition<_tributary_raft_v1_SnapshotMetadata, _tributary_raft_v1_SnapshotMetadata__Output>
      }
    }
  }
}

