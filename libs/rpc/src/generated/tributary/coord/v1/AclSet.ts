// Original file: protos/tributary/coord/v1/metadata.proto

import type { AclEntry as _tributary_coord_v1_AclEntry, AclEntry__Output as _tributary_coord_v1_AclEntry__Output } from '../../../tributary/coord/v1/AclEntry';

/**
 * The complete set of ACL entries.
 */
export interface AclSet {
  /**
   * Every entry, in the order added.
   */
  'entries'?: (_tributary_coord_v1_AclEntry)[];
}

/**
 * The complete set of ACL entries.
 */
export interface AclSet__Output {
  /**
   * Every entry, in the order added.
   */
  'entries': (_tributary_coord_v1_AclEntry__Output)[];
}
