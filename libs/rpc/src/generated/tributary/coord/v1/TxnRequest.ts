// Original file: protos/tributary/coord/v1/coordination.proto

import type { Compare as _tributary_coord_v1_Compare, Compare__Output as _tributary_coord_v1_Compare__Output } from '../../../tributary/coord/v1/Compare';
import type { TxnOp as _tributary_coord_v1_TxnOp, TxnOp__Output as _tributary_coord_v1_TxnOp__Output } from '../../../tributary/coord/v1/TxnOp';

/**
 * Request of CoordinationService.Txn. At most 128 compares and 128 operations per branch;
 * INVALID_ARGUMENT above that, or if one branch touches the same path twice with writes.
 */
export interface TxnRequest {
  /**
   * Guards, all evaluated against the same state; an empty list holds.
   */
  'compares'?: (_tributary_coord_v1_Compare)[];
  /**
   * Operations applied, in order, when every compare holds.
   */
  'success'?: (_tributary_coord_v1_TxnOp)[];
  /**
   * Operations applied, in order, when some compare fails.
   */
  'failure'?: (_tributary_coord_v1_TxnOp)[];
}

/**
 * Request of CoordinationService.Txn. At most 128 compares and 128 operations per branch;
 * INVALID_ARGUMENT above that, or if one branch touches the same path twice with writes.
 */
export interface TxnRequest__Output {
  /**
   * Guards, all evaluated against the same state; an empty list holds.
   */
  'compares': (_tributary_coord_v1_Compare__Output)[];
  /**
   * Operations applied, in order, when every compare holds.
   */
  'success': (_tributary_coord_v1_TxnOp__Output)[];
  /**
   * Operations applied, in order, when some compare fails.
   */
  'failure': (_tributary_coord_v1_TxnOp__Output)[];
}
