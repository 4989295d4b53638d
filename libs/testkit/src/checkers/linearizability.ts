/**
 * Linearizability of a register/CAS history (register-history.ts): is there one order of the
 * operations, consistent with real time (an operation that completed before another was invoked
 * comes first), in which each operation's result is what a single register (register-model.ts)
 * would return? This is the consistency the coordination service promises for its keys.
 *
 * The search is Wing and Gong's: walk the history in time order, tentatively linearize any
 * pending operation the model accepts next, and backtrack when an operation's completion is
 * reached before it was linearized. Lowe's memoization makes it practical: a (set of linearized
 * operations, register state) pair that was explored once cannot succeed the second time, so
 * it is pruned. And linearizability is local (P-compositional): a history is linearizable iff
 * each key's sub-history is, so each key is searched on its own, as Porcupine does.
 *
 * `info` operations (unknown outcome) have no completion: they may be linearized anywhere after
 * their invocation, or last, which amounts to never. `fail` operations did not happen and are
 * left out, as are `info` reads (they observed nothing anyone knows).
 *
 * The search is exponential in the worst case, so it is bounded: past `maxSteps` model steps on
 * one key the verdict for that key is `unknown` rather than a guess. Everything is deterministic.
 */
import {
  describeOp,
  parseRegisterOp,
  type RegisterOp,
  type RegisterValue,
} from './register-history';
import {
  compileSteps,
  IMPOSSIBLE,
  READ,
  stepRegister,
  WRITE,
  type RegisterStep,
  type RegisterValues,
} from './register-model';

export interface LinearizabilityOptions {
  /** The value of every key before the history begins (default `null`, the key is absent). */
  initial?: RegisterValue;
  /** Model steps the search may take on one key before it gives up with `unknown`. */
  maxSteps?: number;
  /** Memory the search's cache may take on one key before it gives up with `unknown`. */
  maxCacheBytes?: number;
}

export const DEFAULT_MAX_STEPS = 2_000_000;
export const DEFAULT_MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** Why a key's sub-history has no linearization, at the furthest point the search got to. */
export interface NonLinearizableExplanation {
  key: string;
  message: string;
  /** Operations in the longest partial linearization the search found. */
  linearizedCount: number;
  /** The last few of them, in linearization order. */
  lastLinearized: RegisterOp[];
  /** The register's value after that partial linearization. */
  stateAfter: RegisterValue;
  /** An operation that completed without being linearizable before its completion. */
  blocking: RegisterOp;
  /** The other operations that could have come next (invoked, not yet linearized). */
  concurrent: RegisterOp[];
}

export type LinearizabilityResult =
  | { ok: true; verdict: 'linearizable'; keys: number; ops: number; steps: number }
  | {
      ok: false;
      verdict: 'not-linearizable';
      key: string;
      explanation: NonLinearizableExplanation;
      steps: number;
    }
  | { ok: false; verdict: 'unknown'; key: string; message: string; steps: number };

type KeyResult =
  | { verdict: 'linearizable'; steps: number }
  | { verdict: 'not-linearizable'; explanation: NonLinearizableExplanation; steps: number }
  | { verdict: 'unknown'; why: string; steps: number };

/** How many linearized operations before the blocking one an explanation shows. */
const CONTEXT = 4;

/**
 * Checks a whole history, key by key. A definite violation on any key wins over `unknown` on
 * another, since it is a counterexample whatever the unknown key holds.
 */
