/**
 * The linearizability checker on hand-written histories whose verdict is known, on histories
 * generated from real sequential executions (must pass) with one planted violation (must fail),
 * and against a brute-force oracle on small random histories.
 */
import { checkLinearizable } from '../../src/checkers/linearizability';
import {
  parseRegisterHistory,
  type RegisterOp,
  type RegisterValue,
} from '../../src/checkers/register-history';
import {
  bruteForceLinearizable,
  corrupt,
  CORRUPTIONS,
  generateHistory,
  rng,
} from './register-history-gen';

// Shorthand: an op on key "x" by process p over [invoke, complete].
type Span = [process: string, invoke: number, complete?: number];
const ok = { outcome: 'ok' as const, key: 'x' };
const span = ([process, invoke, complete]: Span) => ({ process, invoke, complete });
const read = (s: Span, value: RegisterValue): RegisterOp => ({
  ...ok,
  ...span(s),
  op: 'read',
  value,
});
const write = (s: Span, value: RegisterValue): RegisterOp => ({
  ...ok,
  ...span(s),
  op: 'write',
  value,
});
const cas = (s: Span, expected: RegisterValue, next: RegisterValue): RegisterOp => ({
  ...ok,
  ...span(s),
  op: 'cas',
  expected,
  new: next,
});
const info = (op: RegisterOp): RegisterOp => ({ ...op, outcome: 'info', complete: undefined });
const failed = (op: RegisterOp): RegisterOp => ({ ...op, outcome: 'fail' });
const onKey = (key: string, ops: RegisterOp[]): RegisterOp[] => ops.map((op) => ({ ...op, key }));

describe('linearizable histories pass', () => {
  const cases: [string, RegisterOp[]][] = [
    ['empty', []],
    [
      'sequential write, read, cas, read',
      [write(['a', 0, 1], 1), read(['b', 2, 3], 1), cas(['a', 4, 5], 1, 2), read(['b', 6, 7], 2)],
    ],
    ['a read of the absent key before any write', [read(['a', 0, 1], null), write(['b', 2, 3], 1)]],
    [
      'concurrent writes, the later-invoked one linearized first',
      [
        write(['a', 0, 10], 1),
        write(['b', 1, 9], 2),
        read(['c', 11, 12], 1),
        read(['a', 13, 14], 1),
      ],
    ],
    [
      'reads overlapping a write see the old value, then the new',
      [
        write(['a', 0, 1], 1),
        write(['b', 2, 20], 2),
        read(['c', 3, 4], 1),
        read(['d', 5, 6], 2),
        read(['c', 7, 8], 2),
      ],
    ],
    [
      'a chain of overlapping cas',
      [
        cas(['a', 0, 5], null, 1),
        cas(['b', 1, 6], 1, 2),
        cas(['c', 2, 7], 2, 3),
        read(['d', 3, 4], 1),
        read(['a', 8, 9], 3),
      ],
    ],
    [
      'ops that touch at the same instant are concurrent',
      [write(['a', 0, 5], 1), read(['b', 5, 6], null)],
    ],
    [
      'an info write that took effect after its client gave up',
      [
        write(['a', 0, 1], 1),
        info(write(['b', 2, 3], 2)),
        read(['c', 10, 11], 1),
        read(['c', 20, 21], 2),
      ],
    ],
    [
      'an info write that never took effect',
      [write(['a', 0, 1], 1), info(write(['b', 2, 3], 2)), read(['c', 10, 11], 1)],
    ],
    [
      'an info cas that took effect, and one that did not',
      [
        write(['a', 0, 1], 1),
        info(cas(['b', 2], 1, 2)),
        info(cas(['c', 2], 1, 3)),
        read(['d', 10, 11], 2),
      ],
    ],
    [
      'a failed write did not happen',
      [write(['a', 0, 1], 1), failed(write(['b', 2, 3], 2)), read(['c', 4, 5], 1)],
    ],
    [
      'an info read observed nothing',
      [write(['a', 0, 1], 1), info(read(['b', 2], 7)), read(['c', 4, 5], 1)],
    ],
  ];
  test.each(cases)('%s', (_, history) => {
    const result = checkLinearizable(history);
    expect(result).toMatchObject({ ok: true, verdict: 'linearizable' });
  });

  test('keys are independent: per-key orders need not combine into one order', () => {
    // x says b's write came first, y says a's: fine, because each key is its own object.
    const history = [
      ...onKey('x', [write(['a', 0, 10], 1), write(['b', 0, 10], 2), read(['c', 11, 12], 1)]),
      ...onKey('y', [write(['a', 0, 10], 1), write(['b', 0, 10], 2), read(['c', 11, 12], 2)]),
    ];
    expect(checkLinearizable(history)).toMatchObject({ ok: true, keys: 2, ops: 6 });
  });
});

