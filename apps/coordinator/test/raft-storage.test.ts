// The RocksDB Raft log against a real directory: what was persisted comes back after a reopen,
// a suffix overwrite truncates, compaction keeps the snapshot, and the Storage port's errors hold.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RocksStore } from '@tributary/log-store';
import { CompactedError, UnavailableError, type Entry } from '@tributary/raft';
import {
  CorruptStorageError,
  decodeEntry,
  DurableRaftStorage,
  encodeEntry,
  entryKey,
} from '../src/storage/raft-storage';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-raftlog-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const openLog = async (dir: string, bootstrap: Parameters<typeof DurableRaftStorage.open>[1]) =>
  DurableRaftStorage.open(await RocksStore.open(dir), bootstrap);

const entry = (index: number, term: number, text = `e${index}`): Entry => ({
  index,
  term,
  type: 'normal',
  data: Buffer.from(text),
});

it('encodes entries losslessly', () => {
  const e: Entry = { index: 7, term: 3, type: 'conf-change', data: Buffer.from([1, 2, 3]) };
  expect(decodeEntry(7, encodeEntry(e))).toEqual({ ...e, data: Buffer.from([1, 2, 3]) });
  // The CRC covers the key: the same bytes under another index do not verify.
  expect(() => decodeEntry(8, encodeEntry(e))).toThrow(/e\/8: CRC-32C mismatch/);
  const flipped = encodeEntry(e);
  flipped[flipped.length - 1]! ^= 1;
  expect(() => decodeEntry(7, flipped)).toThrow(CorruptStorageError);
});

it('bootstraps founding members and recovers everything after a reopen', async () => {
  const dir = tmp();
  let s = await openLog(dir, { voters: [1, 2, 3], learners: [] });
  expect(s.firstIndex()).toBe(2);
  expect(s.initialState().confState.voters).toEqual([1, 2, 3]);
  await s.persist({
    hardState: { term: 2, vote: 1, commit: 1 },
    entries: [2, 3, 4].map((i) => entry(i, 2)),
    sync: true,
  });
  await s.close();

  s = await openLog(dir, { voters: [9], learners: [] }); // bootstrap ignored: data exists
  expect(s.initialState()).toEqual({
    hardState: { term: 2, vote: 1, commit: 1 },
    confState: { voters: [1, 2, 3], learners: [] },
  });
  expect(s.lastIndex()).toBe(4);
  expect(s.entries(2, 5, Infinity).map((e) => Buffer.from(e.data).toString())).toEqual([
    'e2',
    'e3',
    'e4',
  ]);
  expect(s.term(4)).toBe(2);
  expect(() => s.entries(1, 3, Infinity)).toThrow(CompactedError);
  expect(() => s.term(9)).toThrow(UnavailableError);
  await s.close();
});

it('truncates a conflicting suffix, durably', async () => {
  const dir = tmp();
  let s = await openLog(dir, { voters: [1], learners: [] });
  await s.persist({ hardState: null, entries: [2, 3, 4, 5].map((i) => entry(i, 1)), sync: true });
  await s.persist({
    hardState: { term: 3, vote: 2, commit: 2 },
    entries: [entry(3, 3, 'new3')],
    sync: true,
  });
  expect(s.lastIndex()).toBe(3);
  await s.close();
  s = await openLog(dir, null);
  expect(s.lastIndex()).toBe(3);
  expect(Buffer.from(s.entries(3, 4, Infinity)[0]!.data).toString()).toBe('new3');
  expect(s.term(3)).toBe(3);
  await s.close();
});

it('keeps fewer entries behind a snapshot when they hold more than the byte bound', async () => {
  const dir = tmp();
  const s = await openLog(dir, { voters: [1], learners: [] });
  // e2…e100: "e90" is 3 bytes, so 12 bytes hold the four entries 87–90 and no more.
  await s.persist({
    hardState: { term: 1, vote: 1, commit: 100 },
    entries: Array.from({ length: 99 }, (_, k) => entry(k + 2, 1)),
    sync: true,
  });
  await s.compact(90, { voters: [1], learners: [] }, Buffer.from('state@90'), {
    entries: 10,
    bytes: 12,
  });
  expect(s.firstIndex()).toBe(87);
  await s.close();
});

it('compacts behind a snapshot and restarts from it', async () => {
  const dir = tmp();
  let s = await openLog(dir, { voters: [1, 2, 3], learners: [] });
  await s.persist({
    hardState: { term: 1, vote: 1, commit: 100 },
    entries: Array.from({ length: 99 }, (_, k) => entry(k + 2, 1)),
    sync: true,
  });
  await s.compact(90, { voters: [1, 2, 3], learners: [] }, Buffer.from('state@90'), {
    entries: 10,
    bytes: 1 << 20,
  });
  expect(s.snapshot().metadata.index).toBe(90);
  expect(s.firstIndex()).toBe(81); // ten entries kept behind the snapshot for slow followers
  await s.close();
  s = await openLog(dir, null);
  expect(Buffer.from(s.snapshot().data).toString()).toBe('state@90');
  expect(s.firstIndex()).toBe(91);
  expect(s.lastIndex()).toBe(100);
  expect(Buffer.from(s.entries(100, 101, Infinity)[0]!.data).toString()).toBe('e100');
  await s.close();
});

