/**
 * Building and checking RecordBatches (DESIGN §5, §6). A producer builds a batch once; the
 * broker's hot path (validateBatch) checks only the header and the CRC — constant work plus a
 * native CRC over the bytes — and stores the bytes as received. verifyRecords is the deep check
 * (inflate, decode, count and timestamps of every record): the broker runs it for compressed
 * batches, whose inflating is the costly part anyway and where a bad payload would otherwise
 * reach every consumer; for uncompressed batches the CRC ties the bytes to a producer that built
 * them, and decoding them on the broker would be the per-record work the design rules out.
 */
import { tributaryError } from '../errors';
import type { RecordBatch__Output } from '../generated/tributary/broker/v1/RecordBatch';
import { crc32c } from './crc';
import {
  compress,
  compressionCode,
  compressionName,
  decompress,
  type CompressionCode,
} from './compression';
import {
  decodeRecordSet,
  encodeRecordSet,
  visitRecordSet,
  type RecordEntry,
  type RecordHeader,
  type RecordVisitor,
} from './record-set';

/** Timestamps may be this far before or after the broker's clock by default (one year). */
export const TIMESTAMP_SKEW_MAX_MS = 365 * 24 * 3600 * 1000;

/** A record as a producer hands it over. */
export interface ProducerRecord {
  key?: Buffer | null;
  /** null/undefined = tombstone. */
  value?: Buffer | null;
  headers?: RecordHeader[];
  /** Milliseconds since the Unix epoch. */
  timestampMs: number;
}

export interface BuildBatchOptions {
  records: readonly ProducerRecord[];
  /** Code or wire name; default NONE. */
  compression?: CompressionCode | string;
  /** 0 (default) = not idempotent. */
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
}

/**
 * A RecordBatch ready to send (base_offset and leader_epoch 0: the leader sets them).
 * first_timestamp_ms is the smallest record timestamp, so every timestamp_delta_ms is ≥ 0 as
 * records.proto requires; with one producer's clock that is the first record's.
 */
export async function buildBatch(opts: BuildBatchOptions): Promise<RecordBatch__Output> {
  const { records } = opts;
  if (records.length === 0) throw tributaryError('INVALID_ARGUMENT', 'a batch needs a record');
  let first = Infinity;
  let max = -Infinity;
  for (const r of records) {
    if (r.timestampMs < first) first = r.timestampMs;
    if (r.timestampMs > max) max = r.timestampMs;
  }
  const entries: RecordEntry[] = records.map((r, i) => ({
    offsetDelta: i,
    timestampDeltaMs: r.timestampMs - first,
    key: r.key ?? null,
    value: r.value ?? null,
    headers: r.headers ?? [],
  }));
  const code = compressionCode(opts.compression);
  const payload = await compress(code, encodeRecordSet(entries));
  return {
    base_offset: 0,
    record_count: records.length,
    producer_id: opts.producerId ?? 0,
    producer_epoch: opts.producerEpoch ?? 0,
    base_sequence: opts.baseSequence ?? 0,
    compression: compressionName(code),
    first_timestamp_ms: first,
    max_timestamp_ms: max,
    crc32c: crc32c(payload),
    records: payload,
    leader_epoch: 0,
  };
}

/** The batch fields the checks read; the wire type (RecordBatch__Output) has them all. */
export type BatchHeader = Pick<
  RecordBatch__Output,
  | 'record_count'
  | 'producer_id'
  | 'producer_epoch'
  | 'base_sequence'
  | 'first_timestamp_ms'
  | 'max_timestamp_ms'
  | 'crc32c'
  | 'records'
> & { compression: string | number };

export interface BatchLimits {
  /** max.message.bytes: the largest `records` accepted. */
  maxBatchBytes: number;
  /** The broker's wall clock, ms since the Unix epoch. */
  nowMs: number;
  /** How far before nowMs first_timestamp_ms may be; default TIMESTAMP_SKEW_MAX_MS. */
  timestampBeforeMaxMs?: number;
  /** How far after nowMs max_timestamp_ms may be; default TIMESTAMP_SKEW_MAX_MS. */
  timestampAfterMaxMs?: number;
}

/**
 * The hot-path check: count ≥ 1, a known codec, non-empty records within maxBatchBytes
 * (MESSAGE_TOO_LARGE), producer fields and timestamps in range (INVALID_ARGUMENT), then the CRC
 * (CHECKSUM_MISMATCH). Returns the compression code for the caller to store.
 */
