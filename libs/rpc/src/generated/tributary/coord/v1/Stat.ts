// Original file: protos/tributary/coord/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Metadata of one node of the coordination tree (ZooKeeper Stat with etcd revisions).
 */
export interface Stat {
  /**
   * Number of changes to this node's data since it was created; 0 right after Create. Compared
   * by `expected_version`.
   */
  'version'?: (number | string | Long);
  /**
   * Number of changes to this node's set of children (creates and deletes of direct children).
   */
  'cversion'?: (number | string | Long);
  /**
   * Cluster revision of the transaction that created this node.
   */
  'create_revision'?: (number | string | Long);
  /**
   * Cluster revision of the transaction that last changed this node's data (create included).
   */
  'mod_revision'?: (number | string | Long);
  /**
   * Session id owning this ephemeral node; 0 for a persistent node.
   */
  'ephemeral_owner'?: (number | string | Long);
  /**
   * Number of direct children, ≥ 0.
   */
  'num_children'?: (number);
  /**
   * Length of the node's data in bytes, 0 to 1048576 (1 MiB).
   */
  'data_length'?: (number);
}

/**
 * Metadata of one node of the coordination tree (ZooKeeper Stat with etcd revisions).
 */
export interface Stat__Output {
  /**
   * Number of changes to this node's data since it was created; 0 right after Create. Compared
   * by `expected_version`.
   */
  'version': (number);
  /**
   * Number of changes to this node's set of children (creates and deletes of direct children).
   */
  'cversion': (number);
  /**
   * Cluster revision of the transaction that created this node.
   */
  'create_revision': (number);
  /**
   * Cluster revision of the transaction that last changed this node's data (create included).
   */
  'mod_revision': (number);
  /**
   * Session id owning this ephemeral node; 0 for a persistent node.
   */
  'ephemeral_owner': (number);
  /**
   * Number of direct children, ≥ 0.
   */
  'num_children': (number);
  /**
   * Length of the node's data in bytes, 0 to 1048576 (1 MiB).
   */
  'data_length': (number);
}
