// Original file: protos/tributary/coord/v1/coordination.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of CoordinationService.Watch.
 */
export interface WatchRequest {
  /**
   * Node to watch; it need not exist yet.
   */
  'path'?: (string);
  /**
   * Also watch every descendant: "/a" then matches "/a", "/a/b", "/a/b/c", not "/ab".
   */
  'prefix'?: (boolean);
  /**
   * Deliver events with revision > start_revision (pass the last revision seen to resume);
   * 0 = from the current revision, i.e. future events only. A member that has not applied
   * this far yet waits until it has (up to a bound, then UNAVAILABLE / LAGGING).
   */
  'start_revision'?: (number | string | Long);
  /**
   * Also send progress messages: an idle watch gets, periodically, a message without events
   * whose header revision says every event up to it has been sent.
   */
  'progress_notify'?: (boolean);
}

/**
 * Request of CoordinationService.Watch.
 */
export interface WatchRequest__Output {
  /**
   * Node to watch; it need not exist yet.
   */
  'path': (string);
  /**
   * Also watch every descendant: "/a" then matches "/a", "/a/b", "/a/b/c", not "/ab".
   */
  'prefix': (boolean);
  /**
   * Deliver events with revision > start_revision (pass the last revision seen to resume);
   * 0 = from the current revision, i.e. future events only. A member that has not applied
   * this far yet waits until it has (up to a bound, then UNAVAILABLE / LAGGING).
   */
  'start_revision': (number);
  /**
   * Also send progress messages: an idle watch gets, periodically, a message without events
   * whose header revision says every event up to it has been sent.
   */
  'progress_notify': (boolean);
}
