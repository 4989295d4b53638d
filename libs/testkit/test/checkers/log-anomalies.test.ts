import {
  checkLogHistory,
  describeLogCheck,
  LOG_ANOMALY_CLASSES,
  type LogAnomalyClass,
  type LogCheckResult,
} from '../../src/checkers/log-anomalies';
import {
  formatLogHistory,
  parseLogHistory,
  type CommitOp,
  type LogOp,
  type LogRecord,
  type SendOp,
} from '../../src/checkers/log-history';
import { cleanLogHistory, PLANT_CLASS, PLANTS, plant } from './log-history-gen';

// Small hand-written histories: one topic 't', partition 0, times in steps of 10.
let t = 0;
const at = (): { invoke: number; complete: number } => {
  t += 10;
  return { invoke: t, complete: t + 5 };
};
const send = (
  process: string,
  value: string,
  offset?: number,
  outcome: SendOp['outcome'] = 'ok',
): SendOp => ({
  type: 'send',
  process,
  ...at(),
  topic: 't',
  partition: 0,
  value,
  outcome,
  ...(outcome === 'ok' ? { ack: { partition: 0, offset: offset ?? -1 } } : {}),
});
const recs = (...pairs: [number, string][]): LogRecord[] =>
  pairs.map(([offset, value]) => ({ offset, value }));
const poll = (process: string, records: LogRecord[]): LogOp => ({
  type: 'poll',
  process,
  ...at(),
  group: 'g',
  topic: 't',
  partition: 0,
  records,
});
const assign = (process: string): LogOp => ({
  type: 'assign',
  process,
  ...at(),
  group: 'g',
  partitions: [{ topic: 't', partition: 0 }],
});
const commit = (
  process: string,
  offset: number,
  outcome: CommitOp['outcome'] = 'ok',
): CommitOp => ({
  type: 'commit',
  process,
  ...at(),
  group: 'g',
  topic: 't',
  partition: 0,
  offset,
  outcome,
});
const final = (records: LogRecord[]): LogOp => ({
  type: 'final',
  process: 'final',
  ...at(),
  topic: 't',
  partition: 0,
  records,
});

/** A clean base: three acked values, one failed send, a consumer reading it all in two polls. */
function base(): LogOp[] {
  return [
    send('p0', 'a', 0),
    send('p1', 'b', 1),
    send('p0', 'x', undefined, 'fail'),
    send('p1', 'c', 3), // offset 2 is a control record: offsets may be sparse
    assign('c0'),
    poll('c0', recs([0, 'a'], [1, 'b'])),
    commit('c0', 2),
    poll('c0', recs([3, 'c'])),
    commit('c0', 4),
    final(recs([0, 'a'], [1, 'b'], [3, 'c'])),
  ];
}

/** Times from positions: the hand-written histories run in array order, one op at a time. */
const inOrder = (ops: LogOp[]): LogOp[] =>
  ops.map((op, i) => ({ ...op, invoke: 10 * i, complete: 10 * i + 5 }));
const check = (ops: LogOp[]): LogCheckResult => checkLogHistory(inOrder(ops));

/** The classes with a nonzero count. */
const found = (r: LogCheckResult): LogAnomalyClass[] =>
  LOG_ANOMALY_CLASSES.filter((c) => r.counts[c] > 0);

