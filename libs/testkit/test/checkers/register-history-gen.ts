/**
 * Test helpers for the linearizability checker: register histories generated from a real
 * sequential execution (so they are linearizable by construction), corruptions that make a
 * history non-linearizable whatever the interleaving, and a brute-force oracle for small ones.
 */
import type { RegisterOp, RegisterValue } from '../../src/checkers/register-history';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  processes: number;
  keys: number;
  ops: number;
  /** Chance that an operation's outcome is unknown (it then applies or not, half each). */
  pInfo: number;
}

/**
 * A history from a real execution: each op gets a random interval on its process's timeline
 * (processes overlap freely) and a linearization point inside it (an `info` op's point may fall
 * long after the client gave up); running the ops on one register per key in point order gives
 * every result. Written values are unique, which the corruptions rely on.
 */
export function generateHistory(seed: number, o: GenOptions): RegisterOp[] {
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const clock = new Array<number>(o.processes).fill(0);
  const name = Array.from({ length: o.processes }, (_, p) => p);
  let fresh = 0;
  const planned: { op: RegisterOp; at: number; applies: boolean }[] = [];
  // Values written so far per key, for cas to expect something plausible.
  const written = new Map<string, RegisterValue[]>();
  for (let i = 0; i < o.ops; i++) {
    const p = int(0, o.processes - 1);
    const key = `k${int(0, o.keys - 1)}`;
    const invoke = clock[p] + int(0, 3);
    const complete = invoke + int(0, 12);
    const info = r() < o.pInfo;
    const kind = r();
    let op: RegisterOp;
    const base = { process: name[p], key, invoke, complete, outcome: 'ok' as const };
    if (kind < 0.4) op = { ...base, op: 'read' };
    else if (kind < 0.7) op = { ...base, op: 'write', value: ++fresh };
    else {
      const seen = written.get(key) ?? [null];
      // Mostly the latest value written (likely to succeed), sometimes an older one.
      const expected = r() < 0.7 ? seen[seen.length - 1] : seen[int(0, seen.length - 1)];
      op = { ...base, op: 'cas', expected, new: ++fresh };
    }
    if (op.op !== 'read')
      written.set(key, [...(written.get(key) ?? [null]), op.op === 'write' ? op.value : op.new]);
    let at = invoke + r() * (complete - invoke);
    let applies = true;
    if (info) {
      op.outcome = 'info';
      applies = r() < 0.5;
      at = invoke + r() * (complete - invoke) * 3;
      // As in Jepsen, a client whose op is in doubt is replaced by a new process.
      name[p] += o.processes;
    } else if (op.op !== 'read' && r() < 0.05) {
      // Refused: definitely did not happen.
      op.outcome = 'fail';
      applies = false;
    }
    clock[p] = complete + 1;
    planned.push({ op, at, applies });
  }
  const register = new Map<string, RegisterValue>();
  for (const { op, applies } of [...planned].sort((a, b) => a.at - b.at)) {
    if (!applies) continue;
    const state = register.get(op.key) ?? null;
    if (op.op === 'read') {
      if (op.outcome === 'ok') op.value = state;
    } else if (op.op === 'write') register.set(op.key, op.value);
    else if (state === op.expected) register.set(op.key, op.new);
    else if (op.outcome === 'ok') op.outcome = 'fail'; // expected another value: no effect
  }
  for (const { op } of planned) if (op.outcome === 'info') delete op.complete;
  return planned.map((p) => p.op).sort((a, b) => a.invoke - b.invoke);
}

export type Corruption = 'never-written' | 'stale-read' | 'double-cas' | 'future-read';
export const CORRUPTIONS: Corruption[] = [
  'never-written',
  'stale-read',
  'double-cas',
  'future-read',
];

const definitelyBefore = (a: RegisterOp, b: RegisterOp): boolean =>
  a.outcome !== 'info' && a.complete! < b.invoke;
const okMutation = (op: RegisterOp): boolean => op.op !== 'read' && op.outcome === 'ok';
const writtenValue = (op: RegisterOp): RegisterValue =>
  op.op === 'write' ? op.value : op.op === 'cas' ? op.new : null;

/**
 * Plants one violation in a copy of a generated history, or returns undefined if the history
 * has no place for it. Each is a violation under every interleaving, given unique values:
 * - never-written: an ok read returns a value no one wrote;
 * - stale-read: an ok read returns the value of X although a mutation W came after X and
 *   completed before the read began (a lost write, seen from the read);
 * - double-cas: a second op turned into a successful cas from the same expected value as an
 *   ok cas (the value it expects is written once, and either cas overwrites it);
 * - future-read: an ok read returns the value of a write invoked after the read completed.
 */
