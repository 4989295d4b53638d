// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of MetadataService.UpdateTopicConfig.
 */
export interface UpdateTopicConfigResponse {
  /**
   * Who answered, at which revision.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The topic's overrides after the change.
   */
  'configs'?: ({[key: string]: string});
}

/**
 * Response of MetadataService.UpdateTopicConfig.
 */
export interface UpdateTopicConfigResponse__Output {
  /**
   * Who answered, at which revision.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The topic's overrides after the change.
   */
  'configs': ({[key: string]: string});
}
