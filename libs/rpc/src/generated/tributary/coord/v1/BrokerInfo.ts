// Original file: protos/tributary/coord/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A live broker, as registered through MetadataService.RegisterBroker.
 */
export interface BrokerInfo {
  /**
   * Broker id (`--id`), ≥ 1, unique among live brokers.
   */
  'broker_id'?: (number);
  /**
   * Address clients and peers dial, "host:port" (`--advertise`, else `--listen`).
   */
  'address'?: (string);
  /**
   * Failure domain used for rack-aware replica placement; empty = no rack.
   */
  'rack'?: (string);
  /**
   * Coordination session whose life is the broker's liveness.
   */
  'session_id'?: (number | string | Long);
  /**
   * Cluster revision at which this registration was made; a broker re-registering after its
   * session expired gets a larger epoch, which fences its older incarnation.
   */
  'broker_epoch'?: (number | string | Long);
}

/**
 * A live broker, as registered through MetadataService.RegisterBroker.
 */
export interface BrokerInfo__Output {
  /**
   * Broker id (`--id`), ≥ 1, unique among live brokers.
   */
  'broker_id': (number);
  /**
   * Address clients and peers dial, "host:port" (`--advertise`, else `--listen`).
   */
  'address': (string);
  /**
   * Failure domain used for rack-aware replica placement; empty = no rack.
   */
  'rack': (string);
  /**
   * Coordination session whose life is the broker's liveness.
   */
  'session_id': (number);
  /**
   * Cluster revision at which this registration was made; a broker re-registering after its
   * session expired gets a larger epoch, which fences its older incarnation.
   */
  'broker_epoch': (number);
}
