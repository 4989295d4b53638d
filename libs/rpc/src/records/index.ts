/** Record wire-format helpers shared by producers, consumers, the broker and the log store. */
export { crc32c } from './crc';
export {
  compress,
  compressionCode,
  CompressionCode,
  compressionName,
  compressSync,
  decompress,
  decompressSync,
  hasSyncCodec,
} from './compression';
export {
  decodeRecordSet,
  encodeRecordSet,
  NO_HEADERS,
  visitRecordSet,
  type RecordEntry,
  type RecordHeader,
  type RecordVisitor,
} from './record-set';
export {
  buildBatch,
  decodeBatchRecords,
  TIMESTAMP_SKEW_MAX_MS,
  validateBatch,
  verifyRecords,
  visitBatchRecords,
  type BatchHeader,
  type BatchLimits,
  type BuildBatchOptions,
  type ProducerRecord,
} from './batch';
export type {
  RecordBatch,
  RecordBatch__Output,
} from '../generated/tributary/broker/v1/RecordBatch';
export type {
  Compression,
  Compression__Output,
} from '../generated/tributary/broker/v1/Compression';
