// Original file: protos/tributary/coord/v1/common.proto

import type { GroupState as _tributary_coord_v1_GroupState, GroupState__Output as _tributary_coord_v1_GroupState__Output } from '../../../tributary/coord/v1/GroupState';

/**
 * Summary of one consumer group.
 */
export interface GroupSummary {
  /**
   * Group id.
   */
  'group'?: (string);
  /**
   * Current state.
   */
  'state'?: (_tributary_coord_v1_GroupState);
  /**
   * Number of members.
   */
  'num_members'?: (number);
}

/**
 * Summary of one consumer group.
 */
export interface GroupSummary__Output {
  /**
   * Group id.
   */
  'group': (string);
  /**
   * Current state.
   */
  'state': (_tributary_coord_v1_GroupState__Output);
  /**
   * Number of members.
   */
  'num_members': (number);
}
