// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.Create.
 */
export interface CreateRequest {
  /**
   * Path of the node to create; with `sequential`, the prefix the counter is appended to.
   */
  'path'?: (string);
  /**
   * Initial data, 0 to 1048576 bytes.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * Delete the node when `session_id`'s session ends. Ephemeral nodes cannot have children.
   */
  'ephemeral'?: (boolean);
  /**
   * Append a 10-digit zero-padded counter, unique and increasing per parent (the parent's
   * cversion), to the last path segment, e.g. "/q/job-" → "/q/job-0000000042".
   */
  'sequential'?: (boolean);
  /**
   * Owning session; required if `ephemeral`, ignored otherwise.
   */
  'session_id'?: (number | string | Long);
}

/**
 * Request of CoordinationService.Create.
 */
export interface CreateRequest__Output {
  /**
   * Path of the node to create; with `sequential`, the prefix the counter is appended to.
   */
  'path': (string);
  /**
   * Initial data, 0 to 1048576 bytes.
   */
  'data': (Buffer);
  /**
   * Delete the node when `session_id`'s session ends. Ephemeral nodes cannot have children.
   */
  'ephemeral': (boolean);
  /**
   * Append a 10-digit zero-padded counter, unique and increasing per parent (the parent's
   * cversion), to the last path segment, e.g. "/q/job-" → "/q/job-0000000042".
   */
  'sequential': (boolean);
  /**
   * Owning session; required if `ephemeral`, ignored otherwise.
   */
  'session_id': (number);
}
