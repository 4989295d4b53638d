// Original file: protos/tributary/broker/v1/broker.proto

import type { PartitionReassignment as _tributary_broker_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_broker_v1_PartitionReassignment__Output } from '../../../tributary/broker/v1/PartitionReassignment';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of BrokerService.ReassignPartitions; as tributary.coord.v1.ReassignPartitionsRequest.
 */
export interface ReassignPartitionsRequest {
  /**
   * Explicit moves; empty = let the controller plan the fewest moves that spread replicas
   * and preferred leaders evenly over the live brokers, rack-aware (what `trib partitions
   * rebalance` sends).
   */
  'reassignments'?: (_tributary_broker_v1_PartitionReassignment)[];
  /**
   * Check and return the moves without starting them (`trib partitions rebalance --dry-run`).
   */
  'validate_only'?: (boolean);
  /**
   * Bytes per second each new replica of these moves copies from its leader at most, until
   * its move completes (`--throttle`); 0 = no limit.
   */
  'throttle_bytes_per_sec'?: (number | string | Long);
}

/**
 * Request of BrokerService.ReassignPartitions; as tributary.coord.v1.ReassignPartitionsRequest.
 */
export interface ReassignPartitionsRequest__Output {
  /**
   * Explicit moves; empty = let the controller plan the fewest moves that spread replicas
   * and preferred leaders evenly over the live brokers, rack-aware (what `trib partitions
   * rebalance` sends).
   */
  'reassignments': (_tributary_broker_v1_PartitionReassignment__Output)[];
  /**
   * Check and return the moves without starting them (`trib partitions rebalance --dry-run`).
   */
  'validate_only': (boolean);
  /**
   * Bytes per second each new replica of these moves copies from its leader at most, until
   * its move completes (`--throttle`); 0 = no limit.
   */
  'throttle_bytes_per_sec': (number);
}
