// Original file: protos/tributary/coord/v1/coordination.proto

import type { Consistency as _tributary_coord_v1_Consistency, Consistency__Output as _tributary_coord_v1_Consistency__Output } from '../../../tributary/coord/v1/Consistency';

/**
 * Request of CoordinationService.Get.
 */
export interface GetRequest {
  /**
   * Path of the node to read.
   */
  'path'?: (string);
  /**
   * Read consistency; unspecified = LINEARIZABLE.
   */
  'consistency'?: (_tributary_coord_v1_Consistency);
}

/**
 * Request of CoordinationService.Get.
 */
export interface GetRequest__Output {
  /**
   * Path of the node to read.
   */
  'path': (string);
  /**
   * Read consistency; unspecified = LINEARIZABLE.
   */
  'consistency': (_tributary_coord_v1_Consistency__Output);
}
