// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { OpenSessionResponse as _tributary_coord_v1_OpenSessionResponse, OpenSessionResponse__Output as _tributary_coord_v1_OpenSessionResponse__Output } from '../../../tributary/coord/v1/OpenSessionResponse';
import type { CloseSessionResponse as _tributary_coord_v1_CloseSessionResponse, CloseSessionResponse__Output as _tributary_coord_v1_CloseSessionResponse__Output } from '../../../tributary/coord/v1/CloseSessionResponse';
import type { CreateResponse as _tributary_coord_v1_CreateResponse, CreateResponse__Output as _tributary_coord_v1_CreateResponse__Output } from '../../../tributary/coord/v1/CreateResponse';
import type { GetResponse as _tributary_coord_v1_GetResponse, GetResponse__Output as _tributary_coord_v1_GetResponse__Output } from '../../../tributary/coord/v1/GetResponse';
import type { SetResponse as _tributary_coord_v1_SetResponse, SetResponse__Output as _tributary_coord_v1_SetResponse__Output } from '../../../tributary/coord/v1/SetResponse';
import type { DeleteResponse as _tributary_coord_v1_DeleteResponse, DeleteResponse__Output as _tributary_coord_v1_DeleteResponse__Output } from '../../../tributary/coord/v1/DeleteResponse';
import type { ListResponse as _tributary_coord_v1_ListResponse, ListResponse__Output as _tributary_coord_v1_ListResponse__Output } from '../../../tributary/coord/v1/ListResponse';
import type { TxnResponse as _tributary_coord_v1_TxnResponse, TxnResponse__Output as _tributary_coord_v1_TxnResponse__Output } from '../../../tributary/coord/v1/TxnResponse';
import type { LockResponse as _tributary_coord_v1_LockResponse, LockResponse__Output as _tributary_coord_v1_LockResponse__Output } from '../../../tributary/coord/v1/LockResponse';
import type { UnlockResponse as _tributary_coord_v1_UnlockResponse, UnlockResponse__Output as _tributary_coord_v1_UnlockResponse__Output } from '../../../tributary/coord/v1/UnlockResponse';
import type { Long } from '@grpc/proto-loader';

/**
 * One answer on an Execute stream.
 */
export interface ExecuteResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The `request_id` of the request answered.
   */
  'request_id'?: (number | string | Long);
  /**
   * Answer to `open_session`.
   */
  'open_session'?: (_tributary_coord_v1_OpenSessionResponse | null);
  /**
   * Answer to `close_session`.
   */
  'close_session'?: (_tributary_coord_v1_CloseSessionResponse | null);
  /**
   * Answer to `create`.
   */
  'create'?: (_tributary_coord_v1_CreateResponse | null);
  /**
   * Answer to `get`.
   */
  'get'?: (_tributary_coord_v1_GetResponse | null);
  /**
   * Answer to `set`.
   */
  'set'?: (_tributary_coord_v1_SetResponse | null);
  /**
   * Answer to `delete`.
   */
  'delete'?: (_tributary_coord_v1_DeleteResponse | null);
  /**
   * Answer to `list`.
   */
  'list'?: (_tributary_coord_v1_ListResponse | null);
  /**
   * Answer to `txn`.
   */
  'txn'?: (_tributary_coord_v1_TxnResponse | null);
  /**
   * Answer to `lock`.
   */
  'lock'?: (_tributary_coord_v1_LockResponse | null);
  /**
   * Answer to `unlock`.
   */
  'unlock'?: (_tributary_coord_v1_UnlockResponse | null);
  /**
   * The request failed: a serialized google.rpc.Status (code, message, and the same
   * google.rpc.ErrorInfo / RetryInfo details the unary RPC would have returned in
   * `grpc-status-details-bin`). Decode it with the standard google.rpc types.
   */
  'status_details'?: (Buffer | Uint8Array | string);
  /**
   * The operation's response (same kind as the request), or its error.
   */
  'response'?: "open_session"|"close_session"|"create"|"get"|"set"|"delete"|"list"|"txn"|"lock"|"unlock"|"status_details";
}

/**
 * One answer on an Execute stream.
 */
export interface ExecuteResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The `request_id` of the request answered.
   */
  'request_id': (number);
  /**
   * Answer to `open_session`.
   */
  'open_session'?: (_tributary_coord_v1_OpenSessionResponse__Output | null);
  /**
   * Answer to `close_session`.
   */
  'close_session'?: (_tributary_coord_v1_CloseSessionResponse__Output | null);
  /**
   * Answer to `create`.
   */
  'create'?: (_tributary_coord_v1_CreateResponse__Output | null);
  /**
   * Answer to `get`.
   */
  'get'?: (_tributary_coord_v1_GetResponse__Output | null);
  /**
   * Answer to `set`.
   */
  'set'?: (_tributary_coord_v1_SetResponse__Output | null);
  /**
   * Answer to `delete`.
   */
  'delete'?: (_tributary_coord_v1_DeleteResponse__Output | null);
  /**
   * Answer to `list`.
   */
  'list'?: (_tributary_coord_v1_ListResponse__Output | null);
  /**
   * Answer to `txn`.
   */
  'txn'?: (_tributary_coord_v1_TxnResponse__Output | null);
  /**
   * Answer to `lock`.
   */
  'lock'?: (_tributary_coord_v1_LockResponse__Output | null);
  /**
   * Answer to `unlock`.
   */
  'unlock'?: (_tributary_coord_v1_UnlockResponse__Output | null);
  /**
   * The request failed: a serialized google.rpc.Status (code, message, and the same
   * google.rpc.ErrorInfo / RetryInfo details the unary RPC would have returned in
   * `grpc-status-details-bin`). Decode it with the standard google.rpc types.
   */
  'status_details'?: (Buffer);
  /**
   * The operation's response (same kind as the request), or its error.
   */
  'response'?: "open_session"|"close_session"|"create"|"get"|"set"|"delete"|"list"|"txn"|"lock"|"unlock"|"status_details";
}
