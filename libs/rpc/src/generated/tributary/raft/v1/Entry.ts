// Original file: protos/tributary/raft/v1/raft.proto

import type { EntryType as _tributary_raft_v1_EntryType, EntryType__Output as _tributary_raft_v1_EntryType__Output } from '../../../tributary/raft/v1/EntryType';
import type { Long } from '@grpc/proto-loader';

/**
 * One Raft log entry.
 */
export interface Entry {
  /**
   * Term of the leader that created the entry.
   */
  'term'?: (number | string | Long);
  /**
   * Log index, ≥ 1, contiguous.
   */
  'index'?: (number | string | Long);
  /**
   * Kind of entry.
   */
  'type'?: (_tributary_raft_v1_EntryType);
  /**
   * Payload: a state-machine command, or a serialized ConfChange.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * One Raft log entry.
 */
export interface Entry__Output {
  /**
   * Term of the leader that created the entry.
   */
  'term': (number);
  /**
   * Log index, ≥ 1, contiguous.
   */
  'index': (number);
  /**
   * Kind of entry.
   */
  'type': (_tributary_raft_v1_EntryType__Output);
  /**
   * Payload: a state-machine command, or a serialized ConfChange.
   */
  'data': (Buffer);
}
