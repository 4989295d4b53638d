// The replicated commands and what applying them returns. Commands are plain objects, a
// discriminated union on `op`, so the shell can build them from protobuf requests and
// `encodeCommand` can put them in Raft entries. Byte arrays handed to `apply` become owned by
// the state machine: the caller must not mutate them afterwards.

import type { AclEntry, AclFilter } from './acls/acl-entry';
import type {
  AlterIsrArgs,
  CreateTopicArgs,
  Reassignment,
  RegisterBrokerArgs,
  TopicView,
} from './metadata/metadata-ops';
import type {
  CommitOffsetsArgs,
  GroupHeartbeatArgs,
  JoinGroupArgs,
  MemberAssignment,
} from './metadata/groups';
import type { PartitionRecord } from './metadata/records';
import type { Stat } from './node-tree';

export interface CreateRequest {
  path: string;
  data: Uint8Array;
  /** Deleted when the owning session ends; `sessionId` must name a live session. */
  ephemeral: boolean;
  /** Appends the parent's cversion, 10-digit zero-padded, to `path` ("/q/job-" → "/q/job-0000000042"). */
  sequential: boolean;
  /** Owner of an ephemeral node (required, >= 1); ignored for persistent nodes. */
  sessionId: number;
}

export interface SetRequest {
  path: string;
  data: Uint8Array;
  /** The node's `version` the write expects, or -1 for any. */
  expectedVersion: number;
}

export interface DeleteRequest {
  path: string;
  /** The node's `version` the delete expects, or -1 for any (checked on `path` only). */
  expectedVersion: number;
  /** Delete the whole subtree; otherwise a node with children is NOT_EMPTY. */
  recursive: boolean;
}

export interface GetRequest {
  path: string;
}

export interface ListRequest {
  path: string;
}

export type CompareOp = '=' | '!=' | '<' | '>';

/**
 * etcd-style compare. On a node that does not exist only `exists` can hold: every other target
 * compares false, whatever the operator.
 */
export type Compare =
  | {
      path: string;
      target: 'version' | 'cversion' | 'createRevision' | 'modRevision';
      op: CompareOp;
      value: number;
    }
  | { path: string; target: 'exists'; op: CompareOp; value: boolean }
  | { path: string; target: 'data'; op: CompareOp; value: Uint8Array };

export type CompareTarget = Compare['target'];

export type TxnOp =
  | ({ op: 'create' } & CreateRequest)
  | ({ op: 'set' } & SetRequest)
  | ({ op: 'delete' } & DeleteRequest)
  | ({ op: 'get' } & GetRequest)
  | ({ op: 'list' } & ListRequest);

export interface TxnRequest {
  compares: Compare[];
  /** Run, in order, when every compare holds. */
  success: TxnOp[];
  /** Run, in order, otherwise. */
  failure: TxnOp[];
}

/** Set by the shell for its own writes under `/tributary`; plain clients never set it. */
interface Internal {
  internal?: boolean;
}

export type CreateCommand = { op: 'create' } & CreateRequest & Internal;
export type SetCommand = { op: 'set' } & SetRequest & Internal;
export type DeleteCommand = { op: 'delete' } & DeleteRequest & Internal;
export type TxnCommand = { op: 'txn' } & TxnRequest & Internal;
/**
 * The session id is the Raft index of the entry, so every replica agrees on it and it is never
 * reused. `ttlMs` 0 asks for the default TTL; others are clamped to the configured bounds.
 */
export type OpenSessionCommand = { op: 'open-session'; ttlMs: number };
export type CloseSessionCommand = { op: 'close-session'; sessionId: number };
/** Proposed by the leader's SessionTracker; unknown (already ended) ids are skipped. */
export type ExpireSessionsCommand = { op: 'expire-sessions'; sessionIds: number[] };
/** `name` is the path of the lock node; it is created, persistent, if missing. */
export type LockCommand = { op: 'lock'; name: string; sessionId: number } & Internal;
/** Releases a held lock or withdraws a waiter. */
export type UnlockCommand = { op: 'unlock'; key: string } & Internal;

