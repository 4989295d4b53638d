// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of BrokerService.ListOffsets.
 */
export interface ListOffsetsResponse {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The offset found. For a timestamp with no record at or after it: the high watermark.
   */
  'offset'?: (number | string | Long);
  /**
   * With OFFSET_SPEC_TIMESTAMP: the found batch's max_timestamp_ms, or -1 if none; else -1.
   */
  'timestamp_ms'?: (number | string | Long);
  /**
   * Leader epoch of the batch at `offset`; -1 if unknown or at the log end.
   */
  'leader_epoch'?: (number);
}

/**
 * Response of BrokerService.ListOffsets.
 */
export interface ListOffsetsResponse__Output {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The offset found. For a timestamp with no record at or after it: the high watermark.
   */
  'offset': (number);
  /**
   * With OFFSET_SPEC_TIMESTAMP: the found batch's max_timestamp_ms, or -1 if none; else -1.
   */
  'timestamp_ms': (number);
  /**
   * Leader epoch of the batch at `offset`; -1 if unknown or at the log end.
   */
  'leader_epoch': (number);
}
