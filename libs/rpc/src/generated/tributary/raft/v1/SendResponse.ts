// Original file: protos/tributary/raft/v1/raft.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of RaftService.Send, when the stream ends cleanly.
 */
export interface SendResponse {
  /**
   * Who answered (optional for peers; informative).
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Number of batches received on the stream.
   */
  'received_batches'?: (number | string | Long);
}

/**
 * Response of RaftService.Send, when the stream ends cleanly.
 */
export interface SendResponse__Output {
  /**
   * Who answered (optional for peers; informative).
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Number of batches received on the stream.
   */
  'received_batches': (number);
}
