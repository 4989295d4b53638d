// Original file: protos/tributary/raft/v1/raft.proto

import type { Message as _tributary_raft_v1_Message, Message__Output as _tributary_raft_v1_Message__Output } from '../../../tributary/raft/v1/Message';

/**
 * Messages from one peer to another, in send order.
 */
export interface MessageBatch {
  /**
   * Cluster id of the sender's cluster; must equal the receiver's.
   */
  'cluster_id'?: (string);
  /**
   * Sender's id; every message's `from`.
   */
  'from'?: (number);
  /**
   * Receiver's id; every message's `to`.
   */
  'to'?: (number);
  /**
   * The messages, delivered to the receiver's core in this order.
   */
  'messages'?: (_tributary_raft_v1_Message)[];
}

/**
 * Messages from one peer to another, in send order.
 */
export interface MessageBatch__Output {
  /**
   * Cluster id of the sender's cluster; must equal the receiver's.
   */
  'cluster_id': (string);
  /**
   * Sender's id; every message's `from`.
   */
  'from': (number);
  /**
   * Receiver's id; every message's `to`.
   */
  'to': (number);
  /**
   * The messages, delivered to the receiver's core in this order.
   */
  'messages': (_tributary_raft_v1_Message__Output)[];
}
