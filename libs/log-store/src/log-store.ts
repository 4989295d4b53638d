/**
 * The partition logs of one broker over one ordered KV (RocksDB in the broker, SimDisk in the
 * simulation). Open loads the directory, every partition's state and its batch headers — not
 * the payloads — and drops index entries a state does not cover (none, unless the store was
 * written by a bug: state and data are written in one batch).
 */
import { tributaryError } from '@tributary/rpc';
import {
  batchRange,
  dataKey,
  decodeHeader,
  DIR_RANGE,
  dirKey,
  indexKey,
  STATE_RANGE,
  type BatchMeta,
} from './batch-codec';
import { GroupCommitter, type Plant } from './group-commit';
import type { BatchOp, KvStore } from './kv/kv-store';
import { emptyState, PartitionLog, type PartitionState } from './partition-log';
import { TAIL_CACHE_BYTES, TailCache, type TailCacheStats } from './tail-cache';
import { firstCorruptBatch, type VerifyCounts } from './verify';

export interface LogStoreOptions {
  /** Wall clock for append times, ms since the Unix epoch; default Date.now. */
  clock?: () => number;
  /** Test-only: a planted fault the fuzz test must catch. */
  plant?: Plant;
  /**
   * Called once when a synced write fails. The store refuses every write after it (memory is
   * ahead of disk), so the owner should stop and reopen from disk.
   */
  onWriteFailed?: (error: unknown) => void;
  /**
   * Verify every stored batch at open (see verify.ts) and truncate each partition's log at its
   * first damaged batch, which the replica then fetches again; without it a damaged index
   * header fails the open and a damaged payload fails the reads that reach it.
   */
  verify?: boolean;
  /** Told of each truncation `verify` made. */
  onCorrupt?: (c: CorruptBatch) => void;
  /** Budget of the payloads appended last, kept to serve tailing reads; default 64 MiB, 0 off. */
  tailCacheBytes?: number;
}

/** A partition log cut at a damaged batch by the verification at open. */
export interface CorruptBatch {
  topic: string;
  partition: number;
  /** Base offset of the first damaged batch: the log now ends here. */
  offset: number;
  /** The log end before the cut. */
  logEndBefore: number;
  reason: string;
}

/** What the verification at open read, and how long it took. */
export interface Verification extends VerifyCounts {
  partitions: number;
  ms: number;
  truncated: number;
}

interface DirEntry {
  id: number;
  topicId: string;
}

