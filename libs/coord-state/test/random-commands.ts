// Seeded generators for randomized tests: a PRNG (mulberry32) and random commands over a small
// universe of paths, so creates, conflicts, deletes and lock handoffs all happen often.

import type { ApplyOutput, Command, Compare, CoordStateMachine, TxnOp } from '../src';

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(max: number): Uint8Array {
    const b = new Uint8Array(this.int(max + 1));
    for (let i = 0; i < b.length; i++) b[i] = this.int(256);
    return b;
  }
}

const NAMES = ['a', 'b', 'c'];

export function randomPath(rng: Rng, depthMax = 3): string {
  const depth = 1 + rng.int(depthMax);
  let p = '';
  for (let i = 0; i < depth; i++) p += '/' + rng.pick(NAMES);
  return p;
}

export interface GenState {
  /** Session ids believed live (may be stale: that is part of the test). */
  sessions: number[];
  /** Lock keys handed out (may be stale). */
  lockKeys: string[];
}

function randomOp(rng: Rng, g: GenState): TxnOp {
  const path = randomPath(rng);
  switch (rng.int(5)) {
    case 0:
    case 1:
      return {
        op: 'create',
        path: rng.chance(0.2) ? path + '-' : path,
        data: rng.bytes(8),
        ephemeral: rng.chance(0.3),
        sequential: rng.chance(0.2),
        sessionId: g.sessions.length > 0 && rng.chance(0.9) ? rng.pick(g.sessions) : 99_999,
      };
    case 2:
      return {
        op: 'set',
        path,
        data: rng.bytes(8),
        expectedVersion: rng.chance(0.7) ? -1 : rng.int(3),
      };
    case 3:
      return {
        op: 'delete',
        path,
        expectedVersion: rng.chance(0.8) ? -1 : rng.int(3),
        recursive: rng.chance(0.3),
      };
    default:
      return rng.chance(0.5) ? { op: 'get', path } : { op: 'list', path };
  }
}

function randomCompare(rng: Rng): Compare {
  const path = randomPath(rng);
  const op = rng.pick(['=', '!=', '<', '>'] as const);
  switch (rng.int(4)) {
    case 0:
      return { path, target: 'exists', op: rng.pick(['=', '!='] as const), value: rng.chance(0.5) };
    case 1:
      return { path, target: 'data', op, value: rng.bytes(2) };
    default:
      return {
        path,
        target: rng.pick(['version', 'cversion', 'createRevision', 'modRevision'] as const),
        op,
        value: rng.int(4),
      };
  }
}

/** A random command; `g` tracks sessions and lock keys so later commands can use them. */
export function randomCommand(rng: Rng, g: GenState): Command {
  const r = rng.int(100);
  if (r < 40) {
    const op = randomOp(rng, g);
    if (op.op !== 'get' && op.op !== 'list') return op;
    return { op: 'delete', path: op.path, expectedVersion: -1, recursive: false };
  }
  if (r < 52) {
    const n = () => Array.from({ length: rng.int(3) }, () => randomOp(rng, g));
    return {
      op: 'txn',
      compares: Array.from({ length: rng.int(3) }, () => randomCompare(rng)),
      success: n(),
      failure: n(),
    };
  }
  if (r < 62) return { op: 'open-session', ttlMs: 1000 + rng.int(5000) };
  if (r < 67 && g.sessions.length > 0)
    return { op: 'close-session', sessionId: rng.pick(g.sessions) };
  if (r < 72 && g.sessions.length > 0) {
    return { op: 'expire-sessions', sessionIds: g.sessions.filter(() => rng.chance(0.3)) };
  }
  if (r < 88) {
    const sessionId = g.sessions.length > 0 ? rng.pick(g.sessions) : 1;
    return { op: 'lock', name: rng.pick(['/a', '/b', '/c/a']), sessionId };
  }
  if (g.lockKeys.length > 0) return { op: 'unlock', key: rng.pick(g.lockKeys) };
  return { op: 'open-session', ttlMs: 0 };
}

/** Records what a command's result taught the generator. */
export function learn(g: GenState, cmd: Command, value: unknown): void {
  if (cmd.op === 'open-session') g.sessions.push((value as { sessionId: number }).sessionId);
  if (cmd.op === 'lock') g.lockKeys.push((value as { key: string }).key);
  if (g.sessions.length > 20) g.sessions.shift();
  if (g.lockKeys.length > 20) g.lockKeys.shift();
}

/** Applies `n` random commands at indexes from `from`, learning what they created; their outputs. */
export function applyRandom(
  sm: CoordStateMachine,
  rng: Rng,
  g: GenState,
  from: number,
  n: number,
): ApplyOutput[] {
  const outs: ApplyOutput[] = [];
  for (let i = 0; i < n; i++) {
    const cmd = randomCommand(rng, g);
    const out = sm.apply(from + i, cmd);
    if (out.result.ok) learn(g, cmd, out.result.value);
    outs.push(out);
  }
  return outs;
}
