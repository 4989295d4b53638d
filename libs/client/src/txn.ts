/**
 * Transactions (coordination.proto, Txn): etcd-style compares, then the `success` or the
 * `failure` branch, all-or-nothing. Plain objects or the small builder:
 *
 *   await client.txn()
 *     .if(Cmp.version('/cfg', '=', 3))
 *     .then(Op.set('/cfg', 'new'))
 *     .else(Op.get('/cfg'))
 *     .commit();
 */
import {
  sessionIdOf,
  toBytes,
  toHeader,
  toStat,
  wireConsistency,
  type Consistency,
  type CreateOptions,
  type Data,
  type DeleteOptions,
  type Header,
  type SetOptions,
  type Stat,
} from './types';
import type { OpResponses, WireCompare, WireTxnOp, WireTxnOpResult } from './wire';

export type CompareOp = '=' | '!=' | '>' | '<';

/** One guard: a node's version, cversion, revisions, existence or data against an operand. */
export type Compare = { path: string; op: CompareOp } & (
  | { version: number }
  | { cversion: number }
  | { createRevision: number }
  | { modRevision: number }
  | { exists: boolean }
  | { data: Data }
);

export type TxnOp =
  | { create: { path: string; data?: Data } & CreateOptions }
  | { get: { path: string; consistency?: Consistency } }
  | { set: { path: string; data: Data } & SetOptions }
  | { delete: { path: string } & DeleteOptions }
  | { list: { path: string; consistency?: Consistency } };

export type TxnOpResult =
  | { kind: 'create'; path: string; stat: Stat }
  | { kind: 'get'; data: Buffer; stat: Stat; revision: number }
  | { kind: 'set'; stat: Stat }
  | { kind: 'delete' }
  | { kind: 'list'; children: string[]; stat: Stat };

export interface TxnSpec {
  compares?: Compare[];
  success?: TxnOp[];
  failure?: TxnOp[];
}

export interface TxnResult {
  /** True if every compare held and `success` ran. */
  succeeded: boolean;
  /** One result per operation of the branch that ran. */
  results: TxnOpResult[];
  /** The new revision if it wrote, else the one it read at. */
  revision: number;
  header: Header;
}

/** Compare constructors. */
export const Cmp = {
  version: (path: string, op: CompareOp, version: number): Compare => ({ path, op, version }),
  cversion: (path: string, op: CompareOp, cversion: number): Compare => ({ path, op, cversion }),
  createRevision: (path: string, op: CompareOp, createRevision: number): Compare => ({
    path,
    op,
    createRevision,
  }),
  modRevision: (path: string, op: CompareOp, modRevision: number): Compare => ({
    path,
    op,
    modRevision,
  }),
  data: (path: string, op: CompareOp, data: Data): Compare => ({ path, op, data }),
  exists: (path: string): Compare => ({ path, op: '=', exists: true }),
  missing: (path: string): Compare => ({ path, op: '=', exists: false }),
};

/** Operation constructors. */
export const Op = {
  create: (path: string, data?: Data, options: CreateOptions = {}): TxnOp => ({
    create: { path, data, ...options },
  }),
  get: (path: string): TxnOp => ({ get: { path } }),
  set: (path: string, data: Data, options: SetOptions = {}): TxnOp => ({
    set: { path, data, ...options },
  }),
  delete: (path: string, options: DeleteOptions = {}): TxnOp => ({ delete: { path, ...options } }),
  list: (path: string): TxnOp => ({ list: { path } }),
};

/** Collects compares and branches, then `commit()` sends them. */
export class TxnBuilder {
  private readonly spec: Required<TxnSpec> = { compares: [], success: [], failure: [] };

  constructor(private readonly send: (spec: TxnSpec) => Promise<TxnResult>) {}

  if(...compares: Compare[]): this {
    this.spec.compares.push(...compares);
    return this;
  }

  then(...ops: TxnOp[]): this {
    this.spec.success.push(...ops);
    return this;
  }

  else(...ops: TxnOp[]): this {
    this.spec.failure.push(...ops);
    return this;
  }

  commit(): Promise<TxnResult> {
    return this.send(this.spec);
  }
}

const WIRE_OPS = {
  '=': 'COMPARE_OP_EQUAL',
  '!=': 'COMPARE_OP_NOT_EQUAL',
  '>': 'COMPARE_OP_GREATER',
  '<': 'COMPARE_OP_LESS',
} as const;

export function toWireCompare(compare: Compare): WireCompare {
  const op = WIRE_OPS[compare.op];
  if (!op) throw new Error(`compare op must be one of = != > <, got ${String(compare.op)}`);
  const base = { path: compare.path, op };
  if ('version' in compare) return { ...base, version: compare.version };
  if ('cversion' in compare) return { ...base, cversion: compare.cversion };
  if ('createRevision' in compare) return { ...base, create_revision: compare.createRevision };
  if ('modRevision' in compare) return { ...base, mod_revision: compare.modRevision };
  if ('exists' in compare) return { ...base, exists: compare.exists };
  return { ...base, data: toBytes(compare.data) };
}

export function toWireOp(op: TxnOp): WireTxnOp {
  if ('create' in op) {
    const c = op.create;
    return {
      create: {
        path: c.path,
        data: toBytes(c.data),
        ephemeral: c.ephemeral ?? false,
        sequential: c.sequential ?? false,
        session_id: sessionIdOf(c.session),
      },
    };
  }
  if ('get' in op) {
    return { get: { path: op.get.path, consistency: wireConsistency(op.get.consistency) } };
  }
  if ('set' in op) {
    const s = op.set;
    return {
      set: { path: s.path, data: toBytes(s.data), expected_version: s.expectedVersion ?? -1 },
    };
  }
  if ('delete' in op) {
    const d = op.delete;
    return {
      delete: {
        path: d.path,
        expected_version: d.expectedVersion ?? -1,
        recursive: d.recursive ?? false,
      },
    };
  }
  return { list: { path: op.list.path, consistency: wireConsistency(op.list.consistency) } };
}

export function fromWireResult(result: WireTxnOpResult): TxnOpResult {
  switch (result.result) {
    case 'create':
      return { kind: 'create', path: result.create?.path ?? '', stat: toStat(result.create?.stat) };
    case 'get':
      return {
        kind: 'get',
        data: result.get?.data ?? Buffer.alloc(0),
        stat: toStat(result.get?.stat),
        revision: result.get?.revision ?? 0,
      };
    case 'set':
      return { kind: 'set', stat: toStat(result.set?.stat) };
    case 'delete':
      return { kind: 'delete' };
    case 'list':
      return {
        kind: 'list',
        children: result.list?.children ?? [],
        stat: toStat(result.list?.stat),
      };
    default:
      throw new Error(`transaction result of unknown kind ${String(result.result)}`);
  }
}

export function toTxnResult(response: OpResponses['txn']): TxnResult {
  return {
    succeeded: response.succeeded,
    results: (response.results ?? []).map(fromWireResult),
    revision: response.revision,
    header: toHeader(response.header),
  };
}
