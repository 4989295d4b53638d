// Original file: protos/tributary/coord/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of MetadataService.WatchMetadata.
 */
export interface WatchMetadataRequest {
  /**
   * Send changes after this metadata revision (the last one cached); 0 = start with a full
   * snapshot.
   */
  'from_revision'?: (number | string | Long);
}

/**
 * Request of MetadataService.WatchMetadata.
 */
export interface WatchMetadataRequest__Output {
  /**
   * Send changes after this metadata revision (the last one cached); 0 = start with a full
   * snapshot.
   */
  'from_revision': (number);
}
