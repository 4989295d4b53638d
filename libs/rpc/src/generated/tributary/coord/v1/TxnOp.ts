// Original file: protos/tributary/coord/v1/coordination.proto

import type { CreateRequest as _tributary_coord_v1_CreateRequest, CreateRequest__Output as _tributary_coord_v1_CreateRequest__Output } from '../../../tributary/coord/v1/CreateRequest';
import type { GetRequest as _tributary_coord_v1_GetRequest, GetRequest__Output as _tributary_coord_v1_GetRequest__Output } from '../../../tributary/coord/v1/GetRequest';
import type { SetRequest as _tributary_coord_v1_SetRequest, SetRequest__Output as _tributary_coord_v1_SetRequest__Output } from '../../../tributary/coord/v1/SetRequest';
import type { DeleteRequest as _tributary_coord_v1_DeleteRequest, DeleteRequest__Output as _tributary_coord_v1_DeleteRequest__Output } from '../../../tributary/coord/v1/DeleteRequest';
import type { ListRequest as _tributary_coord_v1_ListRequest, ListRequest__Output as _tributary_coord_v1_ListRequest__Output } from '../../../tributary/coord/v1/ListRequest';

/**
 * One operation of a Txn branch.
 */
export interface TxnOp {
  /**
   * Create a node, as CoordinationService.Create.
   */
  'create'?: (_tributary_coord_v1_CreateRequest | null);
  /**
   * Read a node, as CoordinationService.Get (always at the transaction's revision).
   */
  'get'?: (_tributary_coord_v1_GetRequest | null);
  /**
   * Replace a node's data, as CoordinationService.Set.
   */
  'set'?: (_tributary_coord_v1_SetRequest | null);
  /**
   * Delete a node, as CoordinationService.Delete.
   */
  'delete'?: (_tributary_coord_v1_DeleteRequest | null);
  /**
   * List a node's children, as CoordinationService.List.
   */
  'list'?: (_tributary_coord_v1_ListRequest | null);
  /**
   * The operation; exactly one must be set, else INVALID_ARGUMENT.
   */
  'op'?: "create"|"get"|"set"|"delete"|"list";
}

/**
 * One operation of a Txn branch.
 */
export interface TxnOp__Output {
  /**
   * Create a node, as CoordinationService.Create.
   */
  'create'?: (_tributary_coord_v1_CreateRequest__Output | null);
  /**
   * Read a node, as CoordinationService.Get (always at the transaction's revision).
   */
  'get'?: (_tributary_coord_v1_GetRequest__Output | null);
  /**
   * Replace a node's data, as CoordinationService.Set.
   */
  'set'?: (_tributary_coord_v1_SetRequest__Output | null);
  /**
   * Delete a node, as CoordinationService.Delete.
   */
  'delete'?: (_tributary_coord_v1_DeleteRequest__Output | null);
  /**
   * List a node's children, as CoordinationService.List.
   */
  'list'?: (_tributary_coord_v1_ListRequest__Output | null);
  /**
   * The operation; exactly one must be set, else INVALID_ARGUMENT.
   */
  'op'?: "create"|"get"|"set"|"delete"|"list";
}
