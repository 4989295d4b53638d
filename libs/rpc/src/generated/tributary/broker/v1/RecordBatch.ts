// Original file: protos/tributary/broker/v1/records.proto

import type { Compression as _tributary_broker_v1_Compression, Compression__Output as _tributary_broker_v1_Compression__Output } from '../../../tributary/broker/v1/Compression';
import type { Long } from '@grpc/proto-loader';

/**
 * A batch of consecutive records of one partition: the unit of produce, replication, storage,
 * fetch and retention.
 */
export interface RecordBatch {
  /**
   * Offset of the first record. Assigned by the leader on append; producers send 0. The batch
   * covers offsets base_offset to base_offset + record_count - 1 (before compaction).
   */
  'base_offset'?: (number | string | Long);
  /**
   * Number of records in `records`, ≥ 1. INVALID_ARGUMENT if 0 or inconsistent.
   */
  'record_count'?: (number);
  /**
   * Idempotent producer id from AllocateProducerId (≥ 1); 0 = not idempotent (no dedup).
   */
  'producer_id'?: (number | string | Long);
  /**
   * Producer epoch; a batch with an epoch older than the partition last saw for this producer
   * is refused FAILED_PRECONDITION / FENCED.
   */
  'producer_epoch'?: (number);
  /**
   * Sequence number of the first record, per (producer_id, partition): 0 for the first batch,
   * then the previous base_sequence + record_count, wrapping to 0 after 2147483647. Ignored
   * when producer_id is 0.
   */
  'base_sequence'?: (number);
  /**
   * Codec applied to `records`; unspecified = none.
   */
  'compression'?: (_tributary_broker_v1_Compression);
  /**
   * Timestamp of the first record, milliseconds since the Unix epoch (producer time).
   */
  'first_timestamp_ms'?: (number | string | Long);
  /**
   * Largest record timestamp in the batch, milliseconds since the Unix epoch; ≥
   * first_timestamp_ms. Drives time-based retention and ListOffsets by timestamp.
   */
  'max_timestamp_ms'?: (number | string | Long);
  /**
   * CRC-32C (Castagnoli) of `records` exactly as sent. A mismatch is refused DATA_LOSS /
   * CHECKSUM_MISMATCH, and is checked again on read.
   */
  'crc32c'?: (number);
  /**
   * A serialized RecordSet, compressed per `compression`. Bounded by the topic's
   * "max.message.bytes" (RESOURCE_EXHAUSTED above it).
   */
  'records'?: (Buffer | Uint8Array | string);
  /**
   * Leader epoch of the leader that appended the batch; set by the leader, producers send 0.
   * Followers use it for truncation by leader epoch (KIP-101).
   */
  'leader_epoch'?: (number);
}

/**
 * A batch of consecutive records of one partition: the unit of produce, replication, storage,
 * fetch and retention.
 */
export interface RecordBatch__Output {
  /**
   * Offset of the first record. Assigned by the leader on append; producers send 0. The batch
   * covers offsets base_offset to base_offset + record_count - 1 (before compaction).
   */
  'base_offset': (number);
  /**
   * Number of records in `records`, ≥ 1. INVALID_ARGUMENT if 0 or inconsistent.
   */
  'record_count': (number);
  /**
   * Idempotent producer id from AllocateProducerId (≥ 1); 0 = not idempotent (no dedup).
   */
  'producer_id': (number);
  /**
   * Producer epoch; a batch with an epoch older than the partition last saw for this producer
   * is refused FAILED_PRECONDITION / FENCED.
   */
  'producer_epoch': (number);
  /**
   * Sequence number of the first record, per (producer_id, partition): 0 for the first batch,
   * then the previous base_sequence + record_count, wrapping to 0 after 2147483647. Ignored
   * when producer_id is 0.
   */
  'base_sequence': (number);
  /**
   * Codec applied to `records`; unspecified = none.
   */
  'compression': (_tributary_broker_v1_Compression__Output);
  /**
   * Timestamp of the first record, milliseconds since the Unix epoch (producer time).
   */
  'first_timestamp_ms': (number);
  /**
   * Largest record timestamp in the batch, milliseconds since the Unix epoch; ≥
   * first_timestamp_ms. Drives time-based retention and ListOffsets by timestamp.
   */
  'max_timestamp_ms': (number);
  /**
   * CRC-32C (Castagnoli) of `records` exactly as sent. A mismatch is refused DATA_LOSS /
   * CHECKSUM_MISMATCH, and is checked again on read.
   */
  'crc32c': (number);
  /**
   * A serialized RecordSet, compressed per `compression`. Bounded by the topic's
   * "max.message.bytes" (RESOURCE_EXHAUSTED above it).
   */
  'records': (Buffer);
  /**
   * Leader epoch of the leader that appended the batch; set by the leader, producers send 0.
   * Followers use it for truncation by leader epoch (KIP-101).
   */
  'leader_epoch': (number);
}
