// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { AclEntry as _tributary_coord_v1_AclEntry, AclEntry__Output as _tributary_coord_v1_AclEntry__Output } from '../../../tributary/coord/v1/AclEntry';

/**
 * Response of MetadataService.ListAcls.
 */
export interface ListAclsResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The matching entries, in the order they were added.
   */
  'entries'?: (_tributary_coord_v1_AclEntry)[];
}

/**
 * Response of MetadataService.ListAcls.
 */
export interface ListAclsResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The matching entries, in the order they were added.
   */
  'entries': (_tributary_coord_v1_AclEntry__Output)[];
}
