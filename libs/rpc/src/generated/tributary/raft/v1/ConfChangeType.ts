// Original file: protos/tributary/raft/v1/raft.proto

/**
 * Kind of a membership change.
 */
export const ConfChangeType = {
  /**
   * Never written; rejected.
   */
  CONF_CHANGE_TYPE_UNSPECIFIED: 'CONF_CHANGE_TYPE_UNSPECIFIED',
  /**
   * Add (or promote a learner to) a voter.
   */
  CONF_CHANGE_TYPE_ADD_NODE: 'CONF_CHANGE_TYPE_ADD_NODE',
  /**
   * Add a non-voting learner.
   */
  CONF_CHANGE_TYPE_ADD_LEARNER: 'CONF_CHANGE_TYPE_ADD_LEARNER',
  /**
   * Remove a voter or learner.
   */
  CONF_CHANGE_TYPE_REMOVE_NODE: 'CONF_CHANGE_TYPE_REMOVE_NODE',
} as const;

/**
 * Kind of a membership change.
 */
export type ConfChangeType =
  /**
   * Never written; rejected.
   */
  | 'CONF_CHANGE_TYPE_UNSPECIFIED'
  | 0
  /**
   * Add (or promote a learner to) a voter.
   */
  | 'CONF_CHANGE_TYPE_ADD_NODE'
  | 1
  /**
   * Add a non-voting learner.
   */
  | 'CONF_CHANGE_TYPE_ADD_LEARNER'
  | 2
  /**
   * Remove a voter or learner.
   */
  | 'CONF_CHANGE_TYPE_REMOVE_NODE'
  | 3

/**
 * Kind of a membership change.
 */
export type ConfChangeType__Output = typeof ConfChangeType[keyof typeof ConfChangeType]
