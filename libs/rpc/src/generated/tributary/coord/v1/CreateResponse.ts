// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from '../../../tributary/coord/v1/Stat';

/**
 * Response of CoordinationService.Create.
 */
export interface CreateResponse {
  /**
   * Who answered; `revision` is that of the create.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Path actually created (with the counter when `sequential`).
   */
  'path'?: (string);
  /**
   * Stat of the new node.
   */
  'stat'?: (_tributary_coord_v1_Stat | null);
}

/**
 * Response of CoordinationService.Create.
 */
export interface CreateResponse__Output {
  /**
   * Who answered; `revision` is that of the create.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Path actually created (with the counter when `sequential`).
   */
  'path': (string);
  /**
   * Stat of the new node.
   */
  'stat': (_tributary_coord_v1_Stat__Output | null);
}
