// Original file: protos/tributary/raft/v1/raft.proto

import type { ConfChangeType as _tributary_raft_v1_ConfChangeType, ConfChangeType__Output as _tributary_raft_v1_ConfChangeType__Output } from '../../../tributary/raft/v1/ConfChangeType';

/**
 * A single-server membership change, the data of an ENTRY_TYPE_CONF_CHANGE entry.
 */
export interface ConfChange {
  /**
   * What changes.
   */
  'type'?: (_tributary_raft_v1_ConfChangeType);
  /**
   * Coordinator id concerned, ≥ 1.
   */
  'node_id'?: (number);
  /**
   * Its address, "host:port" (for additions).
   */
  'address'?: (string);
}

/**
 * A single-server membership change, the data of an ENTRY_TYPE_CONF_CHANGE entry.
 */
export interface ConfChange__Output {
  /**
   * What changes.
   */
  'type': (_tributary_raft_v1_ConfChangeType__Output);
  /**
   * Coordinator id concerned, ≥ 1.
   */
  'node_id': (number);
  /**
   * Its address, "host:port" (for additions).
   */
  'address': (string);
}
