/**
 * The Raft log, hard state and latest snapshot on a `KvStore` (RocksDB), behind the raft
 * library's synchronous `Storage` port.
 *
 * Raft reads storage synchronously, the store answers asynchronously; so every entry not yet
 * compacted is also kept in a `MemoryStorage` mirror that serves the reads, and the store is the
 * durable copy written before anything is acknowledged. On open, the mirror is rebuilt from disk
 * and every value is verified.
 *
 * Layout, format 2 (one column; keys sort by byte order; every value but the marker is sealed:
 * `[crc32c u32 BE][payload]`, the CRC-32C taken over the key and then the payload, so a value
 * that is damaged or lands under another key is detected):
 *   `f`                      format marker: ASCII `tributary-raft-log/2` (not sealed)
 *   `h`                      hard state: JSON {term, vote, commit}
 *   `i`                      incarnation: JSON number, +1 at every open (proposal ids)
 *   `m`                      snapshot metadata: JSON {index, term, confState, dataBytes, pieces}
 *   `d` + 8-byte BE index + 4-byte BE piece
 *                            the snapshot's data (the state machine image) in pieces of ≤ 1 MiB
 *   `e` + 8-byte BE index    one log entry: [type u8][term f64 BE][data…]
 *
 * Recovery invariants, each kept by writing the values together in one synced batch:
 *   - the stored commit is ≥ the snapshot index (a snapshot only holds committed state);
 *   - every stored entry above the snapshot index is contiguous from snapshot index + 1 and was
 *     never replaced (installing a snapshot deletes every entry it replaces, in its batch).
 * A snapshot's pieces are written first, each in a batch of its own (one batch of many MiB holds
 * the event loop while the binding copies it); the synced batch that switches `m` and `h` to
 * them makes them durable. Entries at or below the snapshot index and older images are cleared
 * in the background; load never reads them.
 */
import { crc32c } from '@node-rs/crc32';
import type { BatchOp, KvStore } from '@tributary/log-store';
import {
  MemoryStorage,
  type ConfState,
  type Entry,
  type HardState,
  type Snapshot,
  type Storage,
} from '@tributary/raft';

const FORMAT = Buffer.from('f');
const FORMAT_VALUE = Buffer.from('tributary-raft-log/2');
const HARD_STATE = Buffer.from('h');
const INCARNATION = Buffer.from('i');
const SNAP_META = Buffer.from('m');
const SNAP_DATA_PREFIX = 0x64; // 'd'
const ENTRY_PREFIX = 0x65; // 'e'
const ENTRY_TYPE_CODE = { normal: 0, 'conf-change': 1 } as const;

/** A stored value failed verification: the member must stop and be rebuilt from its peers. */
export class CorruptStorageError extends Error {
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(
      `raft storage key ${key}: ${problem}. This member's data directory is damaged; ` +
        'remove the member (trib cluster / ClusterService.RemoveMember), clear its data ' +
        'directory and add it again with --join so it is rebuilt from its peers',
    );
    this.name = 'CorruptStorageError';
  }
}

function indexedKey(prefix: number, index: number): Buffer {
  const key = Buffer.alloc(9);
  key[0] = prefix;
  key.writeBigUInt64BE(BigInt(index), 1);
  return key;
}

export const entryKey = (index: number) => indexedKey(ENTRY_PREFIX, index);
const IMAGE_PIECE_BYTES = 1024 * 1024;

function imagePieceKey(index: number, piece: number): Buffer {
  const key = Buffer.alloc(13);
  key[0] = SNAP_DATA_PREFIX;
  key.writeBigUInt64BE(BigInt(index), 1);
  key.writeUInt32BE(piece, 9);
  return key;
}

/** A key as people read it in errors: `h`, `e/42`, `d/40`. */
export function keyName(key: Buffer): string {
  if (key.length === 13) return `d/${key.readBigUInt64BE(1)}/${key.readUInt32BE(9)}`;
  return key.length === 9
    ? `${String.fromCharCode(key[0]!)}/${key.readBigUInt64BE(1)}`
    : key.toString();
}

export function seal(key: Buffer, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out.writeUInt32BE(crc32c(payload, crc32c(key)), 0);
  payload.copy(out, 4);
  return out;
}

export function unseal(key: Buffer, value: Buffer): Buffer {
  if (value.length < 4) throw new CorruptStorageError(keyName(key), 'value shorter than its CRC');
  const payload = value.subarray(4);
  if (crc32c(payload, crc32c(key)) !== value.readUInt32BE(0))
    throw new CorruptStorageError(keyName(key), 'CRC-32C mismatch');
  return payload;
}

