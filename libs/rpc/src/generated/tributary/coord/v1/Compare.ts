// Original file: protos/tributary/coord/v1/coordination.proto

import type { CompareOp as _tributary_coord_v1_CompareOp, CompareOp__Output as _tributary_coord_v1_CompareOp__Output } from '../../../tributary/coord/v1/CompareOp';
import type { Long } from '@grpc/proto-loader';

/**
 * One guard of a Txn, on one node (etcd-style).
 */
export interface Compare {
  /**
   * Path of the node compared.
   */
  'path'?: (string);
  /**
   * How the node's value relates to the operand.
   */
  'op'?: (_tributary_coord_v1_CompareOp);
  /**
   * Compare Stat.version.
   */
  'version'?: (number | string | Long);
  /**
   * Compare Stat.cversion.
   */
  'cversion'?: (number | string | Long);
  /**
   * Compare Stat.create_revision.
   */
  'create_revision'?: (number | string | Long);
  /**
   * Compare Stat.mod_revision.
   */
  'mod_revision'?: (number | string | Long);
  /**
   * Compare existence: the node's value is true when it exists (EQUAL / NOT_EQUAL only).
   */
  'exists'?: (boolean);
  /**
   * Compare the node's data, bytewise, 0 to 1048576 bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * What is compared, and the operand. Exactly one must be set, else INVALID_ARGUMENT. On a
   * node that does not exist every compare is false, except `exists`.
   */
  'target'?: "version"|"cversion"|"create_revision"|"mod_revision"|"exists"|"data";
}

/**
 * One guard of a Txn, on one node (etcd-style).
 */
export interface Compare__Output {
  /**
   * Path of the node compared.
   */
  'path': (string);
  /**
   * How the node's value relates to the operand.
   */
  'op': (_tributary_coord_v1_CompareOp__Output);
  /**
   * Compare Stat.version.
   */
  'version'?: (number);
  /**
   * Compare Stat.cversion.
   */
  'cversion'?: (number);
  /**
   * Compare Stat.create_revision.
   */
  'create_revision'?: (number);
  /**
   * Compare Stat.mod_revision.
   */
  'mod_revision'?: (number);
  /**
   * Compare existence: the node's value is true when it exists (EQUAL / NOT_EQUAL only).
   */
  'exists'?: (boolean);
  /**
   * Compare the node's data, bytewise, 0 to 1048576 bytes.
   */
  'data'?: (Buffer);
  /**
   * What is compared, and the operand. Exactly one must be set, else INVALID_ARGUMENT. On a
   * node that does not exist every compare is false, except `exists`.
   */
  'target'?: "version"|"cversion"|"create_revision"|"mod_revision"|"exists"|"data";
}
