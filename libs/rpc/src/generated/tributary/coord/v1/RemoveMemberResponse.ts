// Original file: protos/tributary/coord/v1/cluster.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Member as _tributary_coord_v1_Member, Member__Output as _tributary_coord_v1_Member__Output } from '../../../tributary/coord/v1/Member';

/**
 * Response of ClusterService.RemoveMember.
 */
export interface RemoveMemberResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Members after the change, ordered by id.
   */
  'members'?: (_tributary_coord_v1_Member)[];
}

/**
 * Response of ClusterService.RemoveMember.
 */
export interface RemoveMemberResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Members after the change, ordered by id.
   */
  'members': (_tributary_coord_v1_Member__Output)[];
}
