// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { PartitionReassignment as _tributary_broker_v1_PartitionReassignment, PartitionReassignment__Output as _tributary_broker_v1_PartitionReassignment__Output } from '../../../tributary/broker/v1/PartitionReassignment';

/**
 * Response of BrokerService.ReassignPartitions.
 */
export interface ReassignPartitionsResponse {
  /**
   * The coordinator's header.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The moves committed (only partitions whose replicas change).
   */
  'reassignments'?: (_tributary_broker_v1_PartitionReassignment)[];
}

/**
 * Response of BrokerService.ReassignPartitions.
 */
export interface ReassignPartitionsResponse__Output {
  /**
   * The coordinator's header.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The moves committed (only partitions whose replicas change).
   */
  'reassignments': (_tributary_broker_v1_PartitionReassignment__Output)[];
}
