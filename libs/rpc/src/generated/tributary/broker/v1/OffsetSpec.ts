// Original file: protos/tributary/broker/v1/broker.proto

/**
 * What ListOffsets looks up. The zero value is LATEST.
 */
export const OffsetSpec = {
  /**
   * Not set: treated as OFFSET_SPEC_LATEST.
   */
  OFFSET_SPEC_UNSPECIFIED: 'OFFSET_SPEC_UNSPECIFIED',
  /**
   * The log start offset.
   */
  OFFSET_SPEC_EARLIEST: 'OFFSET_SPEC_EARLIEST',
  /**
   * The high watermark: the offset the next committed record will get.
   */
  OFFSET_SPEC_LATEST: 'OFFSET_SPEC_LATEST',
  /**
   * The first offset whose batch has max_timestamp_ms ≥ `timestamp_ms`.
   */
  OFFSET_SPEC_TIMESTAMP: 'OFFSET_SPEC_TIMESTAMP',
} as const;

/**
 * What ListOffsets looks up. The zero value is LATEST.
 */
export type OffsetSpec =
  /**
   * Not set: treated as OFFSET_SPEC_LATEST.
   */
  | 'OFFSET_SPEC_UNSPECIFIED'
  | 0
  /**
   * The log start offset.
   */
  | 'OFFSET_SPEC_EARLIEST'
  | 1
  /**
   * The high watermark: the offset the next committed record will get.
   */
  | 'OFFSET_SPEC_LATEST'
  | 2
  /**
   * The first offset whose batch has max_timestamp_ms ≥ `timestamp_ms`.
   */
  | 'OFFSET_SPEC_TIMESTAMP'
  | 3

/**
 * What ListOffsets looks up. The zero value is LATEST.
 */
export type OffsetSpec__Output = typeof OffsetSpec[keyof typeof OffsetSpec]
