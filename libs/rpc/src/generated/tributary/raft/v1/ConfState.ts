// Original file: protos/tributary/raft/v1/raft.proto


/**
 * A Raft configuration.
 */
export interface ConfState {
  /**
   * Voting members' ids, ascending.
   */
  'voters'?: (number)[];
  /**
   * Non-voting learners' ids, ascending, disjoint from voters.
   */
  'learners'?: (number)[];
}

/**
 * A Raft configuration.
 */
export interface ConfState__Output {
  /**
   * Voting members' ids, ascending.
   */
  'voters': (number)[];
  /**
   * Non-voting learners' ids, ascending, disjoint from voters.
   */
  'learners': (number)[];
}
