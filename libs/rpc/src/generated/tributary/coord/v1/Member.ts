// Original file: protos/tributary/coord/v1/cluster.proto

import type { MemberRole as _tributary_coord_v1_MemberRole, MemberRole__Output as _tributary_coord_v1_MemberRole__Output } from '../../../tributary/coord/v1/MemberRole';
import type { Long } from '@grpc/proto-loader';

/**
 * One member of the Raft group.
 */
export interface Member {
  /**
   * Coordinator id, ≥ 1.
   */
  'id'?: (number);
  /**
   * Peer and client address, "host:port".
   */
  'address'?: (string);
  /**
   * Role as known to the answering node.
   */
  'role'?: (_tributary_coord_v1_MemberRole);
  /**
   * Highest log index known replicated on this member; known only on the leader (0 elsewhere).
   */
  'match_index'?: (number | string | Long);
}

/**
 * One member of the Raft group.
 */
export interface Member__Output {
  /**
   * Coordinator id, ≥ 1.
   */
  'id': (number);
  /**
   * Peer and client address, "host:port".
   */
  'address': (string);
  /**
   * Role as known to the answering node.
   */
  'role': (_tributary_coord_v1_MemberRole__Output);
  /**
   * Highest log index known replicated on this member; known only on the leader (0 elsewhere).
   */
  'match_index': (number);
}
