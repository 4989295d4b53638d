// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from '../../../tributary/coord/v1/Stat';

/**
 * Response of CoordinationService.List.
 */
export interface ListResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Names (last segments, not full paths) of the direct children, sorted by byte order.
   */
  'children'?: (string)[];
  /**
   * Stat of the listed node.
   */
  'stat'?: (_tributary_coord_v1_Stat | null);
}

/**
 * Response of CoordinationService.List.
 */
export interface ListResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Names (last segments, not full paths) of the direct children, sorted by byte order.
   */
  'children': (string)[];
  /**
   * Stat of the listed node.
   */
  'stat': (_tributary_coord_v1_Stat__Output | null);
}
