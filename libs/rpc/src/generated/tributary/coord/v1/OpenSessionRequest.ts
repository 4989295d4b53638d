// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.OpenSession.
 */
export interface OpenSessionRequest {
  /**
   * Requested time-to-live in milliseconds; 0 = the server default. Clamped to the server's
   * configured bounds; the response carries the granted value.
   */
  'ttl_ms'?: (number | string | Long);
}

/**
 * Request of CoordinationService.OpenSession.
 */
export interface OpenSessionRequest__Output {
  /**
   * Requested time-to-live in milliseconds; 0 = the server default. Clamped to the server's
   * configured bounds; the response carries the granted value.
   */
  'ttl_ms': (number);
}
