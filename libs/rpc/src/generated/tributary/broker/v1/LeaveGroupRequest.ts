// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.LeaveGroup; as tributary.coord.v1.LeaveGroupRequest.
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
 * Request of BrokerService.LeaveGroup; as tributary.coord.v1.LeaveGroupRequest.
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
