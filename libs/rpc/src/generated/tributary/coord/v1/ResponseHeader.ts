// Original file: protos/tributary/coord/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * First field (number 1) of every response message: who answered and at which state.
 */
export interface ResponseHeader {
  /**
   * Id of the cluster that answered; fixed when the cluster is first bootstrapped. Clients
   * refuse answers from a cluster id other than the one they first saw.
   */
  'cluster_id'?: (string);
  /**
   * Id of the answering process: the coordinator id (`--id`) on coordinators, the broker id on
   * brokers. ≥ 1.
   */
  'node_id'?: (number);
  /**
   * On coordinators: the Raft term known to the answering node (≥ 0). On brokers: the leader
   * epoch of the partition the request addressed, or 0 when it addressed none.
   */
  'term'?: (number | string | Long);
  /**
   * On coordinators: the cluster revision of the state the answer reflects; it grows by one per
   * write transaction (≥ 0). On brokers: the metadata revision of the broker's cached view.
   */
  'revision'?: (number | string | Long);
}

/**
 * First field (number 1) of every response message: who answered and at which state.
 */
export interface ResponseHeader__Output {
  /**
   * Id of the cluster that answered; fixed when the cluster is first bootstrapped. Clients
   * refuse answers from a cluster id other than the one they first saw.
   */
  'cluster_id': (string);
  /**
   * Id of the answering process: the coordinator id (`--id`) on coordinators, the broker id on
   * brokers. ≥ 1.
   */
  'node_id': (number);
  /**
   * On coordinators: the Raft term known to the answering node (≥ 0). On brokers: the leader
   * epoch of the partition the request addressed, or 0 when it addressed none.
   */
  'term': (number);
  /**
   * On coordinators: the cluster revision of the state the answer reflects; it grows by one per
   * write transaction (≥ 0). On brokers: the metadata revision of the broker's cached view.
   */
  'revision': (number);
}
