// Original file: protos/tributary/coord/v1/common.proto

import type { GroupState as _tributary_coord_v1_GroupState, GroupState__Output as _tributary_coord_v1_GroupState__Output } from '../../../tributary/coord/v1/GroupState';
import type { GroupMember as _tributary_coord_v1_GroupMember, GroupMember__Output as _tributary_coord_v1_GroupMember__Output } from '../../../tributary/coord/v1/GroupMember';

/**
 * Description of one consumer group.
 */
export interface GroupInfo {
  /**
   * Group id, `[A-Za-z0-9._-]{1,249}`.
   */
  'group'?: (string);
  /**
   * Current state.
   */
  'state'?: (_tributary_coord_v1_GroupState);
  /**
   * Group generation: bumped whenever the target assignment changes.
   */
  'generation'?: (number);
  /**
   * Current members, ordered by member_id.
   */
  'members'?: (_tributary_coord_v1_GroupMember)[];
}

/**
 * Description of one consumer group.
 */
export interface GroupInfo__Output {
  /**
   * Group id, `[A-Za-z0-9._-]{1,249}`.
   */
  'group': (string);
  /**
   * Current state.
   */
  'state': (_tributary_coord_v1_GroupState__Output);
  /**
   * Group generation: bumped whenever the target assignment changes.
   */
  'generation': (number);
  /**
   * Current members, ordered by member_id.
   */
  'members': (_tributary_coord_v1_GroupMember__Output)[];
}
