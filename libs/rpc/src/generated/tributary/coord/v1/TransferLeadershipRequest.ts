// Original file: protos/tributary/coord/v1/cluster.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of ClusterService.TransferLeadership.
 */
export interface TransferLeadershipRequest {
  /**
   * Voter to hand leadership to; 0 = the most up-to-date other voter.
   */
  'target_id'?: (number);
  /**
   * Longest time to wait for the transfer in milliseconds; 0 = the server default (an
   * election timeout).
   */
  'timeout_ms'?: (number | string | Long);
}

/**
 * Request of ClusterService.TransferLeadership.
 */
export interface TransferLeadershipRequest__Output {
  /**
   * Voter to hand leadership to; 0 = the most up-to-date other voter.
   */
  'target_id': (number);
  /**
   * Longest time to wait for the transfer in milliseconds; 0 = the server default (an
   * election timeout).
   */
  'timeout_ms': (number);
}
