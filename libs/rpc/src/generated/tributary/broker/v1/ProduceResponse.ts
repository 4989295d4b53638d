// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of BrokerService.Produce.
 */
export interface ProduceResponse {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Offset assigned to the batch's first record; -1 with acks NONE.
   */
  'base_offset'?: (number | string | Long);
  /**
   * Broker time of the append, milliseconds since the Unix epoch; -1 with acks NONE.
   */
  'log_append_time_ms'?: (number | string | Long);
  /**
   * First offset still in the partition's log.
   */
  'log_start_offset'?: (number | string | Long);
  /**
   * True if the batch was a retry of an already written one (nothing new was written).
   */
  'duplicate'?: (boolean);
}

/**
 * Response of BrokerService.Produce.
 */
export interface ProduceResponse__Output {
  /**
   * Who answered; `term` is the partition's leader epoch.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Offset assigned to the batch's first record; -1 with acks NONE.
   */
  'base_offset': (number);
  /**
   * Broker time of the append, milliseconds since the Unix epoch; -1 with acks NONE.
   */
  'log_append_time_ms': (number);
  /**
   * First offset still in the partition's log.
   */
  'log_start_offset': (number);
  /**
   * True if the batch was a retry of an already written one (nothing new was written).
   */
  'duplicate': (boolean);
}
