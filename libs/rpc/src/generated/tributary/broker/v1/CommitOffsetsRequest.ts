// Original file: protos/tributary/broker/v1/broker.proto

import type { PartitionOffset as _tributary_coord_v1_PartitionOffset, PartitionOffset__Output as _tributary_coord_v1_PartitionOffset__Output } from '../../../tributary/coord/v1/PartitionOffset';

/**
 * Request of BrokerService.CommitOffsets; as tributary.coord.v1.CommitOffsetsRequest.
 */
export interface CommitOffsetsRequest {
  /**
   * Group id.
   */
  'group'?: (string);
  /**
   * Committing member; empty (with generation -1) for an admin commit to a memberless group.
   */
  'member_id'?: (string);
  /**
   * The member's current generation; -1 for an admin commit.
   */
  'generation'?: (number);
  /**
   * Offsets to commit, at most one per partition.
   */
  'offsets'?: (_tributary_coord_v1_PartitionOffset)[];
}

/**
 * Request of BrokerService.CommitOffsets; as tributary.coord.v1.CommitOffsetsRequest.
 */
export interface CommitOffsetsRequest__Output {
  /**
   * Group id.
   */
  'group': (string);
  /**
   * Committing member; empty (with generation -1) for an admin commit to a memberless group.
   */
  'member_id': (string);
  /**
   * The member's current generation; -1 for an admin commit.
   */
  'generation': (number);
  /**
   * Offsets to commit, at most one per partition.
   */
  'offsets': (_tributary_coord_v1_PartitionOffset__Output)[];
}
