// Original file: protos/tributary/coord/v1/metadata.proto

import type { AclFilter as _tributary_coord_v1_AclFilter, AclFilter__Output as _tributary_coord_v1_AclFilter__Output } from '../../../tributary/coord/v1/AclFilter';

/**
 * Request of MetadataService.RemoveAcls.
 */
export interface RemoveAclsRequest {
  /**
   * Entries matching any of these are removed; 1 to 1,000 filters.
   */
  'filters'?: (_tributary_coord_v1_AclFilter)[];
}

/**
 * Request of MetadataService.RemoveAcls.
 */
export interface RemoveAclsRequest__Output {
  /**
   * Entries matching any of these are removed; 1 to 1,000 filters.
   */
  'filters': (_tributary_coord_v1_AclFilter__Output)[];
}