it('starts empty when joining an existing cluster', async () => {
  const s = await openLog(tmp(), null);
  expect(s.lastIndex()).toBe(0);
  expect(s.initialState().confState).toEqual({ voters: [], learners: [] });
  await s.close();
});

/** Rewrites one stored value in place (as a bit flip on disk would). */
async function damage(dir: string, key: Buffer, edit: (v: Buffer) => void): Promise<void> {
  const db = await RocksStore.open(dir);
  const value = (await db.get(key)) as Buffer;
  edit(value);
  await db.batch([{ type: 'put', key, value }], true);
  await db.close();
}

it('restarts after a snapshot taken past the stored commit (the commit is raised to it)', async () => {
  // Commit-only hard states are not written, so the stored commit lags what was applied.
  const dir = tmp();
  let s = await openLog(dir, { voters: [1], learners: [] });
  await s.persist({
    hardState: { term: 2, vote: 1, commit: 3 },
    entries: Array.from({ length: 11 }, (_, k) => entry(k + 2, 2)),
    sync: true,
  });
  await s.compact(12, { voters: [1], learners: [] }, Buffer.from('state@12'), {
    entries: 0,
    bytes: 1 << 20,
  });
  await s.close();
  s = await openLog(dir, null);
  expect(s.snapshot().metadata.index).toBe(12);
  expect(s.initialState().hardState).toEqual({ term: 2, vote: 1, commit: 12 });
  expect(s.firstIndex()).toBe(13);
  expect(s.lastIndex()).toBe(12);
  await s.close();
});

it("installing a leader's snapshot deletes the whole replaced log, durably", async () => {
  const dir = tmp();
  let s = await openLog(dir, { voters: [1, 2, 3], learners: [] });
  await s.persist({
    hardState: { term: 1, vote: 1, commit: 3 },
    entries: Array.from({ length: 9 }, (_, k) => entry(k + 2, 1, `old${k + 2}`)),
    sync: true,
  });
  // The leader's history diverged at 4; its snapshot at 6 (term 2) replaces our log.
  const snap = {
    metadata: { index: 6, term: 2, confState: { voters: [1, 2, 3], learners: [] } },
    data: Buffer.from('leader@6'),
  };
  await s.installSnapshot(snap, { term: 2, vote: 0, commit: 6 });
  expect(s.lastIndex()).toBe(6);
  await s.close();
  s = await openLog(dir, null);
  expect(s.snapshot().metadata).toEqual(snap.metadata);
  expect(s.lastIndex()).toBe(6); // entries 7–10 of the old term are not back
  expect(s.initialState().hardState).toEqual({ term: 2, vote: 0, commit: 6 });
  await s.close();
});

it.each([
  ['an entry', entryKey(4), 'e/4'],
  ['the hard state', Buffer.from('h'), 'h'],
  ['the snapshot metadata', Buffer.from('m'), 'm'],
])('refuses to open when %s is damaged, naming the key', async (_what, key, name) => {
  const dir = tmp();
  const s = await openLog(dir, { voters: [1], learners: [] });
  await s.persist({
    hardState: { term: 1, vote: 1, commit: 5 },
    entries: [2, 3, 4, 5].map((i) => entry(i, 1)),
    sync: true,
  });
  await s.close();
  await damage(dir, key, (v) => (v[v.length - 1]! ^= 0x10));
  const opened = openLog(dir, null);
  await expect(opened).rejects.toThrow(CorruptStorageError);
  await expect(openLog(dir, null)).rejects.toThrow(
    new RegExp(`key ${name}: CRC-32C mismatch.*--join`),
  );
});

it('refuses a directory of the older unversioned format', async () => {
  const dir = tmp();
  const db = await RocksStore.open(dir);
  await db.batch([{ type: 'put', key: Buffer.from('h'), value: Buffer.from('{"term":1}') }], true);
  await db.close();
  await expect(openLog(dir, null)).rejects.toThrow(/older version of Tributary/);
});

it('counts incarnations across opens (proposal ids stay unique across restarts)', async () => {
  const dir = tmp();
  const seen: number[] = [];
  for (let k = 0; k < 3; k++) {
    const s = await openLog(dir, { voters: [1], learners: [] });
    seen.push(s.incarnation);
    await s.close();
  }
  expect(seen).toEqual([1, 2, 3]);
});
