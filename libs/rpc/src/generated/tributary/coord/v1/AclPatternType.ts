// Original file: protos/tributary/coord/v1/common.proto

/**
 * How an ACL entry's `name` selects resources.
 */
export const AclPatternType = {
  /**
   * Not set: refused in an entry; matches every pattern type in a filter.
   */
  ACL_PATTERN_TYPE_UNSPECIFIED: 'ACL_PATTERN_TYPE_UNSPECIFIED',
  /**
   * Exactly the resource named; for topics and groups "*" names every one.
   */
  ACL_PATTERN_TYPE_LITERAL: 'ACL_PATTERN_TYPE_LITERAL',
  /**
   * Topics and groups whose name starts with `name`; for paths, `name` and every node below it
   * by whole segments ("/app" covers "/app" and "/app/x", not "/apple").
   */
  ACL_PATTERN_TYPE_PREFIX: 'ACL_PATTERN_TYPE_PREFIX',
} as const;

/**
 * How an ACL entry's `name` selects resources.
 */
export type AclPatternType =
  /**
   * Not set: refused in an entry; matches every pattern type in a filter.
   */
  | 'ACL_PATTERN_TYPE_UNSPECIFIED'
  | 0
  /**
   * Exactly the resource named; for topics and groups "*" names every one.
   */
  | 'ACL_PATTERN_TYPE_LITERAL'
  | 1
  /**
   * Topics and groups whose name starts with `name`; for paths, `name` and every node below it
   * by whole segments ("/app" covers "/app" and "/app/x", not "/apple").
   */
  | 'ACL_PATTERN_TYPE_PREFIX'
  | 2

/**
 * How an ACL entry's `name` selects resources.
 */
export type AclPatternType__Output = typeof AclPatternType[keyof typeof AclPatternType]
