/**
 * The payloads of the batches appended last, across every partition of a store, up to a byte
 * budget. Nearly every read is a tailing consumer or a follower asking for what was just
 * written; serving it from here spares a RocksDB iterator (three thread-pool round trips,
 * queued behind the synced writes) on the path every acks=all produce and end-to-end latency
 * wait on.
 *
 * Entries are keyed by the index entry (BatchMeta) itself, not by offset: truncation,
 * compaction and a re-append at the same offset each make a new entry, so a payload that no
 * longer matches the log can never be found. What is served from here is the buffer that was
 * checked (CRC-32C) on append and written to disk, and never read back from it; reads that miss
 * go to RocksDB and are verified there.
 */
import type { BatchMeta } from './batch-codec';

/** Default budget of a store's tail cache. */
export const TAIL_CACHE_BYTES = 64 * 1024 * 1024;

/** What an operator needs to judge the budget: how full it is and how many reads it served. */
export interface TailCacheStats {
  budgetBytes: number;
  /** Bytes held (entries for batches already removed from their log included until evicted). */
  bytes: number;
  /** Reads answered from memory, and reads that went to RocksDB because a batch was not held. */
  hits: number;
  misses: number;
}

export class TailCache {
  private readonly payloads = new WeakMap<BatchMeta, Buffer>();
  /** Insertion order, oldest first from `head`: the eviction queue. */
  private order: BatchMeta[] = [];
  private head = 0;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly budgetBytes: number = TAIL_CACHE_BYTES) {}

  /** Keeps `payload` as `m`'s, evicting the oldest entries beyond the budget. */
  add(m: BatchMeta, payload: Buffer): void {
    if (payload.length > this.budgetBytes) return;
    this.payloads.set(m, payload);
    this.order.push(m);
    this.bytes += payload.length;
    while (this.bytes > this.budgetBytes) this.evictOldest();
  }

  /** The payloads of every batch of one read, in order, or undefined unless all are held. */
  payloadsOf(picked: readonly BatchMeta[]): Buffer[] | undefined {
    const out: Buffer[] = [];
    for (const m of picked) {
      const payload = this.payloads.get(m);
      if (!payload) {
        this.misses++;
        return undefined;
      }
      out.push(payload);
    }
    this.hits++;
    return out;
  }

  get stats(): TailCacheStats {
    const { budgetBytes, bytes, hits, misses } = this;
    return { budgetBytes, bytes, hits, misses };
  }

  private evictOldest(): void {
    const m = this.order[this.head++] as BatchMeta;
    this.bytes -= this.payloads.get(m)?.length ?? 0;
    this.payloads.delete(m);
    // Drop the consumed front now and then, not on every eviction (that would be O(n) each).
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
