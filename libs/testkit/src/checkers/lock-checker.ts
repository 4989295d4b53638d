/**
 * Checks a lock workload: clients acquire a lock (getting a fencing token), write to a resource
 * it guards carrying that token, and release it. A lock service can only promise mutual
 * exclusion up to what a client can observe (a paused client may hold a lock whose session has
 * already expired), so the promise that matters is the one the fencing token gives the resource.
 *
 * - stale-write-accepted: the resource accepted a write whose token is lower than that of a write
 *   it accepted before (one that completed before this one was invoked). This is the real "two
 *   holders at once": a deposed holder's write got through after its successor's.
 * - token-reused: two grants of one lock with the same token, or a grant with a token not above
 *   one granted before it began: tokens must be strictly increasing per lock.
 * - overlapping-holders: two clients that both definitely held the lock at once: each interval
 *   runs from its acquire's completion to its release's invocation (or to the invocation of the
 *   client's notice that its session expired). A grant never released and never noticed lost has
 *   no known end, so it is left to the fencing check: a session can expire behind a client's back.
 *
 * Pure: no I/O, no clock. The verdict is ok only when every count is zero.
 */
export type LockOp =
  | {
      type: 'acquire';
      process: string;
      lock: string;
      token?: number;
      outcome: 'ok' | 'fail' | 'info';
      invoke: number;
      complete: number;
    }
  | {
      type: 'release';
      process: string;
      lock: string;
      token: number;
      outcome: 'ok' | 'fail' | 'info';
      invoke: number;
      complete: number;
    }
  /** The client learned its session (and with it the lock) was gone. */
  | { type: 'lost'; process: string; lock: string; token: number; invoke: number; complete: number }
  /** A write at the guarded resource: ok = accepted, fail = rejected as fenced, info = unknown. */
  | {
      type: 'write';
      process: string;
      lock: string;
      token: number;
      outcome: 'ok' | 'fail' | 'info';
      invoke: number;
      complete: number;
    };

export const LOCK_ANOMALY_CLASSES = [
  'stale-write-accepted',
  'token-reused',
  'overlapping-holders',
] as const;
export type LockAnomalyClass = (typeof LOCK_ANOMALY_CLASSES)[number];

export interface LockAnomaly {
  class: LockAnomalyClass;
  lock: string;
  tokens: number[];
  processes: string[];
  detail: string;
}

export interface LockCheckResult {
  ok: boolean;
  counts: Record<LockAnomalyClass, number>;
  examples: Record<LockAnomalyClass, LockAnomaly[]>;
}

interface Timed {
  invoke: number;
  complete: number;
}

/**
 * For each op in invoke order, the op with the highest `rank` among those that completed before
 * it was invoked: "the highest thing already known" in real time. A sweep, O(n log n).
 */
function highestBefore<T extends Timed>(ops: readonly T[], rank: (op: T) => number): [T, T][] {
  const byComplete = [...ops].sort((a, b) => a.complete - b.complete);
  const byInvoke = [...ops].sort((a, b) => a.invoke - b.invoke);
  const out: [T, T][] = [];
  let i = 0;
  let highest: T | undefined;
  for (const op of byInvoke) {
    while (i < byComplete.length && byComplete[i].complete < op.invoke) {
      if (!highest || rank(byComplete[i]) > rank(highest)) highest = byComplete[i];
      i++;
    }
    if (highest) out.push([highest, op]);
  }
  return out;
}

export function checkLockHistory(
  ops: readonly LockOp[],
  options: { maxExamples?: number } = {},
): LockCheckResult {
  const maxExamples = options.maxExamples ?? 5;
  const counts = { 'stale-write-accepted': 0, 'token-reused': 0, 'overlapping-holders': 0 };
  const examples: Record<LockAnomalyClass, LockAnomaly[]> = {
    'stale-write-accepted': [],
    'token-reused': [],
    'overlapping-holders': [],
  };
  const report = (a: LockAnomaly): void => {
    counts[a.class]++;
    if (examples[a.class].length < maxExamples) examples[a.class].push(a);
  };

  for (const lock of new Set(ops.map((op) => op.lock))) {
    const mine = ops.filter((op) => op.lock === lock);

    const accepted = mine.filter(
      (op): op is Extract<LockOp, { type: 'write' }> => op.type === 'write' && op.outcome === 'ok',
    );
    for (const [before, w] of highestBefore(accepted, (op) => op.token)) {
      if (w.token < before.token) {
        report({
          class: 'stale-write-accepted',
          lock,
          tokens: [before.token, w.token],
          processes: [before.process, w.process],
          detail: `resource accepted token ${w.token} from ${w.process} (invoked at ${w.invoke}) after token ${before.token} from ${before.process} (completed at ${before.complete})`,
        });
      }
    }

    const grants = mine.filter(
      (op): op is Extract<LockOp, { type: 'acquire' }> & { token: number } =>
        op.type === 'acquire' && op.outcome === 'ok' && op.token !== undefined,
    );
    const byToken = new Map<number, typeof grants>();
    for (const g of grants) byToken.set(g.token, [...(byToken.get(g.token) ?? []), g]);
    for (const [token, same] of byToken) {
      if (same.length > 1) {
        report({
          class: 'token-reused',
          lock,
          tokens: [token],
          processes: same.map((g) => g.process),
          detail: `token ${token} of ${lock} was granted ${same.length} times`,
        });
      }
    }
    for (const [before, g] of highestBefore(grants, (op) => op.token)) {
      if (g.token < before.token) {
        report({
          class: 'token-reused',
          lock,
          tokens: [before.token, g.token],
          processes: [before.process, g.process],
          detail: `${g.process} was granted token ${g.token} of ${lock} after ${before.process} had been granted ${before.token}`,
        });
      }
    }

    // Definite holding intervals: grant completed .. release (or noticed loss) invoked.
    const intervals: { process: string; token: number; from: number; to: number }[] = [];
    for (const g of grants) {
      const end = mine.find(
        (op) =>
          (op.type === 'release' || op.type === 'lost') &&
          op.token === g.token &&
          op.process === g.process &&
          op.invoke >= g.complete,
      );
      if (end)
        intervals.push({ process: g.process, token: g.token, from: g.complete, to: end.invoke });
    }
    intervals.sort((a, b) => a.from - b.from);
    for (let i = 0; i < intervals.length; i++) {
      for (let j = i + 1; j < intervals.length && intervals[j].from < intervals[i].to; j++) {
        const [a, b] = [intervals[i], intervals[j]];
        report({
          class: 'overlapping-holders',
          lock,
          tokens: [a.token, b.token],
          processes: [a.process, b.process],
          detail: `${a.process} held ${lock} (token ${a.token}) over ${a.from}..${a.to} while ${b.process} held it (token ${b.token}) from ${b.from}`,
        });
      }
    }
  }
  return { ok: LOCK_ANOMALY_CLASSES.every((c) => counts[c] === 0), counts, examples };
}
