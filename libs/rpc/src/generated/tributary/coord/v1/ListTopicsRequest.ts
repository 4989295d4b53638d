// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.ListTopics.
 */
export interface ListTopicsRequest {
}

/**
 * Request of MetadataService.ListTopics.
 */
export interface ListTopicsRequest__Output {
}
