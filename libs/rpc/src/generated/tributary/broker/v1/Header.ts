// Original file: protos/tributary/broker/v1/records.proto


/**
 * One application header of a Record.
 */
export interface Header {
  /**
   * Header name, UTF-8, non-empty.
   */
  'key'?: (string);
  /**
   * Header value.
   */
  'value'?: (Buffer | Uint8Array | string);
}

/**
 * One application header of a Record.
 */
export interface Header__Output {
  /**
   * Header name, UTF-8, non-empty.
   */
  'key': (string);
  /**
   * Header value.
   */
  'value': (Buffer);
}
