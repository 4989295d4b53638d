// Original file: protos/tributary/coord/v1/coordination.proto

import type { CreateResponse as _tributary_coord_v1_CreateResponse, CreateResponse__Output as _tributary_coord_v1_CreateResponse__Output } from '../../../tributary/coord/v1/CreateResponse';
import type { GetResponse as _tributary_coord_v1_GetResponse, GetResponse__Output as _tributary_coord_v1_GetResponse__Output } from '../../../tributary/coord/v1/GetResponse';
import type { SetResponse as _tributary_coord_v1_SetResponse, SetResponse__Output as _tributary_coord_v1_SetResponse__Output } from '../../../tributary/coord/v1/SetResponse';
import type { DeleteResponse as _tributary_coord_v1_DeleteResponse, DeleteResponse__Output as _tributary_coord_v1_DeleteResponse__Output } from '../../../tributary/coord/v1/DeleteResponse';
import type { ListResponse as _tributary_coord_v1_ListResponse, ListResponse__Output as _tributary_coord_v1_ListResponse__Output } from '../../../tributary/coord/v1/ListResponse';

/**
 * Result of one TxnOp, at the same position as its operation.
 */
export interface TxnOpResult {
  /**
   * Result of a create.
   */
  'create'?: (_tributary_coord_v1_CreateResponse | null);
  /**
   * Result of a get.
   */
  'get'?: (_tributary_coord_v1_GetResponse | null);
  /**
   * Result of a set.
   */
  'set'?: (_tributary_coord_v1_SetResponse | null);
  /**
   * Result of a delete.
   */
  'delete'?: (_tributary_coord_v1_DeleteResponse | null);
  /**
   * Result of a list.
   */
  'list'?: (_tributary_coord_v1_ListResponse | null);
  /**
   * The result, of the same kind as the operation.
   */
  'result'?: "create"|"get"|"set"|"delete"|"list";
}

/**
 * Result of one TxnOp, at the same position as its operation.
 */
export interface TxnOpResult__Output {
  /**
   * Result of a create.
   */
  'create'?: (_tributary_coord_v1_CreateResponse__Output | null);
  /**
   * Result of a get.
   */
  'get'?: (_tributary_coord_v1_GetResponse__Output | null);
  /**
   * Result of a set.
   */
  'set'?: (_tributary_coord_v1_SetResponse__Output | null);
  /**
   * Result of a delete.
   */
  'delete'?: (_tributary_coord_v1_DeleteResponse__Output | null);
  /**
   * Result of a list.
   */
  'list'?: (_tributary_coord_v1_ListResponse__Output | null);
  /**
   * The result, of the same kind as the operation.
   */
  'result'?: "create"|"get"|"set"|"delete"|"list";
}