export function checkLinearizable(
  history: readonly RegisterOp[],
  options: LinearizabilityOptions = {},
): LinearizabilityResult {
  const initial = options.initial ?? null;
  const limits = {
    steps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    cacheBytes: options.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES,
  };
  const byKey = new Map<string, RegisterOp[]>();
  for (const op of history) {
    parseRegisterOp(op); // a missing completion would silently break the time order
    // A failed operation did not happen; an unanswered read observed nothing.
    if (op.outcome === 'fail' || (op.outcome === 'info' && op.op === 'read')) continue;
    let ops = byKey.get(op.key);
    if (!ops) byKey.set(op.key, (ops = []));
    ops.push(op);
  }
  let steps = 0;
  let ops = 0;
  let unknown: { key: string; why: string } | undefined;
  // Sorted so that which violation is reported does not depend on the order keys first appear.
  for (const key of [...byKey.keys()].sort()) {
    const keyOps = byKey.get(key)!;
    const result = checkKey(key, withoutUnobservedInfo(keyOps), initial, limits);
    steps += result.steps;
    ops += keyOps.length;
    if (result.verdict === 'not-linearizable') {
      return {
        ok: false,
        verdict: 'not-linearizable',
        key,
        explanation: result.explanation,
        steps,
      };
    }
    if (result.verdict === 'unknown') unknown ??= { key, why: result.why };
  }
  if (unknown !== undefined) {
    const message = `the search on key ${JSON.stringify(unknown.key)} ${unknown.why}`;
    return { ok: false, verdict: 'unknown', key: unknown.key, message, steps };
  }
  return { ok: true, verdict: 'linearizable', keys: byKey.size, ops, steps };
}

/**
 * Leaves out the `info` writes and cas whose written value no operation observes (no read
 * returns it, no cas expects it): assuming they never happened loses no linearization. In one
 * where such a write W took effect, the ops between W and the next write saw W's value and so
 * observed nothing (failed info cas, which may as well not have happened either); without W
 * they see the value before, and the next write leaves the register as it was. Every unknown
 * op is otherwise pending to the end of the history, and the search's space grows as 2^(ops
 * pending at once), so this is what keeps a run with many timeouts checkable.
 */
function withoutUnobservedInfo(ops: readonly RegisterOp[]): RegisterOp[] {
  let kept = ops;
  // Dropping an info cas removes what it expected from the observed set: repeat to a fixpoint.
  for (;;) {
    const observed = new Set<string>();
    for (const op of kept) {
      if (op.op === 'read') observed.add(JSON.stringify(op.value ?? null));
      else if (op.op === 'cas') observed.add(JSON.stringify(op.expected));
    }
    const next = kept.filter(
      (op) =>
        op.outcome !== 'info' ||
        op.op === 'read' ||
        observed.has(JSON.stringify(op.op === 'write' ? op.value : op.new)),
    );
    if (next.length === kept.length) return [...kept];
    kept = next;
  }
}

/** A small deterministic PRNG for the Zobrist hash of the linearized set. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Lowe's cache of explored (linearized set, state) configurations. The set is a bitset whose
 * Zobrist hash is kept incrementally by the search, so a lookup costs a bitset comparison only
 * when the hash matches; the full comparison keeps a hash collision from pruning a live branch.
 */
class ConfigCache {
  private readonly buckets = new Map<number, { state: number; bits: Uint32Array }[]>();
  /** Roughly what the entries take: their bitsets plus V8's per-object overhead. */
  bytes = 0;