describe('checkLogHistory on hand-written histories', () => {
  it('passes a clean history, with sparse offsets and a failed send never read', () => {
    const r = check(base());
    expect(found(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.stats).toEqual({
      sends: { ok: 3, fail: 1, info: 0 },
      polls: 2,
      recordsPolled: 3,
      commits: 2,
      finalReads: 1,
    });
    expect(describeLogCheck(r)).toBe('log history: ok');
  });

  it('allows a rewind after an assign marker, and an unknown send read or not', () => {
    const ops = base();
    ops.splice(
      8,
      0,
      assign('c0'),
      poll('c0', recs([1, 'b'])),
      send('p0', 'maybe', undefined, 'info'),
    );
    expect(found(check(ops))).toEqual([]);
  });

  it('lost-write: acked, never read, while a later offset was', () => {
    const ops = base().map((op) =>
      op.type === 'poll' || op.type === 'final'
        ? { ...op, records: op.records.filter((x) => x.value !== 'b') }
        : op,
    );
    const r = check(ops);
    expect(found(r)).toEqual(['lost-write']);
    expect(r.examples['lost-write'][0]).toMatchObject({
      value: 'b',
      offsets: [1],
      processes: ['p1'],
      partition: 't/0',
    });
    expect(describeLogCheck(r)).toContain('lost-write: 1');
  });

  it('lost-write: read by a consumer, then missing from the final read that went past it', () => {
    const ops = base();
    ops[9] = final(recs([0, 'a'], [3, 'c']));
    expect(found(check(ops))).toEqual(['lost-write']);
  });

  it('unseen: acked but past the end of the final read', () => {
    const ops = base();
    ops[9] = final(recs([0, 'a'], [1, 'b']));
    const r = check(ops);
    expect(found(r)).toEqual(['unseen']);
    expect(r.examples.unseen[0].value).toBe('c');
  });

  it('duplicate: one value at two offsets', () => {
    const ops = base();
    ops[9] = final(recs([0, 'a'], [1, 'b'], [3, 'c'], [4, 'a']));
    const r = check(ops);
    expect(found(r)).toEqual(['duplicate']);
    expect(r.examples.duplicate[0]).toMatchObject({ value: 'a', offsets: [0, 4] });
  });

  it('inconsistent-offsets: two values at one offset across reads', () => {
    const ops = base();
    ops.push(send('p2', 'y', undefined, 'info'));
    ops[5] = poll('c0', recs([0, 'a'], [1, 'y']));
    const r = check(ops);
    expect(found(r)).toEqual(['inconsistent-offsets']);
    expect(r.examples['inconsistent-offsets'][0]).toMatchObject({
      offsets: [1],
      values: ['b', 'y'],
    });
  });

  it('nonmonotonic-poll: a poll going back with no marker, between polls and within one', () => {
    const between = base();
    between.splice(8, 0, poll('c0', recs([1, 'b'])));
    expect(found(check(between))).toEqual(['nonmonotonic-poll']);
    const within = base();
    within[5] = poll('c0', recs([0, 'a'], [1, 'b'], [0, 'a']));
    const r = check(within);
    expect(found(r)).toEqual(['nonmonotonic-poll']);
    expect(r.examples['nonmonotonic-poll'][0].detail).toContain('within one poll');
  });

  it('poll-skip: passing over an offset that exists, between polls and within one', () => {
    const between = base();
    between[5] = poll('c0', recs([0, 'a']));
    const r = check(between);
    expect(found(r)).toEqual(['poll-skip']);
    expect(r.examples['poll-skip'][0]).toMatchObject({ offsets: [0, 1, 3], processes: ['c0'] });
    const within = base();
    within[5] = poll('c0', recs([0, 'a']));
    within[7] = poll('c0', recs([1, 'b'], [3, 'c']));
    expect(found(check(within))).toEqual([]);
    within[5] = poll('c0', recs([0, 'a'], [3, 'c']));
    within[7] = poll('c0', recs());
    expect(found(check(within))).toEqual(['poll-skip']);
  });

  it('G1a: reading a value whose send failed', () => {
    const ops = base();
    ops[9] = final(recs([0, 'a'], [1, 'b'], [3, 'c'], [4, 'x']));
    const r = check(ops);
    expect(found(r)).toEqual(['G1a']);
    expect(r.examples.G1a[0]).toMatchObject({ value: 'x', offsets: [4], processes: ['final'] });
  });

  it('unknown-value: reading a value nobody sent', () => {
    const ops = base();
    ops[9] = final(recs([0, 'a'], [1, 'b'], [3, 'c'], [4, 'z']));
    expect(found(check(ops))).toEqual(['unknown-value']);
  });

  it('nonmonotonic-commit: an ok commit lower than one completed before it', () => {
    const ops = base();
    ops.push(commit('zombie', 2));
    const r = check(ops);
    expect(found(r)).toEqual(['nonmonotonic-commit']);
    expect(r.examples['nonmonotonic-commit'][0]).toMatchObject({
      offsets: [4, 2],
      processes: ['c0', 'zombie'],
    });
  });

  it('nonmonotonic-commit: ignores failed commits and concurrent ones', () => {
    const ops = base();
    ops.push(commit('zombie', 2, 'fail'));
    const timed = inOrder(ops);
    // Overlapping the commit of 4: either order is possible.
    timed.push({
      ...commit('c1', 3),
      invoke: timed[8].invoke + 1,
      complete: timed[8].complete + 100,
    });
    expect(found(checkLogHistory(timed))).toEqual([]);
  });

  it('caps examples but counts them all', () => {
    const ops = base();
    for (let i = 0; i < 8; i++) ops.push(commit(`z${i}`, 1));
    const r = checkLogHistory(inOrder(ops), { maxExamples: 3 });
    expect(r.counts['nonmonotonic-commit']).toBe(8);
    expect(r.examples['nonmonotonic-commit']).toHaveLength(3);
  });

  it('round-trips JSON lines and names a bad line', () => {
    const ops = base();
    expect(parseLogHistory(formatLogHistory(ops))).toEqual(ops);
    expect(() => parseLogHistory('{"type":"send"}\n\n{"type":"nope"}\n')).toThrow(/line 3/);
    expect(() => parseLogHistory('{oops')).toThrow(/line 1/);
  });
});

describe('checkLogHistory on generated histories', () => {
  const SEEDS = 300;

  it(`passes ${SEEDS} clean histories (several producers, partitions, consumers, rebalances)`, () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const ops = cleanLogHistory(seed);
      const r = checkLogHistory(ops);
      if (!r.ok) throw new Error(`seed ${seed}:\n${describeLogCheck(r)}`);
    }
  });

  it(`catches one planted bug per seed, as exactly its class (${SEEDS} seeds)`, () => {
    const caught = new Map<string, number>();
    for (let seed = 0; seed < SEEDS; seed++) {
      const kind = PLANTS[seed % PLANTS.length];
      // A history with no place for the plant (rare) is replaced by the next seed's.
      let ops: LogOp[] | undefined;
      for (let s = seed; !ops; s += SEEDS) ops = plant(cleanLogHistory(s), kind, seed);
      const r = checkLogHistory(ops);
      const classes = found(r);
      if (classes.length !== 1 || classes[0] !== PLANT_CLASS[kind]) {
        throw new Error(
          `seed ${seed}, planted ${kind}, found [${classes.join(', ')}]:\n${describeLogCheck(r)}`,
        );
      }
      caught.set(kind, (caught.get(kind) ?? 0) + 1);
    }
    expect([...caught.keys()].sort()).toEqual([...PLANTS].sort());
  });
});
