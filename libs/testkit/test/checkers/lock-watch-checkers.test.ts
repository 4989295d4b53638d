import {
  checkLockHistory,
  LOCK_ANOMALY_CLASSES,
  type LockOp,
} from '../../src/checkers/lock-checker';
import {
  checkWatches,
  WATCH_ANOMALY_CLASSES,
  type KeyChange,
  type WatchObservation,
} from '../../src/checkers/watch-checker';
import { rng } from './log-history-gen';

const nonzero = <C extends string>(classes: readonly C[], counts: Record<C, number>): C[] =>
  classes.filter((c) => counts[c] > 0);

/**
 * A clean lock history: holders take turns (tokens 1, 2, ...), each writing with its token while
 * it holds; some lose their session instead of releasing, and a deposed holder's late write is
 * rejected by the resource, as fencing is meant to make it.
 */
function cleanLocks(seed: number): LockOp[] {
  const rand = rng(seed);
  const ops: LockOp[] = [];
  let t = 0;
  const span = (): { invoke: number; complete: number } => {
    t += 1 + Math.floor(rand() * 3);
    return { invoke: t, complete: (t += 1) };
  };
  let previous: { process: string; token: number } | undefined;
  for (let token = 1; token <= 20; token++) {
    const process = `c${Math.floor(rand() * 4)}`;
    ops.push({ type: 'acquire', process, lock: 'L', token, outcome: 'ok', ...span() });
    for (let w = Math.floor(rand() * 3); w > 0; w--)
      ops.push({ type: 'write', process, lock: 'L', token, outcome: 'ok', ...span() });
    if (previous && rand() < 0.3) {
      ops.push({
        type: 'write',
        process: previous.process,
        lock: 'L',
        token: previous.token,
        outcome: 'fail',
        ...span(),
      });
    }
    if (rand() < 0.8)
      ops.push({ type: 'release', process, lock: 'L', token, outcome: 'ok', ...span() });
    else ops.push({ type: 'lost', process, lock: 'L', token, ...span() });
    previous = { process, token };
  }
  return ops;
}

describe('checkLockHistory', () => {
  it('passes 200 clean seeded histories', () => {
    for (let seed = 0; seed < 200; seed++) {
      const r = checkLockHistory(cleanLocks(seed));
      if (!r.ok) throw new Error(`seed ${seed}: ${JSON.stringify(r.examples)}`);
    }
  });

  it('catches a deposed holder whose write the resource accepted (stale token)', () => {
    const ops = cleanLocks(1);
    const last = Math.max(...ops.map((op) => op.complete));
    ops.push({
      type: 'write',
      process: 'old',
      lock: 'L',
      token: 3,
      outcome: 'ok',
      invoke: last + 1,
      complete: last + 2,
    });
    const r = checkLockHistory(ops);
    expect(nonzero(LOCK_ANOMALY_CLASSES, r.counts)).toEqual(['stale-write-accepted']);
    const [example] = r.examples['stale-write-accepted'];
    expect(example.tokens[1]).toBe(3);
    expect(example.tokens[0]).toBeGreaterThan(3);
    expect(example.processes[1]).toBe('old');
  });

  it('catches a double holder: two definite holding intervals overlapping', () => {
    const ops: LockOp[] = [
      { type: 'acquire', process: 'a', lock: 'L', token: 1, outcome: 'ok', invoke: 0, complete: 1 },
      { type: 'acquire', process: 'b', lock: 'L', token: 2, outcome: 'ok', invoke: 2, complete: 3 },
      { type: 'write', process: 'a', lock: 'L', token: 1, outcome: 'ok', invoke: 2, complete: 3 },
      { type: 'write', process: 'b', lock: 'L', token: 2, outcome: 'ok', invoke: 4, complete: 5 },
      { type: 'release', process: 'a', lock: 'L', token: 1, outcome: 'ok', invoke: 6, complete: 7 },
      { type: 'release', process: 'b', lock: 'L', token: 2, outcome: 'ok', invoke: 8, complete: 9 },
    ];
    const r = checkLockHistory(ops);
    expect(nonzero(LOCK_ANOMALY_CLASSES, r.counts)).toEqual(['overlapping-holders']);
    expect(r.examples['overlapping-holders'][0]).toMatchObject({
      tokens: [1, 2],
      processes: ['a', 'b'],
    });
  });

  it('leaves a holder that never learned of its expiry to the fencing check', () => {
    const ops: LockOp[] = [
      { type: 'acquire', process: 'a', lock: 'L', token: 1, outcome: 'ok', invoke: 0, complete: 1 },
      { type: 'acquire', process: 'b', lock: 'L', token: 2, outcome: 'ok', invoke: 2, complete: 3 },
      { type: 'release', process: 'b', lock: 'L', token: 2, outcome: 'ok', invoke: 8, complete: 9 },
    ];
    expect(checkLockHistory(ops).ok).toBe(true);
  });

  it('catches a token granted twice, and one going backwards', () => {
    const ops = cleanLocks(2);
    const last = Math.max(...ops.map((op) => op.complete));
    ops.push({
      type: 'acquire',
      process: 'z',
      lock: 'L',
      token: 7,
      outcome: 'ok',
      invoke: last + 1,
      complete: last + 2,
    });
    const r = checkLockHistory(ops);
    expect(nonzero(LOCK_ANOMALY_CLASSES, r.counts)).toEqual(['token-reused']);
    expect(r.counts['token-reused']).toBe(2);
  });
});

