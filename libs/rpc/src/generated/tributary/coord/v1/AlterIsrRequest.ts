// Original file: protos/tributary/coord/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of MetadataService.AlterIsr.
 */
export interface AlterIsrRequest {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition index.
   */
  'partition'?: (number);
  /**
   * The sending leader's broker id.
   */
  'broker_id'?: (number);
  /**
   * The sending leader's broker epoch (RegisterBrokerResponse.broker_epoch).
   */
  'broker_epoch'?: (number | string | Long);
  /**
   * Leader epoch the sender leads in; must be the current one.
   */
  'leader_epoch'?: (number);
  /**
   * Partition epoch the change is based on; must be the current one.
   */
  'partition_epoch'?: (number);
  /**
   * Proposed ISR: broker ids, the leader included, each one of the partition's replicas.
   */
  'isr'?: (number)[];
}

/**
 * Request of MetadataService.AlterIsr.
 */
export interface AlterIsrRequest__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition index.
   */
  'partition': (number);
  /**
   * The sending leader's broker id.
   */
  'broker_id': (number);
  /**
   * The sending leader's broker epoch (RegisterBrokerResponse.broker_epoch).
   */
  'broker_epoch': (number);
  /**
   * Leader epoch the sender leads in; must be the current one.
   */
  'leader_epoch': (number);
  /**
   * Partition epoch the change is based on; must be the current one.
   */
  'partition_epoch': (number);
  /**
   * Proposed ISR: broker ids, the leader included, each one of the partition's replicas.
   */
  'isr': (number)[];
}
