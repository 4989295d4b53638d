// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.JoinGroup; as tributary.coord.v1.JoinGroupRequest.
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
   * default; clamped to the server's bounds.
   */
  'session_timeout_ms'?: (number);
  /**
   * Static membership: a stable id for this consumer instance (e.g. its pod name).
   */
  'group_instance_id'?: (string);
  /**
   * Server-side assignor for the group, "range" or "sticky"; empty = the group's current one.
   */
  'assignor'?: (string);
}

/**
 * Request of BrokerService.JoinGroup; as tributary.coord.v1.JoinGroupRequest.
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
   * default; clamped to the server's bounds.
   */
  'session_timeout_ms': (number);
  /**
   * Static membership: a stable id for this consumer instance (e.g. its pod name).
   */
  'group_instance_id': (string);
  /**
   * Server-side assignor for the group, "range" or "sticky"; empty = the group's current one.
   */
  'assignor': (string);
}
