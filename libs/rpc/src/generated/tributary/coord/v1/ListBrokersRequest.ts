// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.ListBrokers.
 */
export interface ListBrokersRequest {
}

/**
 * Request of MetadataService.ListBrokers.
 */
export interface ListBrokersRequest__Output {
}
