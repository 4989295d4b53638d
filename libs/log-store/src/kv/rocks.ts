/**
 * A small promise face on the `rocksdb` binding: open, synced batches, point reads, ordered
 * scans and range deletes. Keys and values are Buffers.
 */
import * as fs from 'node:fs';
import rocksdb from 'rocksdb';
import type { BatchOp, KvStore } from './kv-store';

/** RocksDB knobs the binding exposes; its defaults (4 MiB memtables, 2 MiB files) suit small values. */
export interface RocksTuning {
  /** Memtable size before a flush to L0. */
  writeBufferBytes?: number;
  /** Target SST file size. */
  maxFileBytes?: number;
  /** Snappy block compression (on by default; payloads a producer compressed gain nothing). */
  compression?: boolean;
}

export class RocksStore implements KvStore {
  private constructor(private readonly db: ReturnType<typeof rocksdb>) {}

  static async open(dir: string, tuning: RocksTuning = {}): Promise<RocksStore> {
    fs.mkdirSync(dir, { recursive: true });
    const db = rocksdb(dir);
    await new Promise<void>((resolve, reject) =>
      db.open(
        {
          createIfMissing: true,
          ...(tuning.writeBufferBytes && { writeBufferSize: tuning.writeBufferBytes }),
          ...(tuning.maxFileBytes && { maxFileSize: tuning.maxFileBytes }),
          ...(tuning.compression !== undefined && { compression: tuning.compression }),
        },
        (err) =>
          err ? reject(new Error(`cannot open RocksDB at ${dir}: ${err.message}`)) : resolve(),
      ),
    );
    return new RocksStore(db);
  }

  /** Applies every op atomically; with `sync` the write is on disk (fsync) when this resolves. */
  batch(ops: BatchOp[], sync: boolean): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) =>
      this.db.batch(ops, { sync }, (err) => (err ? reject(err) : resolve())),
    );
  }

  get(key: Buffer): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(key, { asBuffer: true }, (err, value) => {
        if (err && /NotFound/i.test(err.message)) resolve(undefined);
        else if (err) reject(err);
        else resolve(value as Buffer);
      }),
    );
  }

  /** Every [key, value] with gte ≤ key < lt, in key order (the first `limit`, if given). */
  async scan(gte: Buffer, lt: Buffer, limit = -1): Promise<Array<[Buffer, Buffer]>> {
    const it = this.db.iterator({ gte, lt, limit, keyAsBuffer: true, valueAsBuffer: true });
    const out: Array<[Buffer, Buffer]> = [];
    try {
      for (;;) {
        const next = await new Promise<[Buffer, Buffer] | undefined>((resolve, reject) =>
          it.next((err, key, value) =>
            err
              ? reject(err)
              : resolve(key === undefined ? undefined : [key as Buffer, value as Buffer]),
          ),
        );
        if (!next) return out;
        out.push(next);
      }
    } finally {
      await new Promise<void>((resolve) => it.end(() => resolve()));
    }
  }

  /** Deletes every key in [gte, lt). */
  clear(gte: Buffer, lt: Buffer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.clear({ gte, lt }, (err: Error | undefined) => (err ? reject(err) : resolve())),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.close((err) => (err ? reject(err) : resolve())),
    );
  }
}
