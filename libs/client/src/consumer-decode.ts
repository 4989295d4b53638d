/**
 * Fetched batches to records. A Fetch starts with the batch that contains the asked offset, so
 * its first records may lie below it: they are skipped. Offsets come from the batch
 * (base_offset + offset_delta), timestamps from first_timestamp_ms + timestamp_delta_ms.
 */
import { visitBatchRecords, type RecordHeader } from '@tributary/rpc';
import type { RecordBatch__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/RecordBatch';

export interface ConsumerRecord {
  topic: string;
  partition: number;
  offset: number;
  /** Ms since the Unix epoch (producer time). */
  timestampMs: number;
  /** null: no key. Views of the fetched bytes: copy them to keep them past the next poll. */
  key: Buffer | null;
  /** null: a tombstone. */
  value: Buffer | null;
  /** Shared and frozen when the record has none. */
  headers: readonly RecordHeader[];
  /** Leader epoch of the batch (for committing with an epoch). */
  leaderEpoch: number;
}

/** Offset after the batch: where the next fetch starts (compaction keeps the covered range). */
export function batchEnd(batch: Pick<RecordBatch__Output, 'base_offset' | 'record_count'>): number {
  return batch.base_offset + batch.record_count;
}

/** The records of `batches` at offsets ≥ `from`, in offset order. */
export async function decodeFetched(
  topic: string,
  partition: number,
  batches: readonly RecordBatch__Output[],
  from: number,
  maxBytes?: number,
): Promise<ConsumerRecord[]> {
  const out: ConsumerRecord[] = [];
  for (const batch of batches) {
    if (batchEnd(batch) <= from) continue;
    const base = batch.base_offset;
    const first = batch.first_timestamp_ms;
    const leaderEpoch = batch.leader_epoch;
    // Straight from the wire into the records handed out: one object (and the value's view)
    // per record, which is what a million records a second can afford.
    await visitBatchRecords(
      batch,
      (offsetDelta, timestampDeltaMs, key, value, headers) => {
        const offset = base + offsetDelta;
        if (offset < from) return;
        out.push({
          topic,
          partition,
          offset,
          timestampMs: first + timestampDeltaMs,
          key,
          value,
          headers,
          leaderEpoch,
        });
      },
      maxBytes,
    );
  }
  return out;
}
