// Original file: protos/tributary/coord/v1/common.proto

/**
 * What an ACL entry allows or denies.
 */
export const AclOperation = {
  /**
   * Not set: refused in an entry; matches every operation in a filter.
   */
  ACL_OPERATION_UNSPECIFIED: 'ACL_OPERATION_UNSPECIFIED',
  /**
   * Read: fetch, consume, get.
   */
  ACL_OPERATION_READ: 'ACL_OPERATION_READ',
  /**
   * Write: produce, set.
   */
  ACL_OPERATION_WRITE: 'ACL_OPERATION_WRITE',
  /**
   * Create.
   */
  ACL_OPERATION_CREATE: 'ACL_OPERATION_CREATE',
  /**
   * Delete.
   */
  ACL_OPERATION_DELETE: 'ACL_OPERATION_DELETE',
  /**
   * Describe: list and describe. An ALLOW of read, write, delete or alter also allows it.
   */
  ACL_OPERATION_DESCRIBE: 'ACL_OPERATION_DESCRIBE',
  /**
   * Alter: change configuration, reassign.
   */
  ACL_OPERATION_ALTER: 'ACL_OPERATION_ALTER',
  /**
   * Every operation.
   */
  ACL_OPERATION_ALL: 'ACL_OPERATION_ALL',
} as const;

/**
 * What an ACL entry allows or denies.
 */
export type AclOperation =
  /**
   * Not set: refused in an entry; matches every operation in a filter.
   */
  | 'ACL_OPERATION_UNSPECIFIED'
  | 0
  /**
   * Read: fetch, consume, get.
   */
  | 'ACL_OPERATION_READ'
  | 1
  /**
   * Write: produce, set.
   */
  | 'ACL_OPERATION_WRITE'
  | 2
  /**
   * Create.
   */
  | 'ACL_OPERATION_CREATE'
  | 3
  /**
   * Delete.
   */
  | 'ACL_OPERATION_DELETE'
  | 4
  /**
   * Describe: list and describe. An ALLOW of read, write, delete or alter also allows it.
   */
  | 'ACL_OPERATION_DESCRIBE'
  | 5
  /**
   * Alter: change configuration, reassign.
   */
  | 'ACL_OPERATION_ALTER'
  | 6
  /**
   * Every operation.
   */
  | 'ACL_OPERATION_ALL'
  | 7

/**
 * What an ACL entry allows or denies.
 */
export type AclOperation__Output = typeof AclOperation[keyof typeof AclOperation]
