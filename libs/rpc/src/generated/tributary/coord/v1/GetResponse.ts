// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from '../../../tributary/coord/v1/Stat';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of CoordinationService.Get.
 */
export interface GetResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The node's data, 0 to 1048576 bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * The node's stat.
   */
  'stat'?: (_tributary_coord_v1_Stat | null);
  /**
   * Cluster revision the read was served at (equal to `header.revision`).
   */
  'revision'?: (number | string | Long);
}

/**
 * Response of CoordinationService.Get.
 */
export interface GetResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The node's data, 0 to 1048576 bytes.
   */
  'data': (Buffer);
  /**
   * The node's stat.
   */
  'stat': (_tributary_coord_v1_Stat__Output | null);
  /**
   * Cluster revision the read was served at (equal to `header.revision`).
   */
  'revision': (number);
}