// Cluster metadata (DESIGN §4), one entry each; see metadata/metadata-ops.ts.
export type RegisterBrokerCommand = { op: 'register-broker' } & RegisterBrokerArgs;
export type CreateTopicCommand = { op: 'create-topic' } & CreateTopicArgs;
export type DeleteTopicCommand = { op: 'delete-topic'; name: string };
/** Grows a topic to `count` partitions. */
export type CreatePartitionsCommand = { op: 'create-partitions'; name: string; count: number };
export type UpdateTopicConfigCommand = {
  op: 'update-topic-config';
  name: string;
  set: Record<string, string>;
  delete: string[];
};
export type AlterIsrCommand = { op: 'alter-isr' } & AlterIsrArgs;
export type AllocateProducerIdCommand = { op: 'allocate-producer-id' };
export type ReassignPartitionsCommand = {
  op: 'reassign-partitions';
  reassignments: Reassignment[];
  /** Plan and check only: the moves are returned, nothing changes. */
  validateOnly?: boolean;
  /** Bytes/s each new replica copies at most until its move completes; 0 or absent: no limit. */
  throttleBytesPerSec?: number;
};

// Access control entries (acls/acl-store.ts).
/** Adds the entries not stored yet: an identical entry already stored is a no-op. */
export type AddAclsCommand = { op: 'add-acls'; entries: AclEntry[] };
/** Removes every entry matching any filter (an unset field matches anything). */
export type RemoveAclsCommand = { op: 'remove-acls'; filters: AclFilter[] };
/** open-session with its owner on record (session-owners.ts): what an authenticating cluster sends. */
export type OpenOwnedSessionCommand = { op: 'open-owned-session'; ttlMs: number; owner: string };

// Consumer groups (metadata/groups.ts).
export type JoinGroupCommand = { op: 'join-group' } & JoinGroupArgs;
export type GroupHeartbeatCommand = { op: 'group-heartbeat' } & GroupHeartbeatArgs;
export type LeaveGroupCommand = { op: 'leave-group'; group: string; memberId: string };
/** Proposed by the leader for members whose heartbeats stopped; unknown ids are skipped. */
export type ExpireGroupMembersCommand = {
  op: 'expire-group-members';
  group: string;
  memberIds: string[];
};
export type CommitOffsetsCommand = { op: 'commit-offsets' } & CommitOffsetsArgs;

export type MetadataCommand =
  | JoinGroupCommand
  | GroupHeartbeatCommand
  | LeaveGroupCommand
  | ExpireGroupMembersCommand
  | CommitOffsetsCommand
  | RegisterBrokerCommand
  | CreateTopicCommand
  | DeleteTopicCommand
  | CreatePartitionsCommand
  | UpdateTopicConfigCommand
  | AlterIsrCommand
  | AllocateProducerIdCommand
  | ReassignPartitionsCommand
  | AddAclsCommand
  | RemoveAclsCommand
  | OpenOwnedSessionCommand;

export type Command =
  | MetadataCommand
  | CreateCommand
  | SetCommand
  | DeleteCommand
  | TxnCommand
  | OpenSessionCommand
  | CloseSessionCommand
  | ExpireSessionsCommand
  | LockCommand
  | UnlockCommand;

export type CommandOp = Command['op'];