describe('checkWatches', () => {
  const writes: KeyChange[] = [
    { key: '/cfg/a', revision: 3, kind: 'put', value: '1' },
    { key: '/cfg/b', revision: 4, kind: 'put', value: '2' },
    { key: '/other', revision: 5, kind: 'put', value: 'x' },
    { key: '/cfg/a', revision: 6, kind: 'delete' },
    { key: '/cfg/a', revision: 8, kind: 'put', value: '3' },
  ];
  const ofA = writes.filter((w) => w.key === '/cfg/a');
  const watch = (events: KeyChange[], extra: Partial<WatchObservation> = {}): WatchObservation => ({
    process: 'w0',
    key: '/cfg/a',
    from: 0,
    events,
    ...extra,
  });
  const found = (ws: WatchObservation[]) =>
    nonzero(WATCH_ANOMALY_CLASSES, checkWatches(writes, ws).counts);

  it('passes complete in-order watches: of a key, of a prefix, and one resumed from a revision', () => {
    expect(
      found([
        watch(ofA),
        watch(
          writes.filter((w) => w.key.startsWith('/cfg/')),
          { key: '/cfg/', prefix: true },
        ),
        watch(ofA.slice(1), { from: 4 }),
      ]),
    ).toEqual([]);
  });

  it('catches a gap: a change between delivered ones, or before a progress mark', () => {
    expect(found([watch([ofA[0], ofA[2]])])).toEqual(['missed-event']);
    const r = checkWatches(writes, [watch(ofA.slice(0, 2), { upTo: 9 })]);
    expect(nonzero(WATCH_ANOMALY_CLASSES, r.counts)).toEqual(['missed-event']);
    expect(r.examples['missed-event'][0].revisions).toEqual([8]);
  });

  it('catches events out of revision order and repeats', () => {
    expect(found([watch([ofA[1], ofA[0], ofA[2]])])).toEqual(['out-of-order']);
    expect(found([watch([ofA[0], ofA[1], ofA[1], ofA[2]])])).toEqual(['out-of-order']);
  });

  it('catches an event nobody wrote, a wrong value, and a key outside the watch', () => {
    expect(
      found([watch([...ofA, { key: '/cfg/a', revision: 9, kind: 'put', value: '4' }])]),
    ).toEqual(['phantom-event']);
    expect(found([watch([ofA[0], ofA[1], { ...ofA[2], value: 'stale' }])])).toEqual([
      'phantom-event',
    ]);
    expect(found([watch([ofA[0], writes[1], ofA[1], ofA[2]])])).toEqual(['phantom-event']);
  });
});
