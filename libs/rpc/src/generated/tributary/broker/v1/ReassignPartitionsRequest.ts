// Original file: protos/tributary/broker/v1/broker.proto

import type { PartitionReassignment as _tributary_broker_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_broker_v1_PartitionReassignment__Output } from '../../../tributary/broker/v1/PartitionReassignment';

/**
 * Request of BrokerService.ReassignPartitions; as tributary.coord.v1.ReassignPartitionsRequest.
 */
export interface ReassignPartitionsRequest {
  /**
   * Explicit moves; empty = let the controller compute a balanced, rack-aware assignment of
   * every partition over the live brokers (what `trib partitions rebalance` sends).
   */
  'reassignments'?: (_tributary_broker_v1_PartitionReassignment)[];
}

/**
 * Request of BrokerService.ReassignPartitions; as tributary.coord.v1.ReassignPartitionsRequest.
 */
export interface ReassignPartitionsRequest__Output {
  /**
   * Explicit moves; empty = let the controller compute a balanced, rack-aware assignment of
   * every partition over the live brokers (what `trib partitions rebalance` sends).
   */
  'reassignments': (_tributary_broker_v1_PartitionReassignment__Output)[];
}
