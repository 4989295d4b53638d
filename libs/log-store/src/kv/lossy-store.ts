/**
 * Test-only: a `KvStore` over RocksDB that makes a kill -9 behave like a power cut. kill -9
 * alone never tests fsync, because the OS page cache (and so RocksDB's unsynced WAL) survives
 * the process; here a batch written with sync=false, and every clear, is held in memory — visible
 * to get/scan at once — and reaches RocksDB only inside the next synced batch (the held ops
 * first, in order, in the same atomic RocksDB batch). A kill -9 then loses exactly the writes no
 * fsync covered.
 *
 * Simplification: after a real power cut RocksDB keeps some prefix of the unsynced WAL; we keep
 * none, the harshest outcome the contract allows. A clean close writes everything held (a clean
 * exit keeps the page cache).
 *
 * `ignoreSync` plants a lying disk: synced batches are held too, so acknowledged writes vanish
 * on kill -9. The crash tests must catch it.
 */
import type { BatchOp, KvStore } from './kv-store';

const hex = (b: Buffer) => b.toString('hex');

/** Held writes: the last put/del of each key, and the ranges cleared before them. */
class Layer {
  /** hex key → value, or null for a deletion. */
  readonly entries = new Map<string, Buffer | null>();
  /** [gte, lt) in hex; a key in one and not in `entries` is gone. */
  readonly cleared: Array<[string, string]> = [];

  apply(ops: readonly BatchOp[]): void {
    for (const o of ops)
      this.entries.set(hex(o.key), o.type === 'put' ? Buffer.from(o.value) : null);
  }

  clear(gte: string, lt: string): void {
    for (const k of [...this.entries.keys()]) if (k >= gte && k < lt) this.entries.delete(k);
    this.cleared.push([gte, lt]);
  }

  /** What this layer says of `key`: a value, null (gone), or undefined (ask the layer below). */
  lookup(key: string): Buffer | null | undefined {
    const e = this.entries.get(key);
    if (e !== undefined) return e;
    return this.cleared.some(([g, l]) => key >= g && key < l) ? null : undefined;
  }

  /** Whether any held write falls in [gte, lt). */
  touches(gte: string, lt: string): boolean {
    if (this.cleared.some(([g, l]) => g < lt && gte < l)) return true;
    for (const k of this.entries.keys()) if (k >= gte && k < lt) return true;
    return false;
  }

  get empty(): boolean {
    return this.entries.size === 0 && this.cleared.length === 0;
  }
}

export interface LossyOptions {
  /** Planted bug: synced batches are held as well (the disk lies about fsync). */
  ignoreSync?: boolean;
}

export class LossyStore implements KvStore {
  /** Newest last: `top` takes new writes; `frozen` layers are being (or wait to be) written. */
  private top = new Layer();
  private frozen: Layer[] = [];
  /** Writes to the store below, one at a time in order. */
  private chain: Promise<void> = Promise.resolve();
  /** Bumped whenever the store below changes, so a read can tell it raced a write. */
  private epoch = 0;

  constructor(
    private readonly inner: KvStore,
    private readonly options: LossyOptions = {},
  ) {}

  /** Writes not yet on the store below, for tests. */
  get heldKeys(): number {
    return [this.top, ...this.frozen].reduce((n, l) => n + l.entries.size + l.cleared.length, 0);
  }

