// Original file: protos/tributary/coord/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of MetadataService.RegisterBroker.
 */
export interface RegisterBrokerRequest {
  /**
   * Broker id (`--id`), ≥ 1.
   */
  'broker_id'?: (number);
  /**
   * Address clients and peers dial, "host:port".
   */
  'address'?: (string);
  /**
   * Failure domain for rack-aware placement; empty = no rack.
   */
  'rack'?: (string);
  /**
   * The broker's coordination session (OpenSession); the registration ends with it.
   */
  'session_id'?: (number | string | Long);
}

/**
 * Request of MetadataService.RegisterBroker.
 */
export interface RegisterBrokerRequest__Output {
  /**
   * Broker id (`--id`), ≥ 1.
   */
  'broker_id': (number);
  /**
   * Address clients and peers dial, "host:port".
   */
  'address': (string);
  /**
   * Failure domain for rack-aware placement; empty = no rack.
   */
  'rack': (string);
  /**
   * The broker's coordination session (OpenSession); the registration ends with it.
   */
  'session_id': (number);
}
