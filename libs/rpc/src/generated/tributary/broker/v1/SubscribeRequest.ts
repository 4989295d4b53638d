// Original file: protos/tributary/broker/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of BrokerService.Subscribe.
 */
export interface SubscribeRequest {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * First offset wanted (the first batch may start before it, as in Fetch).
   */
  'offset'?: (number | string | Long);
  /**
   * Soft cap on the bytes of batches per stream message (as Fetch.max_bytes); 0 = the server
   * default (1 MiB).
   */
  'max_bytes'?: (number);
  /**
   * Leader epoch the client believes current; absent = not checked. FENCED if older.
   */
  'leader_epoch'?: (number);
  '_leader_epoch'?: "leader_epoch";
}

/**
 * Request of BrokerService.Subscribe.
 */
export interface SubscribeRequest__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * First offset wanted (the first batch may start before it, as in Fetch).
   */
  'offset': (number);
  /**
   * Soft cap on the bytes of batches per stream message (as Fetch.max_bytes); 0 = the server
   * default (1 MiB).
   */
  'max_bytes': (number);
  /**
   * Leader epoch the client believes current; absent = not checked. FENCED if older.
   */
  'leader_epoch'?: (number);
  '_leader_epoch'?: "leader_epoch";
}
