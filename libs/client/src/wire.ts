/**
 * The wire types of tributary.coord.v1 as the SDK uses them: one `OpKind` per operation of the
 * Execute oneof, with its request and response types, and the unary method serving it. The SDK
 * speaks snake_case only here; everything public is camelCase (types.ts).
 */
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import type { ClusterServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/ClusterService';
import type { ExecuteRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/ExecuteRequest';
import type { ExecuteResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/ExecuteResponse';
import type { OpenSessionRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/OpenSessionRequest';
import type { OpenSessionResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/OpenSessionResponse';
import type { CloseSessionRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/CloseSessionRequest';
import type { CloseSessionResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/CloseSessionResponse';
import type { CreateRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/CreateRequest';
import type { CreateResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/CreateResponse';
import type { GetRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/GetRequest';
import type { GetResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/GetResponse';
import type { SetRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/SetRequest';
import type { SetResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/SetResponse';
import type { DeleteRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/DeleteRequest';
import type { DeleteResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/DeleteResponse';
import type { ListRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/ListRequest';
import type { ListResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/ListResponse';
import type { TxnRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnRequest';
import type { TxnResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnResponse';
import type { LockRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/LockRequest';
import type { LockResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/LockResponse';
import type { UnlockRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/UnlockRequest';
import type { UnlockResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/UnlockResponse';
import type { ResponseHeader__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { Stat__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/Stat';
import type { TxnOp } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnOp';
import type { TxnOpResult__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnOpResult';
import type { Compare } from '@tributary/rpc/src/generated/tributary/coord/v1/Compare';
import type { WatchRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchRequest';
import type { WatchResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchResponse';
import type { WatchEvent__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchEvent';
import type { KeepAliveRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/KeepAliveRequest';
import type { KeepAliveResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/KeepAliveResponse';
import type { StatusResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/StatusResponse';

export type {
  ClusterServiceClient,
  Compare as WireCompare,
  CoordinationServiceClient,
  ExecuteRequest,
  ExecuteResponse__Output as ExecuteResponse,
  KeepAliveRequest,
  KeepAliveResponse__Output as KeepAliveResponse,
  ResponseHeader__Output as WireHeader,
  Stat__Output as WireStat,
  StatusResponse__Output as WireStatus,
  TxnOp as WireTxnOp,
  TxnOpResult__Output as WireTxnOpResult,
  WatchEvent__Output as WireWatchEvent,
  WatchRequest,
  WatchResponse__Output as WatchResponse,
};

/** Request type of each operation, keyed by its Execute oneof case. */
export interface OpRequests {
  open_session: OpenSessionRequest;
  close_session: CloseSessionRequest;
  create: CreateRequest;
  get: GetRequest;
  set: SetRequest;
  delete: DeleteRequest;
  list: ListRequest;
  txn: TxnRequest;
  lock: LockRequest;
  unlock: UnlockRequest;
}

/** Response type of each operation, keyed by its Execute oneof case. */
export interface OpResponses {
  open_session: OpenSessionResponse__Output;
  close_session: CloseSessionResponse__Output;
  create: CreateResponse__Output;
  get: GetResponse__Output;
  set: SetResponse__Output;
  delete: DeleteResponse__Output;
  list: ListResponse__Output;
  txn: TxnResponse__Output;
  lock: LockResponse__Output;
  unlock: UnlockResponse__Output;
}

export type OpKind = keyof OpRequests;

/** The unary RPC that serves each operation (mode 'unary'). */
export const UNARY_METHOD = {
  open_session: 'OpenSession',
  close_session: 'CloseSession',
  create: 'Create',
  get: 'Get',
  set: 'Set',
  delete: 'Delete',
  list: 'List',
  txn: 'Txn',
  lock: 'Lock',
  unlock: 'Unlock',
} as const satisfies Record<OpKind, keyof CoordinationServiceClient>;

export const OP_KINDS = Object.keys(UNARY_METHOD) as OpKind[];

/** Operations that change nothing: they may be retried after any transport failure. */
export function isRead(kind: OpKind): boolean {
  return kind === 'get' || kind === 'list';
}

/** Every response of tributary.coord.v1 starts with a header. */
export function headerOf(response: { header?: ResponseHeader__Output | null }) {
  return response.header ?? undefined;
}
