// Original file: protos/tributary/coord/v1/coordination.proto


/**
 * Request of CoordinationService.Unlock.
 */
export interface UnlockRequest {
  /**
   * The `key` returned by Lock.
   */
  'key'?: (string);
}

/**
 * Request of CoordinationService.Unlock.
 */
export interface UnlockRequest__Output {
  /**
   * The `key` returned by Lock.
   */
  'key': (string);
}
