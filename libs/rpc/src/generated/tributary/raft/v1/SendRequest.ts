// Original file: protos/tributary/raft/v1/raft.proto

import type { MessageBatch as _tributary_raft_v1_MessageBatch, MessageBatch__Output as _tributary_raft_v1_MessageBatch__Output } from '../../../tributary/raft/v1/MessageBatch';

/**
 * One frame of RaftService.Send.
 */
export interface SendRequest {
  /**
   * The batch carried by this frame; its size is bounded by `--max-message-bytes`.
   */
  'batch'?: (_tributary_raft_v1_MessageBatch | null);
}

/**
 * One frame of RaftService.Send.
 */
export interface SendRequest__Output {
  /**
   * The batch carried by this frame; its size is bounded by `--max-message-bytes`.
   */
  'batch': (_tributary_raft_v1_MessageBatch__Output | null);
}
