/**
 * A seeded generator of clean broker-log histories, and corruptions to plant in them, for the
 * checker's tests. The model is what the broker promises: per partition an append-only log
 * (offsets increasing, sometimes sparse), producers whose sends are ok (appended, acked with the
 * offset), fail (not appended) or info (appended or not), a consumer group whose members poll
 * their partitions in order from their position, commit it, and after a rebalance resume from
 * the committed offset; and a final read of every partition.
 */
import type { CommitOp, LogOp, LogRecord, PollOp, SendOp } from '../../src/checkers/log-history';

/** mulberry32: small, fast and good enough to pick test cases. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOPIC = 'events';
export const GROUP = 'g';

export function cleanLogHistory(seed: number, steps = 160): LogOp[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const partitions = 2 + Math.floor(rand() * 3);
  const producers = ['p0', 'p1', 'p2'].slice(0, 2 + Math.floor(rand() * 2));
  const consumers = ['c0', 'c1', 'c2'].slice(0, 2 + Math.floor(rand() * 2));
  const logs: LogRecord[][] = Array.from({ length: partitions }, () => []);
  const nextOffset: number[] = Array.from({ length: partitions }, () => 0);
  const committed: number[] = Array.from({ length: partitions }, () => 0);
  const owner = new Map<number, string>();
  const position = new Map<string, Map<number, number>>(consumers.map((c) => [c, new Map()]));
  // Each process runs one operation at a time; operations of different processes overlap.
  const busyUntil = new Map<string, number>();
  const ops: LogOp[] = [];
  let clock = 0;
  let sent = 0;
  const timed = (process: string): { process: string; invoke: number; complete: number } => {
    const invoke = Math.max(clock, (busyUntil.get(process) ?? -1) + 1);
    const complete = invoke + 1 + Math.floor(rand() * 3);
    busyUntil.set(process, complete);
    // Invoke order is model order, so the model's order of commits is also their real-time one.
    clock = invoke;
    return { process, invoke, complete };
  };
  const append = (p: number, value: string): number => {
    const offset = nextOffset[p];
    logs[p].push({ offset, value });
    // Offsets may be sparse (control records take some): a reader must not expect +1.
    nextOffset[p] += rand() < 0.1 ? 2 : 1;
    return offset;
  };
  const commit = (c: string, p: number): void => {
    const pos = position.get(c)?.get(p);
    if (pos === undefined) return;
    committed[p] = Math.max(committed[p], pos);
    ops.push({
      type: 'commit',
      ...timed(c),
      group: GROUP,
      topic: TOPIC,
      partition: p,
      offset: pos,
      outcome: 'ok',
    });
  };
  const rebalance = (): void => {
    // Revocation commits first, as the SDK does before releasing a partition.
    for (const [p, c] of owner) commit(c, p);
    owner.clear();
    for (const c of consumers) position.get(c)?.clear();
    for (let p = 0; p < partitions; p++) owner.set(p, pick(consumers));
    for (const c of consumers) {
      const mine = [...owner].filter(([, o]) => o === c).map(([p]) => p);
      ops.push({
        type: 'assign',
        ...timed(c),
        group: GROUP,
        partitions: mine.map((partition) => ({ topic: TOPIC, partition })),
      });
      for (const p of mine) position.get(c)?.set(p, committed[p]);
    }
  };
  rebalance();

  for (let step = 0; step < steps; step++) {
    const roll = rand();
    if (roll < 0.45) {
      const process = pick(producers);
      const p = Math.floor(rand() * partitions);
      const value = `v${sent++}`;
      // The first send fails, so every history has a definite failure for G1a plants.
      const o = sent === 1 ? 0.9 : rand();
      const base = { type: 'send' as const, ...timed(process), topic: TOPIC, partition: p, value };
      if (o < 0.8)
        ops.push({ ...base, outcome: 'ok', ack: { partition: p, offset: append(p, value) } });
      else if (o < 0.9) {
        if (rand() < 0.5) append(p, value);
        ops.push({ ...base, outcome: 'info' });
      } else ops.push({ ...base, outcome: 'fail' });
    } else if (roll < 0.85) {
      const c = pick(consumers);
      const mine = [...(position.get(c)?.keys() ?? [])];
      if (mine.length === 0) continue;
      const p = pick(mine);
      const from = position.get(c)?.get(p) ?? 0;
      const records = logs[p].filter((r) => r.offset >= from).slice(0, 1 + Math.floor(rand() * 5));
      if (records.length > 0) position.get(c)?.set(p, records[records.length - 1].offset + 1);
      ops.push({ type: 'poll', ...timed(c), group: GROUP, topic: TOPIC, partition: p, records });
    } else if (roll < 0.95) {
      const c = pick(consumers);
      const mine = [...(position.get(c)?.keys() ?? [])];
      if (mine.length > 0) commit(c, pick(mine));
    } else rebalance();
  }
  for (let p = 0; p < partitions; p++) {
    ops.push({
      type: 'final',
      ...timed('final'),
      topic: TOPIC,
      partition: p,
      records: [...logs[p]],
    });
  }
  return ops;
}

export const PLANTS = [
  'lost-write',
  'lost-from-final',
  'unseen',
  'duplicate',
  'inconsistent-offsets',
  'nonmonotonic-poll',
  'poll-skip',
  'G1a',
  'unknown-value',
  'nonmonotonic-commit',
] as const;
export type Plant = (typeof PLANTS)[number];

/** The class each plant must be reported as, and nothing else. */
export const PLANT_CLASS: Record<Plant, string> = {
  'lost-write': 'lost-write',
  'lost-from-final': 'lost-write',
  unseen: 'unseen',
  duplicate: 'duplicate',
  'inconsistent-offsets': 'inconsistent-offsets',
  'nonmonotonic-poll': 'nonmonotonic-poll',
  'poll-skip': 'poll-skip',
  G1a: 'G1a',
  'unknown-value': 'unknown-value',
  'nonmonotonic-commit': 'nonmonotonic-commit',
};

