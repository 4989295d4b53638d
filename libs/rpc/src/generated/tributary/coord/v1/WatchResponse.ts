// Original file: protos/tributary/coord/v1/coordination.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { WatchEvent as _tributary_coord_v1_WatchEvent, WatchEvent__Output as _tributary_coord_v1_WatchEvent__Output } from '../../../tributary/coord/v1/WatchEvent';

/**
 * One message of a Watch stream.
 */
export interface WatchResponse {
  /**
   * Who answered. The first message of every stream has no events: its `revision` is the
   * member's current revision (≥ start_revision); a watch with start_revision 0 starts after
   * it, any other one after start_revision (events in between follow). A later message without
   * events is a progress mark (progress_notify): every event up to `revision` has been sent.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Events in revision order; all events of one revision are in the same message, in the order
   * of the transaction's operations.
   */
  'events'?: (_tributary_coord_v1_WatchEvent)[];
}

/**
 * One message of a Watch stream.
 */
export interface WatchResponse__Output {
  /**
   * Who answered. The first message of every stream has no events: its `revision` is the
   * member's current revision (≥ start_revision); a watch with start_revision 0 starts after
   * it, any other one after start_revision (events in between follow). A later message without
   * events is a progress mark (progress_notify): every event up to `revision` has been sent.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Events in revision order; all events of one revision are in the same message, in the order
   * of the transaction's operations.
   */
  'events': (_tributary_coord_v1_WatchEvent__Output)[];
}
