// Original file: protos/tributary/broker/v1/replication.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { EpochEndOffset as _tributary_broker_v1_EpochEndOffset, EpochEndOffset__Output as _tributary_broker_v1_EpochEndOffset__Output } from '../../../tributary/broker/v1/EpochEndOffset';

/**
 * Response of ReplicationService.OffsetForLeaderEpoch.
 */
export interface OffsetForLeaderEpochResponse {
  /**
   * Who answered; `term` is the partition's current leader epoch.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The largest epoch ≤ the requested one present in the leader's log, and the offset where it
   * ends (the start of the next epoch, or the log end offset for the current epoch). Epoch -1,
   * end_offset -1 if the leader's log has no epoch that old. The follower truncates to
   * min(end_offset, own log end).
   */
  'end'?: (_tributary_broker_v1_EpochEndOffset | null);
}

/**
 * Response of ReplicationService.OffsetForLeaderEpoch.
 */
export interface OffsetForLeaderEpochResponse__Output {
  /**
   * Who answered; `term` is the partition's current leader epoch.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The largest epoch ≤ the requested one present in the leader's log, and the offset where it
   * ends (the start of the next epoch, or the log end offset for the current epoch). Epoch -1,
   * end_offset -1 if the leader's log has no epoch that old. The follower truncates to
   * min(end_offset, own log end).
   */
  'end': (_tributary_broker_v1_EpochEndOffset__Output | null);
}
