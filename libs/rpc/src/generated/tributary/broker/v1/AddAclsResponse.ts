// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of BrokerService.AddAcls.
 */
export interface AddAclsResponse {
  /**
   * Who answered (a coordinator); `revision` is that of the write.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * How many of the entries were new; the others were stored already.
   */
  'added'?: (number);
}

/**
 * Response of BrokerService.AddAcls.
 */
export interface AddAclsResponse__Output {
  /**
   * Who answered (a coordinator); `revision` is that of the write.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * How many of the entries were new; the others were stored already.
   */
  'added': (number);
}