  /** Adds the configuration; false if it was already there. */
  add(hash: number, bits: Uint32Array, state: number): boolean {
    const slot = (hash ^ Math.imul(state + 1, 0x9e3779b1)) | 0;
    let bucket = this.buckets.get(slot);
    if (!bucket) this.buckets.set(slot, (bucket = []));
    for (const seen of bucket) {
      if (seen.state === state && sameBits(seen.bits, bits)) return false;
    }
    bucket.push({ state, bits: bits.slice() });
    this.bytes += bits.byteLength + 120;
    return true;
  }
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkKey(
  key: string,
  ops: readonly RegisterOp[],
  initial: RegisterValue,
  limits: { steps: number; cacheBytes: number },
): KeyResult {
  const n = ops.length;
  const { values, initialState, steps: model } = compileSteps(ops, initial);

  // A read of a value nothing wrote fails whatever the order; say so plainly rather than
  // through the search's furthest point.
  for (const op of ops) {
    if (op.op === 'read' && !values.has(op.value)) {
      const message =
        `key ${JSON.stringify(key)}: ${describeOp(op)} returned a value that no operation on ` +
        `this key wrote (and that is not the initial value ${JSON.stringify(initial)})`;
      const explanation: NonLinearizableExplanation = {
        key,
        message,
        linearizedCount: 0,
        lastLinearized: [],
        stateAfter: initial,
        blocking: op,
        concurrent: [],
      };
      return { verdict: 'not-linearizable', explanation, steps: 0 };
    }
  }

  // Events: node i < n is op i's invocation, node n + i its completion; HEAD is a sentinel.
  // Time order, invocations before completions at equal times (equal times are concurrent).
  const deadlines = infoDeadlines(ops, model, initialState);
  const time = (node: number): number =>
    node < n
      ? ops[node].invoke
      : ops[node - n].outcome === 'info'
        ? deadlines[node - n]
        : ops[node - n].complete!;
  const order = Array.from({ length: 2 * n }, (_, i) => i).sort(
    (x, y) => time(x) - time(y) || Number(x >= n) - Number(y >= n) || x - y,
  );
  const HEAD = 2 * n;
  const next = new Int32Array(2 * n + 1).fill(-1);
  const prev = new Int32Array(2 * n + 1).fill(-1);
  let last = HEAD;
  for (const node of order) {
    next[last] = node;
    prev[node] = last;
    last = node;
  }
  // Linearizing an op removes both its events from the list; backtracking puts them back
  // (dancing links: restore in the reverse order of removal).
  const unlink = (node: number): void => {
    next[prev[node]] = next[node];
    if (next[node] !== -1) prev[next[node]] = prev[node];
  };
  const relink = (node: number): void => {
    next[prev[node]] = node;
    if (next[node] !== -1) prev[next[node]] = node;
  };

  const random = mulberry32(0x5eed ^ n);
  const zobrist = Uint32Array.from({ length: n }, () => random());
  const bits = new Uint32Array(Math.ceil(n / 32));
  const cache = new ConfigCache();
  let hash = 0;
  const flip = (i: number): void => {
    bits[i >>> 5] ^= 1 << (i & 31);
    hash ^= zobrist[i];
  };

  // The linearization so far, with the state before each op so backtracking can restore it.
  const stackOps = new Int32Array(n);
  const stackStates = new Int32Array(n);
  let depth = 0;
  // Done once every op with a completion is linearized: what is left is `info` ops, which can
  // all go last (or never happen).
  let remaining = ops.filter((op) => op.outcome !== 'info').length;

  let best: { depth: number; ops: number[]; state: number; blocking: number; pending: number[] };
  best = { depth: -1, ops: [], state: initialState, blocking: -1, pending: [] };

  let state = initialState;
  let steps = 0;
  let node = next[HEAD];
  while (remaining > 0) {
    if (node < n) {
      // An invocation: try linearizing this op next.
      if (++steps > limits.steps) {
        return { verdict: 'unknown', why: `took more than ${limits.steps} steps`, steps };
      }
      if (cache.bytes > limits.cacheBytes) {
        const why = `filled its cache (${limits.cacheBytes} bytes) after ${steps} steps`;
        return { verdict: 'unknown', why, steps };
      }
      const after = stepRegister(state, model[node]);
      if (after !== IMPOSSIBLE) {
        flip(node);
        if (cache.add(hash, bits, after)) {
          stackOps[depth] = node;
          stackStates[depth] = state;
          depth++;
          state = after;
          unlink(node);
          unlink(node + n);
          if (ops[node].outcome !== 'info') remaining--;
          node = next[HEAD];
          continue;
        }
        flip(node);
      }
      node = next[node];
    } else {
      // A completion of an op not yet linearized: this branch is dead, undo the last choice.
      if (depth > best.depth) {
        const pending: number[] = [];
        for (let at = next[HEAD]; at !== node; at = next[at]) if (at < n) pending.push(at);
        best = {
          depth,
          ops: Array.from(stackOps.subarray(0, depth)),
          state,
          blocking: node - n,
          pending,
        };
      }
      if (depth === 0) {
        return {
          verdict: 'not-linearizable',
          explanation: explain(key, ops, model, values, best),
          steps,
        };
      }
      depth--;
      const op = stackOps[depth];
      state = stackStates[depth];
      relink(op + n);
      relink(op);
      flip(op);
      if (ops[op].outcome !== 'info') remaining++;
      node = next[op];
    }
  }
  return { verdict: 'linearizable', steps };
}

/**
 * When an `info` op must have happened by: if it is the only writer of a value that a definite
 * op observed (an ok read returned it, an ok cas expected it), it took effect before that
 * observer, so before the observer completed. Otherwise never (Infinity). Unique written values,
 * as a workload should use, make this apply to most unknown ops that did happen; without it they
 * would all stay pending to the end and multiply the search.
 */
function infoDeadlines(
  ops: readonly RegisterOp[],
  model: readonly RegisterStep[],
  initialState: number,
): number[] {
  const writers = new Map<number, number>([[initialState, 1]]);
  const seenBy = new Map<number, number>();
  model.forEach((step, i) => {
    if (step.kind !== READ) {
      const v = step.kind === WRITE ? step.a : step.b;
      writers.set(v, (writers.get(v) ?? 0) + 1);
    }
    if (ops[i].outcome === 'ok' && step.kind !== WRITE) {
      seenBy.set(step.a, Math.min(seenBy.get(step.a) ?? Infinity, ops[i].complete!));
    }
  });
  return model.map((step, i) => {
    if (ops[i].outcome !== 'info' || step.kind === READ) return Infinity;
    const v = step.kind === WRITE ? step.a : step.b;
    if (writers.get(v) !== 1) return Infinity;
    // An observer that completed before the op began is a violation the search will find;
    // the op's deadline must not come before its invocation.
    return Math.max(ops[i].invoke, seenBy.get(v) ?? Infinity);
  });
}

/** Words the furthest point of a failed search for a person. */
function explain(
  key: string,
  ops: readonly RegisterOp[],
  model: readonly RegisterStep[],
  values: RegisterValues,
  best: { depth: number; ops: number[]; state: number; blocking: number; pending: number[] },
): NonLinearizableExplanation {
  const blocking = ops[best.blocking];
  const stateAfter = values.value(best.state);
  const concurrent = best.pending.filter((i) => i !== best.blocking).map((i) => ops[i]);
  const lastLinearized = best.ops.slice(-CONTEXT).map((i) => ops[i]);
  const holds = JSON.stringify(stateAfter);
  const step = model[best.blocking];
  const why =
    step.kind === READ
      ? `it returned ${JSON.stringify(blocking.op === 'read' ? blocking.value : null)} but the register holds ${holds}`
      : step.kind === WRITE
        ? `the register holds ${holds}, and no order of what is concurrent with it accounts for the operations after it`
        : stepRegister(best.state, step) === IMPOSSIBLE
          ? `it succeeded, expecting ${JSON.stringify(blocking.op === 'cas' ? blocking.expected : null)}, but the register holds ${holds}`
          : `the register holds ${holds}, and no order of what is concurrent with it accounts for the operations after it`;
  const message =
    `key ${JSON.stringify(key)} is not linearizable: at best ${best.depth} operation(s) can be ` +
    `linearized` +
    (lastLinearized.length ? ` (ending ${lastLinearized.map(describeOp).join('; ')})` : '') +
    `; then ${describeOp(blocking)} completes without having taken effect: ${why}` +
    (concurrent.length
      ? `; the operations that could come before it are ${concurrent.map(describeOp).join('; ')}`
      : '; no other operation could come before it') +
    '.';
  return {
    key,
    message,
    linearizedCount: best.depth,
    lastLinearized,
    stateAfter,
    blocking,
    concurrent,
  };
}
