// Transactions: etcd-style compares choose a branch; the branch's ops run in order, each seeing
// the effects of the ones before it (ZooKeeper multi semantics). All or nothing: the first op
// that fails fails the whole command and the journal rolls everything back. A transaction is
// one write: every change it makes carries the same revision.

import type { Compare, TxnOp, TxnOpResult, TxnRequest, TxnValue } from './commands';
import { type CoordError, type Result, coordError, ok } from './errors';
import type { Journal } from './journal';
import { type CoordState, createNode, deleteNode, getNode, listNode, setNode } from './node-ops';
import { DATA_BYTES_MAX, checkPath } from './paths';

export const TXN_OPS_MAX = 128;

const OPS = new Set(['=', '!=', '<', '>']);

function compareValues(a: number, b: number, op: Compare['op']): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
  }
}

/** Lexicographic byte order: <0, 0, >0. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

function checkCompare(c: Compare, i: number): CoordError | undefined {
  const where = `compare[${i}]`;
  const bad = checkPath(c.path);
  if (bad !== undefined) return coordError(bad.reason, `${where}: ${bad.message}`);
  if (!OPS.has(c.op)) {
    return coordError(
      'INVALID_ARGUMENT',
      `${where}: operator '${String(c.op)}' is not one of = != < >`,
    );
  }
  switch (c.target) {
    case 'version':
    case 'cversion':
    case 'createRevision':
    case 'modRevision':
      if (Number.isSafeInteger(c.value)) return undefined;
      return coordError('INVALID_ARGUMENT', `${where}: ${c.target} compares with an integer`);
    case 'exists':
      if (typeof c.value === 'boolean' && (c.op === '=' || c.op === '!=')) return undefined;
      return coordError(
        'INVALID_ARGUMENT',
        `${where}: exists compares with a boolean using = or !=`,
      );
    case 'data':
      if (c.value instanceof Uint8Array && c.value.length <= DATA_BYTES_MAX) return undefined;
      return coordError(
        'INVALID_ARGUMENT',
        `${where}: data compares with 0 to ${DATA_BYTES_MAX} bytes`,
      );
    default:
      return coordError(
        'INVALID_ARGUMENT',
        `${where}: target '${String((c as { target: unknown }).target)}' is not one of version, cversion, createRevision, modRevision, exists, data`,
      );
  }
}

/** Evaluates a validated compare against the current tree. */
export function evalCompare(s: CoordState, c: Compare): boolean {
  const node = s.tree.get(c.path);
  if (c.target === 'exists') return compareValues(node ? 1 : 0, c.value ? 1 : 0, c.op);
  if (node === undefined) return false;
  switch (c.target) {
    case 'version':
      return compareValues(node.version, c.value, c.op);
    case 'cversion':
      return compareValues(node.cversion, c.value, c.op);
    case 'createRevision':
      return compareValues(node.createRevision, c.value, c.op);
    case 'modRevision':
      return compareValues(node.modRevision, c.value, c.op);
    case 'data':
      return compareValues(compareBytes(node.data, c.value), 0, c.op);
  }
}

function runOp(s: CoordState, j: Journal, op: TxnOp, internal: boolean): Result<TxnOpResult> {
  switch (op.op) {
    case 'create':
      return createNode(s, j, op, internal);
    case 'set':
      return setNode(s, j, op, internal);
    case 'delete':
      return deleteNode(s, j, op, internal);
    case 'get':
      return getNode(s, op.path);
    case 'list':
      return listNode(s, op.path);
    default:
      return {
        ok: false,
        error: coordError(
          'INVALID_ARGUMENT',
          `op '${String((op as { op: unknown }).op)}' is not one of create, set, delete, get, list`,
        ),
      };
  }
}

/** Shape checks of a whole request, before anything is evaluated. */
export function checkTxn(req: TxnRequest): CoordError | undefined {
  if (!Array.isArray(req.compares) || !Array.isArray(req.success) || !Array.isArray(req.failure)) {
    return coordError('INVALID_ARGUMENT', 'compares, success and failure are lists');
  }
  const counts = [
    ['compares', req.compares.length],
    ['success ops', req.success.length],
    ['failure ops', req.failure.length],
  ] as const;
  for (const [what, n] of counts) {
    if (n > TXN_OPS_MAX) {
      return coordError('INVALID_ARGUMENT', `txn has ${n} ${what}; at most ${TXN_OPS_MAX}`);
    }
  }
  for (let i = 0; i < req.compares.length; i++) {
    const bad = checkCompare(req.compares[i], i);
    if (bad !== undefined) return bad;
  }
  return checkWritesOnce(req.success, 'success') ?? checkWritesOnce(req.failure, 'failure');
}

/** coordination.proto: a branch may not write the same path twice. */
function checkWritesOnce(ops: TxnOp[], branch: string): CoordError | undefined {
  const written = new Set<string>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.op === 'get' || op.op === 'list' || (op.op === 'create' && op.sequential)) continue;
    if (written.has(op.path)) {
      return coordError(
        'INVALID_ARGUMENT',
        `txn ${branch}[${i}] writes '${op.path}' again; a branch writes each path at most once`,
      );
    }
    written.add(op.path);
  }
  return undefined;
}

/** Which branch the compares choose (the request must have passed checkTxn). */
export function chooseBranch(s: CoordState, req: TxnRequest): boolean {
  return req.compares.every((c) => evalCompare(s, c));
}

export function isReadOnly(ops: TxnOp[]): boolean {
  return ops.every((op) => op.op === 'get' || op.op === 'list');
}

export function runTxn(
  s: CoordState,
  j: Journal,
  req: TxnRequest,
  internal: boolean,
): Result<TxnValue> {
  const bad = checkTxn(req);
  if (bad !== undefined) return { ok: false, error: bad };
  const succeeded = chooseBranch(s, req);
  const branch = succeeded ? req.success : req.failure;
  const results: TxnOpResult[] = [];
  for (let i = 0; i < branch.length; i++) {
    const r = runOp(s, j, branch[i], internal);
    if (!r.ok) {
      const where = `txn ${succeeded ? 'success' : 'failure'}[${i}]`;
      return {
        ok: false,
        error: { reason: r.error.reason, message: `${where}: ${r.error.message}`, opIndex: i },
      };
    }
    results.push(r.value);
  }
  return ok({ op: 'txn', succeeded, results });
}
