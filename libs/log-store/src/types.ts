/** The shapes the log store speaks in (broker plan, layer 2). */

/** Header fields of one stored batch plus its opaque payload. */
export interface StoredBatch {
  /** Covers baseOffset..baseOffset+recordCount-1 (compaction keeps the range, drops records). */
  baseOffset: number;
  recordCount: number;
  leaderEpoch: number;
  /** 0 = not idempotent. */
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  /** Compression enum number (1..4), as CompressionCode of @tributary/rpc. */
  compression: number;
  firstTimestampMs: number;
  maxTimestampMs: number;
  /** Leader's wall clock when it appended the batch, ms since the Unix epoch. */
  appendTimeMs: number;
  /** CRC-32C of payload. */
  crc32c: number;
  /** FORMAT_RECORDSET (1); Kafka RecordBatch v2 later. */
  format: number;
  payload: Buffer;
}

/** The payload is a protobuf RecordSet (compressed per `compression`). */
export const FORMAT_RECORDSET = 1;

/** Idempotent-producer state of one producer id on one partition. */
export interface ProducerEntry {
  producerEpoch: number;
  /** The last (up to) 5 batches of the current epoch, oldest first. */
  recent: Array<{ firstSeq: number; lastSeq: number; baseOffset: number }>;
  /** Leader append time of the producer's last batch: idle producers expire from it. */
  lastAppendTimeMs: number;
}

/** Leader-epoch cache entry: `epoch` wrote its first batch at `startOffset`. */
export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export interface LogConfig {
  /** -1 = keep forever. */
  retentionMs: number;
  /** -1 = no size bound. */
  retentionBytes: number;
  cleanupPolicy: 'delete' | 'compact' | 'compact,delete';
  /** How long a tombstone outlives the compaction that first saw it. */
  deleteRetentionMs: number;
}
