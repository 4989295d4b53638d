// Original file: protos/tributary/coord/v1/metadata.proto

import type { PartitionOffset as _tributary_coord_v1_PartitionOffset, PartitionOffset__Output as _tributary_coord_v1_PartitionOffset__Output } from '../../../tributary/coord/v1/PartitionOffset';

/**
 * Request of MetadataService.CommitOffsets.
 */
export interface CommitOffsetsRequest {
  /**
   * Group id.
   */
  'group'?: (string);
  /**
   * Committing member; empty (with generation -1) for an admin commit, allowed only while the
   * group has no members.
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
 * Request of MetadataService.CommitOffsets.
 */
export interface CommitOffsetsRequest__Output {
  /**
   * Group id.
   */
  'group': (string);
  /**
   * Committing member; empty (with generation -1) for an admin commit, allowed only while the
   * group has no members.
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
