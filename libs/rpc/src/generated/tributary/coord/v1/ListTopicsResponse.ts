// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of MetadataService.ListTopics.
 */
export interface ListTopicsResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * Topic names, sorted by byte order.
   */
  'names'?: (string)[];
}

/**
 * Response of MetadataService.ListTopics.
 */
export interface ListTopicsResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * Topic names, sorted by byte order.
   */
  'names': (string)[];
}
