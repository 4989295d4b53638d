// Original file: protos/tributary/raft/v1/raft.proto

import type { ConfState as _tributary_raft_v1_ConfState, ConfState__Output as _tributary_raft_v1_ConfState__Output } from '../../../tributary/raft/v1/ConfState';
import type { Long } from '@grpc/proto-loader';

/**
 * What a snapshot covers.
 */
export interface SnapshotMetadata {
  /**
   * Index of the last entry the snapshot includes.
   */
  'index'?: (number | string | Long);
  /**
   * Term of that entry.
   */
  'term'?: (number | string | Long);
  /**
   * Configuration as of `index`.
   */
  'conf_state'?: (_tributary_raft_v1_ConfState | null);
}

/**
 * What a snapshot covers.
 */
export interface SnapshotMetadata__Output {
  /**
   * Index of the last entry the snapshot includes.
   */
  'index': (number);
  /**
   * Term of that entry.
   */
  'term': (number);
  /**
   * Configuration as of `index`.
   */
  'conf_state': (_tributary_raft_v1_ConfState__Output | null);
}
