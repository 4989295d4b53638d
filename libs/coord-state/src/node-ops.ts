// Create, set, delete and get as requests: validation with precise errors, then the journaled
// tree primitives, plus the watch events and session/lock bookkeeping every change implies.
// Shared by single commands, transaction ops, lock commands and session expiry.

import { assert } from './assert';
import type {
  CreateRequest,
  CreateValue,
  DeleteRequest,
  DeleteValue,
  GetValue,
  ListValue,
  SetRequest,
  SetValue,
} from './commands';
import { type CoordError, type Result, coordError, fail, failed, ok } from './errors';
import type { Journal } from './journal';
import type { LockTable } from './locks';
import { type NodeTree, TreeNode } from './node-tree';
import {
  ROOT_PATH,
  SEQUENCE_MAX,
  checkData,
  checkPath,
  formatSequence,
  isReserved,
  parentPath,
} from './paths';
import type { SessionTable } from './sessions';

const EMPTY = new Uint8Array(0);

export interface Limits {
  /** Most nodes the tree may hold (root included). */
  nodesMax: number;
}

/** The replicated state the operations act on. */
export interface CoordState {
  readonly tree: NodeTree;
  readonly sessions: SessionTable;
  readonly locks: LockTable;
  readonly limits: Limits;
}

function checkVersion(v: unknown, what: string): CoordError | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= -1) return undefined;
  return coordError('INVALID_ARGUMENT', `${what} ${String(v)} must be -1 (any) or a version >= 0`);
}

export function checkWritable(path: string, internal: boolean): CoordError | undefined {
  if (internal || !isReserved(path)) return undefined;
  return coordError(
    'RESERVED_PATH',
    `path '${path}' is under /tributary, which is reserved for cluster metadata and read-only to clients`,
  );
}

export function createNode(
  s: CoordState,
  j: Journal,
  req: CreateRequest,
  internal: boolean,
): Result<CreateValue> {
  // A sequential path is validated with its suffix, so '/queue/' + '0000000001' is accepted.
  const bad =
    checkPath(req.sequential ? req.path + formatSequence(0) : req.path) ??
    checkWritable(req.path, internal) ??
    checkData(req.data);
  if (bad !== undefined) return failed(bad);
  if (req.ephemeral && req.sessionId === 0) {
    return fail('INVALID_ARGUMENT', 'an ephemeral node needs the id of its owning session');
  }
  if (req.ephemeral && s.sessions.get(req.sessionId) === undefined) {
    return fail(
      'SESSION_EXPIRED',
      `session ${req.sessionId} is unknown or expired; open a session`,
    );
  }
  const parentP = parentPath(req.sequential ? req.path + formatSequence(0) : req.path);
  if (!req.sequential && s.tree.get(req.path) !== undefined) {
    return fail('NODE_EXISTS', `node '${req.path}' already exists`);
  }
  const parent = s.tree.get(parentP);
  if (parent === undefined) {
    return fail(
      'NO_PARENT',
      `parent '${parentP}' of '${req.path}' does not exist; create it first`,
    );
  }
  if (parent.ephemeralOwner !== 0) {
    return fail(
      'NO_CHILDREN_FOR_EPHEMERALS',
      `parent '${parentP}' is ephemeral; ephemeral nodes have no children`,
    );
  }
  if (s.tree.size >= s.limits.nodesMax) {
    return fail('LIMIT_EXCEEDED', `the tree holds ${s.tree.size} nodes, its limit`);
  }
  let path = req.path;
  if (req.sequential) {
    // ZooKeeper: the counter is the parent's cversion, which counts child creates and deletes,
    // so it is unique and increasing per parent and never goes back while the parent lives.
    if (parent.cversion > SEQUENCE_MAX) {
      return fail('LIMIT_EXCEEDED', `parent '${parentP}' has used all 10-digit sequence numbers`);
    }
    path = req.path + formatSequence(parent.cversion);
    if (s.tree.get(path) !== undefined) {
      return fail('NODE_EXISTS', `node '${path}' already exists (sequential name taken)`);
    }
  }
  const owner = req.ephemeral ? req.sessionId : 0;
  const node = new TreeNode(req.data, j.revision, owner);
  s.tree.insert(j, path, node);
  if (owner !== 0) s.sessions.attach(j, owner, path);
  const stat = node.stat();
  j.emit({ type: 'CREATED', path, data: node.data, stat, revision: j.revision });
  return ok({ op: 'create', path, stat });
}

