// Original file: protos/tributary/coord/v1/metadata.proto

import type { AclFilter as _tributary_coord_v1_AclFilter, AclFilter__Output as _tributary_coord_v1_AclFilter__Output } from '../../../tributary/coord/v1/AclFilter';

/**
 * Request of MetadataService.ListAcls.
 */
export interface ListAclsRequest {
  /**
   * Entries to list; absent or empty = every entry.
   */
  'filter'?: (_tributary_coord_v1_AclFilter | null);
}

/**
 * Request of MetadataService.ListAcls.
 */
export interface ListAclsRequest__Output {
  /**
   * Entries to list; absent or empty = every entry.
   */
  'filter': (_tributary_coord_v1_AclFilter__Output | null);
}
