// Original file: protos/tributary/broker/v1/broker.proto

import type { AclFilter as _tributary_coord_v1_AclFilter, AclFilter__Output as _tributary_coord_v1_AclFilter__Output } from '../../../tributary/coord/v1/AclFilter';

/**
 * Request of BrokerService.RemoveAcls (as tributary.coord.v1.RemoveAclsRequest).
 */
export interface RemoveAclsRequest {
  /**
   * Entries matching any of these are removed; 1 to 1,000 filters.
   */
  'filters'?: (_tributary_coord_v1_AclFilter)[];
}

/**
 * Request of BrokerService.RemoveAcls (as tributary.coord.v1.RemoveAclsRequest).
 */
export interface RemoveAclsRequest__Output {
  /**
   * Entries matching any of these are removed; 1 to 1,000 filters.
   */
  'filters': (_tributary_coord_v1_AclFilter__Output)[];
}
