/** @tributary/log-store: partition logs of record batches, and the ordered KV port under them. */
export type { BatchOp, KvStore } from './kv/kv-store';
export { RocksStore, type RocksTuning } from './kv/rocks';
export { LossyStore, storageFaultsFromEnv, type LossyOptions } from './kv/lossy-store';
export { openStore } from './kv/open-store';
export { SimDisk } from './kv/sim-disk';
export { LogStore, type CorruptBatch, type LogStoreOptions, type Verification } from './log-store';
/** The key layout, for tools that damage or inspect a stopped broker's store (testkit). */
export { batchRange, dataKey, DIR_RANGE, HEADER_BYTES } from './batch-codec';
export { PartitionLog } from './partition-log';
export type { TailCacheStats } from './tail-cache';
export { RECENT_BATCHES, SEQUENCE_MAX, lastSequence } from './producer-state';
export { storedFromWire, wireFromStored } from './wire';
export {
  FORMAT_RECORDSET,
  type EpochEntry,
  type LogConfig,
  type ProducerEntry,
  type StoredBatch,
} from './types';