describe('non-linearizable histories fail', () => {
  const cases: [string, RegisterOp[]][] = [
    [
      'a stale read after a completed write',
      [write(['a', 0, 1], 1), write(['a', 2, 3], 2), read(['b', 4, 5], 1)],
    ],
    [
      'a lost write: a read sees an older value after an acknowledged later write',
      [write(['a', 0, 2], 1), write(['b', 3, 5], 2), read(['a', 4, 9], 2), read(['c', 6, 8], 1)],
    ],
    [
      'two successful cas from the same expected value',
      [write(['a', 0, 1], 0), cas(['b', 2, 5], 0, 1), cas(['c', 2, 5], 0, 2)],
    ],
    ['a read of a value never written', [write(['a', 0, 1], 1), read(['b', 2, 3], 42)]],
    [
      'a read of the value of a failed write',
      [failed(write(['a', 0, 1], 9)), read(['b', 2, 3], 9)],
    ],
    [
      'two reads after two concurrent writes disagree',
      [
        write(['a', 0, 10], 1),
        write(['b', 0, 10], 2),
        read(['c', 11, 12], 1),
        read(['d', 11, 12], 2),
      ],
    ],
    [
      'a new value read, then the old one',
      [write(['a', 0, 1], 1), write(['b', 2, 20], 2), read(['c', 3, 4], 2), read(['d', 5, 6], 1)],
    ],
    [
      'an info write cannot take effect before it was invoked',
      [read(['a', 0, 5], 1), info(write(['b', 10], 1))],
    ],
    [
      'a successful cas whose expected value was overwritten',
      [write(['a', 0, 1], 1), write(['a', 2, 3], 2), cas(['b', 4, 5], 1, 3)],
    ],
  ];
  test.each(cases)('%s', (_, history) => {
    expect(checkLinearizable(history)).toMatchObject({
      ok: false,
      verdict: 'not-linearizable',
      key: 'x',
    });
  });

  test('the explanation names the op that cannot take effect and the state it found', () => {
    const stale = read(['b', 4, 5], 1);
    const result = checkLinearizable([write(['a', 0, 1], 1), write(['a', 2, 3], 2), stale]);
    if (result.verdict !== 'not-linearizable') throw new Error(result.verdict);
    const e = result.explanation;
    expect(e.blocking).toBe(stale);
    expect(e.stateAfter).toBe(2);
    expect(e.linearizedCount).toBe(2);
    expect(e.lastLinearized.map((op) => op.op === 'write' && op.value)).toEqual([1, 2]);
    expect(e.concurrent).toEqual([]);
    expect(e.message).toContain('b read → 1 ok [4, 5]');
    expect(e.message).toContain('register holds 2');
  });

  test('the explanation of a read of a value never written says so', () => {
    const result = checkLinearizable([write(['a', 0, 1], 1), read(['b', 2, 3], 42)]);
    if (result.verdict !== 'not-linearizable') throw new Error(result.verdict);
    expect(result.explanation.message).toContain('no operation on this key wrote');
  });

  test('only the broken key is reported', () => {
    const history = [
      ...onKey('good', [write(['a', 0, 1], 1), read(['b', 2, 3], 1)]),
      ...onKey('bad', [write(['a', 0, 1], 1), write(['a', 2, 3], 2), read(['b', 4, 5], 1)]),
    ];
    expect(checkLinearizable(history)).toMatchObject({ verdict: 'not-linearizable', key: 'bad' });
  });

  test('a search past its budget says unknown, not a verdict', () => {
    // Concurrent writes and a read of one of them: the search tries orders of the writes
    // (with memoization, subsets of them) until the read's value comes last.
    const hard = (writes: number): RegisterOp[] => [
      ...Array.from({ length: writes }, (_, i) => write([`p${i}`, 0, 100], i)),
      read(['r', 101, 102], 1),
    ];
    expect(checkLinearizable(hard(50), { maxSteps: 1000 })).toMatchObject({
      ok: false,
      verdict: 'unknown',
      key: 'x',
    });
    expect(checkLinearizable(hard(8))).toMatchObject({ ok: true });
    expect(checkLinearizable(hard(50), { maxCacheBytes: 100_000 })).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('filled its cache'),
    });
  });

  test('a violation on one key wins over unknown on another', () => {
    const history = [
      ...onKey(
        'slow',
        Array.from({ length: 30 }, (_, i) => write([`p${i}`, 0, 100], i)),
      ),
      ...onKey('wrong', [write(['a', 0, 1], 1), read(['b', 2, 3], 2)]),
    ];
    expect(checkLinearizable(history, { maxSteps: 5 })).toMatchObject({
      verdict: 'not-linearizable',
      key: 'wrong',
    });
  });
});

