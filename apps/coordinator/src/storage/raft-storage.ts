/**
 * The Raft log, hard state and latest snapshot on RocksDB, behind the raft library's
 * synchronous `Storage` port.
 *
 * Raft reads storage synchronously, RocksDB answers asynchronously; so every entry not yet
 * compacted is also kept in a `MemoryStorage` mirror that serves the reads, and RocksDB is the
 * durable copy written before anything is acknowledged. On open, the mirror is rebuilt from disk.
 *
 * Layout (one RocksDB column, keys sort by byte order):
 *   `h`                      hard state, JSON
 *   `m`                      snapshot metadata, JSON {index, term, confState}
 *   `d`                      snapshot data (the state machine image), raw bytes
 *   `e` + 8-byte BE index    one log entry: [type u8][term f64 BE][data…]
 */
import {
  MemoryStorage,
  type ConfState,
  type Entry,
  type HardState,
  type Snapshot,
  type Storage,
} from '@tributary/raft';
import { RocksStore, type BatchOp } from './rocks';

const HARD_STATE = Buffer.from('h');
const SNAP_META = Buffer.from('m');
const SNAP_DATA = Buffer.from('d');
const ENTRY_PREFIX = 0x65; // 'e'
const ENTRY_TYPE_CODE = { normal: 0, 'conf-change': 1 } as const;

export function entryKey(index: number): Buffer {
  const key = Buffer.alloc(9);
  key[0] = ENTRY_PREFIX;
  key.writeBigUInt64BE(BigInt(index), 1);
  return key;
}

export function encodeEntry(e: Entry): Buffer {
  const out = Buffer.allocUnsafe(9 + e.data.length);
  out[0] = ENTRY_TYPE_CODE[e.type];
  out.writeDoubleBE(e.term, 1);
  out.set(e.data, 9);
  return out;
}

export function decodeEntry(index: number, value: Buffer): Entry {
  const typeCode = value[0];
  if (typeCode !== 0 && typeCode !== 1)
    throw new Error(`log entry ${index}: unknown type ${typeCode}`);
  return {
    index,
    term: value.readDoubleBE(1),
    type: typeCode === 0 ? 'normal' : 'conf-change',
    data: value.subarray(9),
  };
}

export class DurableRaftStorage implements Storage {
  private constructor(
    private readonly db: RocksStore,
    private readonly mem: MemoryStorage,
  ) {}

  /**
   * Opens the log in `dir`. A new directory starts from `bootstrap` membership (a snapshot at
   * index 1, as MemoryStorage.bootstrap does), or empty when this node joins an existing cluster.
   */
  static async open(dir: string, bootstrap: ConfState | null): Promise<DurableRaftStorage> {
    const db = await RocksStore.open(dir);
    const storage = new DurableRaftStorage(db, new MemoryStorage());
    const meta = await db.get(SNAP_META);
    if (meta) {
      await storage.load(meta);
    } else if (bootstrap) {
      const seed = MemoryStorage.bootstrap(bootstrap);
      await storage.saveSnapshot(seed.snapshot());
      await storage.persist({ hardState: seed.hardStateNow(), entries: [], sync: true });
    }
    return storage;
  }

  private async load(meta: Buffer): Promise<void> {
    const snapshot: Snapshot = {
      metadata: JSON.parse(meta.toString('utf8')) as Snapshot['metadata'],
      data: (await this.db.get(SNAP_DATA)) ?? new Uint8Array(0),
    };
    this.mem.applySnapshot(snapshot);
    const rows = await this.db.scan(
      entryKey(snapshot.metadata.index + 1),
      entryKey(Number.MAX_SAFE_INTEGER),
    );
    const entries = rows.map(([key, value]) => decodeEntry(Number(key.readBigUInt64BE(1)), value));
    entries.forEach((e, k) => {
      if (e.index !== snapshot.metadata.index + 1 + k)
        throw new Error(`log has a gap before entry ${e.index}`);
    });
    if (entries.length > 0) this.mem.append(entries);
    const hard = await this.db.get(HARD_STATE);
    if (hard) this.mem.setHardState(JSON.parse(hard.toString('utf8')) as HardState);
  }

  /**
   * Writes entries (replacing any stored suffix from their first index) and the hard state in
   * one RocksDB batch, synced when `sync`. The mirror is updated only after the write is durable.
   */
  async persist(p: {
    hardState: HardState | null;
    entries: Entry[];
    sync: boolean;
  }): Promise<void> {
    const ops: BatchOp[] = [];
    for (const e of p.entries)
      ops.push({ type: 'put', key: entryKey(e.index), value: encodeEntry(e) });
    if (p.entries.length > 0) {
      const newLast = (p.entries[p.entries.length - 1] as Entry).index;
      for (let i = newLast + 1; i <= this.mem.lastIndex(); i++)
        ops.push({ type: 'del', key: entryKey(i) });
    }
    if (p.hardState)
      ops.push({ type: 'put', key: HARD_STATE, value: Buffer.from(JSON.stringify(p.hardState)) });
    await this.db.batch(ops, p.sync);
    if (p.entries.length > 0) this.mem.append(p.entries);
    if (p.hardState) this.mem.setHardState(p.hardState);
  }

  /** Installs a snapshot (from the leader, or our own): replaces the log up to its index. */
  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    await this.db.batch(
      [
        { type: 'put', key: SNAP_META, value: Buffer.from(JSON.stringify(snapshot.metadata)) },
        { type: 'put', key: SNAP_DATA, value: Buffer.from(snapshot.data) },
      ],
      true,
    );
    if (snapshot.metadata.index > this.mem.snapshot().metadata.index)
      this.mem.applySnapshot(snapshot);
    await this.db.clear(entryKey(0), entryKey(snapshot.metadata.index + 1));
  }

  /**
   * Records a snapshot of our own state machine at `index` and drops log entries up to
   * `index - keepEntries` (kept so that slightly slow followers catch up without a snapshot).
   */
  async compact(
    index: number,
    confState: ConfState,
    data: Uint8Array,
    keepEntries: number,
  ): Promise<void> {
    const snapshot = this.mem.createSnapshot(index, confState, data);
    await this.db.batch(
      [
        { type: 'put', key: SNAP_META, value: Buffer.from(JSON.stringify(snapshot.metadata)) },
        { type: 'put', key: SNAP_DATA, value: Buffer.from(snapshot.data) },
      ],
      true,
    );
    const compactTo = index - keepEntries;
    if (compactTo > this.mem.firstIndex()) this.mem.compact(compactTo);
    // Entries at or below the snapshot index are never read back from disk (load starts above
    // it), so their deletion need not be atomic with the snapshot.
    await this.db.clear(entryKey(0), entryKey(index + 1));
  }

  close(): Promise<void> {
    return this.db.close();
  }

  initialState() {
    return this.mem.initialState();
  }
  entries(lo: number, hi: number, maxBytes: number) {
    return this.mem.entries(lo, hi, maxBytes);
  }
  term(i: number) {
    return this.mem.term(i);
  }
  firstIndex() {
    return this.mem.firstIndex();
  }
  lastIndex() {
    return this.mem.lastIndex();
  }
  snapshot() {
    return this.mem.snapshot();
  }
}
