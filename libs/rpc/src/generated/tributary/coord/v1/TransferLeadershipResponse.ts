// Original file: protos/tributary/coord/v1/cluster.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of ClusterService.TransferLeadership.
 */
export interface TransferLeadershipResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Id of the new leader.
   */
  'leader_id'?: (number);
}

/**
 * Response of ClusterService.TransferLeadership.
 */
export interface TransferLeadershipResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Id of the new leader.
   */
  'leader_id': (number);
}
