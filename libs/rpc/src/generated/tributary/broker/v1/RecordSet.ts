// Original file: protos/tributary/broker/v1/records.proto

import type { Record as _tributary_broker_v1_Record, Record__Output as _tributary_broker_v1_Record__Output } from '../../../tributary/broker/v1/Record';

/**
 * The decoded content of RecordBatch.records.
 */
export interface RecordSet {
  /**
   * The records, in offset order.
   */
  'records'?: (_tributary_broker_v1_Record)[];
}

/**
 * The decoded content of RecordBatch.records.
 */
export interface RecordSet__Output {
  /**
   * The records, in offset order.
   */
  'records': (_tributary_broker_v1_Record__Output)[];
}
