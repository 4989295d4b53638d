// The model-based fuzz run behind log-fuzz.test.ts (Redpanda's storage fuzzing, in small): one
// LogStore with two partitions over a SimDisk, driven by a seeded sequence of appends (left in
// flight), disk steps, truncations, retention, compaction, log-start moves, resets, crashes with
// reopen, and reads, each checked against a plain in-memory model of the log.
import { Xoshiro128 } from '@tributary/raft';
import { encodeRecordSet, TributaryError } from '@tributary/rpc';
import { LogStore, SimDisk, type EpochEntry, type LogConfig, type PartitionLog } from '../src';
import { batchRange, decodeHeader } from '../src/batch-codec';
import type { Plant } from '../src/group-commit';
import { batchOf, recordsOf, type TestRecord } from './helpers';

interface MRecord {
  offset: number;
  key: string | null;
  value: string | null;
}

interface MBatch {
  base: number;
  count: number;
  epoch: number;
  maxTs: number;
  records: MRecord[];
  horizon: number;
  bytes: number;
  /** Base sequence of producer PID (every append is idempotent). */
  seq: number;
}

interface Recent {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

interface MPart {
  start: number;
  end: number;
  batches: MBatch[];
  epochs: EpochEntry[];
  epoch: number;
  /** Producer PID's last 5 batches; empty when the partition has no state for it. */
  recent: Recent[];
}

const PARTITIONS = 2;
const PID = 1;
const KEYS = ['k0', 'k1', 'k2', 'k3', null];

const clone = (p: MPart): MPart => ({
  ...p,
  batches: p.batches.map((b) => ({ ...b, records: [...b.records] })),
  epochs: p.epochs.map((e) => ({ ...e })),
  recent: p.recent.map((r) => ({ ...r })),
});

function pushRecent(recent: Recent[], b: MBatch): void {
  recent.push({ firstSeq: b.seq, lastSeq: b.seq + b.count - 1, baseOffset: b.base });
  if (recent.length > 5) recent.shift();
}

/** An append the log kept: the model takes it in. */
function adopt(m: MPart, b: MBatch): void {
  m.batches.push(b);
  m.end = endOf(b);
  noteEpoch(m, b);
  pushRecent(m.recent, b);
}
const endOf = (b: MBatch) => b.base + b.count;

function sizeOf(records: MRecord[], base: number): number {
  return encodeRecordSet(
    records.map((r) => ({
      offsetDelta: r.offset - base,
      timestampDeltaMs: 0,
      key: r.key === null ? null : Buffer.from(r.key),
      value: r.value === null ? null : Buffer.from(r.value),
      headers: [],
    })),
  ).length;
}

function trim(p: MPart, start: number): void {
  p.start = Math.max(p.start, start);
  const out: EpochEntry[] = [];
  p.epochs.forEach((e, i) => {
    const next = p.epochs[i + 1];
    if (!(next && next.startOffset <= p.start))
      out.push({ epoch: e.epoch, startOffset: Math.max(e.startOffset, p.start) });
  });
  p.epochs = out;
}

function noteEpoch(m: MPart, b: MBatch): void {
  const last = m.epochs[m.epochs.length - 1];
  if (last && last.epoch >= b.epoch) return;
  m.epochs = m.epochs.filter((e) => e.startOffset < b.base);
  m.epochs.push({ epoch: b.epoch, startOffset: b.base });
}

const model = {
  truncate(p: MPart, offset: number): number {
    if (offset >= p.end) return p.end;
    const i = p.batches.findIndex((b) => endOf(b) > offset);
    const s = p.batches[i];
    const end = s && s.base < offset ? s.base : offset;
    if (i >= 0) p.batches.splice(i);
    p.end = end;
    p.start = Math.min(p.start, end);
    p.epochs = p.epochs.filter((e) => e.startOffset < end);
    if (p.recent.some((r) => r.baseOffset >= end)) {
      p.recent = [];
      for (const b of p.batches.slice(-5)) pushRecent(p.recent, b);
    }
    return end;
  },
  deleteBefore(p: MPart, offset: number): void {
    if (offset <= p.start) return;
    p.batches = p.batches.filter((b) => endOf(b) > offset);
    trim(p, offset);
  },
  reset(p: MPart, offset: number): void {
    p.batches = [];
    p.start = p.end = offset;
    p.epochs = [];
    p.recent = [];
  },
  retention(p: MPart, cfg: LogConfig, now: number, upTo: number): number {
    let bytes = p.batches.reduce((n, b) => n + b.bytes, 0);
    let n = 0;
    for (const b of p.batches) {
      if (endOf(b) > upTo) break;
      const old = cfg.retentionMs >= 0 && b.maxTs < now - cfg.retentionMs;
      const over = cfg.retentionBytes >= 0 && bytes - b.bytes >= cfg.retentionBytes;
      if (!old && !over) break;
      bytes -= b.bytes;
      n++;
    }
    if (n === 0) return p.start;
    const removed = p.batches.splice(0, n);
    const next = p.batches[0];
    trim(p, next ? next.base : endOf(removed[n - 1] as MBatch));
    return p.start;
  },
  compact(p: MPart, cfg: LogConfig, now: number, upTo: number): number {
    const limit = Math.min(upTo, p.end);
    const latest = new Map<string, number>();
    const cands = p.batches.filter((b) => endOf(b) <= limit);
    for (const b of cands)
      for (const r of b.records) if (r.key !== null) latest.set(r.key, r.offset);
    let removed = 0;
    for (const b of cands) {
      const expired = b.horizon > 0 && now >= b.horizon;
      const keep = b.records.filter(
        (r) => r.key === null || (latest.get(r.key) === r.offset && !(r.value === null && expired)),
      );
      removed += b.records.length - keep.length;
      if (b.horizon === 0 && keep.some((r) => r.key !== null && r.value === null)) {
        b.horizon = now + cfg.deleteRetentionMs;
      }
      if (keep.length !== b.records.length) {
        b.records = keep;
        b.bytes = sizeOf(keep, b.base);
      }
    }
    p.batches = p.batches.filter((b) => b.records.length > 0);
    return removed;
  },
};

async function adoptHorizons(disk: SimDisk, id: number, before: MPart, after: MPart) {
  const onDisk = new Map<number, number>();
  for (const [, value] of await disk.open().scan(...batchRange('index', id))) {
    const h = decodeHeader(value);
    if (typeof h !== 'string') onDisk.set(h.baseOffset, h.deleteHorizonMs);
  }
  for (const b of after.batches) {
    const was = before.batches.find((x) => x.base === b.base)?.horizon ?? 0;
    const seen = onDisk.get(b.base) ?? 0;
    if (seen !== was && seen !== b.horizon) {
      return `batch ${b.base} has tombstone horizon ${seen}, neither ${was} nor ${b.horizon}`;
    }
    b.horizon = seen;
  }
  return undefined;
}

interface Pending {
  partition: number;
  batch: MBatch;
  done: boolean;
}

/** Runs one seed; returns a description of the first disagreement, or undefined. */
export async function runSeed(
  seed: number,
  plant?: Plant,
  steps = 120,
): Promise<string | undefined> {
  const rnd = new Xoshiro128(seed);
  const disk = new SimDisk();
  let now = 1_000_000;
  const clock = () => now;
  let committed: MPart[] = Array.from({ length: PARTITIONS }, () => ({
    start: 0,
    end: 0,
    batches: [],
    epochs: [],
    epoch: 1,
    recent: [],
  }));
  let pending: Pending[] = [];
  /** Disagreements found in callbacks, reported at the next check. */
  const failures: string[] = [];
  const settleTick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const drive = async <T>(p: Promise<T>): Promise<T> => {
    let state: { ok: true; v: T } | { ok: false; e: unknown } | undefined;
    p.then(
      (v) => (state = { ok: true, v }),
      (e) => (state = { ok: false, e }),
    );
    for (let i = 0; i < 10_000; i++) {
      await settleTick();
      if (state) break;
      disk.completeOne();
    }
    if (!state) throw new Error('an operation never completed');
    if (!state.ok) throw state.e;
    return state.v;
  };
  const openStore = () => drive(LogStore.open(disk.open(), { clock, ...(plant ? { plant } : {}) }));
  let store = await openStore();
  const logs: PartitionLog[] = [];
  for (let p = 0; p < PARTITIONS; p++) logs.push(await drive(store.openPartition('t', p, 'topic')));
  const log = (p: number) => store.get('t', p) as PartitionLog;

  const settle = async () => {
    while (pending.some((x) => !x.done)) {
      await settleTick();
      disk.completeOne();
    }
    for (const x of pending) {
      const m = committed[x.partition] as MPart;
      adopt(m, x.batch);
    }
    pending = [];
  };

  const check = async (where: string, parts: MPart[] = committed): Promise<string | undefined> => {
    if (failures.length > 0) return failures[0];
    for (let p = 0; p < PARTITIONS; p++) {
      const l = log(p);
      const m = parts[p] as MPart;
      const got = {
        start: l.logStartOffset,
        end: l.logEndOffset,
        epochs: l.epochs(),
        recent: l.producer(PID)?.recent ?? [],
      };
      const want = { start: m.start, end: m.end, epochs: m.epochs, recent: m.recent };
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        return `${where}: partition ${p} is ${JSON.stringify(got)}, model ${JSON.stringify(want)}`;
      }
      const records = await recordsOf(await drive(l.read(m.start, m.end, 1 << 30)));
      const expect = m.batches.flatMap((b) => b.records.map((r) => [r.offset, r.key, r.value]));
      if (JSON.stringify(records) !== JSON.stringify(expect)) {
        return `${where}: partition ${p} holds ${JSON.stringify(records)}, model ${JSON.stringify(expect)}`;
      }
    }
    return undefined;
  };

