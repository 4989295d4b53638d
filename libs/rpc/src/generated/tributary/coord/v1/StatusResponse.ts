// Original file: protos/tributary/coord/v1/cluster.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { Member as _tributary_coord_v1_Member, Member__Output as _tributary_coord_v1_Member__Output } from '../../../tributary/coord/v1/Member';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of ClusterService.Status.
 */
export interface StatusResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Id of the answering coordinator.
   */
  'node_id'?: (number);
  /**
   * Id of the leader this node knows for `term`; 0 if none.
   */
  'leader_id'?: (number);
  /**
   * This node's current Raft term.
   */
  'term'?: (number | string | Long);
  /**
   * Highest log index known committed by this node.
   */
  'commit_index'?: (number | string | Long);
  /**
   * Highest log index applied to this node's state machine (≤ commit_index).
   */
  'applied_index'?: (number | string | Long);
  /**
   * Cluster revision of this node's applied state.
   */
  'revision'?: (number | string | Long);
  /**
   * Every member of the current configuration, ordered by id.
   */
  'members'?: (_tributary_coord_v1_Member)[];
}

/**
 * Response of ClusterService.Status.
 */
export interface StatusResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Id of the answering coordinator.
   */
  'node_id': (number);
  /**
   * Id of the leader this node knows for `term`; 0 if none.
   */
  'leader_id': (number);
  /**
   * This node's current Raft term.
   */
  'term': (number);
  /**
   * Highest log index known committed by this node.
   */
  'commit_index': (number);
  /**
   * Highest log index applied to this node's state machine (≤ commit_index).
   */
  'applied_index': (number);
  /**
   * Cluster revision of this node's applied state.
   */
  'revision': (number);
  /**
   * Every member of the current configuration, ordered by id.
   */
  'members': (_tributary_coord_v1_Member__Output)[];
}
