// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.Set.
 */
export interface SetRequest {
  /**
   * Path of an existing node.
   */
  'path'?: (string);
  /**
   * New data, 0 to 1048576 bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * Apply only if the node's version equals this; -1 = any version. 0 is a real version (the
   * one right after Create), so an unconditional write must send -1.
   */
  'expected_version'?: (number | string | Long);
}

/**
 * Request of CoordinationService.Set.
 */
export interface SetRequest__Output {
  /**
   * Path of an existing node.
   */
  'path': (string);
  /**
   * New data, 0 to 1048576 bytes.
   */
  'data': (Buffer);
  /**
   * Apply only if the node's version equals this; -1 = any version. 0 is a real version (the
   * one right after Create), so an unconditional write must send -1.
   */
  'expected_version': (number);
}
