/**
 * Protobuf requests of `tributary.coord.v1` ⇄ coord-state commands and values. Field names on
 * the wire are snake_case; inside the state machine they are camelCase.
 */
import type * as cs from '@tributary/coord-state';
import {
  aclFilterFromWire,
  aclFromWire,
  tributaryError,
  type Reason as RpcReason,
  isReason,
} from '@tributary/rpc';
import type { AddAclsRequest__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/AddAclsRequest';
import type { RemoveAclsRequest__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/RemoveAclsRequest';
import type { Stat } from '@tributary/rpc/src/generated/tributary/coord/v1/Stat';
import type { Compare__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/Compare';
import type { TxnOp__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnOp';
import type { TxnOpResult } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnOpResult';
import type { TxnRequest__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TxnRequest';
import type { WatchEvent } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchEvent';
import type { CreateRequest__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/CreateRequest';
import type { SetRequest__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/SetRequest';
import type { DeleteRequest__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/DeleteRequest';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';

/** Turns a state-machine error value into the gRPC error of DESIGN §6. */
export function coordError(error: cs.CoordError): Error {
  const reason: RpcReason = isReason(error.reason) ? error.reason : 'INTERNAL';
  return tributaryError(
    reason,
    error.message,
    error.metadata ? { metadata: { ...error.metadata } } : {},
  );
}

/** The value of a result, or throws its error as a gRPC error. */
export function unwrap<V>(result: cs.Result<V>): V {
  if (!result.ok) throw coordError(result.error);
  return result.value;
}

export function statToWire(s: cs.Stat): Stat {
  return {
    version: s.version,
    cversion: s.cversion,
    create_revision: s.createRevision,
    mod_revision: s.modRevision,
    ephemeral_owner: s.ephemeralOwner,
    num_children: s.numChildren,
    data_length: s.dataLength,
  };
}

export function createCommand(r: CreateRequest__Output): cs.CreateCommand {
  return {
    op: 'create',
    path: r.path,
    data: r.data,
    ephemeral: r.ephemeral,
    sequential: r.sequential,
    sessionId: r.session_id,
  };
}

export function setCommand(r: SetRequest__Output): cs.SetCommand {
  return { op: 'set', path: r.path, data: r.data, expectedVersion: r.expected_version };
}

export function deleteCommand(r: DeleteRequest__Output): cs.DeleteCommand {
  return {
    op: 'delete',
    path: r.path,
    expectedVersion: r.expected_version,
    recursive: r.recursive,
  };
}

/** Entries as sent; the state machine validates them (INVALID_ARGUMENT saying what is allowed). */
export function addAclsCommand(r: AddAclsRequest__Output): cs.AddAclsCommand {
  return { op: 'add-acls', entries: r.entries.map(aclFromWire) };
}

export function removeAclsCommand(r: RemoveAclsRequest__Output): cs.RemoveAclsCommand {
  return { op: 'remove-acls', filters: r.filters.map(aclFilterFromWire) };
}

const COMPARE_OPS: Record<string, cs.CompareOp> = {
  COMPARE_OP_UNSPECIFIED: '=',
  COMPARE_OP_EQUAL: '=',
  COMPARE_OP_NOT_EQUAL: '!=',
  COMPARE_OP_GREATER: '>',
  COMPARE_OP_LESS: '<',
};

function compareFromWire(c: Compare__Output): cs.Compare {
  const op = COMPARE_OPS[c.op] ?? '=';
  switch (c.target) {
    case 'exists':
      return { path: c.path, target: 'exists', op, value: c.exists ?? false };
    case 'data':
      return { path: c.path, target: 'data', op, value: c.data ?? Buffer.alloc(0) };
    case 'version':
    case 'cversion':
      return { path: c.path, target: c.target, op, value: c[c.target] ?? 0 };
    case 'create_revision':
      return { path: c.path, target: 'createRevision', op, value: c.create_revision ?? 0 };
    case 'mod_revision':
      return { path: c.path, target: 'modRevision', op, value: c.mod_revision ?? 0 };
    default:
      throw tributaryError(
        'INVALID_ARGUMENT',
        `compare on '${c.path}' names no target; set one of version, cversion, create_revision, mod_revision, exists, data`,
      );
  }
}

function txnOpFromWire(o: TxnOp__Output): cs.TxnOp {
  switch (o.op) {
    case 'create':
      return createCommand(o.create!);
    case 'set':
      return setCommand(o.set!);
    case 'delete':
      return deleteCommand(o.delete!);
    case 'get':
      return { op: 'get', path: o.get!.path };
    case 'list':
      return { op: 'list', path: o.list!.path };
    default:
      throw tributaryError(
        'INVALID_ARGUMENT',
        'a txn op names no operation; set one of create, get, set, delete, list',
      );
  }
}

export function txnRequest(r: TxnRequest__Output): cs.TxnRequest {
  return {
    compares: r.compares.map(compareFromWire),
    success: r.success.map(txnOpFromWire),
    failure: r.failure.map(txnOpFromWire),
  };
}

export function txnResultToWire(
  v: cs.TxnOpResult,
  header: ResponseHeader,
  revision: number,
): TxnOpResult {
  switch (v.op) {
    case 'create':
      return { create: { header, path: v.path, stat: statToWire(v.stat) } };
    case 'set':
      return { set: { header, stat: statToWire(v.stat) } };
    case 'delete':
      return { delete: { header } };
    case 'get':
      return { get: { header, data: Buffer.from(v.data), stat: statToWire(v.stat), revision } };
    case 'list':
      return { list: { header, children: v.children, stat: statToWire(v.stat) } };
  }
}

const EVENT_TYPES = {
  CREATED: 'EVENT_TYPE_CREATED',
  UPDATED: 'EVENT_TYPE_UPDATED',
  DELETED: 'EVENT_TYPE_DELETED',
} as const;

export function eventToWire(e: cs.WatchEvent): WatchEvent {
  return {
    type: EVENT_TYPES[e.type],
    path: e.path,
    data: Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength),
    stat: statToWire(e.stat),
    revision: e.revision,
  };
}
