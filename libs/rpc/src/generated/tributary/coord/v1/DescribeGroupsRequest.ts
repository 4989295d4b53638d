// Original file: protos/tributary/coord/v1/metadata.proto


/**
 * Request of MetadataService.DescribeGroups.
 */
export interface DescribeGroupsRequest {
  /**
   * Group ids to describe, at least one.
   */
  'groups'?: (string)[];
}

/**
 * Request of MetadataService.DescribeGroups.
 */
export interface DescribeGroupsRequest__Output {
  /**
   * Group ids to describe, at least one.
   */
  'groups': (string)[];
}
