// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of CoordinationService.Delete.
 */
export interface DeleteResponse {
  /**
   * Who answered; `revision` is that of the delete.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
}

/**
 * Response of CoordinationService.Delete.
 */
export interface DeleteResponse__Output {
  /**
   * Who answered; `revision` is that of the delete.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
}
