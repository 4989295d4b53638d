// Original file: protos/tributary/coord/v1/common.proto

/**
 * Whether an ACL entry allows or denies. A matching DENY wins over any ALLOW.
 */
export const AclPermission = {
  /**
   * Not set: refused in an entry; matches both in a filter.
   */
  ACL_PERMISSION_UNSPECIFIED: 'ACL_PERMISSION_UNSPECIFIED',
  /**
   * Allow.
   */
  ACL_PERMISSION_ALLOW: 'ACL_PERMISSION_ALLOW',
  /**
   * Deny.
   */
  ACL_PERMISSION_DENY: 'ACL_PERMISSION_DENY',
} as const;

/**
 * Whether an ACL entry allows or denies. A matching DENY wins over any ALLOW.
 */
export type AclPermission =
  /**
   * Not set: refused in an entry; matches both in a filter.
   */
  | 'ACL_PERMISSION_UNSPECIFIED'
  | 0
  /**
   * Allow.
   */
  | 'ACL_PERMISSION_ALLOW'
  | 1
  /**
   * Deny.
   */
  | 'ACL_PERMISSION_DENY'
  | 2

/**
 * Whether an ACL entry allows or denies. A matching DENY wins over any ALLOW.
 */
export type AclPermission__Output = typeof AclPermission[keyof typeof AclPermission]
