// Original file: protos/tributary/broker/v1/broker.proto

import type { ProduceRequest as _tributary_broker_v1_ProduceRequest, ProduceRequest__Output as _tributary_broker_v1_ProduceRequest__Output } from '../../../tributary/broker/v1/ProduceRequest';
import type { Long } from '@grpc/proto-loader';

/**
 * One request on a ProduceStream stream.
 */
export interface ProduceStreamRequest {
  /**
   * Client-chosen id echoed in the answer; unique among this stream's requests in flight.
   */
  'request_id'?: (number | string | Long);
  /**
   * The produce, as BrokerService.Produce.
   */
  'produce'?: (_tributary_broker_v1_ProduceRequest | null);
}

/**
 * One request on a ProduceStream stream.
 */
export interface ProduceStreamRequest__Output {
  /**
   * Client-chosen id echoed in the answer; unique among this stream's requests in flight.
   */
  'request_id': (number);
  /**
   * The produce, as BrokerService.Produce.
   */
  'produce': (_tributary_broker_v1_ProduceRequest__Output | null);
}
