// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.LeaveGroup.
 */
export interface LeaveGroupRequest {
  /**
   * Group id.
   */
  'group'?: (string);
  /**
   * Member id from JoinGroup.
   */
  'member_id'?: (string);
}

/**
 * Request of MetadataService.LeaveGroup.
 */
export interface LeaveGroupRequest__Output {
  /**
   * Group id.
   */
  'group': (string);
  /**
   * Member id from JoinGroup.
   */
  'member_id': (string);
}
