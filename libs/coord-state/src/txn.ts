// Transactions: etcd-style compares choose a branch; the branch's ops run in order, each seeing
// the effects of the ones before it (ZooKeeper multi semantics). All or nothing: the first op
// that fails fails the whole command and the journal rolls everything back. A transaction is
// one write: every change it makes carries the same revision.

import type { Compare, TxnOp, TxnOpResult, TxnRequest, TxnValue } from './commands';
import { type CoordError, type Result, coordError, ok } from './errors';
import type { Journal } from './journal';
import { type CoordState, createNode, deleteNode, getNode, setNode } from './node-ops';
import { checkPath } from './paths';

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
    case 'createRevision':
    case 'modRevision':
      if (typeof c.value === 'number' && Number.isFinite(c.value)) return undefined;
      return coordError('INVALID_ARGUMENT', `${where}: ${c.target} compares with a number`);
    case 'exists':
      if (typeof c.value === 'boolean' && (c.op === '=' || c.op === '!=')) return undefined;
      return coordError(
        'INVALID_ARGUMENT',
        `${where}: exists compares with a boolean using = or !=`,
      );
    case 'data':
      if (c.value instanceof Uint8Array) return undefined;
      return coordError('INVALID_ARGUMENT', `${where}: data compares with bytes`);
    default:
      return coordError(
        'INVALID_ARGUMENT',
        `${where}: target '${String((c as { target: unknown }).target)}' is not one of version, createRevision, modRevision, exists, data`,
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
    default:
      return {
        ok: false,
        error: coordError(
          'INVALID_ARGUMENT',
          `op '${String((op as { op: unknown }).op)}' is not one of create, set, delete, get`,
        ),
      };
  }
}

export function runTxn(
  s: CoordState,
  j: Journal,
  req: TxnRequest,
  internal: boolean,
): Result<TxnValue> {
  if (!Array.isArray(req.compares) || !Array.isArray(req.success) || !Array.isArray(req.failure)) {
    return {
      ok: false,
      error: coordError('INVALID_ARGUMENT', 'compares, success and failure are lists'),
    };
  }
  for (const [what, n] of [
    ['compares', req.compares.length],
    ['success ops', req.success.length],
    ['failure ops', req.failure.length],
  ] as const) {
    if (n > TXN_OPS_MAX) {
      return {
        ok: false,
        error: coordError('INVALID_ARGUMENT', `txn has ${n} ${what}; at most ${TXN_OPS_MAX}`),
      };
    }
  }
  for (let i = 0; i < req.compares.length; i++) {
    const bad = checkCompare(req.compares[i], i);
    if (bad !== undefined) return { ok: false, error: bad };
  }
  const succeeded = req.compares.every((c) => evalCompare(s, c));
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
