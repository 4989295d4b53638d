/** Public value types of the coordination SDK (camelCase views of tributary.coord.v1). */
import type { WireHeader, WireStat, WireWatchEvent } from './wire';

/** Node data: bytes, or a string sent as UTF-8. */
export type Data = string | Uint8Array;

/** Who answered, at which state (ResponseHeader). */
export interface Header {
  clusterId: string;
  nodeId: number;
  term: number;
  /** Cluster revision of the state the answer reflects. */
  revision: number;
}

/** Metadata of one node (Stat, DESIGN §3). */
export interface Stat {
  /** Data changes since creation; 0 right after Create. */
  version: number;
  /** Changes to the set of children. */
  cversion: number;
  createRevision: number;
  modRevision: number;
  /** Owning session id; 0 for a persistent node. */
  ephemeralOwner: number;
  numChildren: number;
  dataLength: number;
}

export type Consistency = 'linearizable' | 'serializable';

/** Anything that names a session: a `Session`, or a bare id. */
export type SessionRef = { readonly id: number } | number;

export interface CreateOptions {
  /** Delete the node when `session` ends. */
  ephemeral?: boolean;
  /** Append a 10-digit counter to the last segment. */
  sequential?: boolean;
  /** Owner of an ephemeral node. */
  session?: SessionRef;
}

export interface CreateResult {
  /** The path created (with the counter when sequential). */
  path: string;
  stat: Stat;
  header: Header;
}

export interface GetOptions {
  /** Default 'linearizable'. */
  consistency?: Consistency;
}

export interface GetResult {
  data: Buffer;
  stat: Stat;
  /** Revision the read was served at. */
  revision: number;
  header: Header;
}

export interface SetOptions {
  /** Apply only at this version; default -1 = any. */
  expectedVersion?: number;
}

export interface SetResult {
  stat: Stat;
  header: Header;
}

export interface DeleteOptions {
  /** Delete only at this version; default -1 = any. */
  expectedVersion?: number;
  /** Also delete every descendant, in one transaction. */
  recursive?: boolean;
}

export interface DeleteResult {
  header: Header;
}

export interface ListOptions {
  consistency?: Consistency;
}

export interface ListResult {
  /** Names (last segments), sorted bytewise. */
  children: string[];
  stat: Stat;
  header: Header;
}

export type EventType = 'created' | 'updated' | 'deleted';

/** One change to one node, as a watch delivers it. */
export interface WatchEvent {
  type: EventType;
  path: string;
  /** Data after the change; empty for 'deleted'. */
  data: Buffer;
  /** Stat after the change; for 'deleted', the stat the node had. */
  stat: Stat;
  /** Revision of the transaction that made the change. */
  revision: number;
}

export function toHeader(header: WireHeader | null | undefined): Header {
  return {
    clusterId: header?.cluster_id ?? '',
    nodeId: header?.node_id ?? 0,
    term: header?.term ?? 0,
    revision: header?.revision ?? 0,
  };
}

export function toStat(stat: WireStat | null | undefined): Stat {
  return {
    version: stat?.version ?? 0,
    cversion: stat?.cversion ?? 0,
    createRevision: stat?.create_revision ?? 0,
    modRevision: stat?.mod_revision ?? 0,
    ephemeralOwner: stat?.ephemeral_owner ?? 0,
    numChildren: stat?.num_children ?? 0,
    dataLength: stat?.data_length ?? 0,
  };
}

const EVENT_TYPES: Record<string, EventType> = {
  EVENT_TYPE_CREATED: 'created',
  EVENT_TYPE_UPDATED: 'updated',
  EVENT_TYPE_DELETED: 'deleted',
};

export function toWatchEvent(event: WireWatchEvent): WatchEvent {
  const type = EVENT_TYPES[event.type];
  if (!type) throw new Error(`watch event of unknown type ${event.type} at ${event.path}`);
  return {
    type,
    path: event.path,
    data: event.data ?? Buffer.alloc(0),
    stat: toStat(event.stat),
    revision: event.revision,
  };
}

export function toBytes(data: Data | undefined): Buffer {
  if (data === undefined) return Buffer.alloc(0);
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}

export function sessionIdOf(session: SessionRef | undefined): number {
  if (session === undefined) return 0;
  return typeof session === 'number' ? session : session.id;
}

export function wireConsistency(consistency: Consistency | undefined) {
  return consistency === 'serializable'
    ? ('CONSISTENCY_SERIALIZABLE' as const)
    : ('CONSISTENCY_LINEARIZABLE' as const);
}
