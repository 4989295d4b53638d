// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { GroupSummary as _tributary_coord_v1_GroupSummary, GroupSummary__Output as _tributary_coord_v1_GroupSummary__Output } from '../../../tributary/coord/v1/GroupSummary';

/**
 * Response of BrokerService.ListGroups.
 */
export interface ListGroupsResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Every group with members or committed offsets, sorted by group id.
   */
  'groups'?: (_tributary_coord_v1_GroupSummary)[];
}

/**
 * Response of BrokerService.ListGroups.
 */
export interface ListGroupsResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Every group with members or committed offsets, sorted by group id.
   */
  'groups': (_tributary_coord_v1_GroupSummary__Output)[];
}
