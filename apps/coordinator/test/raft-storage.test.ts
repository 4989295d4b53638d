// The RocksDB Raft log against a real directory: what was persisted comes back after a reopen,
// a suffix overwrite truncates, compaction keeps the snapshot, and the Storage port's errors hold.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompactedError, UnavailableError, type Entry } from '@tributary/raft';
import { decodeEntry, DurableRaftStorage, encodeEntry } from '../src/storage/raft-storage';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-raftlog-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const entry = (index: number, term: number, text = `e${index}`): Entry => ({
  index,
  term,
  type: 'normal',
  data: Buffer.from(text),
});

it('encodes entries losslessly', () => {
  const e: Entry = { index: 7, term: 3, type: 'conf-change', data: Buffer.from([1, 2, 3]) };
  expect(decodeEntry(7, encodeEntry(e))).toEqual({ ...e, data: Buffer.from([1, 2, 3]) });
  expect(() => decodeEntry(1, Buffer.from([9, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/unknown type 9/);
});

it('bootstraps founding members and recovers everything after a reopen', async () => {
  const dir = tmp();
  let s = await DurableRaftStorage.open(dir, { voters: [1, 2, 3], learners: [] });
  expect(s.firstIndex()).toBe(2);
  expect(s.initialState().confState.voters).toEqual([1, 2, 3]);
  await s.persist({
    hardState: { term: 2, vote: 1, commit: 1 },
    entries: [2, 3, 4].map((i) => entry(i, 2)),
    sync: true,
  });
  await s.close();

  s = await DurableRaftStorage.open(dir, { voters: [9], learners: [] }); // bootstrap ignored: data exists
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
  let s = await DurableRaftStorage.open(dir, { voters: [1], learners: [] });
  await s.persist({ hardState: null, entries: [2, 3, 4, 5].map((i) => entry(i, 1)), sync: true });
  await s.persist({
    hardState: { term: 3, vote: 2, commit: 2 },
    entries: [entry(3, 3, 'new3')],
    sync: true,
  });
  expect(s.lastIndex()).toBe(3);
  await s.close();
  s = await DurableRaftStorage.open(dir, null);
  expect(s.lastIndex()).toBe(3);
  expect(Buffer.from(s.entries(3, 4, Infinity)[0]!.data).toString()).toBe('new3');
  expect(s.term(3)).toBe(3);
  await s.close();
});

it('compacts behind a snapshot and restarts from it', async () => {
  const dir = tmp();
  let s = await DurableRaftStorage.open(dir, { voters: [1, 2, 3], learners: [] });
  await s.persist({
    hardState: { term: 1, vote: 1, commit: 100 },
    entries: Array.from({ length: 99 }, (_, k) => entry(k + 2, 1)),
    sync: true,
  });
  await s.compact(90, { voters: [1, 2, 3], learners: [] }, Buffer.from('state@90'), 10);
  expect(s.snapshot().metadata.index).toBe(90);
  expect(s.firstIndex()).toBe(81); // ten entries kept behind the snapshot for slow followers
  await s.close();
  s = await DurableRaftStorage.open(dir, null);
  expect(Buffer.from(s.snapshot().data).toString()).toBe('state@90');
  expect(s.firstIndex()).toBe(91);
  expect(s.lastIndex()).toBe(100);
  expect(Buffer.from(s.entries(100, 101, Infinity)[0]!.data).toString()).toBe('e100');
  await s.close();
});

it('starts empty when joining an existing cluster', async () => {
  const s = await DurableRaftStorage.open(tmp(), null);
  expect(s.lastIndex()).toBe(0);
  expect(s.initialState().confState).toEqual({ voters: [], learners: [] });
  await s.close();
});
