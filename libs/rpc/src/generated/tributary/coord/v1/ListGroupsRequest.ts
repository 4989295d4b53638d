// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.ListGroups.
 */
export interface ListGroupsRequest {
}

/**
 * Request of MetadataService.ListGroups.
 */
export interface ListGroupsRequest__Output {
}
