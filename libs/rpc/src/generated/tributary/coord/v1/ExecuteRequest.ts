// Original file: protos/tributary/coord/v1/coordination.proto

import type { OpenSessionRequest as _tributary_coord_v1_OpenSessionRequest, OpenSessionRequest__Output as _tributary_coord_v1_OpenSessionRequest__Output } from '../../../tributary/coord/v1/OpenSessionRequest';
import type { CloseSessionRequest as _tributary_coord_v1_CloseSessionRequest, CloseSessionRequest__Output as _tributary_coord_v1_CloseSessionRequest__Output } from '../../../tributary/coord/v1/CloseSessionRequest';
import type { CreateRequest as _tributary_coord_v1_CreateRequest, CreateRequest__Output as _tributary_coord_v1_CreateRequest__Output } from '../../../tributary/coord/v1/CreateRequest';
import type { GetRequest as _tributary_coord_v1_GetRequest, GetRequest__Output as _tributary_coord_v1_GetRequest__Output } from '../../../tributary/coord/v1/GetRequest';
import type { SetRequest as _tributary_coord_v1_SetRequest, SetRequest__Output as _tributary_coord_v1_SetRequest__Output } from '../../../tributary/coord/v1/SetRequest';
import type { DeleteRequest as _tributary_coord_v1_DeleteRequest, DeleteRequest__Output as _tributary_coord_v1_DeleteRequest__Output } from '../../../tributary/coord/v1/DeleteRequest';
import type { ListRequest as _tributary_coord_v1_ListRequest, ListRequest__Output as _tributary_coord_v1_ListRequest__Output } from '../../../tributary/coord/v1/ListRequest';
import type { TxnRequest as _tributary_coord_v1_TxnRequest, TxnRequest__Output as _tributary_coord_v1_TxnRequest__Output } from '../../../tributary/coord/v1/TxnRequest';
import type { LockRequest as _tributary_coord_v1_LockRequest, LockRequest__Output as _tributary_coord_v1_LockRequest__Output } from '../../../tributary/coord/v1/LockRequest';
import type { UnlockRequest as _tributary_coord_v1_UnlockRequest, UnlockRequest__Output as _tributary_coord_v1_UnlockRequest__Output } from '../../../tributary/coord/v1/UnlockRequest';
import type { Long } from '@grpc/proto-loader';

/**
 * One request on an Execute stream.
 */
export interface ExecuteRequest {
  /**
   * Client-chosen id echoed in the answer; unique among this stream's requests in flight,
   * else the duplicate is answered INVALID_ARGUMENT.
   */
  'request_id'?: (number | string | Long);
  /**
   * As CoordinationService.OpenSession.
   */
  'open_session'?: (_tributary_coord_v1_OpenSessionRequest | null);
  /**
   * As CoordinationService.CloseSession.
   */
  'close_session'?: (_tributary_coord_v1_CloseSessionRequest | null);
  /**
   * As CoordinationService.Create.
   */
  'create'?: (_tributary_coord_v1_CreateRequest | null);
  /**
   * As CoordinationService.Get.
   */
  'get'?: (_tributary_coord_v1_GetRequest | null);
  /**
   * As CoordinationService.Set.
   */
  'set'?: (_tributary_coord_v1_SetRequest | null);
  /**
   * As CoordinationService.Delete.
   */
  'delete'?: (_tributary_coord_v1_DeleteRequest | null);
  /**
   * As CoordinationService.List.
   */
  'list'?: (_tributary_coord_v1_ListRequest | null);
  /**
   * As CoordinationService.Txn.
   */
  'txn'?: (_tributary_coord_v1_TxnRequest | null);
  /**
   * As CoordinationService.Lock (its wait does not block the other requests).
   */
  'lock'?: (_tributary_coord_v1_LockRequest | null);
  /**
   * As CoordinationService.Unlock.
   */
  'unlock'?: (_tributary_coord_v1_UnlockRequest | null);
  /**
   * The operation; exactly one must be set, else INVALID_ARGUMENT.
   */
  'request'?: "open_session"|"close_session"|"create"|"get"|"set"|"delete"|"list"|"txn"|"lock"|"unlock";
}

/**
 * One request on an Execute stream.
 */
export interface ExecuteRequest__Output {
  /**
   * Client-chosen id echoed in the answer; unique among this stream's requests in flight,
   * else the duplicate is answered INVALID_ARGUMENT.
   */
  'request_id': (number);
  /**
   * As CoordinationService.OpenSession.
   */
  'open_session'?: (_tributary_coord_v1_OpenSessionRequest__Output | null);
  /**
   * As CoordinationService.CloseSession.
   */
  'close_session'?: (_tributary_coord_v1_CloseSessionRequest__Output | null);
  /**
   * As CoordinationService.Create.
   */
  'create'?: (_tributary_coord_v1_CreateRequest__Output | null);
  /**
   * As CoordinationService.Get.
   */
  'get'?: (_tributary_coord_v1_GetRequest__Output | null);
  /**
   * As CoordinationService.Set.
   */
  'set'?: (_tributary_coord_v1_SetRequest__Output | null);
  /**
   * As CoordinationService.Delete.
   */
  'delete'?: (_tributary_coord_v1_DeleteRequest__Output | null);
  /**
   * As CoordinationService.List.
   */
  'list'?: (_tributary_coord_v1_ListRequest__Output | null);
  /**
   * As CoordinationService.Txn.
   */
  'txn'?: (_tributary_coord_v1_TxnRequest__Output | null);
  /**
   * As CoordinationService.Lock (its wait does not block the other requests).
   */
  'lock'?: (_tributary_coord_v1_LockRequest__Output | null);
  /**
   * As CoordinationService.Unlock.
   */
  'unlock'?: (_tributary_coord_v1_UnlockRequest__Output | null);
  /**
   * The operation; exactly one must be set, else INVALID_ARGUMENT.
   */
  'request'?: "open_session"|"close_session"|"create"|"get"|"set"|"delete"|"list"|"txn"|"lock"|"unlock";
}
