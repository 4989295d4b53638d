// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.JoinGroup.
 */
export interface JoinGroupRequest {
  /**
   * Group id, `[A-Za-z0-9._-]{1,249}`.
   */
  'group'?: (string);
  /**
   * Empty for a new member; a previous member id to rejoin after being fenced.
   */
  'member_id'?: (string);
  /**
   * Client-chosen label, for operators.
   */
  'client_id'?: (string);
  /**
   * Topics to consume, at least one.
   */
  'topics'?: (string)[];
  /**
   * Member is removed if no heartbeat arrives for this long, in milliseconds; 0 = the server
   * default (45 s); clamped to [1 s, 300 s].
   */
  'session_timeout_ms'?: (number);
  /**
   * Static membership: a stable id for this consumer instance (e.g. its pod name). A restarted
   * instance joining with it takes its predecessor's place and partitions without a rebalance.
   */
  'group_instance_id'?: (string);
  /**
   * Server-side assignor for the group, "range" or "sticky"; empty = the group's current one
   * (range for a new group).
   */
  'assignor'?: (string);
}

/**
 * Request of MetadataService.JoinGroup.
 */
export interface JoinGroupRequest__Output {
  /**
   * Group id, `[A-Za-z0-9._-]{1,249}`.
   */
  'group': (string);
  /**
   * Empty for a new member; a previous member id to rejoin after being fenced.
   */
  'member_id': (string);
  /**
   * Client-chosen label, for operators.
   */
  'client_id': (string);
  /**
   * Topics to consume, at least one.
   */
  'topics': (string)[];
  /**
   * Member is removed if no heartbeat arrives for this long, in milliseconds; 0 = the server
   * default (45 s); clamped to [1 s, 300 s].
   */
  'session_timeout_ms': (number);
  /**
   * Static membership: a stable id for this consumer instance (e.g. its pod name). A restarted
   * instance joining with it takes its predecessor's place and partitions without a rebalance.
   */
  'group_instance_id': (string);
  /**
   * Server-side assignor for the group, "range" or "sticky"; empty = the group's current one
   * (range for a new group).
   */
  'assignor': (string);
}
