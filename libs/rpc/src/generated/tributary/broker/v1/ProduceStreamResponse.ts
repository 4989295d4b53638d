// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { ProduceResponse as _tributary_broker_v1_ProduceResponse, ProduceResponse__Output as _tributary_broker_v1_ProduceResponse__Output } from '../../../tributary/broker/v1/ProduceResponse';
import type { Long } from '@grpc/proto-loader';

/**
 * One answer on a ProduceStream stream.
 */
export interface ProduceStreamResponse {
  /**
   * Who answered.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The `request_id` of the request answered.
   */
  'request_id'?: (number | string | Long);
  /**
   * The request succeeded.
   */
  'produce'?: (_tributary_broker_v1_ProduceResponse | null);
  /**
   * The request failed: a serialized google.rpc.Status with the ErrorInfo / RetryInfo
   * details Produce would have returned.
   */
  'status_details'?: (Buffer | Uint8Array | string);
  /**
   * The produce's response or its error.
   */
  'response'?: "produce"|"status_details";
}

/**
 * One answer on a ProduceStream stream.
 */
export interface ProduceStreamResponse__Output {
  /**
   * Who answered.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The `request_id` of the request answered.
   */
  'request_id': (number);
  /**
   * The request succeeded.
   */
  'produce'?: (_tributary_broker_v1_ProduceResponse__Output | null);
  /**
   * The request failed: a serialized google.rpc.Status with the ErrorInfo / RetryInfo
   * details Produce would have returned.
   */
  'status_details'?: (Buffer);
  /**
   * The produce's response or its error.
   */
  'response'?: "produce"|"status_details";
}
