// Shared by the log-store tests: batches built the way a producer builds them, and a SimDisk
// whose writes complete at once (for tests about logic rather than crash timing).
import { buildBatch, decodeBatchRecords } from '@tributary/rpc';
import { SimDisk, storedFromWire, type KvStore, type StoredBatch } from '../src';

export type NewBatch = Omit<StoredBatch, 'baseOffset' | 'leaderEpoch' | 'appendTimeMs'>;

export interface TestRecord {
  key: string | null;
  value: string | null;
  timestampMs?: number;
}

export async function batchOf(
  records: TestRecord[],
  opts: {
    producerId?: number;
    producerEpoch?: number;
    baseSequence?: number;
    compression?: string;
  } = {},
): Promise<NewBatch> {
  const wire = await buildBatch({
    records: records.map((r) => ({
      key: r.key === null ? null : Buffer.from(r.key),
      value: r.value === null ? null : Buffer.from(r.value),
      timestampMs: r.timestampMs ?? 1000,
    })),
    ...opts,
  });
  return storedFromWire(wire);
}

/** Values (or null) by offset, decoded from stored batches. */
export async function recordsOf(
  batches: StoredBatch[],
): Promise<Array<[number, string | null, string | null]>> {
  const out: Array<[number, string | null, string | null]> = [];
  for (const b of batches) {
    for (const r of await decodeBatchRecords({ compression: b.compression, records: b.payload })) {
      out.push([
        b.baseOffset + r.offsetDelta,
        r.key?.toString() ?? null,
        r.value?.toString() ?? null,
      ]);
    }
  }
  return out;
}

/** A KV on a SimDisk whose writes complete as soon as they are submitted. */
export function instantKv(disk: SimDisk): KvStore {
  const kv = disk.open();
  return {
    ...kv,
    batch: (ops, sync) => {
      const done = kv.batch(ops, sync);
      while (disk.completeOne());
      return done;
    },
    clear: (gte, lt) => {
      const done = kv.clear(gte, lt);
      while (disk.completeOne());
      return done;
    },
  };
}
