// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of MetadataService.AddAcls.
 */
export interface AddAclsResponse {
  /**
   * Who answered; `revision` is that of the write (unchanged when nothing was new).
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * How many of the entries were new; the others were stored already.
   */
  'added'?: (number);
}

/**
 * Response of MetadataService.AddAcls.
 */
export interface AddAclsResponse__Output {
  /**
   * Who answered; `revision` is that of the write (unchanged when nothing was new).
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * How many of the entries were new; the others were stored already.
   */
  'added': (number);
}
