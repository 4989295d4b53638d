/**
 * Append throughput of the log store on RocksDB with group commit: PARTITIONS partitions append
 * ~100 KB batches concurrently (WINDOW in flight each) for SECONDS; prints MB/s, batches/s and
 * synced KV writes/s (how many appends each fsync carried).
 *
 *   npx tsx libs/log-store/tools/bench.ts [--seconds 10] [--partitions 8] [--window 4] [--dir /tmp/x] [--tuned]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBatch } from '@tributary/rpc';
import { LogStore, RocksStore, storedFromWire } from '../src';

function arg(name: string, fallback: number | string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] as string) : String(fallback);
}

async function main() {
  const seconds = Number(arg('seconds', 10));
  const partitions = Number(arg('partitions', 8));
  const window = Number(arg('window', 4));
  const dir = arg('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'log-bench-')));
  const wire = await buildBatch({
    records: Array.from({ length: 1000 }, (_, i) => ({
      value: Buffer.alloc(100, i),
      timestampMs: Date.now(),
    })),
  });
  const batch = storedFromWire(wire);
  const tuned = process.argv.includes('--tuned');
  // Tuned: 64 MiB memtables and files, no block compression (fewer flushes and compactions).
  const tuning = tuned
    ? { writeBufferBytes: 64 << 20, maxFileBytes: 64 << 20, compression: false }
    : {};
  const store = await LogStore.open(await RocksStore.open(dir, tuning));
  const logs = await Promise.all(
    Array.from({ length: partitions }, (_, p) => store.openPartition('bench', p, 'bench')),
  );
  let batches = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const writesBefore = store.writes;
  await Promise.all(
    logs.flatMap((log) =>
      Array.from({ length: window }, async () => {
        while (Date.now() < deadline) {
          await log.appendAsLeader(batch, 1);
          batches++;
        }
      }),
    ),
  );
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  const writes = store.writes - writesBefore;
  const mb = (batches * batch.payload.length) / 1e6;
  console.log(
    [
      `${partitions} partitions × ${window} in flight, ${batch.payload.length} B batches, ${elapsedS.toFixed(1)} s, ${tuned ? 'tuned' : 'default'} RocksDB`,
      `${(mb / elapsedS).toFixed(1)} MB/s, ${Math.round(batches / elapsedS)} batches/s`,
      `${Math.round(writes / elapsedS)} synced writes/s, ${(batches / writes).toFixed(1)} batches per write`,
    ].join('\n'),
  );
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
