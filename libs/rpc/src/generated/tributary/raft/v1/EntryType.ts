// Original file: protos/tributary/raft/v1/raft.proto

/**
 * Kind of a log entry.
 */
export const EntryType = {
  /**
   * Never written; receivers reject it as a programmer error.
   */
  ENTRY_TYPE_UNSPECIFIED: 'ENTRY_TYPE_UNSPECIFIED',
  /**
   * A state-machine command (opaque `data`); empty `data` is a leader's no-op.
   */
  ENTRY_TYPE_NORMAL: 'ENTRY_TYPE_NORMAL',
  /**
   * A single-server membership change: `data` is a serialized ConfChange.
   */
  ENTRY_TYPE_CONF_CHANGE: 'ENTRY_TYPE_CONF_CHANGE',
} as const;

/**
 * Kind of a log entry.
 */
export type EntryType =
  /**
   * Never written; receivers reject it as a programmer error.
   */
  | 'ENTRY_TYPE_UNSPECIFIED'
  | 0
  /**
   * A state-machine command (opaque `data`); empty `data` is a leader's no-op.
   */
  | 'ENTRY_TYPE_NORMAL'
  | 1
  /**
   * A single-server membership change: `data` is a serialized ConfChange.
   */
  | 'ENTRY_TYPE_CONF_CHANGE'
  | 2

/**
 * Kind of a log entry.
 */
export type EntryType__Output = typeof EntryType[keyof typeof EntryType]
