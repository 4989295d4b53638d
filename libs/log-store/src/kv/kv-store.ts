/**
 * The storage port the coordinator's durable code is written against: a small ordered key-value
 * store with atomic batches and a `sync` flag. RocksDB implements it in production; a model that
 * loses unsynced writes can implement it in simulation.
 */
export type BatchOp = { type: 'put'; key: Buffer; value: Buffer } | { type: 'del'; key: Buffer };

export interface KvStore {
  /** Applies every op atomically; with `sync` the write is on disk when this resolves. */
  batch(ops: BatchOp[], sync: boolean): Promise<void>;
  get(key: Buffer): Promise<Buffer | undefined>;
  /** Every [key, value] with gte ≤ key < lt, in key order (the first `limit`, if given). */
  scan(gte: Buffer, lt: Buffer, limit?: number): Promise<Array<[Buffer, Buffer]>>;
  /** Deletes every key in [gte, lt) (not atomic with anything else). */
  clear(gte: Buffer, lt: Buffer): Promise<void>;
  close(): Promise<void>;
}
