// PartitionLog over a SimDisk whose writes complete at once: offsets, group commit, reads and
// their bounds, CRCs on write and read, idempotent producers, epochs (KIP-101), truncation,
// retention, reset, compaction with its tombstone delay, timestamps, deletion, reopen.
import { crc32c, TributaryError } from '@tributary/rpc';
import { LogStore, SEQUENCE_MAX, SimDisk, type LogConfig, type PartitionLog } from '../src';
import { batchOf, instantKv, recordsOf } from './helpers';

const DELETE: LogConfig = {
  retentionMs: -1,
  retentionBytes: -1,
  cleanupPolicy: 'delete',
  deleteRetentionMs: 0,
};
const COMPACT: LogConfig = { ...DELETE, cleanupPolicy: 'compact', deleteRetentionMs: 100 };

async function reasonOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err instanceof TributaryError ? err.reason : String(err);
  }
  return undefined;
}

async function fresh(clock = () => 5000, tailCacheBytes?: number) {
  const disk = new SimDisk();
  const opts = { clock, tailCacheBytes };
  const store = await LogStore.open(instantKv(disk), opts);
  const log = await store.openPartition('t', 0, 'id-1');
  return { disk, store, log, reopen: () => LogStore.open(instantKv(disk), opts) };
}

/** Flips the last byte of the stored payload of the batch at `baseOffset`. */
async function damage(disk: SimDisk, baseOffset: number) {
  const kv = instantKv(disk);
  const rows = await kv.scan(Buffer.from([0x04]), Buffer.from([0x05]));
  const [key, value] = rows.find(([k]) => k.readUInt32BE(k.length - 4) === baseOffset)!;
  const damaged = Buffer.from(value);
  damaged[damaged.length - 1] ^= 1;
  await kv.batch([{ type: 'put', key, value: damaged }], true);
}

const one = (v: string, key: string | null = null, timestampMs = 1000) =>
  batchOf([{ key, value: v, timestampMs }]);
const values = async (log: PartitionLog) =>
  (await recordsOf(await log.read(log.logStartOffset, log.logEndOffset, 1 << 30))).map((r) => r[2]);