/**
 * A copy of a clean history with one bug of the given kind planted, or undefined when the
 * history offers no place for it (the caller then tries another seed's history).
 */
export function plant(clean: readonly LogOp[], kind: Plant, seed: number): LogOp[] | undefined {
  const rand = rng(seed ^ 0x5bd1e995);
  const pick = <T>(xs: readonly T[]): T | undefined =>
    xs.length === 0 ? undefined : xs[Math.floor(rand() * xs.length)];
  const ops: LogOp[] = clean.map((op) =>
    op.type === 'poll' || op.type === 'final' ? { ...op, records: [...op.records] } : { ...op },
  );
  const finals = ops.filter((op): op is Extract<LogOp, { type: 'final' }> => op.type === 'final');
  const finalOf = (p: number) => finals.find((f) => f.partition === p);
  const polls = ops.filter((op): op is PollOp => op.type === 'poll');
  const acked = ops.filter(
    (op): op is SendOp & { ack: { partition: number; offset: number } } =>
      op.type === 'send' && op.outcome === 'ok' && op.ack !== undefined,
  );
  const polledValues = new Set(polls.flatMap((op) => op.records.map((r) => r.value)));
  const notLast = (s: SendOp & { ack: { partition: number; offset: number } }): boolean => {
    const f = finalOf(s.ack.partition);
    return (
      f !== undefined && f.records.length > 0 && f.records[f.records.length - 1].value !== s.value
    );
  };
  const dropValue = (value: string, readers: readonly { records: LogRecord[] }[]): void => {
    for (const r of readers) r.records = r.records.filter((x) => x.value !== value);
  };
  const end = Math.max(...ops.map((op) => op.complete)) + 10;

  switch (kind) {
    case 'lost-write': {
      // Gone everywhere, though later offsets of its partition were read.
      const s = pick(acked.filter(notLast));
      if (!s) return undefined;
      dropValue(s.value, [...polls, ...finals]);
      return ops;
    }
    case 'lost-from-final': {
      // A consumer read it, but after recovery the log no longer has it.
      const s = pick(acked.filter((x) => notLast(x) && polledValues.has(x.value)));
      if (!s) return undefined;
      dropValue(s.value, finals);
      return ops;
    }
    case 'unseen': {
      // The tail of a partition is missing from the final read.
      const f = pick(
        finals.filter(
          (x) =>
            x.records.length > 0 &&
            acked.some((s) => s.value === x.records[x.records.length - 1].value),
        ),
      );
      if (!f) return undefined;
      f.records.pop();
      return ops;
    }
    case 'duplicate': {
      // A retried send appended a second time, at the end of its partition.
      const s = pick(acked);
      const f = s && finalOf(s.ack.partition);
      if (!s || !f) return undefined;
      const last = f.records.length > 0 ? f.records[f.records.length - 1].offset : -1;
      f.records.push({ offset: last + 1, value: s.value });
      return ops;
    }
    case 'inconsistent-offsets': {
      // A poll saw another value (one whose send is unknown) where the log has the acked one.
      const poll = pick(polls.filter((x) => x.records.length > 0));
      if (!poll) return undefined;
      const i = Math.floor(rand() * poll.records.length);
      const value = 'stray';
      poll.records[i] = { offset: poll.records[i].offset, value };
      ops.push({
        type: 'send',
        process: 'p-stray',
        invoke: 0,
        complete: end,
        topic: poll.topic,
        partition: poll.partition,
        value,
        outcome: 'info',
      });
      return ops;
    }
    case 'nonmonotonic-poll': {
      // The same records delivered again right after, with no rebalance between.
      const poll = pick(polls.filter((x) => x.records.length > 0));
      if (!poll) return undefined;
      const again: PollOp = {
        ...poll,
        invoke: poll.complete + 0.25,
        complete: poll.complete + 0.5,
        records: poll.records.slice(0, 1),
      };
      ops.splice(ops.indexOf(poll) + 1, 0, again);
      return ops;
    }
    case 'poll-skip': {
      // A record missing from the middle of a poll, though the log has it.
      const poll = pick(polls.filter((x) => x.records.length >= 3));
      if (!poll) return undefined;
      poll.records.splice(1 + Math.floor(rand() * (poll.records.length - 2)), 1);
      return ops;
    }
    case 'G1a': {
      // A value whose send failed shows up at the end of its partition.
      const s = pick(ops.filter((op): op is SendOp => op.type === 'send' && op.outcome === 'fail'));
      const f = s && finalOf(s.partition ?? 0);
      if (!s || !f) return undefined;
      const last = f.records.length > 0 ? f.records[f.records.length - 1].offset : -1;
      f.records.push({ offset: last + 1, value: s.value });
      return ops;
    }
    case 'unknown-value': {
      const f = pick(finals);
      if (!f) return undefined;
      const last = f.records.length > 0 ? f.records[f.records.length - 1].offset : -1;
      f.records.push({ offset: last + 1, value: 'never-sent' });
      return ops;
    }
    case 'nonmonotonic-commit': {
      // A zombie member commits an older position after a newer one was committed.
      const c = pick(ops.filter((op): op is CommitOp => op.type === 'commit' && op.offset > 0));
      if (!c) return undefined;
      ops.push({
        ...c,
        process: 'zombie',
        invoke: c.complete + 0.5,
        complete: c.complete + 1,
        offset: c.offset - 1,
      });
      return ops;
    }
  }
}
