// Original file: protos/tributary/broker/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of BrokerService.Fetch.
 */
export interface FetchRequest {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * First offset wanted. The first batch returned is the one containing it, so it may start
   * before `offset`: skip the records below it.
   */
  'offset'?: (number | string | Long);
  /**
   * Soft cap on the batches' total bytes; at least one batch is returned even if larger, so a
   * reader always progresses. 0 = the server default (1 MiB); capped at the request limit.
   */
  'max_bytes'?: (number);
  /**
   * Longest wait for `min_bytes` of data, in milliseconds; 0 = answer at once.
   */
  'max_wait_ms'?: (number);
  /**
   * Answer as soon as this many bytes are available; 0 = any data at all.
   */
  'min_bytes'?: (number);
  /**
   * Leader epoch the client believes current; absent = not checked. FENCED if older.
   */
  'leader_epoch'?: (number);
  '_leader_epoch'?: "leader_epoch";
}

/**
 * Request of BrokerService.Fetch.
 */
export interface FetchRequest__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * First offset wanted. The first batch returned is the one containing it, so it may start
   * before `offset`: skip the records below it.
   */
  'offset': (number);
  /**
   * Soft cap on the batches' total bytes; at least one batch is returned even if larger, so a
   * reader always progresses. 0 = the server default (1 MiB); capped at the request limit.
   */
  'max_bytes': (number);
  /**
   * Longest wait for `min_bytes` of data, in milliseconds; 0 = answer at once.
   */
  'max_wait_ms': (number);
  /**
   * Answer as soon as this many bytes are available; 0 = any data at all.
   */
  'min_bytes': (number);
  /**
   * Leader epoch the client believes current; absent = not checked. FENCED if older.
   */
  'leader_epoch'?: (number);
  '_leader_epoch'?: "leader_epoch";
}
