// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.Delete.
 */
export interface DeleteRequest {
  /**
   * Path of the node to delete; "/" cannot be deleted.
   */
  'path'?: (string);
  /**
   * Delete only if the node's version equals this; -1 = any version. Checked on `path` only,
   * not on its descendants. 0 is a real version, so an unconditional delete must send -1.
   */
  'expected_version'?: (number | string | Long);
  /**
   * Also delete every descendant, in the same transaction.
   */
  'recursive'?: (boolean);
}

/**
 * Request of CoordinationService.Delete.
 */
export interface DeleteRequest__Output {
  /**
   * Path of the node to delete; "/" cannot be deleted.
   */
  'path': (string);
  /**
   * Delete only if the node's version equals this; -1 = any version. Checked on `path` only,
   * not on its descendants. 0 is a real version, so an unconditional delete must send -1.
   */
  'expected_version': (number);
  /**
   * Also delete every descendant, in the same transaction.
   */
  'recursive': (boolean);
}
