// Original file: protos/tributary/coord/v1/cluster.proto


/**
 * Request of ClusterService.RemoveMember.
 */
export interface RemoveMemberRequest {
  /**
   * Id of the member to remove.
   */
  'id'?: (number);
}

/**
 * Request of ClusterService.RemoveMember.
 */
export interface RemoveMemberRequest__Output {
  /**
   * Id of the member to remove.
   */
  'id': (number);
}
