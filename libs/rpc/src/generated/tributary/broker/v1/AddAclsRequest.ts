// Original file: protos/tributary/broker/v1/broker.proto

import type { AclEntry as _tributary_coord_v1_AclEntry, AclEntry__Output as _tributary_coord_v1_AclEntry__Output } from '../../../tributary/coord/v1/AclEntry';

/**
 * Request of BrokerService.AddAcls (as tributary.coord.v1.AddAclsRequest).
 */
export interface AddAclsRequest {
  /**
   * Entries to add, 1 to 1,000.
   */
  'entries'?: (_tributary_coord_v1_AclEntry)[];
}

/**
 * Request of BrokerService.AddAcls (as tributary.coord.v1.AddAclsRequest).
 */
export interface AddAclsRequest__Output {
  /**
   * Entries to add, 1 to 1,000.
   */
  'entries': (_tributary_coord_v1_AclEntry__Output)[];
}
