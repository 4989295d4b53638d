/** @tributary/log-store: partition logs of record batches, and the ordered KV port under them. */
export type { BatchOp, KvStore } from './kv/kv-store';
export { RocksStore } from './kv/rocks';
export { SimDisk } from './kv/sim-disk';
