/**
 * Start-up verification of a partition's stored batches, after Kafka's log recovery: every data
 * value is read and checked against its index entry (present, header CRC, same base offset and
 * count, payload length and payload CRC-32C). The owner truncates the log at the first batch
 * that fails, so a replica never keeps (serves, or is elected with) a damaged copy: it fetches
 * the batch again from the leader, outside the ISR until it has caught up.
 */
import { crc32c } from '@tributary/rpc';
import { batchRange, decodeHeader, HEADER_BYTES, type BatchMeta } from './batch-codec';
import type { KvStore } from './kv/kv-store';

/** Data values read per scan: bounds memory whatever the log's size. */
const CHUNK = 256;

export interface VerifyCounts {
  batches: number;
  records: number;
  bytes: number;
}

/** The first damaged batch of `index` (its base offset and what is wrong), if any. */
export async function firstCorruptBatch(
  kv: KvStore,
  id: number,
  index: readonly BatchMeta[],
  range: { logStart: number; logEnd: number },
  counts: VerifyCounts,
): Promise<{ offset: number; reason: string } | undefined> {
  let i = 0;
  const lt = batchRange('data', id)[1];
  let from = index[0]?.baseOffset ?? range.logStart;
  for (;;) {
    const rows = await kv.scan(batchRange('data', id, from)[0], lt, CHUNK);
    for (const [key, value] of rows) {
      const at = Number(key.readBigUInt64BE(5));
      from = at + 1;
      const m = index[i];
      // Data and index are written and deleted together: data in the log's range without its
      // index entry means the index lost entries (RocksDB ends a scan at a corrupt block).
      if ((!m || at < m.baseOffset) && at >= range.logStart && at < range.logEnd)
        return { offset: at, reason: 'its index entry is missing' };
      if (!m) continue;
      if (at > m.baseOffset) return { offset: m.baseOffset, reason: 'its data value is missing' };
      if (at < m.baseOffset) continue; // outside the log's range: open deletes it
      const problem = check(m, value);
      if (problem) return { offset: m.baseOffset, reason: problem };
      counts.batches++;
      counts.records += m.recordCount;
      counts.bytes += value.length;
      i++;
    }
    if (rows.length < CHUNK) break;
  }
  const missing = index[i];
  return missing && { offset: missing.baseOffset, reason: 'its data value is missing' };
}

function check(m: BatchMeta, value: Buffer): string | undefined {
  const h = decodeHeader(value);
  if (typeof h === 'string') return h;
  if (h.baseOffset !== m.baseOffset || h.recordCount !== m.recordCount)
    return `its data header (${h.baseOffset}, ${h.recordCount} records) differs from its index entry`;
  const payload = value.subarray(HEADER_BYTES);
  if (payload.length !== h.payloadBytes)
    return `its payload is ${payload.length} bytes, the header says ${h.payloadBytes}`;
  if (crc32c(payload) !== h.crc32c) return 'its payload fails its CRC-32C';
  return undefined;
}
