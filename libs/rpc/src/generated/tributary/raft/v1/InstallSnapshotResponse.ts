// Original file: protos/tributary/raft/v1/raft.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of RaftService.InstallSnapshot.
 */
export interface InstallSnapshotResponse {
  /**
   * Who answered (optional for peers; informative).
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Receiver's current term; a sender with an older term steps down.
   */
  'term'?: (number | string | Long);
  /**
   * Bytes received and stored.
   */
  'received_bytes'?: (number | string | Long);
  /**
   * True if the snapshot was complete, verified and installed.
   */
  'installed'?: (boolean);
}

/**
 * Response of RaftService.InstallSnapshot.
 */
export interface InstallSnapshotResponse__Output {
  /**
   * Who answered (optional for peers; informative).
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Receiver's current term; a sender with an older term steps down.
   */
  'term': (number);
  /**
   * Bytes received and stored.
   */
  'received_bytes': (number);
  /**
   * True if the snapshot was complete, verified and installed.
   */
  'installed': (boolean);
}
