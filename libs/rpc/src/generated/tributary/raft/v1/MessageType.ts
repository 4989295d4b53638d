// Original file: protos/tributary/raft/v1/raft.proto

/**
 * Kind of a Raft message.
 */
export const MessageType = {
  /**
   * Never sent; receivers drop it.
   */
  MESSAGE_TYPE_UNSPECIFIED: 'MESSAGE_TYPE_UNSPECIFIED',
  /**
   * Leader → follower: `entries` following (`log_term`, `index`), and `commit`.
   */
  MESSAGE_TYPE_APPEND: 'MESSAGE_TYPE_APPEND',
  /**
   * Follower → leader: `index` = last index matched; `reject` true with `reject_hint` (and
   * `log_term`) to skip back over a conflicting term.
   */
  MESSAGE_TYPE_APPEND_RESPONSE: 'MESSAGE_TYPE_APPEND_RESPONSE',
  /**
   * Candidate → voter: request a vote in `term` for a log ending at (`log_term`, `index`).
   */
  MESSAGE_TYPE_VOTE: 'MESSAGE_TYPE_VOTE',
  /**
   * Voter → candidate: `reject` false = vote granted.
   */
  MESSAGE_TYPE_VOTE_RESPONSE: 'MESSAGE_TYPE_VOTE_RESPONSE',
  /**
   * Pre-candidate → voter: would you vote in `term` (not yet adopted by the sender)?
   */
  MESSAGE_TYPE_PRE_VOTE: 'MESSAGE_TYPE_PRE_VOTE',
  /**
   * Voter → pre-candidate: `reject` false = would grant.
   */
  MESSAGE_TYPE_PRE_VOTE_RESPONSE: 'MESSAGE_TYPE_PRE_VOTE_RESPONSE',
  /**
   * Leader → follower: liveness and `commit` (no entries); `context` echoes read-index rounds.
   */
  MESSAGE_TYPE_HEARTBEAT: 'MESSAGE_TYPE_HEARTBEAT',
  /**
   * Follower → leader: heartbeat acknowledgement, `context` echoed (check-quorum, ReadIndex).
   */
  MESSAGE_TYPE_HEARTBEAT_RESPONSE: 'MESSAGE_TYPE_HEARTBEAT_RESPONSE',
  /**
   * Leader → follower: install `snapshot`. Never carried by Send: the shell streams the data
   * with InstallSnapshot and rebuilds this message on the receiver.
   */
  MESSAGE_TYPE_SNAPSHOT: 'MESSAGE_TYPE_SNAPSHOT',
  /**
   * Follower → leader: request a read index; `context` identifies the read.
   */
  MESSAGE_TYPE_READ_INDEX: 'MESSAGE_TYPE_READ_INDEX',
  /**
   * Leader → follower: `index` = commit index safe to read at, `context` echoed.
   */
  MESSAGE_TYPE_READ_INDEX_RESPONSE: 'MESSAGE_TYPE_READ_INDEX_RESPONSE',
  /**
   * Leader → transfer target: start an election now, bypassing pre-vote and lease checks.
   */
  MESSAGE_TYPE_TIMEOUT_NOW: 'MESSAGE_TYPE_TIMEOUT_NOW',
  /**
   * Any → leader: transfer leadership to `from`.
   */
  MESSAGE_TYPE_TRANSFER_LEADER: 'MESSAGE_TYPE_TRANSFER_LEADER',
  /**
   * Follower → leader: forwarded proposal, `entries` without term or index.
   */
  MESSAGE_TYPE_PROPOSE: 'MESSAGE_TYPE_PROPOSE',
} as const;

/**
 * Kind of a Raft message.
 */
export type MessageType =
  /**
   * Never sent; receivers drop it.
   */
  | 'MESSAGE_TYPE_UNSPECIFIED'
  | 0
  /**
   * Leader → follower: `entries` following (`log_term`, `index`), and `commit`.
   */
  | 'MESSAGE_TYPE_APPEND'
  | 1
  /**
   * Follower → leader: `index` = last index matched; `reject` true with `reject_hint` (and
   * `log_term`) to skip back over a conflicting term.
   */
  | 'MESSAGE_TYPE_APPEND_RESPONSE'
  | 2
  /**
   * Candidate → voter: request a vote in `term` for a log ending at (`log_term`, `index`).
   */
  | 'MESSAGE_TYPE_VOTE'
  | 3
  /**
   * Voter → candidate: `reject` false = vote granted.
   */
  | 'MESSAGE_TYPE_VOTE_RESPONSE'
  | 4
  /**
   * Pre-candidate → voter: would you vote in `term` (not yet adopted by the sender)?
   */
  | 'MESSAGE_TYPE_PRE_VOTE'
  | 5
  /**
   * Voter → pre-candidate: `reject` false = would grant.
   */
  | 'MESSAGE_TYPE_PRE_VOTE_RESPONSE'
  | 6
  /**
   * Leader → follower: liveness and `commit` (no entries); `context` echoes read-index rounds.
   */
  | 'MESSAGE_TYPE_HEARTBEAT'
  | 7
  /**
   * Follower → leader: heartbeat acknowledgement, `context` echoed (check-quorum, ReadIndex).
   */
  | 'MESSAGE_TYPE_HEARTBEAT_RESPONSE'
  | 8
  /**
   * Leader → follower: install `snapshot`. Never carried by Send: the shell streams the data
   * with InstallSnapshot and rebuilds this message on the receiver.
   */
  | 'MESSAGE_TYPE_SNAPSHOT'
  | 9
  /**
   * Follower → leader: request a read index; `context` identifies the read.
   */
  | 'MESSAGE_TYPE_READ_INDEX'
  | 10
  /**
   * Leader → follower: `index` = commit index safe to read at, `context` echoed.
   */
  | 'MESSAGE_TYPE_READ_INDEX_RESPONSE'
  | 11
  /**
   * Leader → transfer target: start an election now, bypassing pre-vote and lease checks.
   */
  | 'MESSAGE_TYPE_TIMEOUT_NOW'
  | 12
  /**
   * Any → leader: transfer leadership to `from`.
   */
  | 'MESSAGE_TYPE_TRANSFER_LEADER'
  | 13
  /**
   * Follower → leader: forwarded proposal, `entries` without term or index.
   */
  | 'MESSAGE_TYPE_PROPOSE'
  | 14

/**
 * Kind of a Raft message.
 */
export type MessageType__Output = typeof MessageType[keyof typeof MessageType]