export function encodeEntry(e: Entry): Buffer {
  const payload = Buffer.allocUnsafe(9 + e.data.length);
  payload[0] = ENTRY_TYPE_CODE[e.type];
  payload.writeDoubleBE(e.term, 1);
  payload.set(e.data, 9);
  return seal(entryKey(e.index), payload);
}

export function decodeEntry(index: number, value: Buffer): Entry {
  const key = entryKey(index);
  const payload = unseal(key, value);
  const typeCode = payload[0];
  if (payload.length < 9 || (typeCode !== 0 && typeCode !== 1))
    throw new CorruptStorageError(keyName(key), `unknown entry type ${typeCode}`);
  return {
    index,
    term: payload.readDoubleBE(1),
    type: typeCode === 0 ? 'normal' : 'conf-change',
    data: payload.subarray(9),
  };
}

const sealJson = (key: Buffer, value: unknown) => seal(key, Buffer.from(JSON.stringify(value)));
const unsealJson = <T>(key: Buffer, value: Buffer): T =>
  JSON.parse(unseal(key, value).toString('utf8')) as T;

export interface StorageOptions {
  /**
   * Planted bugs, for the simulator to show it catches them; never set outside tests.
   * `snapshotWithoutHardState`: snapshots write no hard state and load trusts the stored
   * commit, as format 1 did (a member then cannot restart after a snapshot).
   */
  unsafe?: { snapshotWithoutHardState?: boolean };
}

interface SnapMeta {
  index: number;
  term: number;
  confState: ConfState;
  dataBytes: number;
  pieces: number;
}

