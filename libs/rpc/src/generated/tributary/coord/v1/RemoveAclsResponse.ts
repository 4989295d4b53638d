// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { AclEntry as _tributary_coord_v1_AclEntry, AclEntry__Output as _tributary_coord_v1_AclEntry__Output } from '../../../tributary/coord/v1/AclEntry';

/**
 * Response of MetadataService.RemoveAcls.
 */
export interface RemoveAclsResponse {
  /**
   * Who answered; `revision` is that of the write (unchanged when nothing matched).
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The entries removed, in the order they were added; none is not an error.
   */
  'removed'?: (_tributary_coord_v1_AclEntry)[];
}

/**
 * Response of MetadataService.RemoveAcls.
 */
export interface RemoveAclsResponse__Output {
  /**
   * Who answered; `revision` is that of the write (unchanged when nothing matched).
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The entries removed, in the order they were added; none is not an error.
   */
  'removed': (_tributary_coord_v1_AclEntry__Output)[];
}
