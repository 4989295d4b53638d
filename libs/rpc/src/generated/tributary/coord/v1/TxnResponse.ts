// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { TxnOpResult as _tributary_coord_v1_TxnOpResult, TxnOpResult__Output as _tributary_coord_v1_TxnOpResult__Output } from '../../../tributary/coord/v1/TxnOpResult';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of CoordinationService.Txn.
 */
export interface TxnResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * True if every compare held and `success` was applied; false if `failure` was.
   */
  'succeeded'?: (boolean);
  /**
   * One result per operation of the applied branch, in order.
   */
  'results'?: (_tributary_coord_v1_TxnOpResult)[];
  /**
   * Revision of the transaction: the new revision if it wrote, else the revision it read at.
   */
  'revision'?: (number | string | Long);
}

/**
 * Response of CoordinationService.Txn.
 */
export interface TxnResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * True if every compare held and `success` was applied; false if `failure` was.
   */
  'succeeded': (boolean);
  /**
   * One result per operation of the applied branch, in order.
   */
  'results': (_tributary_coord_v1_TxnOpResult__Output)[];
  /**
   * Revision of the transaction: the new revision if it wrote, else the revision it read at.
   */
  'revision': (number);
}
