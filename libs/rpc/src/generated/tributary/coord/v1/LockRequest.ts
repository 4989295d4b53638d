// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.Lock.
 */
export interface LockRequest {
  /**
   * Path of the lock node (path rules above). It is created, persistent, if missing (its parent
   * must exist); holders and waiters are its ephemeral sequential children, owned by their
   * sessions, so List and Watch on it show the queue.
   */
  'name'?: (string);
  /**
   * Session that will hold the lock; the lock is released when it ends.
   */
  'session_id'?: (number | string | Long);
  /**
   * Longest wait in milliseconds for the lock to be granted; 0 = wait until the call's deadline
   * or the session's end, whichever comes first.
   */
  'wait_ms'?: (number | string | Long);
}

/**
 * Request of CoordinationService.Lock.
 */
export interface LockRequest__Output {
  /**
   * Path of the lock node (path rules above). It is created, persistent, if missing (its parent
   * must exist); holders and waiters are its ephemeral sequential children, owned by their
   * sessions, so List and Watch on it show the queue.
   */
  'name': (string);
  /**
   * Session that will hold the lock; the lock is released when it ends.
   */
  'session_id': (number);
  /**
   * Longest wait in milliseconds for the lock to be granted; 0 = wait until the call's deadline
   * or the session's end, whichever comes first.
   */
  'wait_ms': (number);
}
