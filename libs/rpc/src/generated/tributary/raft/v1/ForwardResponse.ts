// Original file: /work/main/protos/tributary/raft/v1/raft.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of RaftService.Forward.
 */
export interface ForwardResponse {
  /**
   * Who answered (optional for peers; informative).
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Leader's term at which the commands were appended.
   */
  'term'?: (number | string | Long);
  /**
   * Log index of the first command; the i-th command is at first_index + i.
   */
  'first_index'?: (number | string | Long);
}

/**
 * Response of RaftService.Forward.
 */
export interface ForwardResponse__Output {
  /**
   * Who answered (optional for peers; informative).
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Leader's term at which the commands were appended.
   */
  'term': (number);
  /**
   * Log index of the first command; the i-th command is at first_index + i.
   */
  'first_index': (number);
}
