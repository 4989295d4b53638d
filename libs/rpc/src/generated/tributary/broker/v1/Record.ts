// Original file: protos/tributary/broker/v1/records.proto

import type { Header as _tributary_broker_v1_Header, Header__Output as _tributary_broker_v1_Header__Output } from '../../../tributary/broker/v1/Header';
import type { Long } from '@grpc/proto-loader';

/**
 * One record. Offsets and timestamps are deltas from the enclosing batch.
 */
export interface Record {
  /**
   * Offset minus the batch's base_offset: 0, 1, 2, … as produced (compaction may leave gaps).
   */
  'offset_delta'?: (number);
  /**
   * Record timestamp minus the batch's first_timestamp_ms, in milliseconds, ≥ 0.
   */
  'timestamp_delta_ms'?: (number | string | Long);
  /**
   * Record key; absent = null key (no key: the producer picks the partition freely).
   */
  'key'?: (Buffer | Uint8Array | string);
  /**
   * Record value; absent = null, a tombstone that deletes `key` under cleanup.policy=compact.
   */
  'value'?: (Buffer | Uint8Array | string);
  /**
   * Application headers, in order; keys may repeat.
   */
  'headers'?: (_tributary_broker_v1_Header)[];
  '_key'?: "key";
  '_value'?: "value";
}

/**
 * One record. Offsets and timestamps are deltas from the enclosing batch.
 */
export interface Record__Output {
  /**
   * Offset minus the batch's base_offset: 0, 1, 2, … as produced (compaction may leave gaps).
   */
  'offset_delta': (number);
  /**
   * Record timestamp minus the batch's first_timestamp_ms, in milliseconds, ≥ 0.
   */
  'timestamp_delta_ms': (number);
  /**
   * Record key; absent = null key (no key: the producer picks the partition freely).
   */
  'key'?: (Buffer);
  /**
   * Record value; absent = null, a tombstone that deletes `key` under cleanup.policy=compact.
   */
  'value'?: (Buffer);
  /**
   * Application headers, in order; keys may repeat.
   */
  'headers': (_tributary_broker_v1_Header__Output)[];
  '_key'?: "key";
  '_value'?: "value";
}
