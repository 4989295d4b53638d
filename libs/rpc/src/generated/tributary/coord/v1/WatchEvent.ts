// Original file: protos/tributary/coord/v1/coordination.proto

import type { EventType as _tributary_coord_v1_EventType, EventType__Output as _tributary_coord_v1_EventType__Output } from '../../../tributary/coord/v1/EventType';
import type { Stat as _tributary_coord_v1_Stat, Stat__Output as _tributary_coord_v1_Stat__Output } from '../../../tributary/coord/v1/Stat';
import type { Long } from '@grpc/proto-loader';

/**
 * One change to one node.
 */
export interface WatchEvent {
  /**
   * What happened.
   */
  'type'?: (_tributary_coord_v1_EventType);
  /**
   * Full path of the node.
   */
  'path'?: (string);
  /**
   * Data after the change; empty for DELETED.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * Stat after the change; for DELETED, the stat the node had when deleted.
   */
  'stat'?: (_tributary_coord_v1_Stat | null);
  /**
   * Revision of the transaction that made the change.
   */
  'revision'?: (number | string | Long);
}

/**
 * One change to one node.
 */
export interface WatchEvent__Output {
  /**
   * What happened.
   */
  'type': (_tributary_coord_v1_EventType__Output);
  /**
   * Full path of the node.
   */
  'path': (string);
  /**
   * Data after the change; empty for DELETED.
   */
  'data': (Buffer);
  /**
   * Stat after the change; for DELETED, the stat the node had when deleted.
   */
  'stat': (_tributary_coord_v1_Stat__Output | null);
  /**
   * Revision of the transaction that made the change.
   */
  'revision': (number);
}
