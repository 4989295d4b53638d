// Original file: protos/tributary/broker/v1/broker.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';

/**
 * Response of BrokerService.UpdateTopicConfig.
 */
export interface UpdateTopicConfigResponse {
  /**
   * The coordinator's header; `revision` is that of the change.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * The topic's overrides after the change.
   */
  'configs'?: ({[key: string]: string});
}

/**
 * Response of BrokerService.UpdateTopicConfig.
 */
export interface UpdateTopicConfigResponse__Output {
  /**
   * The coordinator's header; `revision` is that of the change.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * The topic's overrides after the change.
   */
  'configs': ({[key: string]: string});
}
