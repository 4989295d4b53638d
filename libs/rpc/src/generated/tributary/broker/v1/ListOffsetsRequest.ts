// Original file: protos/tributary/broker/v1/broker.proto

import type { OffsetSpec as _tributary_broker_v1_OffsetSpec, OffsetSpec__Output as _tributary_broker_v1_OffsetSpec__Output } from '../../../tributary/broker/v1/OffsetSpec';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of BrokerService.ListOffsets.
 */
export interface ListOffsetsRequest {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * What to look up; unspecified = LATEST.
   */
  'spec'?: (_tributary_broker_v1_OffsetSpec);
  /**
   * With OFFSET_SPEC_TIMESTAMP: milliseconds since the Unix epoch; ignored otherwise.
   */
  'timestamp_ms'?: (number | string | Long);
}

/**
 * Request of BrokerService.ListOffsets.
 */
export interface ListOffsetsRequest__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * What to look up; unspecified = LATEST.
   */
  'spec': (_tributary_broker_v1_OffsetSpec__Output);
  /**
   * With OFFSET_SPEC_TIMESTAMP: milliseconds since the Unix epoch; ignored otherwise.
   */
  'timestamp_ms': (number);
}
