// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.DescribeGroups; as tributary.coord.v1.DescribeGroupsRequest.
 */
export interface DescribeGroupsRequest {
  /**
   * Group ids to describe, at least one.
   */
  'groups'?: (string)[];
}

/**
 * Request of BrokerService.DescribeGroups; as tributary.coord.v1.DescribeGroupsRequest.
 */
export interface DescribeGroupsRequest__Output {
  /**
   * Group ids to describe, at least one.
   */
  'groups': (string)[];
}
