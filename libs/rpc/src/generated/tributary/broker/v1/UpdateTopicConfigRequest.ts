// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.UpdateTopicConfig; as tributary.coord.v1.UpdateTopicConfigRequest.
 */
export interface UpdateTopicConfigRequest {
  /**
   * Topic name.
   */
  'name'?: (string);
  /**
   * Overrides to set (key → value), e.g. "retention.ms" → "3600000".
   */
  'set'?: ({[key: string]: string});
  /**
   * Override keys to remove (back to the cluster default); a key may not also be in `set`.
   */
  'delete'?: (string)[];
}

/**
 * Request of BrokerService.UpdateTopicConfig; as tributary.coord.v1.UpdateTopicConfigRequest.
 */
export interface UpdateTopicConfigRequest__Output {
  /**
   * Topic name.
   */
  'name': (string);
  /**
   * Overrides to set (key → value), e.g. "retention.ms" → "3600000".
   */
  'set': ({[key: string]: string});
  /**
   * Override keys to remove (back to the cluster default); a key may not also be in `set`.
   */
  'delete': (string)[];
}
