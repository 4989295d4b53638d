// Original file: protos/tributary/raft/v1/raft.proto

import type { SnapshotMetadata as _tributary_raft_v1_SnapshotMetadata, SnapshotMetadata__Output as _tributary_raft_v1_SnapshotMetadata__Output } from '../../../tributary/raft/v1/SnapshotMetadata';
import type { Long } from '@grpc/proto-loader';

/**
 * One chunk of RaftService.InstallSnapshot.
 */
export interface InstallSnapshotRequest {
  /**
   * Leader's term; the same in every chunk of one snapshot.
   */
  'term'?: (number | string | Long);
  /**
   * Leader's id.
   */
  'leader_id'?: (number);
  /**
   * Cluster id; must equal the receiver's.
   */
  'cluster_id'?: (string);
  /**
   * What the snapshot covers; the same in every chunk.
   */
  'metadata'?: (_tributary_raft_v1_SnapshotMetadata | null);
  /**
   * Byte offset of `data` in the snapshot: the number of bytes sent before this chunk.
   */
  'offset'?: (number | string | Long);
  /**
   * Snapshot bytes from `offset`; ≤ 1 MiB per chunk recommended, bounded by
   * `--max-message-bytes`.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * CRC-32C (Castagnoli) of `data`, verified before it is written.
   */
  'crc32c'?: (number);
  /**
   * True on the last chunk.
   */
  'done'?: (boolean);
  /**
   * Size of the whole snapshot in bytes, the same in every chunk: the receiver refuses a
   * snapshot larger than it accepts before buffering it, and chunks that run past this size.
   */
  'total_bytes'?: (number | string | Long);
}

/**
 * One chunk of RaftService.InstallSnapshot.
 */
export interface InstallSnapshotRequest__Output {
  /**
   * Leader's term; the same in every chunk of one snapshot.
   */
  'term': (number);
  /**
   * Leader's id.
   */
  'leader_id': (number);
  /**
   * Cluster id; must equal the receiver's.
   */
  'cluster_id': (string);
  /**
   * What the snapshot covers; the same in every chunk.
   */
  'metadata': (_tributary_raft_v1_SnapshotMetadata__Output | null);
  /**
   * Byte offset of `data` in the snapshot: the number of bytes sent before this chunk.
   */
  'offset': (number);
  /**
   * Snapshot bytes from `offset`; ≤ 1 MiB per chunk recommended, bounded by
   * `--max-message-bytes`.
   */
  'data': (Buffer);
  /**
   * CRC-32C (Castagnoli) of `data`, verified before it is written.
   */
  'crc32c': (number);
  /**
   * True on the last chunk.
   */
  'done': (boolean);
  /**
   * Size of the whole snapshot in bytes, the same in every chunk: the receiver refuses a
   * snapshot larger than it accepts before buffering it, and chunks that run past this size.
   */
  'total_bytes': (number);
}
