// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Answer to one KeepAliveRequest.
 */
export interface KeepAliveResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The session this answer is for.
   */
  'session_id'?: (number | string | Long);
  /**
   * Milliseconds until the session expires unless renewed again (its full TTL after a
   * successful renewal); 0 = the session is unknown or expired and cannot be renewed: open a new
   * one. The stream stays open for other sessions.
   */
  'ttl_ms'?: (number | string | Long);
}

/**
 * Answer to one KeepAliveRequest.
 */
export interface KeepAliveResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The session this answer is for.
   */
  'session_id': (number);
  /**
   * Milliseconds until the session expires unless renewed again (its full TTL after a
   * successful renewal); 0 = the session is unknown or expired and cannot be renewed: open a new
   * one. The stream stays open for other sessions.
   */
  'ttl_ms': (number);
}