describe('the JSON-lines format', () => {
  test('the checker refuses a malformed operation rather than guess', () => {
    const noCompletion = { ...write(['a', 0, 1], 1), complete: undefined };
    expect(() => checkLinearizable([noCompletion])).toThrow(/complete/);
  });

  test('parses what JSON.stringify wrote, and rejects malformed lines', () => {
    const history = [
      write(['a', 0, 1], 'v1'),
      info(cas(['b', 2], 'v1', 'v2')),
      read(['c', 3, 4], 'v2'),
    ];
    const text = history.map((op) => JSON.stringify(op)).join('\n') + '\n';
    const parsed = parseRegisterHistory(text);
    expect(parsed).toHaveLength(3);
    expect(checkLinearizable(parsed)).toMatchObject({ ok: true });
    expect(() =>
      parseRegisterHistory(
        '{"process":1,"key":"x","op":"read","outcome":"ok","invoke":0,"complete":1}',
      ),
    ).toThrow(/an ok read needs a value/);
    expect(() =>
      parseRegisterHistory(
        '{"process":1,"key":"x","op":"write","value":1,"outcome":"ok","invoke":5,"complete":1}',
      ),
    ).toThrow(/completes before/);
  });
});

describe('generated histories', () => {
  const SEEDS = 300;
  const options = { processes: 5, keys: 3, ops: 60, pInfo: 0.1 };

  test(`${SEEDS} executions pass, and each planted violation is caught`, () => {
    const planted = new Map<string, number>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const history = generateHistory(seed, options);
      const result = checkLinearizable(history);
      if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(result)}`);
      for (const kind of CORRUPTIONS) {
        const bad = corrupt(history, kind, seed);
        if (!bad) continue;
        const verdict = checkLinearizable(bad.history);
        if (verdict.verdict !== 'not-linearizable') {
          throw new Error(`seed ${seed}, ${kind} not caught: ${JSON.stringify(verdict)}`);
        }
        expect(verdict.key).toBe(bad.planted.key);
        planted.set(kind, (planted.get(kind) ?? 0) + 1);
      }
    }
    // Every kind of violation was planted in most histories, not just a lucky few.
    for (const kind of CORRUPTIONS) expect(planted.get(kind)).toBeGreaterThan(SEEDS / 2);
  });

  test('the checker agrees with brute force on small random histories', () => {
    let violations = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const history = generateHistory(seed, { processes: 3, keys: 1, ops: 7, pInfo: 0.2 });
      // Mutate at random, without caring whether it breaks linearizability: the oracle decides.
      const r = rng(seed * 7919);
      const mutated = history.map((op) => ({ ...op }));
      const target = mutated[Math.floor(r() * mutated.length)];
      const values = [
        null,
        ...history.flatMap((op) =>
          op.op === 'write' ? [op.value] : op.op === 'cas' ? [op.new] : [],
        ),
      ];
      const anyValue = () => values[Math.floor(r() * values.length)];
      if (target.op === 'read') target.value = anyValue();
      else if (target.op === 'cas') {
        target.outcome = target.outcome === 'ok' ? 'fail' : 'ok';
        target.complete ??= target.invoke + 5; // it was info: a definite op needs a completion
      } else if (target.outcome !== 'info') target.invoke = Math.max(0, target.invoke - 6);
      const expected = bruteForceLinearizable(mutated);
      if (!expected) violations++;
      expect([seed, checkLinearizable(mutated).ok]).toEqual([seed, expected]);
      expect([seed, checkLinearizable(history).ok, bruteForceLinearizable(history)]).toEqual([
        seed,
        true,
        true,
      ]);
    }
    // The mutations broke a fair share of histories, so both verdicts were exercised.
    expect(violations).toBeGreaterThan(30);
  });
});
