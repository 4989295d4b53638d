// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { RecordBatch as _tributary_broker_v1_RecordBatch, RecordBatch__Output as _tributary_broker_v1_RecordBatch__Output } from '../../../tributary/broker/v1/RecordBatch';
import type { Long } from '@grpc/proto-loader';

/**
 * One message of a Subscribe stream.
 */
export interface SubscribeResponse {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Next batches in offset order, all below `high_watermark`; empty when the message only
   * reports a moved high watermark or log start.
   */
  'batches'?: (_tributary_broker_v1_RecordBatch)[];
  /**
   * Offset after the last committed record.
   */
  'high_watermark'?: (number | string | Long);
  /**
   * First offset still in the log.
   */
  'log_start_offset'?: (number | string | Long);
}

/**
 * One message of a Subscribe stream.
 */
export interface SubscribeResponse__Output {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Next batches in offset order, all below `high_watermark`; empty when the message only
   * reports a moved high watermark or log start.
   */
  'batches': (_tributary_broker_v1_RecordBatch__Output)[];
  /**
   * Offset after the last committed record.
   */
  'high_watermark': (number);
  /**
   * First offset still in the log.
   */
  'log_start_offset': (number);
}
