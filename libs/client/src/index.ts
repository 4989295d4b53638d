/**
 * @tributary/client: the TypeScript SDK. This file is its only public surface.
 * Coordination (DESIGN §3): `CoordinationClient`, sessions, locks, watches, transactions.
 */
export {
  CoordinationClient,
  type ClusterMember,
  type ClusterStatus,
  type CoordinationClientOptions,
  type OpenSessionOptions,
} from './coordination-client';
export type { Mode } from './connection';
export { channelCredentials, type SecureOptions, type TlsOptions } from './tls';
export { Session, type SessionState } from './session';
export { Lock, type LockOptions } from './lock';
// Recipes on the node tree: leader election, configuration, service discovery.
export { Election, type CampaignOptions, type ElectionOptions, type Leader } from './election';
export { ConfigMap, type ConfigChange, type ConfigEntry } from './config-map';
export {
  Registration,
  ServiceRegistry,
  ServiceWatch,
  type RegisterOptions,
  type ServiceInstance,
} from './service-registry';
export { Watch, type ReconnectInfo, type WatchOptions } from './watch';
export {
  Cmp,
  Op,
  TxnBuilder,
  type Compare,
  type CompareOp,
  type TxnOp,
  type TxnOpResult,
  type TxnResult,
  type TxnSpec,
} from './txn';
export { CLIENT_REASONS, codeName, CoordinationError, type ClientReason } from './errors';
export { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { systemClock, systemRandom, type Clock, type Random, type TimerHandle } from './clock';
export type {
  Consistency,
  CreateOptions,
  CreateResult,
  Data,
  DeleteOptions,
  DeleteResult,
  EventType,
  GetOptions,
  GetResult,
  Header,
  ListOptions,
  ListResult,
  SessionRef,
  SetOptions,
  SetResult,
  Stat,
  WatchEvent,
} from './types';

// Brokers (DESIGN §5): producing, consuming and topic administration from bootstrap addresses.
export {
  Producer,
  type Acks,
  type Bytes,
  type CompressionName,
  type ProduceRecord,
  type ProducerOptions,
  type RecordMetadata,
  type SendCallback,
} from './producer';
export { murmur2, partitionForKey } from './producer-partitioner';
export {
  Consumer,
  type Assignor,
  type CloseOptions,
  type ConsumerOptions,
  type ConsumerLag,
  type ConsumerRecord,
  type RunOptions,
  type StartOffset,
  type SubscribeOptions,
  type TopicPartition,
  type TopicPartitionOffset,
} from './consumer';
export { DEFAULT_RETRY, DLQ_HEADERS, type RetryPolicy } from './consumer-retry';
export {
  Admin,
  type AdminOptions,
  type BrokerDescription,
  type ClusterDescription,
  type NewTopic,
  type PartitionDescription,
  type PartitionOffsets,
  type PartitionReassignment,
  type TopicConfigChange,
  type TopicDescription,
} from './admin';
export type {
  AclEntry,
  AclFilter,
  AclOperation,
  AclPatternType,
  AclPermission,
  AclResourceType,
} from '@tributary/coord-state';
export type {
  GroupDescription,
  GroupMemberDescription,
  GroupState,
  GroupSummary,
  PartitionLag,
} from './admin-groups';
