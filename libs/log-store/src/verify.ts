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
  counts: VerifyCounts,
): Promise<{ offset: number; reason: string } | undefined> {
  let i = 0;
  const lt = batchRange('data', id)[1];
  while (i < index.length) {
    const from = (index[i] as BatchMeta).baseOffset;
    const rows = await kv.scan(batchRange('data', id, from)[0], lt, CHUNK);
    for (const [key, value] of rows) {
      if (i >= index.length) return undefined;
      const m = index[i] as BatchMeta;
      const at = Number(key.readBigUInt64BE(5));
      if (at > m.baseOffset) return { offset: m.baseOffset, reason: 'its data value is missing' };
      if (at < m.baseOffset) continue; // data without an index entry: never read
      const problem = check(m, value);
      if (problem) return { offset: m.baseOffset, reason: problem };
      counts.batches++;
      counts.records += m.recordCount;
      counts.bytes += value.length;
      i++;
    }
    if (rows.length < CHUNK && i < index.length)
      return { offset: (index[i] as BatchMeta).baseOffset, reason: 'its data value is missing' };
  }
  return undefined;
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