export function corrupt(
  history: readonly RegisterOp[],
  kind: Corruption,
  seed: number,
): { history: RegisterOp[]; planted: RegisterOp } | undefined {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(r() * xs.length)];
  const h = history.map((op) => ({ ...op }));
  const reads = h.filter((op) => op.op === 'read' && op.outcome === 'ok');
  if (kind === 'never-written') {
    const read = pick(reads);
    if (!read) return undefined;
    (read as { value: RegisterValue }).value = 'never-written';
    return { history: h, planted: read };
  }
  if (kind === 'stale-read') {
    const choices: { read: RegisterOp; value: RegisterValue }[] = [];
    for (const read of reads) {
      const mutations = h.filter((op) => op.key === read.key && okMutation(op));
      // The latest-invoked mutation W that completed before the read began: any X that
      // completed before W began is overwritten by the time of the read.
      const before = mutations.filter((w) => definitelyBefore(w, read));
      if (before.length === 0) continue;
      const lastInvoke = Math.max(...before.map((w) => w.invoke));
      choices.push({ read, value: null }); // the initial value precedes every mutation
      for (const x of mutations) {
        if (x.complete! < lastInvoke) choices.push({ read, value: writtenValue(x) });
      }
    }
    const c = pick(choices);
    if (!c) return undefined;
    (c.read as { value: RegisterValue }).value = c.value;
    return { history: h, planted: c.read };
  }
  if (kind === 'double-cas') {
    const cas = pick(h.filter((op) => op.op === 'cas' && op.outcome === 'ok'));
    if (!cas || cas.op !== 'cas') return undefined;
    const other = pick(h.filter((op) => op !== cas && op.key === cas.key && op.outcome !== 'info'));
    if (!other) return undefined;
    const i = h.indexOf(other);
    const planted: RegisterOp = {
      process: other.process,
      key: other.key,
      invoke: other.invoke,
      complete: other.complete,
      outcome: 'ok',
      op: 'cas',
      expected: cas.expected,
      new: 'double-cas',
    };
    h[i] = planted;
    return { history: h, planted };
  }
  const choices: { read: RegisterOp; value: RegisterValue }[] = [];
  for (const read of reads) {
    for (const w of h) {
      if (
        w.key === read.key &&
        w.op !== 'read' &&
        w.outcome !== 'fail' &&
        definitelyBefore(read, w)
      ) {
        choices.push({ read, value: writtenValue(w) });
      }
    }
  }
  const c = pick(choices);
  if (!c) return undefined;
  (c.read as { value: RegisterValue }).value = c.value;
  return { history: h, planted: c.read };
}

/**
 * Linearizability by brute force, for histories of a few ops on one key: every choice of which
 * `info` ops happened, every order of those and the definite ops that respects real time.
 * Written independently of the checker's tricks (no memo, no "info goes last"), to test them.
 */
export function bruteForceLinearizable(
  history: readonly RegisterOp[],
  initial: RegisterValue = null,
): boolean {
  const all = history.filter(
    (op) => op.outcome !== 'fail' && !(op.outcome === 'info' && op.op === 'read'),
  );
  const info = all.filter((op) => op.outcome === 'info');
  const definite = all.filter((op) => op.outcome !== 'info');
  const complete = (op: RegisterOp): number => (op.outcome === 'info' ? Infinity : op.complete!);
  const search = (left: RegisterOp[], state: RegisterValue): boolean => {
    if (left.length === 0) return true;
    return left.some((op, i) => {
      // Op can go next only if nothing left had completed before it was invoked.
      if (left.some((u) => complete(u) < op.invoke)) return false;
      let after: RegisterValue;
      if (op.op === 'read') {
        if (op.value !== state) return false;
        after = state;
      } else if (op.op === 'write') after = op.value;
      else if (state === op.expected) after = op.new;
      else if (op.outcome === 'info')
        after = state; // it ran and found another value
      else return false;
      return search([...left.slice(0, i), ...left.slice(i + 1)], after);
    });
  };
  for (let mask = 0; mask < 1 << info.length; mask++) {
    const happened = info.filter((_, i) => mask & (1 << i));
    if (search([...definite, ...happened], initial)) return true;
  }
  return false;
}
