// Original file: protos/tributary/broker/v1/replication.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { ReplicaFetchPartitionResult as _tributary_broker_v1_ReplicaFetchPartitionResult, ReplicaFetchPartitionResult__Output as _tributary_broker_v1_ReplicaFetchPartitionResult__Output } from '../../../tributary/broker/v1/ReplicaFetchPartitionResult';

/**
 * Response of ReplicationService.ReplicaFetch.
 */
export interface ReplicaFetchResponse {
  /**
   * Who answered; `revision` is the metadata revision of the leader's cache.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * One result per requested partition, in request order.
   */
  'partitions'?: (_tributary_broker_v1_ReplicaFetchPartitionResult)[];
}

/**
 * Response of ReplicationService.ReplicaFetch.
 */
export interface ReplicaFetchResponse__Output {
  /**
   * Who answered; `revision` is the metadata revision of the leader's cache.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * One result per requested partition, in request order.
   */
  'partitions': (_tributary_broker_v1_ReplicaFetchPartitionResult__Output)[];
}
