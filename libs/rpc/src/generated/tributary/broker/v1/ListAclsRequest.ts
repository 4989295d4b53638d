// Original file: protos/tributary/broker/v1/broker.proto

import type { AclFilter as _tributary_coord_v1_AclFilter, AclFilter__Output as _tributary_coord_v1_AclFilter__Output } from '../../../tributary/coord/v1/AclFilter';

/**
 * Request of BrokerService.ListAcls (as tributary.coord.v1.ListAclsRequest).
 */
export interface ListAclsRequest {
  /**
   * Entries to list; absent or empty = every entry.
   */
  'filter'?: (_tributary_coord_v1_AclFilter | null);
}

/**
 * Request of BrokerService.ListAcls (as tributary.coord.v1.ListAclsRequest).
 */
export interface ListAclsRequest__Output {
  /**
   * Entries to list; absent or empty = every entry.
   */
  'filter': (_tributary_coord_v1_AclFilter__Output | null);
}