export class DurableRaftStorage implements Storage {
  /** Every batch goes through this chain, so each is built from the state the last one left. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: KvStore,
    private readonly mem: MemoryStorage,
    /** How many times this data directory has been opened, this time included. */
    readonly incarnation: number,
    private readonly options: StorageOptions,
  ) {}

  /**
   * Opens the log in `db`. An empty store starts from `bootstrap` membership (a snapshot at
   * index 1, as MemoryStorage.bootstrap does), or empty when this node joins an existing
   * cluster. Throws CorruptStorageError when a stored value fails verification.
   */
  static async open(
    db: KvStore,
    bootstrap: ConfState | null,
    options: StorageOptions = {},
  ): Promise<DurableRaftStorage> {
    try {
      const mem = new MemoryStorage();
      await loadOrInit(db, mem, bootstrap, options);
      const stored = await db.get(INCARNATION);
      const incarnation = (stored ? unsealJson<number>(INCARNATION, stored) : 0) + 1;
      await db.batch(
        [{ type: 'put', key: INCARNATION, value: sealJson(INCARNATION, incarnation) }],
        true,
      );
      return new DurableRaftStorage(db, mem, incarnation, options);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** Whether `db` holds no Raft log yet (a new or wiped data directory). */
  static async isEmpty(db: KvStore): Promise<boolean> {
    return (await db.scan(Buffer.alloc(0), Buffer.from([0xff]), 1)).length === 0;
  }

  /**
   * Writes entries (replacing any stored suffix from their first index) and the hard state in
   * one batch, synced when `sync`. The mirror is updated only after the write is durable.
   */
  persist(p: { hardState: HardState | null; entries: Entry[]; sync: boolean }): Promise<void> {
    return this.write(p.sync, () => {
      const ops: BatchOp[] = [];
      for (const e of p.entries)
        ops.push({ type: 'put', key: entryKey(e.index), value: encodeEntry(e) });
      if (p.entries.length > 0) {
        const newLast = (p.entries[p.entries.length - 1] as Entry).index;
        for (let i = newLast + 1; i <= this.mem.lastIndex(); i++)
          ops.push({ type: 'del', key: entryKey(i) });
      }
      if (p.hardState) ops.push(hardStateOp(p.hardState, this.mem.snapshot().metadata.index));
      return {
        ops,
        done: () => {
          if (p.entries.length > 0) this.mem.append(p.entries);
          if (p.hardState) this.mem.setHardState(p.hardState);
        },
      };
    });
  }

  /**
   * Installs a snapshot from the leader: the log is replaced whole. Once its image is written,
   * the metadata, the hard state and the deletion of every stored entry are one synced batch, so
   * a restart sees either the old log or the snapshot, never a mix. The hard state takes term
   * and vote from `hardState` (the same Ready's, if it has one) but commit = the snapshot index:
   * the Ready's commit may already cover entries after the snapshot that are not written yet
   * (the simulator found a member that could not restart, its commit beyond its last entry).
   */
  async installSnapshot(snapshot: Snapshot, hardState: HardState | null): Promise<void> {
    const pieces = await this.writeImage(snapshot.metadata.index, snapshot.data);
    await this.write(true, () => {
      const old = this.mem.snapshot().metadata.index;
      const hs = { ...(hardState ?? this.mem.hardStateNow()), commit: snapshot.metadata.index };
      const ops = this.switchOps(snapshot, pieces, hs);
      for (let i = old + 1; i <= this.mem.lastIndex(); i++)
        ops.push({ type: 'del', key: entryKey(i) });
      return {
        ops,
        done: () => {
          this.mem.applySnapshot(snapshot);
          this.mem.setHardState(clampCommit(hs, snapshot.metadata.index));
        },
      };
    });
    await this.clearBelow(snapshot.metadata.index);
  }

  /**
   * Records a snapshot of our own state machine at `index` and drops log entries below it from
   * memory but the last `keep.entries` (kept so that slightly slow followers catch up without
   * a snapshot), fewer if those hold more than `keep.bytes`. The image is written first; then
   * the metadata and the hard state switch to it in one small synced batch in the write chain.
   */
  async compact(
    index: number,
    confState: ConfState,
    data: Uint8Array,
    keep: { entries: number; bytes: number },
  ): Promise<void> {
    const snapshot: Snapshot = {
      metadata: { index, term: this.mem.term(index), confState },
      data,
    };
    const pieces = await this.writeImage(index, data);
    await this.write(true, () => ({
      ops: this.switchOps(snapshot, pieces, this.mem.hardStateNow()),
      done: () => {
        this.mem.createSnapshot(index, confState, data);
        this.mem.setHardState(clampCommit(this.mem.hardStateNow(), index));
        const compactTo = this.keptFrom(index, keep);
        if (compactTo > this.mem.firstIndex()) this.mem.compact(compactTo);
      },
    }));
    await this.clearBelow(index);
  }

  /** The first index kept in memory behind a snapshot at `index`. */
  private keptFrom(index: number, keep: { entries: number; bytes: number }): number {
    const from = Math.max(index - keep.entries, this.mem.firstIndex());
    if (from >= index) return index;
    let bytes = 0;
    const kept = this.mem.entries(from + 1, index + 1, Number.MAX_SAFE_INTEGER);
    for (let k = kept.length - 1; k >= 0; k--) {
      bytes += kept[k]!.data.length;
      if (bytes > keep.bytes) return kept[k]!.index;
    }
    return from;
  }

  /** Writes a snapshot image as pieces, one unsynced batch each (the switch syncs them). */
  private async writeImage(index: number, data: Uint8Array): Promise<number> {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let piece = 0;
    for (let at = 0; at < bytes.length; at += IMAGE_PIECE_BYTES, piece++) {
      const key = imagePieceKey(index, piece);
      const value = seal(key, bytes.subarray(at, at + IMAGE_PIECE_BYTES));
      await this.db.batch([{ type: 'put', key, value }], false);
    }
    return piece;
  }

  /** Points the metadata and the hard state at the image of `snapshot` (written already). */
  private switchOps(snapshot: Snapshot, pieces: number, hs: HardState): BatchOp[] {
    const ops = [metaOp(snapshot, pieces), hardStateOp(hs, snapshot.metadata.index)];
    return this.options.unsafe?.snapshotWithoutHardState ? ops.slice(0, 1) : ops;
  }

  close(): Promise<void> {
    return this.writes.then(() => this.db.close());
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

  private write(sync: boolean, build: () => { ops: BatchOp[]; done: () => void }): Promise<void> {
    const next = this.writes.then(async () => {
      const { ops, done } = build();
      await this.db.batch(ops, sync);
      done();
    });
    // A failed write fails its caller; the chain goes on for the (fatal) error path's close.
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Entries at or below a snapshot and older images are never read back (load starts above). */
  private async clearBelow(index: number): Promise<void> {
    await this.db.clear(entryKey(0), entryKey(index + 1));
    await this.db.clear(imagePieceKey(0, 0), imagePieceKey(index, 0));
  }
}

/** A hard state never records a commit below the snapshot: the snapshot holds committed state. */
function clampCommit(hs: HardState, snapshotIndex: number): HardState {
  return hs.commit >= snapshotIndex ? hs : { ...hs, commit: snapshotIndex };
}

function hardStateOp(hs: HardState, snapshotIndex: number): BatchOp {
  return {
    type: 'put',
    key: HARD_STATE,
    value: sealJson(HARD_STATE, clampCommit(hs, snapshotIndex)),
  };
}

function metaOp(snapshot: Snapshot, pieces: number): BatchOp {
  const { index, term, confState } = snapshot.metadata;
  const meta: SnapMeta = { index, term, confState, dataBytes: snapshot.data.length, pieces };
  return { type: 'put', key: SNAP_META, value: sealJson(SNAP_META, meta) };
}

async function loadOrInit(
  db: KvStore,
  mem: MemoryStorage,
  bootstrap: ConfState | null,
  options: StorageOptions,
) {
  const format = await db.get(FORMAT);
  if (format) {
    if (!format.equals(FORMAT_VALUE))
      throw new CorruptStorageError('f', `unknown format '${format.toString()}'`);
    return load(db, mem, options);
  }
  if (!(await DurableRaftStorage.isEmpty(db)))
    throw new CorruptStorageError(
      'f',
      'missing: the directory was written by an older version of Tributary (format 1)',
    );
  const ops: BatchOp[] = [{ type: 'put', key: FORMAT, value: FORMAT_VALUE }];
  if (bootstrap) {
    const seed = MemoryStorage.bootstrap(bootstrap); // an empty image: no pieces
    ops.push(metaOp(seed.snapshot(), 0), hardStateOp(seed.hardStateNow(), 1));
    mem.applySnapshot(seed.snapshot());
    mem.setHardState(seed.hardStateNow());
  }
  await db.batch(ops, true);
}

/** Rebuilds the mirror from the store, verifying every value and the recovery invariants. */
async function load(db: KvStore, mem: MemoryStorage, options: StorageOptions): Promise<void> {
  // A joiner has no snapshot until the leader sends one: its log starts at index 0.
  const metaValue = await db.get(SNAP_META);
  const meta = metaValue ? unsealJson<SnapMeta>(SNAP_META, metaValue) : undefined;
  if (meta)
    mem.applySnapshot({ metadata: snapshotMetadata(meta), data: await loadImage(db, meta) });
  const snapIndex = meta?.index ?? 0;

  const rows = await db.scan(entryKey(snapIndex + 1), entryKey(Number.MAX_SAFE_INTEGER));
  const entries: Entry[] = [];
  let prevTerm = meta?.term ?? 0;
  for (const [key, value] of rows) {
    const index = Number(key.readBigUInt64BE(1));
    const e = decodeEntry(index, value);
    if (index !== snapIndex + 1 + entries.length)
      throw new CorruptStorageError(keyName(key), `log has a gap before entry ${index}`);
    if (e.term < prevTerm)
      throw new CorruptStorageError(keyName(key), `term ${e.term} after term ${prevTerm}`);
    prevTerm = e.term;
    entries.push(e);
  }
  if (entries.length > 0) mem.append(entries);

  const hardValue = await db.get(HARD_STATE);
  if (!hardValue) {
    if (meta || entries.length > 0) throw new CorruptStorageError('h', 'missing (no hard state)');
    return;
  }
  const stored = unsealJson<HardState>(HARD_STATE, hardValue);
  const hs = options.unsafe?.snapshotWithoutHardState ? stored : clampCommit(stored, snapIndex);
  if (hs.commit > mem.lastIndex())
    throw new CorruptStorageError(
      'h',
      `commit ${hs.commit} beyond the last entry ${mem.lastIndex()}`,
    );
  if (hs.term < prevTerm)
    throw new CorruptStorageError('h', `term ${hs.term} below the last entry's term ${prevTerm}`);
  mem.setHardState(hs);
}

function snapshotMetadata(meta: SnapMeta): Snapshot['metadata'] {
  return { index: meta.index, term: meta.term, confState: meta.confState };
}

async function loadImage(db: KvStore, meta: SnapMeta): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let piece = 0; piece < meta.pieces; piece++) {
    const key = imagePieceKey(meta.index, piece);
    const value = await db.get(key);
    if (!value) throw new CorruptStorageError(keyName(key), 'missing (snapshot image piece)');
    pieces.push(unseal(key, value));
  }
  const data = Buffer.concat(pieces);
  if (data.length !== meta.dataBytes)
    throw new CorruptStorageError(
      `d/${meta.index}`,
      `${data.length} bytes in ${meta.pieces} pieces, expected ${meta.dataBytes}`,
    );
  return data;
}
