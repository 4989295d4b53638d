// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.AllocateProducerId.
 */
export interface AllocateProducerIdRequest {
}

/**
 * Request of MetadataService.AllocateProducerId.
 */
export interface AllocateProducerIdRequest__Output {
}
