// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of MetadataService.DeleteTopic.
 */
export interface DeleteTopicResponse {
  /**
   * Who answered; `revision` is that of the delete.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
}

/**
 * Response of MetadataService.DeleteTopic.
 */
export interface DeleteTopicResponse__Output {
  /**
   * Who answered; `revision` is that of the delete.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
}