const partitionName = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class LogStore {
  private readonly logs = new Map<string, PartitionLog>();
  private closed = false;
  /** Set when opened with `verify`. */
  verification: Verification | undefined;

  private constructor(
    private readonly kv: KvStore,
    private readonly committer: GroupCommitter,
    private readonly clock: () => number,
    private nextId: number,
    private readonly tail: TailCache | undefined,
  ) {}

  static async open(kv: KvStore, opts: LogStoreOptions = {}): Promise<LogStore> {
    const committer = new GroupCommitter(kv, opts.plant, opts.onWriteFailed);
    const states = new Map<number, PartitionState>();
    for (const [key, value] of await kv.scan(...STATE_RANGE)) {
      states.set(key.readUInt32BE(1), JSON.parse(value.toString('utf8')) as PartitionState);
    }
    const dir = await kv.scan(...DIR_RANGE);
    let nextId = 0;
    const loaded: Array<[string, number, DirEntry]> = [];
    for (const [key, value] of dir) {
      const topic = key.toString('utf8', 1, key.length - 5);
      const partition = key.readUInt32BE(key.length - 4);
      const entry = JSON.parse(value.toString('utf8')) as DirEntry;
      loaded.push([topic, partition, entry]);
      nextId = Math.max(nextId, entry.id + 1);
    }
    const tailBytes = opts.tailCacheBytes ?? TAIL_CACHE_BYTES;
    const tail = tailBytes > 0 ? new TailCache(tailBytes) : undefined;
    const store = new LogStore(kv, committer, opts.clock ?? Date.now, nextId, tail);
    const repairs: BatchOp[] = [];
    const started = performance.now();
    const counts: VerifyCounts = { batches: 0, records: 0, bytes: 0 };
    const cuts: Array<{ log: PartitionLog; at: number; reason: string }> = [];
    for (const [topic, partition, entry] of loaded) {
      const state = states.get(entry.id) ?? emptyState();
      const { index, damaged } = await loadIndex(kv, entry.id, state, repairs, opts.verify);
      const log = new PartitionLog(
        topic,
        partition,
        entry.topicId,
        entry.id,
        state,
        index,
        store.deps(),
      );
      store.logs.set(partitionName(topic, partition), log);
      if (!opts.verify) continue;
      const found = await firstCorruptBatch(kv, entry.id, index, state, counts);
      const bad = damaged && (!found || damaged.offset <= found.offset) ? damaged : found;
      if (bad) cuts.push({ log, at: bad.offset, reason: bad.reason });
    }
    if (repairs.length > 0) await kv.batch(repairs, true);
    for (const { log, at, reason } of cuts) {
      const logEndBefore = log.logEndOffset;
      // Keys at or above the cut that the index did not load (a damaged header stopped it).
      const stray: BatchOp[] = [];
      for (const space of ['index', 'data'] as const)
        for (const [key] of await kv.scan(...batchRange(space, log.id, at)))
          stray.push({ type: 'del', key });
      await log.truncateTo(at, stray);
      opts.onCorrupt?.({
        topic: log.topic,
        partition: log.partition,
        offset: at,
        logEndBefore,
        reason,
      });
    }
    if (opts.verify)
      store.verification = {
        ...counts,
        partitions: loaded.length,
        ms: performance.now() - started,
        truncated: cuts.length,
      };
    return store;
  }

  private deps() {
    return { kv: this.kv, committer: this.committer, clock: this.clock, tail: this.tail };
  }

  /** Synced KV batches written so far (group commit makes this less than the appends). */
  get writes(): number {
    return this.committer.writes;
  }

  /** The tail cache's fill and hit counts; undefined when it is off (`tailCacheBytes: 0`). */
  get tailCache(): TailCacheStats | undefined {
    return this.tail?.stats;
  }

  /** Existing or new log for a partition; another topicId (a re-created topic) starts afresh. */
  async openPartition(topic: string, partition: number, topicId: string): Promise<PartitionLog> {
    this.checkOpen();
    const existing = this.get(topic, partition);
    if (existing && existing.topicId === topicId) return existing;
    if (existing) await this.deletePartition(topic, partition);
    const id = this.nextId++;
    const log = new PartitionLog(topic, partition, topicId, id, emptyState(), [], this.deps());
    this.logs.set(partitionName(topic, partition), log);
    const entry: DirEntry = { id, topicId };
    await this.committer.submit(
      [{ type: 'put', key: dirKey(topic, partition), value: Buffer.from(JSON.stringify(entry)) }],
      log,
    );
    return log;
  }

  get(topic: string, partition: number): PartitionLog | undefined {
    return this.logs.get(partitionName(topic, partition));
  }

  list(): PartitionLog[] {
    return [...this.logs.values()];
  }

  /** Deletes a partition's data, state and directory entry in one durable write. */
  async deletePartition(topic: string, partition: number): Promise<void> {
    this.checkOpen();
    const log = this.get(topic, partition);
    if (!log) return;
    this.logs.delete(partitionName(topic, partition));
    const ops = log.markDeleted();
    ops.push({ type: 'del', key: dirKey(topic, partition) });
    await this.committer.submit(ops, log);
  }

  /** Writes every partition's high watermark that moved since its state was last queued. */
  async checkpoint(): Promise<void> {
    this.checkOpen();
    await Promise.all(this.list().map((log) => log.checkpoint()));
  }

  /** Waits for queued writes, checkpoints the high watermarks and closes the KV. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.checkpoint();
    this.closed = true;
    await this.kv.close();
  }

  private checkOpen(): void {
    if (this.closed) throw tributaryError('SHUTTING_DOWN', 'the log store is closed');
  }
}

/**
 * The index entries a state covers (the others are queued for deletion in `repairs`). A damaged
 * header fails the open, or with `verify` ends the index there and is returned as `damaged`.
 */
async function loadIndex(
  kv: KvStore,
  id: number,
  state: PartitionState,
  repairs: BatchOp[],
  verify = false,
): Promise<{ index: BatchMeta[]; damaged?: { offset: number; reason: string } }> {
  const index: BatchMeta[] = [];
  for (const [key, value] of await kv.scan(...batchRange('index', id))) {
    const m = decodeHeader(value);
    if (typeof m === 'string' && verify) {
      const offset = Number(key.readBigUInt64BE(5));
      if (offset < state.logEnd)
        return { index, damaged: { offset, reason: `its index entry: ${m}` } };
      repairs.push({ type: 'del', key });
      continue;
    }
    if (typeof m === 'string') {
      throw tributaryError(
        'CHECKSUM_MISMATCH',
        `partition ${id}: ${m} (key ${key.toString('hex')})`,
      );
    }
    if (m.baseOffset + m.recordCount <= state.logStart || m.baseOffset >= state.logEnd) {
      repairs.push({ type: 'del', key: indexKey(id, m.baseOffset) });
      repairs.push({ type: 'del', key: dataKey(id, m.baseOffset) });
      continue;
    }
    index.push(m);
  }
  return { index };
}
