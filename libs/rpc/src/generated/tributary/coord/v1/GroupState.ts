// Original file: protos/tributary/coord/v1/common.proto

/**
 * Lifecycle state of a consumer group.
 */
export const GroupState = {
  /**
   * Not known (a group the server has never seen).
   */
  GROUP_STATE_UNSPECIFIED: 'GROUP_STATE_UNSPECIFIED',
  /**
   * No members; committed offsets may still exist.
   */
  GROUP_STATE_EMPTY: 'GROUP_STATE_EMPTY',
  /**
   * Some member does not yet own its target assignment (revocations or assignments pending).
   */
  GROUP_STATE_RECONCILING: 'GROUP_STATE_RECONCILING',
  /**
   * Every member owns exactly its target assignment.
   */
  GROUP_STATE_STABLE: 'GROUP_STATE_STABLE',
} as const;

/**
 * Lifecycle state of a consumer group.
 */
export type GroupState =
  /**
   * Not known (a group the server has never seen).
   */
  | 'GROUP_STATE_UNSPECIFIED'
  | 0
  /**
   * No members; committed offsets may still exist.
   */
  | 'GROUP_STATE_EMPTY'
  | 1
  /**
   * Some member does not yet own its target assignment (revocations or assignments pending).
   */
  | 'GROUP_STATE_RECONCILING'
  | 2
  /**
   * Every member owns exactly its target assignment.
   */
  | 'GROUP_STATE_STABLE'
  | 3

/**
 * Lifecycle state of a consumer group.
 */
export type GroupState__Output = typeof GroupState[keyof typeof GroupState]
