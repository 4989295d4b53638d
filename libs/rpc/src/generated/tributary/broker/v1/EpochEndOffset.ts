// Original file: protos/tributary/broker/v1/replication.proto

import type { Long } from '@grpc/proto-loader';

/**
 * An epoch and the offset where it ends in the leader's log.
 */
export interface EpochEndOffset {
  /**
   * Leader epoch.
   */
  'epoch'?: (number);
  /**
   * Offset after the last record of that epoch in the leader's log.
   */
  'end_offset'?: (number | string | Long);
}

/**
 * An epoch and the offset where it ends in the leader's log.
 */
export interface EpochEndOffset__Output {
  /**
   * Leader epoch.
   */
  'epoch': (number);
  /**
   * Offset after the last record of that epoch in the leader's log.
   */
  'end_offset': (number);
}
