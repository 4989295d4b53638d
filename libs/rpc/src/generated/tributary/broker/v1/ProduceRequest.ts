// Original file: protos/tributary/broker/v1/broker.proto

import type { RecordBatch as _tributary_broker_v1_RecordBatch, RecordBatch__Output as _tributary_broker_v1_RecordBatch__Output } from '../../../tributary/broker/v1/RecordBatch';
import type { Acks as _tributary_broker_v1_Acks, Acks__Output as _tributary_broker_v1_Acks__Output } from '../../../tributary/broker/v1/Acks';

/**
 * Request of BrokerService.Produce.
 */
export interface ProduceRequest {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * The batch; its `records` bytes are stored as received.
   */
  'batch'?: (_tributary_broker_v1_RecordBatch | null);
  /**
   * Acknowledgement level; unspecified = ALL.
   */
  'acks'?: (_tributary_broker_v1_Acks);
  /**
   * Longest wait for the acks, in milliseconds; 0 = the server default (30000).
   */
  'timeout_ms'?: (number);
  /**
   * Leader epoch the client believes current; absent = not checked. FENCED if older.
   */
  'leader_epoch'?: (number);
  '_leader_epoch'?: "leader_epoch";
}

/**
 * Request of BrokerService.Produce.
 */
export interface ProduceRequest__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * The batch; its `records` bytes are stored as received.
   */
  'batch': (_tributary_broker_v1_RecordBatch__Output | null);
  /**
   * Acknowledgement level; unspecified = ALL.
   */
  'acks': (_tributary_broker_v1_Acks__Output);
  /**
   * Longest wait for the acks, in milliseconds; 0 = the server default (30000).
   */
  'timeout_ms': (number);
  /**
   * Leader epoch the client believes current; absent = not checked. FENCED if older.
   */
  'leader_epoch'?: (number);
  '_leader_epoch'?: "leader_epoch";
}
