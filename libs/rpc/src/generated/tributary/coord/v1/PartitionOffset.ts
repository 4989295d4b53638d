// Original file: protos/tributary/coord/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A consumer group's committed position in one partition.
 */
export interface PartitionOffset {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index, ≥ 0.
   */
  'partition'?: (number);
  /**
   * Next offset to consume (the last consumed offset + 1), ≥ 0; -1 in FetchOffsets answers
   * means nothing committed.
   */
  'offset'?: (number | string | Long);
  /**
   * Leader epoch of the last consumed record, used to detect log truncation on resume; -1 if
   * unknown.
   */
  'leader_epoch'?: (number);
  /**
   * Free-form client text stored with the offset, ≤ 4096 bytes.
   */
  'metadata'?: (string);
}

/**
 * A consumer group's committed position in one partition.
 */
export interface PartitionOffset__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index, ≥ 0.
   */
  'partition': (number);
  /**
   * Next offset to consume (the last consumed offset + 1), ≥ 0; -1 in FetchOffsets answers
   * means nothing committed.
   */
  'offset': (number);
  /**
   * Leader epoch of the last consumed record, used to detect log truncation on resume; -1 if
   * unknown.
   */
  'leader_epoch': (number);
  /**
   * Free-form client text stored with the offset, ≤ 4096 bytes.
   */
  'metadata': (string);
}