export interface CreateValue {
  op: 'create';
  /** The created path (with its sequence suffix when sequential). */
  path: string;
  stat: Stat;
}
export interface SetValue {
  op: 'set';
  stat: Stat;
}
export interface DeleteValue {
  op: 'delete';
  /** Number of nodes deleted (> 1 for a recursive delete of a subtree). */
  deleted: number;
}
export interface GetValue {
  op: 'get';
  data: Uint8Array;
  stat: Stat;
}
export interface ListValue {
  op: 'list';
  /** Child names (last segments), sorted by byte order. */
  children: string[];
  stat: Stat;
}
export type TxnOpResult = CreateValue | SetValue | DeleteValue | GetValue | ListValue;
export interface TxnValue {
  op: 'txn';
  succeeded: boolean;
  /** One result per op of the branch that ran. */
  results: TxnOpResult[];
}
export interface OpenSessionValue {
  op: 'open-session';
  sessionId: number;
  /** The granted TTL: the request clamped to [sessionTtlMsMin, sessionTtlMsMax]. */
  ttlMs: number;
}
export interface OpenOwnedSessionValue extends Omit<OpenSessionValue, 'op'> {
  op: 'open-owned-session';
}
export interface CloseSessionValue {
  op: 'close-session';
  sessionId: number;
}
export interface ExpireSessionsValue {
  op: 'expire-sessions';
  /** The ids that were live and have now ended, ascending. */
  expired: number[];
}
export interface LockValue {
  op: 'lock';
  key: string;
  /** True when this key holds the lock now; else it waits for a grant in ApplyOutput.lockGrants. */
  acquired: boolean;
  /** The key's create revision: strictly increasing per lock name in acquisition order. */
  fencingToken: number;
}
export interface UnlockValue {
  op: 'unlock';
  key: string;
}

export interface RegisterBrokerValue {
  op: 'register-broker';
  brokerEpoch: number;
}
export interface CreateTopicValue {
  op: 'create-topic';
  topic: TopicView;
}
export interface DeleteTopicValue {
  op: 'delete-topic';
}
export interface CreatePartitionsValue {
  op: 'create-partitions';
  topic: TopicView;
}
export interface UpdateTopicConfigValue {
  op: 'update-topic-config';
  configs: Record<string, string>;
}
export interface AlterIsrValue {
  op: 'alter-isr';
  partition: PartitionRecord;
}
export interface AllocateProducerIdValue {
  op: 'allocate-producer-id';
  producerId: number;
}
export interface ReassignPartitionsValue {
  op: 'reassign-partitions';
  /** The moves started (partitions whose replicas change). */
  reassignments: Reassignment[];
}

export interface AddAclsValue {
  op: 'add-acls';
  /** How many of the entries were new (the others were stored already). */
  added: number;
}
export interface RemoveAclsValue {
  op: 'remove-acls';
  /** The entries removed, in the order they were added. */
  removed: AclEntry[];
}

export interface JoinGroupValue extends MemberAssignment {
  op: 'join-group';
}
export interface GroupHeartbeatValue extends MemberAssignment {
  op: 'group-heartbeat';
}
export interface LeaveGroupValue {
  op: 'leave-group';
  group: string;
  memberId: string;
}
export interface ExpireGroupMembersValue {
  op: 'expire-group-members';
  group: string;
  removed: string[];
}
export interface CommitOffsetsValue {
  op: 'commit-offsets';
}

export type CommandValue =
  | JoinGroupValue
  | GroupHeartbeatValue
  | LeaveGroupValue
  | ExpireGroupMembersValue
  | CommitOffsetsValue
  | RegisterBrokerValue
  | CreateTopicValue
  | DeleteTopicValue
  | CreatePartitionsValue
  | UpdateTopicConfigValue
  | AlterIsrValue
  | AllocateProducerIdValue
  | ReassignPartitionsValue
  | AddAclsValue
  | RemoveAclsValue
  | CreateValue
  | SetValue
  | DeleteValue
  | TxnValue
  | OpenSessionValue
  | OpenOwnedSessionValue
  | CloseSessionValue
  | ExpireSessionsValue
  | LockValue
  | UnlockValue;

/** The value type `apply` returns for a command type, e.g. `ValueOf<LockCommand>` = LockValue. */
export type ValueOf<C extends Command> = Extract<CommandValue, { op: C['op'] }>;
