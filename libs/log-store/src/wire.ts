/** Conversions between the wire RecordBatch (proto-loader objects) and StoredBatch. */
import {
  compressionCode,
  compressionName,
  type CompressionCode,
  type RecordBatch__Output,
} from '@tributary/rpc';
import { FORMAT_RECORDSET, type StoredBatch } from './types';

/** A produced batch as appendAsLeader takes it (validate it with validateBatch first). */
export function storedFromWire(
  b: RecordBatch__Output,
): Omit<StoredBatch, 'baseOffset' | 'leaderEpoch' | 'appendTimeMs'> {
  return {
    recordCount: b.record_count,
    producerId: b.producer_id,
    producerEpoch: b.producer_epoch,
    baseSequence: b.base_sequence,
    compression: compressionCode(b.compression),
    firstTimestampMs: b.first_timestamp_ms,
    maxTimestampMs: b.max_timestamp_ms,
    crc32c: b.crc32c,
    format: FORMAT_RECORDSET,
    payload: b.records,
  };
}

/** A stored RECORDSET batch as Fetch returns it. */
export function wireFromStored(b: StoredBatch): RecordBatch__Output {
  return {
    base_offset: b.baseOffset,
    record_count: b.recordCount,
    producer_id: b.producerId,
    producer_epoch: b.producerEpoch,
    base_sequence: b.baseSequence,
    compression: compressionName(b.compression as CompressionCode),
    first_timestamp_ms: b.firstTimestampMs,
    max_timestamp_ms: b.maxTimestampMs,
    crc32c: b.crc32c,
    records: b.payload,
    leader_epoch: b.leaderEpoch,
  };
}