describe('PartitionLog', () => {
  it('assigns offsets in call order and commits appends of every partition in one write', async () => {
    const { store, log } = await fresh();
    const other = await store.openPartition('t', 1, 'id-1');
    const [ab, x, cb] = [
      await batchOf([
        { key: null, value: 'a' },
        { key: null, value: 'b' },
      ]),
      await one('x'),
      await one('c'),
    ];
    const writesBefore = store.writes;
    const a = log.appendAsLeader(ab, 1);
    const b = other.appendAsLeader(x, 1);
    const c = log.appendAsLeader(cb, 1);
    expect(log.logEndOffset).toBe(0); // not durable yet
    expect((await a).baseOffset).toBe(0);
    expect((await c).baseOffset).toBe(2);
    expect((await b).baseOffset).toBe(0);
    expect(store.writes - writesBefore).toBe(1);
    expect(log.logEndOffset).toBe(3);
    expect((await a).appendTimeMs).toBe(5000);
    expect(await values(log)).toEqual(['a', 'b', 'c']);
  });

  it('bounds reads: out of range below start and above end, maxBytes but at least one batch, whole batches below upTo', async () => {
    const { log } = await fresh();
    for (const v of ['a', 'b', 'c', 'd']) await log.appendAsLeader(await one(v), 1);
    expect(await reasonOf(log.read(5, 10, 100))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await reasonOf(log.read(-1, 10, 100))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await log.read(4, 10, 100)).toEqual([]);
    expect((await log.read(1, 10, 0)).map((b) => b.baseOffset)).toEqual([1]);
    expect((await log.read(0, 2, 1 << 20)).map((b) => b.baseOffset)).toEqual([0, 1]);
    await log.deleteBefore(2);
    expect(await reasonOf(log.read(1, 10, 100))).toBe('OFFSET_OUT_OF_RANGE');
  });

  it('refuses a payload that fails its CRC on write, and never serves one damaged on disk', async () => {
    const { disk, log, reopen } = await fresh();
    const bad = { ...(await one('a')), crc32c: 1 };
    expect(await reasonOf(log.appendAsLeader(bad, 1))).toBe('CHECKSUM_MISMATCH');
    await log.read(0, 0, 100); // a reader: what is appended now goes to the tail cache too
    await log.appendAsLeader(await one('payload'), 1);
    await damage(disk, 0);
    // The tail cache still holds the payload as it was checked on append, never read back.
    expect(await values(log)).toEqual(['payload']);
    const reopened = (await reopen()).get('t', 0) as PartitionLog;
    expect(await reasonOf(reopened.read(0, 1, 100))).toBe('CHECKSUM_MISMATCH');
  });

  it('serves the batches appended last from memory, the older ones from disk', async () => {
    const payloadBytes = (await one('v0')).payload.length;
    // Room for the last two batches only.
    const { disk, log, store } = await fresh(undefined, 2 * payloadBytes);
    await log.read(0, 0, 100);
    for (let i = 0; i < 4; i++) await log.appendAsLeader(await one(`v${i}`), 1);
    for (const offset of [0, 1, 2, 3]) await damage(disk, offset);
    expect(await reasonOf(log.read(0, 4, 1 << 20))).toBe('CHECKSUM_MISMATCH');
    expect(await reasonOf(log.read(1, 4, 1 << 20))).toBe('CHECKSUM_MISMATCH');
    const recent = await log.read(2, 4, 1 << 20);
    expect((await recordsOf(recent)).map((r) => r[2])).toEqual(['v2', 'v3']);
    for (const b of recent) expect(crc32c(b.payload)).toBe(b.crc32c);
    // What operators see of it (the broker exports these as tributary_broker_tail_cache_*).
    expect(store.tailCache).toEqual({
      budgetBytes: 2 * payloadBytes,
      bytes: 2 * payloadBytes,
      hits: 1,
      misses: 2,
    });
    // The first read of an empty log found nothing to pick: neither a hit nor a miss.
    const off = await fresh(undefined, 0);
    await off.log.appendAsLeader(await one('v'), 1);
    expect(await values(off.log)).toEqual(['v']);
    expect(off.store.tailCache).toBeUndefined();
  });

  it('caches appends only while the partition has been read in the last 10 s', async () => {
    let now = 5000;
    const { log, store } = await fresh(() => now);
    await log.appendAsLeader(await one('unread'), 1);
    expect(store.tailCache?.bytes).toBe(0);
    expect(await values(log)).toEqual(['unread']); // from disk: a miss, and now a reader
    await log.appendAsLeader(await one('tailed'), 1);
    const cached = store.tailCache!.bytes;
    expect(cached).toBeGreaterThan(0);
    now += 10_001;
    await log.appendAsLeader(await one('after'), 1);
    expect(store.tailCache!.bytes).toBe(cached);
  });

  it('deduplicates the last 5 batches of a producer, refuses gaps, fences old epochs, wraps sequences', async () => {
    const { log, store } = await fresh();
    const p = (seq: number, epoch = 0, n = 1) =>
      batchOf(
        Array.from({ length: n }, (_, i) => ({ key: null, value: `${epoch}:${seq + i}` })),
        {
          producerId: 9,
          producerEpoch: epoch,
          baseSequence: seq,
        },
      );
    for (let s = 0; s < 6; s++) await log.appendAsLeader(await p(s), 1);
    const writes = store.writes;
    expect(await log.appendAsLeader(await p(3), 1)).toMatchObject({
      duplicate: true,
      baseOffset: 3,
    });
    expect(await log.appendAsLeader(await p(1), 1)).toMatchObject({
      duplicate: true,
      baseOffset: 1,
    });
    expect(store.writes).toBe(writes);
    expect(await reasonOf(log.appendAsLeader(await p(0), 1))).toBe('OUT_OF_ORDER_SEQUENCE'); // left the window
    expect(await reasonOf(log.appendAsLeader(await p(8), 1))).toBe('OUT_OF_ORDER_SEQUENCE');
    expect(await reasonOf(log.appendAsLeader(await p(1, 1), 1))).toBe('OUT_OF_ORDER_SEQUENCE');
    await log.appendAsLeader(await p(0, 1), 1);
    expect(await reasonOf(log.appendAsLeader(await p(6, 0), 1))).toBe('FENCED');
    expect(log.producer(9)).toEqual({
      producerEpoch: 1,
      recent: [{ firstSeq: 0, lastSeq: 0, baseOffset: 6 }],
      lastAppendTimeMs: 5000,
    });
    // Sequence wrap: a batch ending at SEQUENCE_MAX is followed by sequence 0.
    const w = (seq: number, n: number) =>
      batchOf(
        Array.from({ length: n }, () => ({ key: null, value: 'w' })),
        { producerId: 10, baseSequence: seq },
      );
    await log.appendAsLeader(await w(SEQUENCE_MAX - 1, 2), 1);
    expect(await log.appendAsLeader(await w(0, 3), 1)).toMatchObject({ duplicate: false });
    expect(log.producer(10)?.recent.map((r) => [r.firstSeq, r.lastSeq])).toEqual([
      [SEQUENCE_MAX - 1, SEQUENCE_MAX],
      [0, 2],
    ]);
    // A batch that itself wraps.
    await log.appendAsLeader(await w(3, 5), 1);
    expect(await reasonOf(log.appendAsLeader(await w(SEQUENCE_MAX, 2), 1))).toBe(
      'OUT_OF_ORDER_SEQUENCE',
    );
  });

  it('forgets producers idle for the expiration time, durably, and keeps active ones', async () => {
    let now = 5000;
    const { log, reopen } = await fresh(() => now);
    const p = (pid: number, seq: number) =>
      batchOf([{ key: null, value: `${pid}:${seq}` }], { producerId: pid, baseSequence: seq });
    await log.appendAsLeader(await p(1, 0), 1);
    now = 8000;
    await log.appendAsLeader(await p(2, 0), 1);
    await log.expireProducers(10_000, 4000); // producer 1 last wrote at 5000
    expect([log.producer(1), log.producer(2)?.lastAppendTimeMs]).toEqual([undefined, 8000]);
    // Expired, it may start again anywhere, as a producer whose state went with the log.
    expect(await log.appendAsLeader(await p(1, 7), 1)).toMatchObject({ duplicate: false });
    await log.expireProducers(20_000, 4000);
    expect((await reopen()).get('t', 0)?.producer(2)).toBeUndefined();
  });

  it('keeps the epoch cache and answers endOffsetForEpoch as KIP-101 says; a stale leader epoch is fenced', async () => {
    const { log } = await fresh();
    for (const [v, e] of [
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 5],
    ] as const)
      await log.appendAsLeader(await one(v), e);
    expect(log.epochs()).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 2 },
      { epoch: 5, startOffset: 3 },
    ]);
    expect(log.endOffsetForEpoch(0)).toEqual({ epoch: -1, endOffset: -1 });
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 1, endOffset: 2 });
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 1, endOffset: 2 });
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 3, endOffset: 3 });
    expect(log.endOffsetForEpoch(9)).toEqual({ epoch: 5, endOffset: 4 });
    expect([log.epochAt(1), log.epochAt(2), log.epochAt(4), log.lastEpoch()]).toEqual([
      1, 3, -1, 5,
    ]);
    expect(await reasonOf(log.appendAsLeader(await one('x'), 4))).toBe('FENCED');
  });

  it('truncates whole batches, rebuilding epochs and producer state', async () => {
    const { log } = await fresh();
    await log.appendAsLeader(
      await batchOf([{ key: null, value: 'a' }], { producerId: 4, baseSequence: 0 }),
      1,
    );
    await log.appendAsLeader(
      await batchOf(
        [
          { key: null, value: 'b' },
          { key: null, value: 'c' },
        ],
        { producerId: 4, baseSequence: 1 },
      ),
      2,
    );
    await log.appendAsLeader(await one('d'), 3);
    log.setHighWatermark(4);
    expect(await log.truncateTo(2)).toBe(1); // the batch 1..2 straddles 2
    expect([log.logEndOffset, log.highWatermark, log.lastEpoch()]).toEqual([1, 1, 1]);
    expect(log.producer(4)?.recent).toEqual([{ firstSeq: 0, lastSeq: 0, baseOffset: 0 }]);
    expect(
      await log.appendAsLeader(
        await batchOf([{ key: null, value: 'b2' }], { producerId: 4, baseSequence: 1 }),
        4,
      ),
    ).toMatchObject({ baseOffset: 1, duplicate: false });
    expect(await values(log)).toEqual(['a', 'b2']);
    await log.truncateTo(0);
    expect(log.producer(4)).toBeUndefined();
    expect(log.epochs()).toEqual([]);
  });

  it('follows a leader: appends as stored, refuses overlap, resets past the end', async () => {
    const leader = (await fresh()).log;
    for (const [v, e] of [
      ['a', 1],
      ['b', 2],
    ] as const)
      await leader.appendAsLeader(await one(v), e);
    const { log } = await fresh();
    const fetched = await leader.read(0, 2, 1 << 20);
    await log.appendAsFollower(fetched);
    expect([log.logEndOffset, log.epochs()]).toEqual([2, leader.epochs()]);
    expect(await reasonOf(log.appendAsFollower(fetched))).toBe('INVALID_ARGUMENT');
    await log.resetTo(10);
    expect([log.logStartOffset, log.logEndOffset, log.epochs()]).toEqual([10, 10, []]);
    expect(await log.appendAsLeader(await one('z'), 3)).toMatchObject({ baseOffset: 10 });
  });

  it('applies retention by time and by bytes, whole batches, never at or above upTo', async () => {
    const { log } = await fresh();
    for (let i = 0; i < 5; i++)
      await log.appendAsLeader(await one(`v${i}`, null, 1000 + i * 100), 1);
    expect(await log.applyRetention({ ...DELETE, retentionMs: 250 }, 1500, 2)).toBe(2); // 0,1 old; 2 at upTo
    expect(await log.applyRetention({ ...DELETE, retentionMs: 250 }, 1500, 5)).toBe(3);
    const size = log.sizeBytes(); // the two batches left
    expect(await log.applyRetention({ ...DELETE, retentionBytes: size }, 1500, 5)).toBe(3);
    expect(await log.applyRetention({ ...DELETE, retentionBytes: size / 2 }, 1500, 5)).toBe(4);
    expect(await log.applyRetention({ ...COMPACT, retentionMs: 0 }, 1e9, 5)).toBe(4); // compact only
    expect(await values(log)).toEqual(['v4']);
    expect(log.offsetForTimestamp(0, 5)).toEqual({ offset: 4, timestampMs: 1400 });
    expect(log.offsetForTimestamp(1401, 5)).toBeUndefined();
  });

  it('compacts to the newest record per key, keeps tombstones deleteRetentionMs, drops emptied batches', async () => {
    const { log, reopen } = await fresh();
    const rec = (key: string | null, value: string | null) => ({ key, value });
    await log.appendAsLeader(
      await batchOf([rec('a', '1'), rec('b', '1'), rec(null, 'n')], {
        compression: 'COMPRESSION_ZSTD',
      }),
      1,
    );
    await log.appendAsLeader(await batchOf([rec('a', '2'), rec('c', '1')]), 1);
    await log.appendAsLeader(await batchOf([rec('b', null), rec('a', '3')]), 1);
    await log.appendAsLeader(await batchOf([rec('c', '2')]), 1); // above upTo: untouched
    expect(await log.compact(COMPACT, 1000, 7)).toEqual({ removedRecords: 3 });
    const all = async () => recordsOf(await log.read(0, 8, 1 << 20));
    expect(await all()).toEqual([
      [2, null, 'n'],
      [4, 'c', '1'],
      [5, 'b', null],
      [6, 'a', '3'],
      [7, 'c', '2'],
    ]);
    expect((await log.read(0, 8, 1 << 20)).map((b) => [b.baseOffset, b.recordCount])).toEqual([
      [0, 3],
      [3, 2],
      [5, 2],
      [7, 1],
    ]);
    expect(await log.compact(COMPACT, 1099, 7)).toEqual({ removedRecords: 0 }); // tombstone kept
    const reopened = (await reopen()).get('t', 0) as PartitionLog;
    expect(await reopened.compact(COMPACT, 1100, 7)).toEqual({ removedRecords: 1 });
    expect((await recordsOf(await reopened.read(0, 8, 1 << 20))).map((r) => r[0])).toEqual([
      2, 4, 6, 7,
    ]);
    for (const b of await reopened.read(0, 8, 1 << 20)) expect(crc32c(b.payload)).toBe(b.crc32c);
    expect(await reopened.compact(COMPACT, 1100, 8)).toEqual({ removedRecords: 1 }); // c:1 goes
    expect(await reopened.compact(DELETE, 1100, 8)).toEqual({ removedRecords: 0 });
  });

  it('survives a reopen: data, state, epochs, producers and the high watermark checkpoint', async () => {
    const { store, log, reopen } = await fresh();
    await log.appendAsLeader(await batchOf([{ key: null, value: 'a' }], { producerId: 3 }), 2);
    await log.appendAsLeader(await one('b'), 4);
    log.setHighWatermark(1);
    await store.checkpoint();
    const again = (await reopen()).get('t', 0) as PartitionLog;
    expect([again.logStartOffset, again.logEndOffset, again.highWatermark, again.topicId]).toEqual([
      0,
      2,
      1,
      'id-1',
    ]);
    expect(again.epochs()).toEqual(log.epochs());
    expect(again.producer(3)).toEqual(log.producer(3));
    expect(await values(again)).toEqual(['a', 'b']);
  });

  it('a checkpoint writes only partitions whose high watermark moved since their last state', async () => {
    const { store, log } = await fresh();
    await log.appendAsLeader(await one('a'), 1);
    const writes = store.writes;
    await store.checkpoint(); // the append already carried high watermark 0
    expect(store.writes).toBe(writes);
    log.setHighWatermark(1);
    await store.checkpoint();
    expect(store.writes).toBe(writes + 1);
    await store.checkpoint();
    expect(store.writes).toBe(writes + 1);
  });

  it('after a failed write tells its owner once and refuses every later write', async () => {
    const disk = new SimDisk();
    const kv = instantKv(disk);
    let failing = false;
    const flaky: typeof kv = {
      ...kv,
      batch: (ops, sync) => (failing ? Promise.reject(new Error('EIO')) : kv.batch(ops, sync)),
    };
    const failures: unknown[] = [];
    const store = await LogStore.open(flaky, { onWriteFailed: (e) => failures.push(e) });
    const log = await store.openPartition('t', 0, 'id-1');
    await log.appendAsLeader(await one('a'), 1);
    failing = true;
    expect(await reasonOf(log.appendAsLeader(await one('b'), 1))).toMatch('EIO');
    failing = false;
    expect(await reasonOf(log.appendAsLeader(await one('c'), 1))).toMatch('EIO');
    expect(failures).toHaveLength(1);
    const again = await LogStore.open(instantKv(disk));
    expect(await values(again.get('t', 0) as PartitionLog)).toEqual(['a']);
  });

  it('deletes a partition durably and starts afresh for a re-created topic', async () => {
    const { store, log, reopen } = await fresh();
    await log.appendAsLeader(await one('a'), 1);
    const recreated = await store.openPartition('t', 0, 'id-2');
    expect([recreated.logEndOffset, recreated.topicId]).toEqual([0, 'id-2']);
    expect(await reasonOf(log.appendAsLeader(await one('b'), 1))).toBe('UNKNOWN_PARTITION');
    await recreated.appendAsLeader(await one('new'), 1);
    await store.openPartition('u', 3, 'id-3');
    await store.deletePartition('u', 3);
    const again = await reopen();
    expect(again.list().map((l) => [l.topic, l.partition, l.topicId, l.logEndOffset])).toEqual([
      ['t', 0, 'id-2', 1],
    ]);
    expect(await values(again.get('t', 0) as PartitionLog)).toEqual(['new']);
  });
});
