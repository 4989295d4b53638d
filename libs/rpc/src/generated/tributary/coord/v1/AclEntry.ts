// Original file: protos/tributary/coord/v1/common.proto

import type { AclResourceType as _tributary_coord_v1_AclResourceType, AclResourceType__Output as _tributary_coord_v1_AclResourceType__Output } from '../../../tributary/coord/v1/AclResourceType';
import type { AclPatternType as _tributary_coord_v1_AclPatternType, AclPatternType__Output as _tributary_coord_v1_AclPatternType__Output } from '../../../tributary/coord/v1/AclPatternType';
import type { AclOperation as _tributary_coord_v1_AclOperation, AclOperation__Output as _tributary_coord_v1_AclOperation__Output } from '../../../tributary/coord/v1/AclOperation';
import type { AclPermission as _tributary_coord_v1_AclPermission, AclPermission__Output as _tributary_coord_v1_AclPermission__Output } from '../../../tributary/coord/v1/AclPermission';

/**
 * One access control entry (DESIGN §7), stored in the coordination state under
 * /tributary/acls. A request no ALLOW entry matches is denied.
 */
export interface AclEntry {
  /**
   * The principal: a certificate's URI SAN or CN, a token's subject; "*" = any authenticated
   * principal. 1 to 1024 characters, no control characters.
   */
  'principal'?: (string);
  /**
   * The kind of resource.
   */
  'resource_type'?: (_tributary_coord_v1_AclResourceType);
  /**
   * How `name` selects resources of that kind.
   */
  'pattern_type'?: (_tributary_coord_v1_AclPatternType);
  /**
   * A topic or group name or prefix (`[A-Za-z0-9._-]{1,249}`, or "*" as a literal for every
   * one), a node path, or "cluster" (literal) for the cluster.
   */
  'name'?: (string);
  /**
   * The operation allowed or denied.
   */
  'operation'?: (_tributary_coord_v1_AclOperation);
  /**
   * Allow or deny.
   */
  'permission'?: (_tributary_coord_v1_AclPermission);
}

/**
 * One access control entry (DESIGN §7), stored in the coordination state under
 * /tributary/acls. A request no ALLOW entry matches is denied.
 */
export interface AclEntry__Output {
  /**
   * The principal: a certificate's URI SAN or CN, a token's subject; "*" = any authenticated
   * principal. 1 to 1024 characters, no control characters.
   */
  'principal': (string);
  /**
   * The kind of resource.
   */
  'resource_type': (_tributary_coord_v1_AclResourceType__Output);
  /**
   * How `name` selects resources of that kind.
   */
  'pattern_type': (_tributary_coord_v1_AclPatternType__Output);
  /**
   * A topic or group name or prefix (`[A-Za-z0-9._-]{1,249}`, or "*" as a literal for every
   * one), a node path, or "cluster" (literal) for the cluster.
   */
  'name': (string);
  /**
   * The operation allowed or denied.
   */
  'operation': (_tributary_coord_v1_AclOperation__Output);
  /**
   * Allow or deny.
   */
  'permission': (_tributary_coord_v1_AclPermission__Output);
}
