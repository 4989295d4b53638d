// Public surface of @tributary/coord-state: the pure replicated state machine of the
// coordination service (node tree, revisions, sessions, locks, txns, watch history).

export { AssertionError } from './assert';
export { ALL_REASONS, type CoordError, type Reason, type Result } from './errors';
export type * from './commands';
export type { Stat } from './node-tree';
export type { SessionInfo } from './sessions';
export type { LockGrant, LockHolder } from './locks';
export {
  BROKERS_ROOT,
  TOPICS_ROOT,
  type BrokerRecord,
  type PartitionRecord,
  type TopicRecord,
  decodeRecord,
} from './metadata/records';
export type { TopicView } from './metadata/metadata-ops';
export {
  ACL_OPERATIONS,
  ACL_PATTERN_TYPES,
  ACL_PERMISSIONS,
  ACL_PRINCIPAL_BYTES_MAX,
  ACL_RESOURCE_TYPES,
  ANY_NAME,
  ANY_PRINCIPAL,
  CLUSTER_RESOURCE_NAME,
  type AclEntry,
  type AclFilter,
  type AclOperation,
  type AclPatternType,
  type AclPermission,
  type AclRequestOperation,
  type AclResourceType,
  aclKey,
  aclMatchesFilter,
  describeAclResource,
  formatAcl,
  validateAcl,
  validateAclFilter,
} from './acls/acl-entry';
export { type AclDecision, type AclRequest, aclCovers, authorize } from './acls/authorize';
export { ACLS_MAX, ACLS_ROOT, ACL_ENTRIES_PER_COMMAND_MAX } from './acls/acl-store';
export { SESSION_OWNERS_ROOT, sessionOwnerPath } from './session-owners';
export { topicConfig } from './metadata/topic-config';
export { checkName } from './metadata/names';
export type {
  GroupMember,
  GroupRecord,
  GroupOffsets,
  CommittedOffset,
  MemberAssignment,
} from './metadata/groups';
export { isSettled } from './metadata/groups';
export type { WatchEvent, WatchEventType, WatchFilter, EventsPage } from './watch-history';
export { type CoordOptions, DEFAULT_OPTIONS } from './options';
export {
  type CoordSnapshot,
  type NodeRecord,
  type SessionRecord,
  type LockRecord,
  SNAPSHOT_FORMAT,
} from './snapshot';
export {
  type Crc32c,
  type SnapshotDecodeError,
  type SnapshotDecodeErrorCode,
  type SnapshotDecodeResult,
  type SnapshotEncodeOptions,
  type SnapshotImageChunks,
  SNAPSHOT_FRAME_BODY_BYTES_MAX,
  SNAPSHOT_IMAGE_MAGIC,
  SNAPSHOT_IMAGE_VERSION,
  decodeSnapshot,
  encodeSnapshot,
  encodeSnapshotIncrementally,
  isSnapshotImage,
} from './snapshot-image';
export {
  CoordStateMachine,
  aclsOf,
  type ApplyOutput,
  type NodeValue,
  type ChildrenValue,
  EXPIRE_SESSIONS_MAX,
  EVENTS_PAGE_MAX,
} from './state-machine';
export { TXN_OPS_MAX } from './txn';
export {
  DATA_BYTES_MAX,
  PATH_BYTES_MAX,
  RESERVED_ROOT,
  LOCKS_ROOT,
  checkPath,
  isReserved,
} from './paths';
export { DeadlineTracker, SessionTracker } from './session-tracker';
export { CODEC_VERSION, decodeCommand, encodeCommand } from './command-codec';
