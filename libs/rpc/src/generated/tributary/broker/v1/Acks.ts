// Original file: protos/tributary/broker/v1/broker.proto

/**
 * Acknowledgement level of a produce. The zero value is the safe default: ALL.
 */
export const Acks = {
  /**
   * Not set: treated as ACKS_ALL.
   */
  ACKS_UNSPECIFIED: 'ACKS_UNSPECIFIED',
  /**
   * Answer on receipt, before the append: no base_offset, no error beyond validation; the batch
   * may be lost.
   */
  ACKS_NONE: 'ACKS_NONE',
  /**
   * Answer once the leader has appended the batch (written, not yet replicated).
   */
  ACKS_LEADER: 'ACKS_LEADER',
  /**
   * Answer once every ISR member has the batch (it is committed: below the high watermark).
   */
  ACKS_ALL: 'ACKS_ALL',
} as const;

/**
 * Acknowledgement level of a produce. The zero value is the safe default: ALL.
 */
export type Acks =
  /**
   * Not set: treated as ACKS_ALL.
   */
  | 'ACKS_UNSPECIFIED'
  | 0
  /**
   * Answer on receipt, before the append: no base_offset, no error beyond validation; the batch
   * may be lost.
   */
  | 'ACKS_NONE'
  | 1
  /**
   * Answer once the leader has appended the batch (written, not yet replicated).
   */
  | 'ACKS_LEADER'
  | 2
  /**
   * Answer once every ISR member has the batch (it is committed: below the high watermark).
   */
  | 'ACKS_ALL'
  | 3

/**
 * Acknowledgement level of a produce. The zero value is the safe default: ALL.
 */
export type Acks__Output = typeof Acks[keyof typeof Acks]
