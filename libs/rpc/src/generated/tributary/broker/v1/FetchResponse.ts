// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { RecordBatch as _tributary_broker_v1_RecordBatch, RecordBatch__Output as _tributary_broker_v1_RecordBatch__Output } from '../../../tributary/broker/v1/RecordBatch';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of BrokerService.Fetch.
 */
export interface FetchResponse {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Stored batches in offset order, all below `high_watermark`; empty if none arrived in time.
   */
  'batches'?: (_tributary_broker_v1_RecordBatch)[];
  /**
   * Offset after the last committed record: readers see only offsets below it.
   */
  'high_watermark'?: (number | string | Long);
  /**
   * First offset still in the log (retention moves it forward).
   */
  'log_start_offset'?: (number | string | Long);
}

/**
 * Response of BrokerService.Fetch.
 */
export interface FetchResponse__Output {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Stored batches in offset order, all below `high_watermark`; empty if none arrived in time.
   */
  'batches': (_tributary_broker_v1_RecordBatch__Output)[];
  /**
   * Offset after the last committed record: readers see only offsets below it.
   */
  'high_watermark': (number);
  /**
   * First offset still in the log (retention moves it forward).
   */
  'log_start_offset': (number);
}