export function validateBatch(batch: BatchHeader, limits: BatchLimits): CompressionCode {
  const code = compressionCode(batch.compression);
  const count = batch.record_count;
  if (!Number.isInteger(count) || count < 1) {
    throw invalid(`record_count is ${count}; a batch holds at least one record`);
  }
  const size = batch.records.length;
  if (size > limits.maxBatchBytes) {
    throw tributaryError(
      'MESSAGE_TOO_LARGE',
      `the batch's records are ${size} bytes; max.message.bytes is ${limits.maxBatchBytes}`,
    );
  }
  if (size === 0) throw invalid(`records is empty but record_count is ${count}`);
  if (batch.producer_id < 0) throw invalid(`producer_id is ${batch.producer_id}; allowed ≥ 0`);
  if (batch.producer_id > 0 && (batch.producer_epoch < 0 || batch.base_sequence < 0)) {
    throw invalid(
      `producer_epoch ${batch.producer_epoch} and base_sequence ${batch.base_sequence} must be ≥ 0`,
    );
  }
  checkTimestamps(batch.first_timestamp_ms, batch.max_timestamp_ms, limits);
  const crc = crc32c(batch.records);
  if (crc !== batch.crc32c >>> 0) {
    throw tributaryError(
      'CHECKSUM_MISMATCH',
      `records CRC-32C is ${crc}, the batch says ${batch.crc32c >>> 0}`,
    );
  }
  return code;
}

function checkTimestamps(first: number, max: number, limits: BatchLimits): void {
  const before = limits.timestampBeforeMaxMs ?? TIMESTAMP_SKEW_MAX_MS;
  const after = limits.timestampAfterMaxMs ?? TIMESTAMP_SKEW_MAX_MS;
  if (max < first) {
    throw invalid(`max_timestamp_ms ${max} is before first_timestamp_ms ${first}`);
  }
  if (first < limits.nowMs - before || first < 0) {
    throw invalid(
      `first_timestamp_ms ${first} is more than ${before} ms before now (${limits.nowMs})`,
    );
  }
  if (max > limits.nowMs + after) {
    throw invalid(`max_timestamp_ms ${max} is more than ${after} ms after now (${limits.nowMs})`);
  }
}

/**
 * The deep check, after validateBatch: the records inflate (at most `maxBytes`) and decode
 * (CORRUPT_RECORD otherwise), there are exactly record_count of them with offset deltas 0..n-1,
 * and every timestamp lies in [first_timestamp_ms, max_timestamp_ms] (INVALID_ARGUMENT). For a
 * batch as produced; compaction leaves fewer records than record_count.
 */
export async function verifyRecords(batch: BatchHeader, maxBytes?: number): Promise<RecordEntry[]> {
  const code = compressionCode(batch.compression);
  const records = decodeRecordSet(await decompress(code, batch.records, maxBytes));
  if (records.length !== batch.record_count) {
    throw invalid(`record_count is ${batch.record_count} but records hold ${records.length}`);
  }
  const span = batch.max_timestamp_ms - batch.first_timestamp_ms;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as RecordEntry;
    if (r.offsetDelta !== i) throw invalid(`record ${i} has offset_delta ${r.offsetDelta}`);
    if (r.timestampDeltaMs < 0 || r.timestampDeltaMs > span) {
      throw invalid(
        `record ${i} has timestamp_delta_ms ${r.timestampDeltaMs}; allowed 0..${span} by the batch's timestamps`,
      );
    }
  }
  return records;
}

/** Decodes a stored or fetched batch's records (inflating them per its compression). */
export async function decodeBatchRecords(
  batch: Pick<BatchHeader, 'compression' | 'records'>,
  maxBytes?: number,
): Promise<RecordEntry[]> {
  return decodeRecordSet(
    await decompress(compressionCode(batch.compression), batch.records, maxBytes),
  );
}

/** `decodeBatchRecords` into a visitor: nothing allocated per record but what it keeps. */
export async function visitBatchRecords(
  batch: Pick<BatchHeader, 'compression' | 'records'>,
  visit: RecordVisitor,
  maxBytes?: number,
): Promise<number> {
  const records = await decompress(compressionCode(batch.compression), batch.records, maxBytes);
  return visitRecordSet(records, visit);
}

function invalid(message: string) {
  return tributaryError('INVALID_ARGUMENT', message);
}
