// Original file: protos/tributary/coord/v1/common.proto

/**
 * Read consistency for Get and List. The zero value is the safe default: LINEARIZABLE.
 */
export const Consistency = {
  /**
   * Not set: treated as CONSISTENCY_LINEARIZABLE.
   */
  CONSISTENCY_UNSPECIFIED: 'CONSISTENCY_UNSPECIFIED',
  /**
   * Reflects every write acknowledged before the read started (ReadIndex or leader lease); never
   * stale. Served by or through the leader; UNAVAILABLE without one.
   */
  CONSISTENCY_LINEARIZABLE: 'CONSISTENCY_LINEARIZABLE',
  /**
   * Served from the answering node's applied state without a quorum round trip: may lag the
   * leader, never goes backwards on one node. `header.revision` says how fresh it is.
   */
  CONSISTENCY_SERIALIZABLE: 'CONSISTENCY_SERIALIZABLE',
} as const;

/**
 * Read consistency for Get and List. The zero value is the safe default: LINEARIZABLE.
 */
export type Consistency =
  /**
   * Not set: treated as CONSISTENCY_LINEARIZABLE.
   */
  | 'CONSISTENCY_UNSPECIFIED'
  | 0
  /**
   * Reflects every write acknowledged before the read started (ReadIndex or leader lease); never
   * stale. Served by or through the leader; UNAVAILABLE without one.
   */
  | 'CONSISTENCY_LINEARIZABLE'
  | 1
  /**
   * Served from the answering node's applied state without a quorum round trip: may lag the
   * leader, never goes backwards on one node. `header.revision` says how fresh it is.
   */
  | 'CONSISTENCY_SERIALIZABLE'
  | 2

/**
 * Read consistency for Get and List. The zero value is the safe default: LINEARIZABLE.
 */
export type Consistency__Output = typeof Consistency[keyof typeof Consistency]
