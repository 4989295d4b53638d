// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.UpdateTopicConfig.
 */
export interface UpdateTopicConfigRequest {
  /**
   * Topic name.
   */
  'name'?: (string);
  /**
   * Overrides to set (key → value).
   */
  'set'?: ({[key: string]: string});
  /**
   * Override keys to remove (back to the cluster default); a key may not also be in `set`.
   */
  'delete'?: (string)[];
}

/**
 * Request of MetadataService.UpdateTopicConfig.
 */
export interface UpdateTopicConfigRequest__Output {
  /**
   * Topic name.
   */
  'name': (string);
  /**
   * Overrides to set (key → value).
   */
  'set': ({[key: string]: string});
  /**
   * Override keys to remove (back to the cluster default); a key may not also be in `set`.
   */
  'delete': (string)[];
}
