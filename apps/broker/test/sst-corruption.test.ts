// A bit flipped in a data block of an SST file of a broker's store (flipSstBit from testkit):
// RocksDB's block checksum fails the block, and through the rocksdb binding an iterator then
// just ends early (no error), so the scans see keys vanish. The start-up verification sees data
// without its index entry, or an index entry without its data, and cuts the log there; the
// replica then re-fetches the rest from the leader. What is left reads back intact.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LogStore, RocksStore, storedFromWire } from '@tributary/log-store';
import { Xoshiro128 } from '@tributary/raft';
import { buildBatch } from '@tributary/rpc';
import { flipSstBit } from '@tributary/testkit';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const BATCHES = 12 * 64;

/** Reads every batch left (read checks each one's CRC-32C); returns how many. */
async function readEverything(store: LogStore): Promise<number> {
  let n = 0;
  for (const log of store.list())
    for (let at = log.logStartOffset; at < log.logEndOffset;)
      for (const b of await log.read(at, log.logEndOffset, 1 << 20)) {
        at = b.baseOffset + b.recordCount;
        n++;
      }
  return n;
}

it.each([1, 2, 3, 4, 5])(
  'seed %i: the flipped bit cuts the log at the unreadable block',
  async (seed) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sst-'));
    dirs.push(dir);
    // 12 MB of incompressible payload: more than RocksDB's 4 MiB memtable, so SST files exist.
    let store = await LogStore.open(await RocksStore.open(dir));
    const log = await store.openPartition('t', 0, 'id');
    for (let i = 0; i < BATCHES / 64; i++) {
      const batches = await Promise.all(
        Array.from({ length: 64 }, () =>
          buildBatch({ records: [{ key: null, value: randomBytes(16 << 10), timestampMs: 1 }] }),
        ),
      );
      await Promise.all(batches.map((b) => log.appendAsLeader(storedFromWire(b), 1)));
    }
    await store.close();
    const flipped = flipSstBit(dir, new Xoshiro128(seed));
    store = await LogStore.open(await RocksStore.open(dir), { verify: true });
    const v = store.verification!;
    const end = store.get('t', 0)!.logEndOffset;
    const left = await readEverything(store);
    await store.close();
    console.log(
      `seed ${seed}: bit ${flipped.bit} of byte ${flipped.at} of ${path.basename(flipped.file)}: log cut to ${end} of ${BATCHES}`,
    );
    expect(v.truncated).toBe(1);
    expect(end).toBeLessThan(BATCHES);
    expect(left).toBe(end);
  },
);