export function setNode(
  s: CoordState,
  j: Journal,
  req: SetRequest,
  internal: boolean,
): Result<SetValue> {
  const bad =
    checkPath(req.path) ??
    checkWritable(req.path, internal) ??
    checkData(req.data) ??
    checkVersion(req.expectedVersion, 'expected version');
  if (bad !== undefined) return failed(bad);
  const node = s.tree.get(req.path);
  if (node === undefined) return fail('NO_NODE', `node '${req.path}' does not exist`);
  if (req.expectedVersion !== -1 && req.expectedVersion !== node.version) {
    return fail(
      'VERSION_MISMATCH',
      `node '${req.path}' is at version ${node.version}, not the expected ${req.expectedVersion}`,
    );
  }
  s.tree.setData(j, req.path, node, req.data);
  const stat = node.stat();
  j.emit({ type: 'UPDATED', path: req.path, data: node.data, stat, revision: j.revision });
  return ok({ op: 'set', stat });
}

export function deleteNode(
  s: CoordState,
  j: Journal,
  req: DeleteRequest,
  internal: boolean,
): Result<DeleteValue> {
  const bad =
    checkPath(req.path) ??
    checkWritable(req.path, internal) ??
    checkVersion(req.expectedVersion, 'expected version');
  if (bad !== undefined) return failed(bad);
  if (req.path === ROOT_PATH)
    return fail('INVALID_ARGUMENT', "the root node '/' cannot be deleted");
  const node = s.tree.get(req.path);
  if (node === undefined) return fail('NO_NODE', `node '${req.path}' does not exist`);
  if (req.expectedVersion !== -1 && req.expectedVersion !== node.version) {
    return fail(
      'VERSION_MISMATCH',
      `node '${req.path}' is at version ${node.version}, not the expected ${req.expectedVersion}`,
    );
  }
  if (node.numChildren > 0 && !req.recursive) {
    return fail(
      'NOT_EMPTY',
      `node '${req.path}' has ${node.numChildren} children; delete them first or delete recursively`,
    );
  }
  const paths = node.numChildren === 0 ? [req.path] : s.tree.postOrder(req.path);
  for (const p of paths) removeNode(s, j, p);
  return ok({ op: 'delete', deleted: paths.length });
}

/** Removes one leaf with its bookkeeping (session, lock queue) and its DELETED event. */
export function removeNode(s: CoordState, j: Journal, path: string): void {
  const node = s.tree.remove(j, path);
  if (node.ephemeralOwner !== 0) {
    s.sessions.detach(j, node.ephemeralOwner, path);
    s.locks.onRemoved(j, path);
  }
  j.emit({ type: 'DELETED', path, data: EMPTY, stat: node.stat(), revision: j.revision });
}

export function listNode(s: CoordState, path: string): Result<ListValue> {
  const bad = checkPath(path);
  if (bad !== undefined) return failed(bad);
  const node = s.tree.get(path);
  if (node === undefined) return fail('NO_NODE', `node '${path}' does not exist`);
  return ok({ op: 'list', children: s.tree.childNames(node), stat: node.stat() });
}

export function getNode(s: CoordState, path: string): Result<GetValue> {
  const bad = checkPath(path);
  if (bad !== undefined) return failed(bad);
  const node = s.tree.get(path);
  if (node === undefined) return fail('NO_NODE', `node '${path}' does not exist`);
  return ok({ op: 'get', data: node.data, stat: node.stat() });
}

/** Creates `path` as an empty persistent node if it is missing (its parent must exist). */
export function ensureNode(
  s: CoordState,
  j: Journal,
  path: string,
  internal: boolean,
): Result<void> {
  if (s.tree.get(path) !== undefined) return ok(undefined);
  const r = createNode(
    s,
    j,
    { path, data: EMPTY, ephemeral: false, sequential: false, sessionId: 0 },
    internal,
  );
  if (!r.ok) return r;
  assert(r.value.path === path, 'ensureNode creates the requested path');
  return ok(undefined);
}
