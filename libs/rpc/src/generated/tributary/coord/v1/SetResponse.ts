// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from '../../../tributary/coord/v1/Stat';

/**
 * Response of CoordinationService.Set.
 */
export interface SetResponse {
  /**
   * Who answered; `revision` is that of the write.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Stat of the node after the write.
   */
  'stat'?: (_tributary_coord_v1_Stat | null);
}

/**
 * Response of CoordinationService.Set.
 */
export interface SetResponse__Output {
  /**
   * Who answered; `revision` is that of the write.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Stat of the node after the write.
   */
  'stat': (_tributary_coord_v1_Stat__Output | null);
}
