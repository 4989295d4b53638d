// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { GroupInfo as _tributary_coord_v1_GroupInfo, GroupInfo__Output as _tributary_coord_v1_GroupInfo__Output } from '../../../tributary/coord/v1/GroupInfo';

/**
 * Response of MetadataService.DescribeGroups.
 */
export interface DescribeGroupsResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The groups, in request order.
   */
  'groups'?: (_tributary_coord_v1_GroupInfo)[];
}

/**
 * Response of MetadataService.DescribeGroups.
 */
export interface DescribeGroupsResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The groups, in request order.
   */
  'groups': (_tributary_coord_v1_GroupInfo__Output)[];
}
