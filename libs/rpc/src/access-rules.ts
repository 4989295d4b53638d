/**
 * What every RPC demands (see authorization.ts), after Kafka's and ZooKeeper's choices:
 *
 * - node tree: `path` resources — Get/List/Watch read, Create create, Set write, Delete delete;
 *   a lock is a write on its name; a transaction demands what each of its parts does;
 * - topics: Produce write; Fetch/Subscribe read; Metadata/ListOffsets/DescribeTopics describe;
 *   CreateTopic create; DeleteTopic delete; CreatePartitions/UpdateTopicConfig alter;
 * - groups: Join/Heartbeat/Leave read the group; CommitOffsets reads the group and the topics;
 *   FetchOffsets/DescribeGroups describe;
 * - the cluster: Status/ListBrokers/ListTopics/ListGroups/ListAcls/WatchMetadata describe;
 *   membership, leadership transfer, reassignment and ACL changes alter.
 *
 * Opening a session and taking a producer id need only an authenticated caller: they grant
 * nothing by themselves. Acting for a session (keep-alive, close, its ephemeral nodes and
 * locks) is for the principal that opened it alone (`session` demands).
 */
import { CLUSTER, type Demand, type Operation, type Rules } from './authorization';

const on =
  (resourceType: Demand['resourceType']) =>
  (name: string, operation: Operation): Demand => ({ resourceType, name, operation });
const path = on('path');
const topic = on('topic');
const group = on('group');
const cluster = (operation: Operation) => on('cluster')(CLUSTER, operation);

/** A request naming a session acts for it: only its owner may (nothing for session id 0). */
export function sessionDemands(sessionId: number | string): Demand[] {
  return Number(sessionId) > 0
    ? [{ resourceType: 'session', name: String(sessionId), operation: 'write' }]
    : [];
}

interface Named {
  name: string;
}
interface Path {
  path: string;
}
interface Create extends Path {
  session_id?: number | string;
}
interface Group {
  group: string;
}
interface TopicRef {
  topic: string;
}

/** The node-tree operations, alone or inside a Txn or an Execute stream. */
export interface TreeOp {
  create?: Create | null;
  get?: Path | null;
  set?: Path | null;
  delete?: Path | null;
  list?: Path | null;
}

export function treeOpDemands(op: TreeOp): Demand[] {
  if (op.create)
    return [path(op.create.path, 'create'), ...sessionDemands(op.create.session_id ?? 0)];
  if (op.get) return [path(op.get.path, 'read')];
  if (op.set) return [path(op.set.path, 'write')];
  if (op.delete) return [path(op.delete.path, 'delete')];
  if (op.list) return [path(op.list.path, 'read')];
  return [];
}

function txnDemands(r: { compares: Path[]; success: TreeOp[]; failure: TreeOp[] }): Demand[] {
  return [
    ...r.compares.map((c) => path(c.path, 'read')),
    ...r.success.flatMap(treeOpDemands),
    ...r.failure.flatMap(treeOpDemands),
  ];
}

interface SessionLock extends Named {
  session_id: number | string;
}
function lockDemands(r: SessionLock): Demand[] {
  return [path(r.name, 'write'), ...sessionDemands(r.session_id)];
}

/** One message of an Execute stream. */
export function executeDemands(
  r: TreeOp & {
    txn?: Parameters<typeof txnDemands>[0] | null;
    lock?: SessionLock | null;
    unlock?: { key: string } | null;
    close_session?: { session_id: number | string } | null;
  },
): Demand[] {
  if (r.txn) return txnDemands(r.txn);
  if (r.lock) return lockDemands(r.lock);
  if (r.close_session) return sessionDemands(r.close_session.session_id);
  if (r.unlock) return [path(r.unlock.key, 'write')];
  return treeOpDemands(r);
}

/** One request of a ProduceStream (or a Produce). */
export const produceDemands = (r: TopicRef): Demand[] => [topic(r.topic, 'write')];

export const COORDINATION_RULES: Rules = {
  OpenSession: 'authenticated',
  KeepAlive: 'per-message',
  CloseSession: (r: { session_id: number | string }) => sessionDemands(r.session_id),
  Create: (r: Create) => treeOpDemands({ create: r }),
  Get: (r: Path) => [path(r.path, 'read')],
  Set: (r: Path) => [path(r.path, 'write')],
  Delete: (r: Path) => [path(r.path, 'delete')],
  List: (r: Path) => [path(r.path, 'read')],
  Txn: txnDemands,
  Watch: (r: Path) => [path(r.path, 'read')],
  Execute: 'per-message',
  Lock: lockDemands,
  Unlock: (r: { key: string }) => [path(r.key, 'write')],
};

export const CLUSTER_RULES: Rules = {
  Status: () => [cluster('describe')],
  AddMember: () => [cluster('alter')],
  RemoveMember: () => [cluster('alter')],
  TransferLeadership: () => [cluster('alter')],
};

/** The admin and group calls, the same on MetadataService and passed through by brokers. */
const ADMIN_RULES: Rules = {
  CreateTopic: (r: Named) => [topic(r.name, 'create')],
  DeleteTopic: (r: Named) => [topic(r.name, 'delete')],
  DescribeTopics: (r: { names: string[] }) =>
    r.names.length === 0 ? [cluster('describe')] : r.names.map((n) => topic(n, 'describe')),
  UpdateTopicConfig: (r: Named) => [topic(r.name, 'alter')],
  CreatePartitions: (r: Named) => [topic(r.name, 'alter')],
  ReassignPartitions: () => [cluster('alter')],
  AllocateProducerId: 'authenticated',
  JoinGroup: (r: Group & { topics: string[] }) => [
    group(r.group, 'read'),
    ...r.topics.map((t) => topic(t, 'describe')),
  ],
  GroupHeartbeat: (r: Group) => [group(r.group, 'read')],
  LeaveGroup: (r: Group) => [group(r.group, 'read')],
  CommitOffsets: (r: Group & { offsets: TopicRef[] }) => [
    group(r.group, 'read'),
    ...distinctTopics(r.offsets).map((t) => topic(t, 'read')),
  ],
  FetchOffsets: (r: Group & { partitions: TopicRef[] }) => [
    group(r.group, 'describe'),
    ...distinctTopics(r.partitions).map((t) => topic(t, 'describe')),
  ],
  ListGroups: () => [cluster('describe')],
  DescribeGroups: (r: { groups: string[] }) => r.groups.map((g) => group(g, 'describe')),
  AddAcls: () => [cluster('alter')],
  RemoveAcls: () => [cluster('alter')],
  ListAcls: () => [cluster('describe')],
};

export const METADATA_RULES: Rules = {
  ...ADMIN_RULES,
  RegisterBroker: 'peer-only',
  AlterIsr: 'peer-only',
  ListBrokers: () => [cluster('describe')],
  ListTopics: () => [cluster('describe')],
  WatchMetadata: () => [cluster('describe')],
};

export const BROKER_RULES: Rules = {
  ...ADMIN_RULES,
  Metadata: (r: { topics: string[] }) =>
    r.topics.length === 0 ? [cluster('describe')] : r.topics.map((t) => topic(t, 'describe')),
  Produce: produceDemands,
  ProduceStream: 'per-message',
  Fetch: (r: TopicRef) => [topic(r.topic, 'read')],
  Subscribe: (r: TopicRef) => [topic(r.topic, 'read')],
  ListOffsets: (r: TopicRef) => [topic(r.topic, 'describe')],
};

function distinctTopics(refs: readonly TopicRef[]): string[] {
  return [...new Set(refs.map((r) => r.topic))];
}
