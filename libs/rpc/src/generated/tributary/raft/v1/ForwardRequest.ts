// Original file: /work/main/protos/tributary/raft/v1/raft.proto


/**
 * Request of RaftService.Forward.
 */
export interface ForwardRequest {
  /**
   * Cluster id; must equal the receiver's.
   */
  'cluster_id'?: (string);
  /**
   * Forwarding follower's id.
   */
  'from'?: (number);
  /**
   * Commands to append as ENTRY_TYPE_NORMAL entries, contiguously, in order; at least one.
   */
  'commands'?: (Buffer | Uint8Array | string)[];
}

/**
 * Request of RaftService.Forward.
 */
export interface ForwardRequest__Output {
  /**
   * Cluster id; must equal the receiver's.
   */
  'cluster_id': (string);
  /**
   * Forwarding follower's id.
   */
  'from': (number);
  /**
   * Commands to append as ENTRY_TYPE_NORMAL entries, contiguously, in order; at least one.
   */
  'commands': (Buffer)[];
}
