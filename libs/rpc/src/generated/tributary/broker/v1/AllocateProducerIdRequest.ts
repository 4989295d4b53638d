// Original file: protos/tributary/broker/v1/broker.proto


/**
 * Request of BrokerService.AllocateProducerId; as tributary.coord.v1.AllocateProducerIdRequest.
 */
export interface AllocateProducerIdRequest {
}

/**
 * Request of BrokerService.AllocateProducerId; as tributary.coord.v1.AllocateProducerIdRequest.
 */
export interface AllocateProducerIdRequest__Output {
}
