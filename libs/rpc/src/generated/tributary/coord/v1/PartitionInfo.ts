// Original file: protos/tributary/coord/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * State of one partition of a topic.
 */
export interface PartitionInfo {
  /**
   * Partition index, 0 to partitions - 1.
   */
  'partition'?: (number);
  /**
   * Broker id of the current leader; -1 when the partition is offline (no ISR member alive and
   * `unclean.leader.election` false).
   */
  'leader'?: (number);
  /**
   * Incremented by the controller on every leader change (≥ 0); fences stale leaders and
   * stale clients (FAILED_PRECONDITION / FENCED).
   */
  'leader_epoch'?: (number);
  /**
   * Incremented on every change of this partition's state (leader, ISR, replicas); AlterIsr must
   * name the current value.
   */
  'partition_epoch'?: (number);
  /**
   * Assigned replicas (broker ids), preferred leader first.
   */
  'replicas'?: (number)[];
  /**
   * In-sync replicas (broker ids), the leader included; a subset of `replicas`.
   */
  'isr'?: (number)[];
  /**
   * Replicas being added by an ongoing reassignment; empty when none.
   */
  'adding_replicas'?: (number)[];
  /**
   * Replicas being removed by an ongoing reassignment; empty when none.
   */
  'removing_replicas'?: (number)[];
  /**
   * Bytes per second each replica being added copies from the leader at most, for the
   * reassignment under way; 0 = no limit (and always 0 when no reassignment is under way).
   */
  'reassignment_throttle_bytes_per_sec'?: (number | string | Long);
}

/**
 * State of one partition of a topic.
 */
export interface PartitionInfo__Output {
  /**
   * Partition index, 0 to partitions - 1.
   */
  'partition': (number);
  /**
   * Broker id of the current leader; -1 when the partition is offline (no ISR member alive and
   * `unclean.leader.election` false).
   */
  'leader': (number);
  /**
   * Incremented by the controller on every leader change (≥ 0); fences stale leaders and
   * stale clients (FAILED_PRECONDITION / FENCED).
   */
  'leader_epoch': (number);
  /**
   * Incremented on every change of this partition's state (leader, ISR, replicas); AlterIsr must
   * name the current value.
   */
  'partition_epoch': (number);
  /**
   * Assigned replicas (broker ids), preferred leader first.
   */
  'replicas': (number)[];
  /**
   * In-sync replicas (broker ids), the leader included; a subset of `replicas`.
   */
  'isr': (number)[];
  /**
   * Replicas being added by an ongoing reassignment; empty when none.
   */
  'adding_replicas': (number)[];
  /**
   * Replicas being removed by an ongoing reassignment; empty when none.
   */
  'removing_replicas': (number)[];
  /**
   * Bytes per second each replica being added copies from the leader at most, for the
   * reassignment under way; 0 = no limit (and always 0 when no reassignment is under way).
   */
  'reassignment_throttle_bytes_per_sec': (number);
}
