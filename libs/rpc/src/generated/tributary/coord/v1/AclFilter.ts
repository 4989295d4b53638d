// Original file: protos/tributary/coord/v1/common.proto

import type { AclResourceType as _tributary_coord_v1_AclResourceType, AclResourceType__Output as _tributary_coord_v1_AclResourceType__Output } from '../../../tributary/coord/v1/AclResourceType';
import type { AclPatternType as _tributary_coord_v1_AclPatternType, AclPatternType__Output as _tributary_coord_v1_AclPatternType__Output } from '../../../tributary/coord/v1/AclPatternType';
import type { AclOperation as _tributary_coord_v1_AclOperation, AclOperation__Output as _tributary_coord_v1_AclOperation__Output } from '../../../tributary/coord/v1/AclOperation';
import type { AclPermission as _tributary_coord_v1_AclPermission, AclPermission__Output as _tributary_coord_v1_AclPermission__Output } from '../../../tributary/coord/v1/AclPermission';

/**
 * Selects ACL entries by equality of the fields it sets; an unset field (empty string,
 * UNSPECIFIED) matches anything, so an empty filter selects every entry.
 */
export interface AclFilter {
  /**
   * Entries of exactly this principal ("*" selects the entries for any principal); "" = any.
   */
  'principal'?: (string);
  /**
   * Entries on this kind of resource; UNSPECIFIED = any.
   */
  'resource_type'?: (_tributary_coord_v1_AclResourceType);
  /**
   * Entries of this pattern type; UNSPECIFIED = any.
   */
  'pattern_type'?: (_tributary_coord_v1_AclPatternType);
  /**
   * Entries whose name (or prefix, or path) is exactly this; "" = any.
   */
  'name'?: (string);
  /**
   * Entries of exactly this operation (ALL selects the entries whose operation is ALL);
   * UNSPECIFIED = any.
   */
  'operation'?: (_tributary_coord_v1_AclOperation);
  /**
   * Entries of this permission; UNSPECIFIED = any.
   */
  'permission'?: (_tributary_coord_v1_AclPermission);
}

/**
 * Selects ACL entries by equality of the fields it sets; an unset field (empty string,
 * UNSPECIFIED) matches anything, so an empty filter selects every entry.
 */
export interface AclFilter__Output {
  /**
   * Entries of exactly this principal ("*" selects the entries for any principal); "" = any.
   */
  'principal': (string);
  /**
   * Entries on this kind of resource; UNSPECIFIED = any.
   */
  'resource_type': (_tributary_coord_v1_AclResourceType__Output);
  /**
   * Entries of this pattern type; UNSPECIFIED = any.
   */
  'pattern_type': (_tributary_coord_v1_AclPatternType__Output);
  /**
   * Entries whose name (or prefix, or path) is exactly this; "" = any.
   */
  'name': (string);
  /**
   * Entries of exactly this operation (ALL selects the entries whose operation is ALL);
   * UNSPECIFIED = any.
   */
  'operation': (_tributary_coord_v1_AclOperation__Output);
  /**
   * Entries of this permission; UNSPECIFIED = any.
   */
  'permission': (_tributary_coord_v1_AclPermission__Output);
}
