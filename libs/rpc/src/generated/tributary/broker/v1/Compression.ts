// Original file: protos/tributary/broker/v1/records.proto

/**
 * Compression codec of RecordBatch.records. The zero value is the safe default: no compression.
 */
export const Compression = {
  /**
   * Not set: treated as COMPRESSION_NONE.
   */
  COMPRESSION_UNSPECIFIED: 'COMPRESSION_UNSPECIFIED',
  /**
   * `records` is the RecordSet encoding as is.
   */
  COMPRESSION_NONE: 'COMPRESSION_NONE',
  /**
   * gzip (RFC 1952).
   */
  COMPRESSION_GZIP: 'COMPRESSION_GZIP',
  /**
   * Zstandard frame (RFC 8878).
   */
  COMPRESSION_ZSTD: 'COMPRESSION_ZSTD',
  /**
   * LZ4 frame format.
   */
  COMPRESSION_LZ4: 'COMPRESSION_LZ4',
} as const;

/**
 * Compression codec of RecordBatch.records. The zero value is the safe default: no compression.
 */
export type Compression =
  /**
   * Not set: treated as COMPRESSION_NONE.
   */
  | 'COMPRESSION_UNSPECIFIED'
  | 0
  /**
   * `records` is the RecordSet encoding as is.
   */
  | 'COMPRESSION_NONE'
  | 1
  /**
   * gzip (RFC 1952).
   */
  | 'COMPRESSION_GZIP'
  | 2
  /**
   * Zstandard frame (RFC 8878).
   */
  | 'COMPRESSION_ZSTD'
  | 3
  /**
   * LZ4 frame format.
   */
  | 'COMPRESSION_LZ4'
  | 4

/**
 * Compression codec of RecordBatch.records. The zero value is the safe default: no compression.
 */
export type Compression__Output = typeof Compression[keyof typeof Compression]
