// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.ListGroups; as tributary.coord.v1.ListGroupsRequest.
 */
export interface ListGroupsRequest {
}

/**
 * Request of BrokerService.ListGroups; as tributary.coord.v1.ListGroupsRequest.
 */
export interface ListGroupsRequest__Output {
}
