// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { GroupInfo as _tributary_coord_v1_GroupInfo, GroupInfo__Output as _tributary_coord_v1_GroupInfo__Output } from '../../../tributary/coord/v1/GroupInfo';

/**
 * Response of BrokerService.DescribeGroups.
 */
export interface DescribeGroupsResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The groups, in request order.
   */
  'groups'?: (_tributary_coord_v1_GroupInfo)[];
}

/**
 * Response of BrokerService.DescribeGroups.
 */
export interface DescribeGroupsResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The groups, in request order.
   */
  'groups': (_tributary_coord_v1_GroupInfo__Output)[];
}
