// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of CoordinationService.Lock.
 */
export interface LockResponse {
  /**
   * Who answered; `revision` is the one at which the lock was granted.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Full path of this holder's node under `name`; pass it to Unlock.
   */
  'key'?: (string);
  /**
   * Strictly greater than every token issued before for the same `name`; compare tokens only
   * within one name. Resources guarded by the lock reject writes carrying an older token.
   */
  'fencing_token'?: (number | string | Long);
}

/**
 * Response of CoordinationService.Lock.
 */
export interface LockResponse__Output {
  /**
   * Who answered; `revision` is the one at which the lock was granted.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Full path of this holder's node under `name`; pass it to Unlock.
   */
  'key': (string);
  /**
   * Strictly greater than every token issued before for the same `name`; compare tokens only
   * within one name. Resources guarded by the lock reject writes carrying an older token.
   */
  'fencing_token': (number);
}