  for (let step = 0; step < steps; step++) {
    const at = `seed ${seed} step ${step}`;
    now += rnd.int(50);
    const p = rnd.int(PARTITIONS);
    const roll = rnd.int(100);
    if (roll < 40) {
      const m = committed[p] as MPart;
      if (rnd.chance(0.1)) m.epoch++;
      const records: TestRecord[] = Array.from({ length: 1 + rnd.int(3) }, () => ({
        key: rnd.pick(KEYS),
        value: rnd.chance(0.2) ? null : `v${rnd.int(1000)}`,
        timestampMs: now,
      }));
      const l = log(p);
      const before = pending.filter((x) => x.partition === p);
      const recent = m.recent.map((r) => ({ ...r }));
      for (const x of before) pushRecent(recent, x.batch);
      const last = recent[recent.length - 1];
      const nextSeq = last ? last.lastSeq + 1 : 0;
      const choice = rnd.int(20);
      if (last && choice < 3) {
        // A retry of one of the last 5 batches: answered with its offset, written nowhere.
        const r = rnd.pick(recent);
        const retry = Array.from(
          { length: r.lastSeq - r.firstSeq + 1 },
          () => records[0] as TestRecord,
        );
        const b = await batchOf(retry, { producerId: PID, baseSequence: r.firstSeq });
        void l.appendAsLeader(b, m.epoch).then(
          (res) => {
            if (!res.duplicate || res.baseOffset !== r.baseOffset) {
              failures.push(`${at}: retry of ${r.baseOffset} answered ${JSON.stringify(res)}`);
            }
          },
          (err) => failures.push(`${at}: retry of ${r.baseOffset} refused: ${String(err)}`),
        );
        continue;
      }
      if (last && choice < 4) {
        const b = await batchOf(records, { producerId: PID, baseSequence: nextSeq + 1 });
        void l.appendAsLeader(b, m.epoch).then(
          () => failures.push(`${at}: a sequence gap was accepted`),
          (err) => {
            if (!(err instanceof TributaryError && err.reason === 'OUT_OF_ORDER_SEQUENCE')) {
              failures.push(`${at}: a sequence gap was refused with ${String(err)}`);
            }
          },
        );
        continue;
      }
      const b = await batchOf(records, { producerId: PID, baseSequence: nextSeq });
      const base = before.length ? endOf((before[before.length - 1] as Pending).batch) : m.end;
      const batch: MBatch = {
        base,
        count: records.length,
        epoch: m.epoch,
        maxTs: now,
        records: records.map((r, i) => ({ offset: base + i, key: r.key, value: r.value })),
        horizon: 0,
        bytes: b.payload.length,
        seq: nextSeq,
      };
      const x: Pending = { partition: p, batch, done: false };
      pending.push(x);
      void l.appendAsLeader(b, m.epoch).then(
        (r) => {
          x.done = true;
          if (r.baseOffset !== base || r.duplicate) {
            failures.push(`${at}: append at ${base} answered ${JSON.stringify(r)}`);
          }
        },
        (err) => failures.push(`${at}: append at ${base} refused: ${String(err)}`),
      );
    } else if (roll < 60) {
      for (let i = rnd.int(3); i >= 0; i--) disk.completeOne();
      await settleTick();
    } else if (roll < 70) {
      // Crash with appends in flight: each partition keeps a prefix of them.
      disk.crash(rnd);
      store = await openStore();
      const kept = committed.map(clone);
      for (let q = 0; q < PARTITIONS; q++) {
        const end = log(q).logEndOffset;
        const m = kept[q] as MPart;
        for (const x of pending.filter((y) => y.partition === q && endOf(y.batch) <= end)) {
          adopt(m, x.batch);
        }
        if (m.end !== end)
          return `${at}: after a crash partition ${q} ends at ${end}, no append ended there`;
        m.epoch = (committed[q] as MPart).epoch;
      }
      const lost = pending.filter(
        (x) => x.done && endOf(x.batch) > (kept[x.partition] as MPart).end,
      );
      if (lost.length)
        return `${at}: a crash lost an acknowledged append at ${lost[0]?.batch.base}`;
      committed = kept;
      pending = [];
      const bad = await check(`${at} (after crash)`);
      if (bad) return bad;
    } else {
      await settle();
      const bad = await check(at);
      if (bad) return bad;
      const m = committed[p] as MPart;
      const after = clone(m);
      const cfg: LogConfig = {
        retentionMs: rnd.chance(0.5) ? rnd.int(300) : -1,
        retentionBytes: rnd.chance(0.5) ? rnd.int(200) : -1,
        cleanupPolicy: rnd.pick(['delete', 'compact', 'compact,delete'] as const),
        deleteRetentionMs: rnd.int(200),
      };
      const upTo = m.start + rnd.int(m.end - m.start + 1);
      let op: Promise<unknown>;
      let expected: unknown;
      const kind = rnd.int(10);
      if (kind < 3) {
        const offset = m.start + rnd.int(m.end - m.start + 2);
        expected = model.truncate(after, offset);
        op = log(p).truncateTo(offset);
      } else if (kind < 5) {
        expected = cfg.cleanupPolicy.includes('delete')
          ? model.retention(after, cfg, now, upTo)
          : after.start;
        op = log(p).applyRetention(cfg, now, upTo);
      } else if (kind < 8) {
        expected = {
          removedRecords: cfg.cleanupPolicy.includes('compact')
            ? model.compact(after, cfg, now, upTo)
            : 0,
        };
        op = log(p).compact(cfg, now, upTo);
      } else if (kind < 9) {
        const offset = m.start + rnd.int(m.end - m.start + 1);
        model.deleteBefore(after, offset);
        op = log(p).deleteBefore(offset);
      } else {
        const offset = m.end + rnd.int(5);
        model.reset(after, offset);
        op = log(p).resetTo(offset);
      }
      if (rnd.chance(0.3)) {
        // Crash part way: the log comes back as before the operation or after it, nothing else.
        let result: { v: unknown } | undefined;
        void op.then((v) => (result = { v }));
        for (let i = rnd.int(3); i > 0; i--) {
          await settleTick();
          disk.completeOne();
        }
        await settleTick();
        disk.crash(rnd);
        store = await openStore();
        if (
          result &&
          result.v !== undefined &&
          JSON.stringify(result.v) !== JSON.stringify(expected)
        ) {
          return `${at}: operation ${kind} returned ${JSON.stringify(result.v)}, model ${JSON.stringify(expected)}`;
        }
        const asAfter = committed.map((c, q) => (q === p ? after : c));
        const badAfter = await check(`${at} (crash after ${kind})`, asAfter);
        const badBefore = result ? badAfter : await check(`${at} (crash before ${kind})`);
        if (badAfter && badBefore) return `${badAfter} / ${badBefore}`;
        if (!badAfter) committed = asAfter;
        // Same records either way, but compaction may have set tombstone horizons the reads
        // cannot see: take them from the disk, provided each is the before or the after value.
        if (!badAfter && !badBefore) {
          const bad = await adoptHorizons(disk, log(p).id, m, after);
          if (bad) return `${at}: ${bad}`;
        }
        continue;
      }
      const got = await drive(op);
      if (got !== undefined && JSON.stringify(got) !== JSON.stringify(expected)) {
        return `${at}: operation ${kind} returned ${JSON.stringify(got)}, model ${JSON.stringify(expected)}`;
      }
      committed = committed.map((c, q) => (q === p ? after : c));
      const bad2 = await check(`${at} (after ${kind})`);
      if (bad2) return bad2;
    }
  }
  await settle();
  return check(`seed ${seed} end`);
}
