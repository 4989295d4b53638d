// LossyStore against a reference model on a real RocksDB directory: random batches (synced or
// not, some issued together without waiting), gets, scans with limits and clears must read as
// the model's visible state; a "crash" (the wrapper dropped, RocksDB closed under it, the
// directory reopened) must leave exactly the model's state as of the last synced batch. With
// ignore-sync, a crash loses synced batches too, and the model check catches it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LossyStore, RocksStore, storageFaultsFromEnv, type BatchOp } from '../src';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Model = Map<string, string>;
const hex = (b: Buffer) => b.toString('hex');

function applyOps(m: Model, ops: BatchOp[]) {
  for (const o of ops) {
    if (o.type === 'put') m.set(hex(o.key), hex(o.value));
    else m.delete(hex(o.key));
  }
}
function applyClear(m: Model, gte: Buffer, lt: Buffer) {
  for (const k of [...m.keys()]) if (k >= hex(gte) && k < hex(lt)) m.delete(k);
}
function modelScan(m: Model, gte: Buffer, lt: Buffer, limit?: number): Array<[string, string]> {
  return [...m.entries()]
    .filter(([k]) => k >= hex(gte) && k < hex(lt))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit ?? Infinity);
}
const rows = (r: Array<[Buffer, Buffer]>) => r.map(([k, v]) => [hex(k), hex(v)]);

async function run(seed: number, steps: number, ignoreSync: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lossy-store-'));
  dirs.push(dir);
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  // One- and two-byte keys, so prefixes and range ends interleave.
  const key = () => Buffer.from(int(2) ? [int(10)] : [int(10), int(3)]);
  const value = () => Buffer.from([int(256), int(256)]);
  const range = (): [Buffer, Buffer] => {
    const a = key();
    const b = key();
    return Buffer.compare(a, b) <= 0 ? [a, b] : [b, a];
  };
  const randomOps = (): BatchOp[] =>
    Array.from({ length: 1 + int(4) }, () =>
      int(4) === 0 ? { type: 'del', key: key() } : { type: 'put', key: key(), value: value() },
    );

  let rocks = await RocksStore.open(dir);
  let store = new LossyStore(rocks, { ignoreSync });
  let visible: Model = new Map();
  let durable: Model = new Map();
  const syncBatch = (ops: BatchOp[]) => {
    applyOps(visible, ops);
    durable = new Map(visible);
    return store.batch(ops, true);
  };
  const unsyncedBatch = (ops: BatchOp[]) => {
    applyOps(visible, ops);
    return store.batch(ops, false);
  };
  const clear = (gte: Buffer, lt: Buffer) => {
    applyClear(visible, gte, lt);
    return store.clear(gte, lt);
  };
  const write = (): Promise<void> => {
    const r = int(10);
    if (r < 4) return syncBatch(randomOps());
    if (r < 9) return unsyncedBatch(randomOps());
    return clear(...range());
  };
  let crashes = 0;
  for (let step = 0; step < steps; step++) {
    const r = int(20);
    const at = `seed ${seed} step ${step}`;
    if (r < 6) await write();
    else if (r < 8) {
      // Writes issued together: they apply in issue order, whatever their sync flags.
      await Promise.all(Array.from({ length: 2 + int(5) }, write));
    } else if (r < 12) {
      const k = key();
      const got = await store.get(k);
      expect([at, got && hex(got)]).toEqual([at, visible.get(hex(k))]);
    } else if (r < 18) {
      const [gte, lt] = range();
      const limit = int(3) === 0 ? undefined : int(5);
      const got = rows(await store.scan(gte, lt, limit));
      expect([at, got]).toEqual([at, modelScan(visible, gte, lt, limit)]);
    } else {
      // Crash: the wrapper is dropped with what it holds; RocksDB keeps what was synced.
      crashes++;
      await rocks.close();
      rocks = await RocksStore.open(dir);
      store = new LossyStore(rocks, { ignoreSync });
      const all = rows(await store.scan(Buffer.alloc(0), Buffer.from([0xff])));
      expect([at, 'after crash', all]).toEqual([
        at,
        'after crash',
        modelScan(durable, Buffer.alloc(0), Buffer.from([0xff])),
      ]);
      visible = new Map(durable);
    }
  }
  await store.close();
  // A clean close writes everything held.
  const reopened = await RocksStore.open(dir);
  const all = rows(await reopened.scan(Buffer.alloc(0), Buffer.from([0xff])));
  await reopened.close();
  expect(all).toEqual(modelScan(visible, Buffer.alloc(0), Buffer.from([0xff])));
  return crashes;
}

it('reads as the model and loses exactly the unsynced writes at a crash (25 seeds × 400 steps)', async () => {
  let crashes = 0;
  for (let seed = 1; seed <= 25; seed++) crashes += await run(seed, 400, false);
  expect(crashes).toBeGreaterThan(60);
});

it('planted ignore-sync: a crash loses synced batches, and the model check catches it', async () => {
  let caught = 0;
  for (let seed = 1; seed <= 10; seed++) {
    await run(seed, 400, true).catch(() => caught++);
  }
  expect(caught).toBe(10);
});

it('a synced batch still in flight: later unsynced writes win, and both reach disk with the next sync', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lossy-store-'));
  dirs.push(dir);
  const rocks = await RocksStore.open(dir);
  const store = new LossyStore(rocks);
  const k = Buffer.from('k');
  await store.batch([{ type: 'put', key: k, value: Buffer.from('1') }], false);
  const synced = store.batch([{ type: 'put', key: k, value: Buffer.from('2') }], true);
  await store.batch([{ type: 'put', key: k, value: Buffer.from('3') }], false);
  await store.clear(Buffer.from('a'), Buffer.from('b'));
  expect((await store.get(k))?.toString()).toBe('3');
  await synced;
  expect((await rocks.get(k))?.toString()).toBe('2');
  expect((await store.get(k))?.toString()).toBe('3');
  expect(store.heldKeys).toBe(2);
  await store.batch([{ type: 'put', key: Buffer.from('z'), value: Buffer.from('z') }], true);
  expect((await rocks.get(k))?.toString()).toBe('3');
  expect(store.heldKeys).toBe(0);
  await store.close();
});

it('reads its mode from TRIBUTARY_TEST_STORAGE_FAULTS', () => {
  expect(storageFaultsFromEnv('')).toBeUndefined();
  expect(storageFaultsFromEnv('lose-unsynced')).toEqual({ ignoreSync: false });
  expect(storageFaultsFromEnv('lose-unsynced,ignore-sync')).toEqual({ ignoreSync: true });
  expect(() => storageFaultsFromEnv('ignore-sync')).toThrow(/needs lose-unsynced/);
  expect(() => storageFaultsFromEnv('lose-everything')).toThrow(/unknown mode/);
});
