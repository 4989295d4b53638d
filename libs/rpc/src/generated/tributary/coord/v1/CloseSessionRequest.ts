// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.CloseSession.
 */
export interface CloseSessionRequest {
  /**
   * Session to expire now.
   */
  'session_id'?: (number | string | Long);
}

/**
 * Request of CoordinationService.CloseSession.
 */
export interface CloseSessionRequest__Output {
  /**
   * Session to expire now.
   */
  'session_id': (number);
}
