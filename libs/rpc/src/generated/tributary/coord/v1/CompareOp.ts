// Original file: protos/tributary/coord/v1/coordination.proto

/**
 * Comparison operator of a Compare.
 */
export const CompareOp = {
  /**
   * Not set: rejected with INVALID_ARGUMENT.
   */
  COMPARE_OP_UNSPECIFIED: 'COMPARE_OP_UNSPECIFIED',
  /**
   * The node's value equals the operand.
   */
  COMPARE_OP_EQUAL: 'COMPARE_OP_EQUAL',
  /**
   * The node's value differs from the operand.
   */
  COMPARE_OP_NOT_EQUAL: 'COMPARE_OP_NOT_EQUAL',
  /**
   * The node's value is greater than the operand (numbers; data compares bytewise).
   */
  COMPARE_OP_GREATER: 'COMPARE_OP_GREATER',
  /**
   * The node's value is less than the operand (numbers; data compares bytewise).
   */
  COMPARE_OP_LESS: 'COMPARE_OP_LESS',
} as const;

/**
 * Comparison operator of a Compare.
 */
export type CompareOp =
  /**
   * Not set: rejected with INVALID_ARGUMENT.
   */
  | 'COMPARE_OP_UNSPECIFIED'
  | 0
  /**
   * The node's value equals the operand.
   */
  | 'COMPARE_OP_EQUAL'
  | 1
  /**
   * The node's value differs from the operand.
   */
  | 'COMPARE_OP_NOT_EQUAL'
  | 2
  /**
   * The node's value is greater than the operand (numbers; data compares bytewise).
   */
  | 'COMPARE_OP_GREATER'
  | 3
  /**
   * The node's value is less than the operand (numbers; data compares bytewise).
   */
  | 'COMPARE_OP_LESS'
  | 4

/**
 * Comparison operator of a Compare.
 */
export type CompareOp__Output = typeof CompareOp[keyof typeof CompareOp]
