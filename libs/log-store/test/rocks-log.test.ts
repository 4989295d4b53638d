// The log store on RocksDB in a real directory: after close and reopen, data, log start/end,
// the high watermark checkpoint, epochs, producer state and compaction's rewrite all come back,
// and a fresh write continues where the log left off.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogStore, RocksStore, type PartitionLog } from '../src';
import { batchOf, recordsOf } from './helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const open = async (dir: string) => LogStore.open(await RocksStore.open(dir), { clock: () => 42 });

it('keeps everything across a close and reopen on RocksDB', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-store-'));
  dirs.push(dir);
  let store = await open(dir);
  const a = await store.openPartition('orders', 0, 'topic-a');
  const b = await store.openPartition('orders', 1, 'topic-a');
  const appends: Array<Promise<unknown>> = [];
  for (let i = 0; i < 20; i++) {
    const batch = await batchOf([{ key: `k${i % 3}`, value: `v${i}` }], {
      producerId: 7,
      baseSequence: i,
    });
    appends.push(a.appendAsLeader(batch, i < 10 ? 1 : 2));
    appends.push(
      b.appendAsLeader(
        await batchOf([{ key: null, value: `b${i}` }], { compression: 'COMPRESSION_LZ4' }),
        1,
      ),
    );
  }
  await Promise.all(appends);
  expect(store.writes).toBeLessThan(40);
  a.setHighWatermark(18);
  await a.deleteBefore(2);
  await a.compact(
    { retentionMs: -1, retentionBytes: -1, cleanupPolicy: 'compact', deleteRetentionMs: 0 },
    0,
    12,
  );
  const before = {
    records: await recordsOf(await a.read(a.logStartOffset, 20, 1 << 20)),
    epochs: a.epochs(),
    producer: a.producer(7),
  };
  await store.close();

  store = await open(dir);
  const a2 = store.get('orders', 0) as PartitionLog;
  const b2 = store.get('orders', 1) as PartitionLog;
  expect([a2.logStartOffset, a2.logEndOffset, a2.highWatermark, a2.topicId]).toEqual([
    2,
    20,
    18,
    'topic-a',
  ]);
  expect(await recordsOf(await a2.read(2, 20, 1 << 20))).toEqual(before.records);
  expect(before.records.filter(([o]) => o < 12).map(([o]) => o)).toEqual([9, 10, 11]);
  expect(a2.epochs()).toEqual([
    { epoch: 1, startOffset: 2 },
    { epoch: 2, startOffset: 10 },
  ]);
  expect(a2.producer(7)).toEqual(before.producer);
  expect(before.producer?.recent.map((r) => r.firstSeq)).toEqual([15, 16, 17, 18, 19]);
  expect((await recordsOf(await b2.read(0, 20, 1 << 20))).length).toBe(20);
  expect(
    await a2.appendAsLeader(
      await batchOf([{ key: null, value: 'x' }], { producerId: 7, baseSequence: 20 }),
      2,
    ),
  ).toEqual({
    baseOffset: 20,
    appendTimeMs: 42,
    duplicate: false,
  });
  await store.close();
});
