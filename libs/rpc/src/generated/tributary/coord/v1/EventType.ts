// Original file: protos/tributary/coord/v1/coordination.proto

/**
 * Kind of a watch event.
 */
export const EventType = {
  /**
   * Never sent.
   */
  EVENT_TYPE_UNSPECIFIED: 'EVENT_TYPE_UNSPECIFIED',
  /**
   * The node was created.
   */
  EVENT_TYPE_CREATED: 'EVENT_TYPE_CREATED',
  /**
   * The node's data was replaced (Set).
   */
  EVENT_TYPE_UPDATED: 'EVENT_TYPE_UPDATED',
  /**
   * The node was deleted (Delete, recursive delete, or its session's expiry).
   */
  EVENT_TYPE_DELETED: 'EVENT_TYPE_DELETED',
} as const;

/**
 * Kind of a watch event.
 */
export type EventType =
  /**
   * Never sent.
   */
  | 'EVENT_TYPE_UNSPECIFIED'
  | 0
  /**
   * The node was created.
   */
  | 'EVENT_TYPE_CREATED'
  | 1
  /**
   * The node's data was replaced (Set).
   */
  | 'EVENT_TYPE_UPDATED'
  | 2
  /**
   * The node was deleted (Delete, recursive delete, or its session's expiry).
   */
  | 'EVENT_TYPE_DELETED'
  | 3

/**
 * Kind of a watch event.
 */
export type EventType__Output = typeof EventType[keyof typeof EventType]
