// Original file: protos/tributary/raft/v1/raft.proto

import type { MessageType as _tributary_raft_v1_MessageType, MessageType__Output as _tributary_raft_v1_MessageType__Output } from '../../../tributary/raft/v1/MessageType';
import type { Entry as _tributary_raft_v1_Entry, Entry__Output as _tributary_raft_v1_Entry__Output } from '../../../tributary/raft/v1/Entry';
import type { SnapshotMetadata as _tributary_raft_v1_SnapshotMetadata, SnapshotMetadata__Output as _tributary_raft_v1_SnapshotMetadata__Output } from '../../../tributary/raft/v1/SnapshotMetadata';
import type { Long } from '@grpc/proto-loader';

/**
 * One Raft message.
 */
export interface Message {
  /**
   * Kind of message; decides which fields are used.
   */
  'type'?: (_tributary_raft_v1_MessageType);
  /**
   * Sender's id.
   */
  'from'?: (number);
  /**
   * Receiver's id.
   */
  'to'?: (number);
  /**
   * Sender's term (for PRE_VOTE: the term it would campaign in); 0 for a local PROPOSE.
   */
  'term'?: (number | string | Long);
  /**
   * Term of the entry at `index` (APPEND: the entry preceding `entries`; VOTE: last entry).
   */
  'log_term'?: (number | string | Long);
  /**
   * APPEND: index preceding `entries`; VOTE: last log index; APPEND_RESPONSE: last matched
   * (or rejected) index; READ_INDEX_RESPONSE: the read index.
   */
  'index'?: (number | string | Long);
  /**
   * Entries to append (APPEND) or to propose (PROPOSE), contiguous.
   */
  'entries'?: (_tributary_raft_v1_Entry)[];
  /**
   * Sender's commit index (APPEND, HEARTBEAT).
   */
  'commit'?: (number | string | Long);
  /**
   * Refusal: of an append (log mismatch), a vote or a pre-vote.
   */
  'reject'?: (boolean);
  /**
   * With a rejected APPEND_RESPONSE: the follower's hint for the next index to try.
   */
  'reject_hint'?: (number | string | Long);
  /**
   * Opaque correlation bytes echoed back (read-index request ids; campaign-transfer marker).
   */
  'context'?: (Buffer | Uint8Array | string);
  /**
   * SNAPSHOT only: what the snapshot covers (the data travels by InstallSnapshot).
   */
  'snapshot'?: (_tributary_raft_v1_SnapshotMetadata | null);
}

/**
 * One Raft message.
 */
export interface Message__Output {
  /**
   * Kind of message; decides which fields are used.
   */
  'type': (_tributary_raft_v1_MessageType__Output);
  /**
   * Sender's id.
   */
  'from': (number);
  /**
   * Receiver's id.
   */
  'to': (number);
  /**
   * Sender's term (for PRE_VOTE: the term it would campaign in); 0 for a local PROPOSE.
   */
  'term': (number);
  /**
   * Term of the entry at `index` (APPEND: the entry preceding `entries`; VOTE: last entry).
   */
  'log_term': (number);
  /**
   * APPEND: index preceding `entries`; VOTE: last log index; APPEND_RESPONSE: last matched
   * (or rejected) index; READ_INDEX_RESPONSE: the read index.
   */
  'index': (number);
  /**
   * Entries to append (APPEND) or to propose (PROPOSE), contiguous.
   */
  'entries': (_tributary_raft_v1_Entry__Output)[];
  /**
   * Sender's commit index (APPEND, HEARTBEAT).
   */
  'commit': (number);
  /**
   * Refusal: of an append (log mismatch), a vote or a pre-vote.
   */
  'reject': (boolean);
  /**
   * With a rejected APPEND_RESPONSE: the follower's hint for the next index to try.
   */
  'reject_hint': (number);
  /**
   * Opaque correlation bytes echoed back (read-index request ids; campaign-transfer marker).
   */
  'context': (Buffer);
  /**
   * SNAPSHOT only: what the snapshot covers (the data travels by InstallSnapshot).
   */
  'snapshot': (_tributary_raft_v1_SnapshotMetadata__Output | null);
}
