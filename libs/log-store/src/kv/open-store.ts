/**
 * The one place the servers open their RocksDB stores, so that the test-only storage faults
 * (`TRIBUTARY_TEST_STORAGE_FAULTS`, see lossy-store.ts) are read once for both of them.
 */
import type { KvStore } from './kv-store';
import { LossyStore, storageFaultsFromEnv } from './lossy-store';
import { RocksStore, type RocksTuning } from './rocks';

export async function openStore(
  dir: string,
  o: { tuning?: RocksTuning; warn?: (message: string) => void } = {},
): Promise<KvStore> {
  const faults = storageFaultsFromEnv();
  const rocks = await RocksStore.open(dir, o.tuning);
  if (!faults) return rocks;
  const what = faults.ignoreSync
    ? 'synced writes are held in memory too (the disk lies about fsync): acknowledged writes are LOST on kill -9'
    : 'unsynced writes are held in memory until the next synced write: kill -9 loses them as a power cut would';
  (o.warn ?? console.warn)(
    `TEST-ONLY STORAGE FAULTS ACTIVE (TRIBUTARY_TEST_STORAGE_FAULTS=${process.env['TRIBUTARY_TEST_STORAGE_FAULTS']}) on ${dir}: ${what}. Never run like this in production.`,
  );
  return new LossyStore(rocks, faults);
}
