// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One heartbeat of CoordinationService.KeepAlive.
 */
export interface KeepAliveRequest {
  /**
   * Session to renew.
   */
  'session_id'?: (number | string | Long);
}

/**
 * One heartbeat of CoordinationService.KeepAlive.
 */
export interface KeepAliveRequest__Output {
  /**
   * Session to renew.
   */
  'session_id': (number);
}
