// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of CoordinationService.OpenSession.
 */
export interface OpenSessionResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * New session id, ≥ 1, never reused in this cluster.
   */
  'session_id'?: (number | string | Long);
  /**
   * Granted time-to-live in milliseconds: the session expires this long after its last renewal.
   */
  'ttl_ms'?: (number | string | Long);
}

/**
 * Response of CoordinationService.OpenSession.
 */
export interface OpenSessionResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * New session id, ≥ 1, never reused in this cluster.
   */
  'session_id': (number);
  /**
   * Granted time-to-live in milliseconds: the session expires this long after its last renewal.
   */
  'ttl_ms': (number);
}
