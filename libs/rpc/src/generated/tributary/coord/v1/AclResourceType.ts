// Original file: protos/tributary/coord/v1/common.proto

/**
 * The kind of resource an ACL entry covers (DESIGN §7).
 */
export const AclResourceType = {
  /**
   * Not set: refused in an entry; matches every resource type in a filter.
   */
  ACL_RESOURCE_TYPE_UNSPECIFIED: 'ACL_RESOURCE_TYPE_UNSPECIFIED',
  /**
   * A topic, by name.
   */
  ACL_RESOURCE_TYPE_TOPIC: 'ACL_RESOURCE_TYPE_TOPIC',
  /**
   * A consumer group, by id.
   */
  ACL_RESOURCE_TYPE_GROUP: 'ACL_RESOURCE_TYPE_GROUP',
  /**
   * A node of the coordination tree, by path.
   */
  ACL_RESOURCE_TYPE_PATH: 'ACL_RESOURCE_TYPE_PATH',
  /**
   * The cluster itself (its name is always "cluster").
   */
  ACL_RESOURCE_TYPE_CLUSTER: 'ACL_RESOURCE_TYPE_CLUSTER',
} as const;

/**
 * The kind of resource an ACL entry covers (DESIGN §7).
 */
export type AclResourceType =
  /**
   * Not set: refused in an entry; matches every resource type in a filter.
   */
  | 'ACL_RESOURCE_TYPE_UNSPECIFIED'
  | 0
  /**
   * A topic, by name.
   */
  | 'ACL_RESOURCE_TYPE_TOPIC'
  | 1
  /**
   * A consumer group, by id.
   */
  | 'ACL_RESOURCE_TYPE_GROUP'
  | 2
  /**
   * A node of the coordination tree, by path.
   */
  | 'ACL_RESOURCE_TYPE_PATH'
  | 3
  /**
   * The cluster itself (its name is always "cluster").
   */
  | 'ACL_RESOURCE_TYPE_CLUSTER'
  | 4

/**
 * The kind of resource an ACL entry covers (DESIGN §7).
 */
export type AclResourceType__Output = typeof AclResourceType[keyof typeof AclResourceType]