  batch(ops: BatchOp[], sync: boolean): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    if (!sync || this.options.ignoreSync) {
      this.top.apply(ops);
      return Promise.resolve();
    }
    return this.flush(ops);
  }

  /** Freezes what is held and writes it, then `ops`, in one synced batch after earlier ones. */
  private flush(ops: readonly BatchOp[]): Promise<void> {
    const layer = this.top;
    this.top = new Layer();
    this.frozen.push(layer);
    const next = this.chain.then(async () => {
      const all = await this.expand(layer);
      all.push(...ops);
      try {
        await this.inner.batch(all, true);
      } finally {
        // Whether or not it was written, the layer no longer describes the store below.
        this.frozen.splice(this.frozen.indexOf(layer), 1);
        this.epoch++;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** A layer as batch ops on the store below: its clears as deletions of the keys there. */
  private async expand(layer: Layer): Promise<BatchOp[]> {
    const ops: BatchOp[] = [];
    for (const [gte, lt] of layer.cleared)
      for (const [key] of await this.inner.scan(Buffer.from(gte, 'hex'), Buffer.from(lt, 'hex')))
        ops.push({ type: 'del', key });
    for (const [k, v] of layer.entries) {
      const key = Buffer.from(k, 'hex');
      ops.push(v === null ? { type: 'del', key } : { type: 'put', key, value: v });
    }
    return ops;
  }

  /** Layers newest first. */
  private layers(): Layer[] {
    return [this.top, ...[...this.frozen].reverse()];
  }

  /** Reads the store below until no write of ours changed it meanwhile. */
  private async stable<T>(read: () => Promise<T>): Promise<T> {
    for (;;) {
      const at = this.epoch;
      const value = await read();
      if (at === this.epoch) return value;
    }
  }

  async get(key: Buffer): Promise<Buffer | undefined> {
    const k = hex(key);
    for (const layer of this.layers()) {
      const v = layer.lookup(k);
      if (v !== undefined) return v === null ? undefined : Buffer.from(v);
    }
    // Held writes may change while the read waits: look at them again once it is back.
    const below = await this.stable(() => this.inner.get(key));
    for (const layer of this.layers()) {
      const v = layer.lookup(k);
      if (v !== undefined) return v === null ? undefined : Buffer.from(v);
    }
    return below;
  }

  async scan(gte: Buffer, lt: Buffer, limit?: number): Promise<Array<[Buffer, Buffer]>> {
    const g = hex(gte);
    const l = hex(lt);
    const wanted = limit !== undefined && limit >= 0 ? limit : Infinity;
    const touched = () => this.layers().some((layer) => layer.touches(g, l));
    // Nothing held in range: the store below answers alone, limit and all.
    if (!touched()) {
      const rows = await this.stable(() => this.inner.scan(gte, lt, limit));
      if (!touched()) return rows;
    }
    const below = await this.stable(() => this.inner.scan(gte, lt));
    const merged = new Map<string, Buffer>();
    for (const [k, v] of below) merged.set(hex(k), v);
    for (const layer of this.layers().reverse()) {
      for (const [cg, cl] of layer.cleared)
        for (const k of [...merged.keys()]) if (k >= cg && k < cl) merged.delete(k);
      for (const [k, v] of layer.entries) {
        if (k < g || k >= l) continue;
        if (v === null) merged.delete(k);
        else merged.set(k, Buffer.from(v));
      }
    }
    return [...merged.keys()]
      .sort()
      .slice(0, wanted)
      .map((k) => [Buffer.from(k, 'hex'), merged.get(k)!]);
  }

  /** Held like an unsynced write (RocksDB's range deletion is not synced either). */
  async clear(gte: Buffer, lt: Buffer): Promise<void> {
    this.top.clear(hex(gte), hex(lt));
  }

  /** A clean close writes what is held (a clean exit keeps the page cache). */
  async close(): Promise<void> {
    if (!this.top.empty) await this.flush([]);
    await this.chain;
    await this.inner.close();
  }
}

/** The faults `TRIBUTARY_TEST_STORAGE_FAULTS` asks for, or undefined when it is unset. */
export function storageFaultsFromEnv(
  value = process.env['TRIBUTARY_TEST_STORAGE_FAULTS'],
): LossyOptions | undefined {
  if (!value) return undefined;
  const modes = value.split(',').map((m) => m.trim());
  for (const m of modes)
    if (m !== 'lose-unsynced' && m !== 'ignore-sync')
      throw new Error(
        `TRIBUTARY_TEST_STORAGE_FAULTS: unknown mode '${m}' (lose-unsynced, ignore-sync)`,
      );
  if (!modes.includes('lose-unsynced'))
    throw new Error('TRIBUTARY_TEST_STORAGE_FAULTS: ignore-sync needs lose-unsynced');
  return { ignoreSync: modes.includes('ignore-sync') };
}
