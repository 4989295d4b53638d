// Start-up verification on RocksDB: a bit flipped in a stored payload, a value cut short, a
// damaged index header, a missing data value and a missing index entry each make `verify` truncate that partition's
// log at the damaged batch (the rest of the store untouched, the cut durable); without `verify`
// the same damage fails the read (CHECKSUM_MISMATCH) or the open. Also measures the scan rate.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  dataKey,
  HEADER_BYTES,
  LogStore,
  RocksStore,
  type CorruptBatch,
  type LogStoreOptions,
} from '../src';
import { batchOf } from './helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const BATCHES = 200;
const PER_BATCH = 10;

/** Two partitions of BATCHES batches of PER_BATCH records each, in a fresh directory. */
async function written(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
  dirs.push(dir);
  const store = await LogStore.open(await RocksStore.open(dir));
  for (const p of [0, 1]) {
    const log = await store.openPartition('t', p, 'id');
    const appends: Array<Promise<unknown>> = [];
    for (let i = 0; i < BATCHES; i++) {
      const records = Array.from({ length: PER_BATCH }, (_, r) => ({
        key: null,
        value: `${i}.${r}`,
      }));
      appends.push(log.appendAsLeader(await batchOf(records), 1));
    }
    await Promise.all(appends);
  }
  await store.close();
  return dir;
}

/** Rewrites one raw value of the store (partition 0 has local id 0). */
async function damage(dir: string, key: Buffer, change: (v: Buffer) => Buffer | undefined) {
  const db = await RocksStore.open(dir);
  const v = (await db.get(key))!;
  const next = change(Buffer.from(v));
  await db.batch([next ? { type: 'put', key, value: next } : { type: 'del', key }], true);
  await db.close();
}

async function open(dir: string, o: LogStoreOptions = {}) {
  const cuts: CorruptBatch[] = [];
  const store = await LogStore.open(await RocksStore.open(dir), {
    ...o,
    onCorrupt: (c) => cuts.push(c),
  });
  return { store, cuts };
}

const AT = 120 * PER_BATCH; // base offset of the damaged batch
const indexKeyOf = (offset: number) => {
  const k = dataKey(0, offset);
  k[0] = 0x03;
  return k;
};

const damages: Array<[string, Buffer, (v: Buffer) => Buffer | undefined, RegExp]> = [
  [
    'a bit flipped in the payload',
    dataKey(0, AT),
    (v) => ((v[HEADER_BYTES + 7] ^= 0x10), v),
    /payload fails its CRC-32C/,
  ],
  [
    'a value cut short',
    dataKey(0, AT),
    (v) => v.subarray(0, HEADER_BYTES + 3),
    /payload is 3 bytes/,
  ],
  ['a bit flipped in the data header', dataKey(0, AT), (v) => ((v[30] ^= 1), v), /header fails/],
  ['a bit flipped in the index header', indexKeyOf(AT), (v) => ((v[9] ^= 4), v), /index entry/],
  ['the data value gone', dataKey(0, AT), () => undefined, /data value is missing/],
  // What a corrupt RocksDB block looks like through the binding: the scan just ends early.
  ['the index entry gone', indexKeyOf(AT), () => undefined, /index entry is missing/],
];

it.each(damages)(
  '%s: verify truncates the log at that batch, durably',
  async (_, key, change, why) => {
    const dir = await written();
    await damage(dir, key, change);
    const { store, cuts } = await open(dir, { verify: true });
    expect(cuts).toEqual([
      {
        topic: 't',
        partition: 0,
        offset: AT,
        logEndBefore: BATCHES * PER_BATCH,
        reason: expect.stringMatching(why),
      },
    ]);
    const log = store.get('t', 0)!;
    expect(log.logEndOffset).toBe(AT);
    const below = await log.read(0, AT, 1 << 30);
    expect(below.map((b) => b.baseOffset)).toEqual(
      Array.from({ length: 120 }, (_, i) => i * PER_BATCH),
    );
    expect(store.get('t', 1)!.logEndOffset).toBe(BATCHES * PER_BATCH);
    expect(store.verification).toMatchObject({ partitions: 2, truncated: 1 });
    // A follower append continues from the cut (what re-fetching from the leader does).
    await log.appendAsFollower([
      {
        ...(await batchOf([{ key: null, value: 'again' }])),
        baseOffset: AT,
        leaderEpoch: 1,
        appendTimeMs: 1,
      },
    ]);
    expect(log.logEndOffset).toBe(AT + 1);
    await store.close();
    const again = await open(dir, { verify: true });
    expect(again.cuts).toEqual([]);
    expect(again.store.get('t', 0)!.logEndOffset).toBe(AT + 1);
    await again.store.close();
  },
);

it('without verify the damage is still never served: the read fails CHECKSUM_MISMATCH, or the open does', async () => {
  const dir = await written();
  await damage(dir, dataKey(0, AT), (v) => ((v[HEADER_BYTES + 7] ^= 0x10), v));
  const { store, cuts } = await open(dir);
  expect(cuts).toEqual([]);
  const log = store.get('t', 0)!;
  expect(log.logEndOffset).toBe(BATCHES * PER_BATCH);
  await expect(log.read(AT, BATCHES * PER_BATCH, 1)).rejects.toMatchObject({
    message: expect.stringMatching(/CRC-32C/),
  });
  await store.close();
  await damage(dir, indexKeyOf(AT), (v) => ((v[9] ^= 4), v));
  await expect(open(dir)).rejects.toThrow(/fails its CRC/);
});

it('measures the verification scan (records/s)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
  dirs.push(dir);
  const store = await LogStore.open(await RocksStore.open(dir));
  const log = await store.openPartition('big', 0, 'id');
  // 2,000 batches of 100 records of 100 bytes: 200,000 records, about 21 MB of payload.
  const value = 'x'.repeat(100);
  const batch = await batchOf(Array.from({ length: 100 }, () => ({ key: null, value })));
  for (let i = 0; i < 2_000; i += 100)
    await Promise.all(Array.from({ length: 100 }, () => log.appendAsLeader(batch, 1)));
  await store.close();
  const { store: verified } = await open(dir, { verify: true });
  const v = verified.verification!;
  await verified.close();
  expect(v.records).toBe(200_000);
  console.log(
    `verified ${v.batches} batches, ${v.records} records, ${(v.bytes / 1e6).toFixed(1)} MB in ${v.ms.toFixed(0)} ms: ` +
      `${Math.round(v.records / (v.ms / 1000))} records/s, ${(v.bytes / 1e6 / (v.ms / 1000)).toFixed(0)} MB/s`,
  );
});
