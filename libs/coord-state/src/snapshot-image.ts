// The snapshot image: the state machine as bytes, in a versioned, framed, language-neutral
// format (byte by byte in docs/snapshot-format.md), built incrementally so the shell can spread
// the work over event-loop turns while apply goes on.
//
//   image    = header frame+            (META first, END last, sections in type order)
//   header   = magic "TRIBSNAP" (54 52 49 42 53 4e 41 50)  version:u32be (= 1)
//   frame    = crc32c:u32be  type:u8  length:u32be  body[length]
//              crc32c = CRC-32C (Castagnoli) of type, length and body (the frame's bytes 4..)
//   uvarint  = unsigned LEB128 of an integer 0 ≤ n < 2^53, at most 8 bytes
//   str      = uvarint UTF-8 byte length, bytes;  bytes = uvarint length, raw bytes
//
//   type  body
//   01    META      uvarint × 14: appliedIndex revision compactRevision nodeCount sessionCount
//                   lockKeyCount eventCount, then the 7 options (watchHistoryRevisions
//                   watchHistoryBytes sessionTtlMsDefault sessionTtlMsMin sessionTtlMsMax
//                   sessionsMax nodesMax)
//   02    SESSIONS  count:u32be, count × (uvarint id, uvarint ttlMs)
//   03    NODES     count:u32be, count × (str path, uvarint version cversion createRevision
//                   modRevision ephemeralOwner, bytes data); the root first, parents before
//                   children
//   04    LOCKS     count:u32be, count × (str name, uvarint lastToken, str key); one record
//                   per queued key, a lock's records adjacent and in queue order (holder first)
//   05    EVENTS    count:u32be, count × (u8 type 1 CREATED | 2 UPDATED | 3 DELETED, uvarint
//                   revision, str path, uvarint × 7 stat: version cversion createRevision
//                   modRevision ephemeralOwner numChildren dataLength, bytes data); in history
//                   order
//   ff    END       empty
//
// Point in time: `encodeSnapshotIncrementally` captures a SnapshotView (snapshot.ts) when it is
// called — a copy-on-write view of the tree (node-tree.ts TreeView), a range of the append-only
// watch history, copies of the sessions and lock queues — and the chunks it yields encode that
// view however many entries are applied in between.
//
// The core does no I/O and links no native code, so the CRC-32C function is the caller's (in
// the coordinator, `crc32c` of @node-rs/crc32); it is checked against the standard check value.
// Decoding never throws on bad bytes: it returns a SnapshotDecodeError with a code and offset.

import { AssertionError, assert } from './assert';
import { Malformed, Reader } from './command-codec';
import { type CoordOptions } from './options';
import { DATA_BYTES_MAX, ROOT_PATH, checkPath } from './paths';
import {
  type CoordSnapshot,
  type LockRecord,
  type NodeRecord,
  SNAPSHOT_FORMAT,
  type SessionRecord,
  type SnapshotView,
} from './snapshot';
import { CoordStateMachine } from './state-machine';
import type { WatchEvent, WatchEventType } from './watch-history';

/** "TRIBSNAP" (54 52 49 42 53 4e 41 50): the first 8 bytes of every image. */
export const SNAPSHOT_IMAGE_MAGIC: Readonly<Uint8Array> = new TextEncoder().encode('TRIBSNAP');
export const SNAPSHOT_IMAGE_VERSION = 1;
const HEADER_BYTES = 12;
const FRAME_HEADER_BYTES = 9;
/** Decoders refuse bigger frames; the encoder's stay far below (chunkBytesMax + 1 record). */
export const SNAPSHOT_FRAME_BODY_BYTES_MAX = 16 * 1024 * 1024;

const T_META = 0x01;
const T_SESSIONS = 0x02;
const T_NODES = 0x03;
const T_LOCKS = 0x04;
const T_EVENTS = 0x05;
const T_END = 0xff;
const SECTION_NAMES: Record<number, string> = {
  [T_META]: 'META',
  [T_SESSIONS]: 'SESSIONS',
  [T_NODES]: 'NODES',
  [T_LOCKS]: 'LOCKS',
  [T_EVENTS]: 'EVENTS',
  [T_END]: 'END',
};
const OPTION_KEYS: ReadonlyArray<keyof CoordOptions> = [
  'watchHistoryRevisions',
  'watchHistoryBytes',
  'sessionTtlMsDefault',
  'sessionTtlMsMin',
  'sessionTtlMsMax',
  'sessionsMax',
  'nodesMax',
];
const EVENT_TYPES: readonly WatchEventType[] = ['CREATED', 'UPDATED', 'DELETED'];

/** CRC-32C (Castagnoli) of `data`, e.g. `crc32c` of @node-rs/crc32. */
export type Crc32c = (data: Uint8Array) => number;

export interface SnapshotEncodeOptions {
  crc32c: Crc32c;
  /** A frame (= a chunk) closes after this many records; default 1,000. */
  chunkRecordsMax?: number;
  /** ...or once its body reaches this many bytes (one record may cross it); default 256 KiB. */
  chunkBytesMax?: number;
}

/** The chunks of one image, in order; concatenated they are the image. */
export interface SnapshotImageChunks extends Generator<Uint8Array, void, undefined> {
  /** The Raft index the image is at: the state machine's appliedIndex when it was captured. */
  readonly appliedIndex: number;
  readonly revision: number;
  readonly nodeCount: number;
}

export type SnapshotDecodeErrorCode =
  | 'BAD_MAGIC'
  | 'UNSUPPORTED_VERSION'
  | 'TRUNCATED'
  | 'CHECKSUM_MISMATCH'
  | 'MALFORMED'
  | 'INCONSISTENT';

export interface SnapshotDecodeError {
  readonly code: SnapshotDecodeErrorCode;
  readonly message: string;
  /** Byte offset in the image where the problem was found. */
  readonly offset: number;
}

export type SnapshotDecodeResult =
  { ok: true; value: CoordStateMachine } | { ok: false; error: SnapshotDecodeError };

const utf8 = new TextEncoder();
const CHECK_INPUT = utf8.encode('123456789');

function checkCrc(crc32c: Crc32c): void {
  assert(
    typeof crc32c === 'function' && crc32c(CHECK_INPUT) >>> 0 === 0xe3069283,
    'the crc32c function computes CRC-32C (Castagnoli)',
  );
}

/** True when `bytes` starts with the image magic (tells an image from an older format). */
export function isSnapshotImage(bytes: Uint8Array): boolean {
  if (bytes.length < SNAPSHOT_IMAGE_MAGIC.length) return false;
  for (let i = 0; i < SNAPSHOT_IMAGE_MAGIC.length; i++) {
    if (bytes[i] !== SNAPSHOT_IMAGE_MAGIC[i]) return false;
  }
  return true;
}

// ---- encoding ----

function uvarintBytes(n: number): number {
  let k = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    k++;
  }
  return k;
}

/** A growable buffer that writes frames; `take` hands out what was written and starts over. */
class ChunkWriter {
  private buf: Uint8Array;
  pos = 0;
  private frameAt = -1;

  constructor(
    capacity: number,
    private readonly crc32c: Crc32c,
  ) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  u8(n: number): void {
    this.ensure(1);
    this.buf[this.pos++] = n;
  }

  u32(n: number): void {
    this.ensure(4);
    this.patchU32(this.pos, n);
    this.pos += 4;
  }

  patchU32(at: number, n: number): void {
    assert(Number.isInteger(n) && n >= 0 && n <= 0xffffffff, 'a u32 fits 32 bits');
    this.buf[at] = n >>> 24;
    this.buf[at + 1] = (n >>> 16) & 0xff;
    this.buf[at + 2] = (n >>> 8) & 0xff;
    this.buf[at + 3] = n & 0xff;
  }

  uvarint(n: number): void {
    assert(Number.isSafeInteger(n) && n >= 0, 'image integers are safe and non-negative');
    this.ensure(8);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }

  bytes(b: Uint8Array): void {
    this.uvarint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** UTF-8 with a minimal length prefix: UTF-8 is at least as long as UTF-16 units. */
  str(s: string): void {
    const guess = uvarintBytes(s.length);
    this.ensure(8 + s.length * 3);
    const { written } = utf8.encodeInto(s, this.buf.subarray(this.pos + guess));
    const need = uvarintBytes(written);
    if (need !== guess) {
      this.buf.copyWithin(this.pos + need, this.pos + guess, this.pos + guess + written);
    }
    this.uvarint(written);
    this.pos += written;
  }

  beginFrame(type: number): void {
    assert(this.frameAt < 0, 'frames do not nest');
    this.ensure(FRAME_HEADER_BYTES);
    this.frameAt = this.pos;
    this.buf[this.pos + 4] = type;
    this.pos += FRAME_HEADER_BYTES;
  }

  endFrame(): void {
    const at = this.frameAt;
    assert(at >= 0, 'a frame was begun');
    const length = this.pos - at - FRAME_HEADER_BYTES;
    assert(length <= SNAPSHOT_FRAME_BODY_BYTES_MAX, 'frame bodies stay within the bound');
    this.patchU32(at + 5, length);
    this.patchU32(at, this.crc32c(this.buf.subarray(at + 4, this.pos)) >>> 0);
    this.frameAt = -1;
  }

  discardFrame(): void {
    assert(this.frameAt >= 0, 'a frame was begun');
    this.pos = this.frameAt;
    this.frameAt = -1;
  }

  take(): Uint8Array {
    assert(this.frameAt < 0, 'chunks hold whole frames');
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}

interface Limits {
  recordsMax: number;
  bytesMax: number;
}

/**
 * Frames of records, each frame one chunk: `writeNext` writes the next record and returns true,
 * or returns false when there are no more.
 */
function* recordFrames(
  w: ChunkWriter,
  type: number,
  writeNext: () => boolean,
  limits: Limits,
): Generator<Uint8Array, void, undefined> {
  for (;;) {
    w.beginFrame(type);
    const countAt = w.pos;
    w.u32(0);
    let k = 0;
    let more = true;
    while (k < limits.recordsMax && w.pos - countAt < limits.bytesMax) {
      more = writeNext();
      if (!more) break;
      k++;
    }
    if (k === 0) {
      w.discardFrame();
      return;
    }
    w.patchU32(countAt, k);
    w.endFrame();
    yield w.take();
    if (!more) return;
  }
}

/** `count` records written by index. */
function indexed(count: number, write: (i: number) => void): () => boolean {
  let i = 0;
  return () => {
    if (i >= count) return false;
    write(i++);
    return true;
  };
}

function writeMeta(w: ChunkWriter, v: SnapshotView): void {
  w.beginFrame(T_META);
  w.uvarint(v.appliedIndex);
  w.uvarint(v.revision);
  w.uvarint(v.compactRevision);
  w.uvarint(v.tree.size);
  w.uvarint(v.sessions.length / 2);
  w.uvarint(lockKeyCount(v.locks));
  w.uvarint(v.eventsEnd - v.eventsStart);
  for (const key of OPTION_KEYS) w.uvarint(v.options[key]);
  w.endFrame();
}

function lockKeyCount(locks: readonly LockRecord[]): number {
  let n = 0;
  for (const l of locks) n += l.keys.length;
  return n;
}

function* imageChunks(
  v: SnapshotView,
  w: ChunkWriter,
  limits: Limits,
): Generator<Uint8Array, void, undefined> {
  try {
    yield* imageFrames(v, w, limits);
  } finally {
    v.tree.close();
  }
}

function* imageFrames(
  v: SnapshotView,
  w: ChunkWriter,
  limits: Limits,
): Generator<Uint8Array, void, undefined> {
  // The header and META share the first chunk.
  for (const b of SNAPSHOT_IMAGE_MAGIC) w.u8(b);
  w.u32(SNAPSHOT_IMAGE_VERSION);
  writeMeta(w, v);
  yield w.take();
  yield* recordFrames(
    w,
    T_SESSIONS,
    indexed(v.sessions.length / 2, (i) => {
      w.uvarint(v.sessions[2 * i]);
      w.uvarint(v.sessions[2 * i + 1]);
    }),
    limits,
  );
  const writeNode = (): boolean => {
    const next = v.tree.next();
    if (next === undefined) return false;
    const [path, n] = next;
    w.str(path);
    w.uvarint(n.version);
    w.uvarint(n.cversion);
    w.uvarint(n.createRevision);
    w.uvarint(n.modRevision);
    w.uvarint(n.ephemeralOwner);
    w.bytes(n.data);
    return true;
  };
  yield* recordFrames(w, T_NODES, writeNode, limits);
  assert(!v.tree.isOpen, 'the tree view is exhausted');
  let lock = 0;
  let key = 0;
  const writeLockKey = (): boolean => {
    const l = v.locks[lock];
    if (l === undefined) return false;
    w.str(l.name);
    w.uvarint(l.lastToken);
    w.str(l.keys[key++]);
    if (key === l.keys.length) [lock, key] = [lock + 1, 0];
    return true;
  };
  yield* recordFrames(w, T_LOCKS, writeLockKey, limits);
  yield* recordFrames(
    w,
    T_EVENTS,
    indexed(v.eventsEnd - v.eventsStart, (i) => writeEvent(w, v.events[v.eventsStart + i])),
    limits,
  );
  w.beginFrame(T_END);
  w.endFrame();
  yield w.take();
}

function writeEvent(w: ChunkWriter, e: WatchEvent): void {
  w.u8(EVENT_TYPES.indexOf(e.type) + 1);
  w.uvarint(e.revision);
  w.str(e.path);
  const s = e.stat;
  w.uvarint(s.version);
  w.uvarint(s.cversion);
  w.uvarint(s.createRevision);
  w.uvarint(s.modRevision);
  w.uvarint(s.ephemeralOwner);
  w.uvarint(s.numChildren);
  w.uvarint(s.dataLength);
  w.bytes(e.data);
}

/**
 * Captures the state machine now and returns a generator of the image's chunks: each `next()`
 * encodes one frame of at most `chunkRecordsMax` records / about `chunkBytesMax` bytes. `sm`
 * may keep applying entries between chunks; the image is of the state at this call
 * (`appliedIndex`). The capture is O(1) for the tree and history (copy-on-write) and copies
 * sessions and lock queues. One build at a time per state machine: starting another closes
 * this one (its next `next()` throws). Finish it, or call `return()` to abandon it (a
 * `for...of` that breaks does), so the tree stops saving pre-images for it.
 */
export function encodeSnapshotIncrementally(
  sm: CoordStateMachine,
  options: SnapshotEncodeOptions,
): SnapshotImageChunks {
  checkCrc(options.crc32c);
  const limits: Limits = {
    recordsMax: options.chunkRecordsMax ?? 1000,
    bytesMax: options.chunkBytesMax ?? 256 * 1024,
  };
  assert(Number.isSafeInteger(limits.recordsMax) && limits.recordsMax >= 1, 'chunkRecordsMax >= 1');
  assert(
    Number.isSafeInteger(limits.bytesMax) && limits.bytesMax >= 1 && limits.bytesMax <= 8 << 20,
    'chunkBytesMax in [1, 8 MiB]',
  );
  const view = sm.captureView();
  const w = new ChunkWriter(Math.min(limits.bytesMax, 1 << 20) + 4096, options.crc32c);
  const gen = imageChunks(view, w, limits);
  const stop = gen.return.bind(gen);
  return Object.assign(gen, {
    appliedIndex: view.appliedIndex,
    revision: view.revision,
    nodeCount: view.tree.size,
    /** Abandons the build: closes the tree view even if no chunk was taken yet. */
    return(value: void): IteratorResult<Uint8Array, void> {
      view.tree.close();
      return stop(value);
    },
  });
}

/** The whole image at once (tests, small states): the chunks concatenated. */
export function encodeSnapshot(sm: CoordStateMachine, options: SnapshotEncodeOptions): Uint8Array {
  const chunks = [...encodeSnapshotIncrementally(sm, options)];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---- decoding ----

class DecodeFailure extends Error {
  constructor(
    readonly code: SnapshotDecodeErrorCode,
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Meta {
  appliedIndex: number;
  revision: number;
  compactRevision: number;
  nodeCount: number;
  sessionCount: number;
  lockKeyCount: number;
  eventCount: number;
  options: CoordOptions;
}

interface Parts {
  /** Lock names seen, to refuse a lock whose keys are not adjacent. */
  lockNames: Set<string>;
  sessions: SessionRecord[];
  nodes: NodeRecord[];
  locks: LockRecord[];
  events: WatchEvent[];
}

function readMeta(r: Reader): Meta {
  const n = (): number => r.safeUvarint();
  const meta = {
    appliedIndex: n(),
    revision: n(),
    compactRevision: n(),
    nodeCount: n(),
    sessionCount: n(),
    lockKeyCount: n(),
    eventCount: n(),
  };
  const options = {} as CoordOptions;
  for (const key of OPTION_KEYS) options[key] = n();
  if (meta.nodeCount < 1) throw new Malformed('an image holds at least the root node');
  if (meta.compactRevision > meta.revision) throw new Malformed('compactRevision > revision');
  return { ...meta, options };
}

const EMPTY = new Uint8Array(0);

/** A copy of the next `bytes`; empty data (directories, DELETED events) shares one array. */
function readData(r: Reader): Uint8Array {
  return r.bytes(EMPTY);
}

function readNode(r: Reader, parts: Parts): void {
  const path = r.str();
  const bad = checkPath(path);
  if (bad !== undefined) throw new Malformed(bad.message);
  const first = parts.nodes.length === 0;
  if (first !== (path === ROOT_PATH)) throw new Malformed('the root is the first node, once');
  const version = r.safeUvarint();
  const cversion = r.safeUvarint();
  const createRevision = r.safeUvarint();
  const modRevision = r.safeUvarint();
  const ephemeralOwner = r.safeUvarint();
  const data = readData(r);
  if (data.length > DATA_BYTES_MAX) throw new Malformed(`'${path}' holds more than 1 MiB`);
  if (first && (createRevision !== 0 || ephemeralOwner !== 0)) {
    throw new Malformed('the root has create revision 0 and no owner');
  }
  parts.nodes.push({
    path,
    data,
    version,
    cversion,
    createRevision,
    modRevision,
    ephemeralOwner,
  });
}

function readLockKey(r: Reader, parts: Parts): void {
  const name = r.str();
  const lastToken = r.safeUvarint();
  const key = r.str();
  const bad = checkPath(name) ?? checkPath(key);
  if (bad !== undefined) throw new Malformed(bad.message);
  const last = parts.locks[parts.locks.length - 1];
  if (last !== undefined && last.name === name) {
    if (last.lastToken !== lastToken) throw new Malformed(`lock '${name}' has two last tokens`);
    last.keys.push(key);
    return;
  }
  if (parts.lockNames.has(name)) throw new Malformed(`the keys of lock '${name}' are not adjacent`);
  parts.lockNames.add(name);
  parts.locks.push({ name, keys: [key], lastToken });
}

function readEvent(r: Reader, meta: Meta, parts: Parts): void {
  const type = EVENT_TYPES[r.u8() - 1];
  if (type === undefined) throw new Malformed('unknown event type');
  const revision = r.safeUvarint();
  if (revision <= meta.compactRevision || revision > meta.revision) {
    throw new Malformed(`event revision ${revision} is outside the retained history`);
  }
  const path = r.str();
  const bad = checkPath(path);
  if (bad !== undefined) throw new Malformed(bad.message);
  const n = (): number => r.safeUvarint();
  const stat = {
    version: n(),
    cversion: n(),
    createRevision: n(),
    modRevision: n(),
    ephemeralOwner: n(),
    numChildren: n(),
    dataLength: n(),
  };
  const data = readData(r);
  if (data.length > DATA_BYTES_MAX) throw new Malformed('an event holds more than 1 MiB');
  parts.events.push({ type, path, data, stat, revision });
}

function readRecords(r: Reader, type: number, meta: Meta, parts: Parts): void {
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    if (type === T_SESSIONS) parts.sessions.push({ id: r.safeUvarint(), ttlMs: r.safeUvarint() });
    else if (type === T_NODES) readNode(r, parts);
    else if (type === T_LOCKS) readLockKey(r, parts);
    else readEvent(r, meta, parts);
  }
}

interface Frame {
  type: number;
  body: Uint8Array;
  bodyAt: number;
  end: number;
}

function readFrame(bytes: Uint8Array, at: number, crc32c: Crc32c): Frame {
  if (bytes.length - at < FRAME_HEADER_BYTES) {
    throw new DecodeFailure(
      'TRUNCATED',
      at === bytes.length ? 'the image ends before its END frame' : 'a frame header is cut off',
      at,
    );
  }
  const head = new Reader(bytes.subarray(at, at + FRAME_HEADER_BYTES));
  const crc = head.u32();
  const type = head.u8();
  const length = head.u32();
  if (length > SNAPSHOT_FRAME_BODY_BYTES_MAX) {
    throw new DecodeFailure('MALFORMED', `a frame claims ${length} bytes, above the bound`, at);
  }
  const end = at + FRAME_HEADER_BYTES + length;
  if (end > bytes.length) {
    throw new DecodeFailure('TRUNCATED', `a frame of ${length} bytes is cut off`, at);
  }
  if (crc32c(bytes.subarray(at + 4, end)) >>> 0 !== crc) {
    throw new DecodeFailure('CHECKSUM_MISMATCH', 'a frame fails its CRC-32C', at);
  }
  return { type, body: bytes.subarray(at + FRAME_HEADER_BYTES, end), bodyAt: end - length, end };
}

function readHeader(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, SNAPSHOT_IMAGE_MAGIC.length);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== SNAPSHOT_IMAGE_MAGIC[i]) {
      throw new DecodeFailure('BAD_MAGIC', 'not a snapshot image (no TRIBSNAP magic)', i);
    }
  }
  if (bytes.length < HEADER_BYTES) {
    throw new DecodeFailure('TRUNCATED', 'the image header is cut off', bytes.length);
  }
  const version = new Reader(bytes.subarray(8, HEADER_BYTES)).u32();
  if (version !== SNAPSHOT_IMAGE_VERSION) {
    throw new DecodeFailure(
      'UNSUPPORTED_VERSION',
      `snapshot image version ${version} is not supported (only ${SNAPSHOT_IMAGE_VERSION})`,
      8,
    );
  }
}

/** Parses every frame into plain records; checks structure, not yet the state's invariants. */
function readImage(bytes: Uint8Array, crc32c: Crc32c): { meta: Meta; parts: Parts } {
  readHeader(bytes);
  let at = HEADER_BYTES;
  let meta: Meta | undefined;
  let last = 0;
  const parts: Parts = { lockNames: new Set(), sessions: [], nodes: [], locks: [], events: [] };
  for (;;) {
    const f = readFrame(bytes, at, crc32c);
    const r = new Reader(f.body);
    try {
      const name = SECTION_NAMES[f.type];
      if (name === undefined) throw new Malformed(`unknown frame type 0x${f.type.toString(16)}`);
      if ((meta === undefined) !== (f.type === T_META) || f.type < last) {
        throw new Malformed(`a ${name} frame out of order`);
      }
      last = f.type;
      if (f.type === T_META) meta = readMeta(r);
      else if (f.type !== T_END) readRecords(r, f.type, meta!, parts);
      if (!r.done)
        throw new Malformed(`${f.body.length - r.pos} trailing bytes in a ${name} frame`);
    } catch (e) {
      if (e instanceof Malformed) throw new DecodeFailure('MALFORMED', e.message, f.bodyAt + r.pos);
      throw e;
    }
    at = f.end;
    if (f.type === T_END) break;
  }
  if (at !== bytes.length) {
    throw new DecodeFailure('MALFORMED', `${bytes.length - at} bytes after the END frame`, at);
  }
  checkCounts(meta!, parts, at);
  return { meta: meta!, parts };
}

function checkCounts(meta: Meta, p: Parts, at: number): void {
  const got = [p.nodes.length, p.sessions.length, lockKeyCount(p.locks), p.events.length];
  const want = [meta.nodeCount, meta.sessionCount, meta.lockKeyCount, meta.eventCount];
  if (got.some((n, i) => n !== want[i])) {
    throw new DecodeFailure(
      'MALFORMED',
      `META counts nodes/sessions/lock keys/events ${want.join('/')}, ` +
        `the frames hold ${got.join('/')}`,
      at,
    );
  }
}

/**
 * Restores a state machine from an image. Exact: the result equals the state machine the image
 * was encoded from (toSnapshot() and every later behaviour). Never throws on bad bytes.
 */
export function decodeSnapshot(
  bytes: Uint8Array,
  options: { crc32c: Crc32c },
): SnapshotDecodeResult {
  checkCrc(options.crc32c);
  let image: { meta: Meta; parts: Parts };
  try {
    image = readImage(bytes, options.crc32c);
  } catch (e) {
    if (e instanceof DecodeFailure) {
      return { ok: false, error: { code: e.code, message: e.message, offset: e.offset } };
    }
    throw e;
  }
  const { meta, parts } = image;
  const snap: CoordSnapshot = {
    format: SNAPSHOT_FORMAT,
    options: meta.options,
    appliedIndex: meta.appliedIndex,
    revision: meta.revision,
    nodes: parts.nodes,
    sessions: parts.sessions,
    locks: parts.locks,
    history: { compactRevision: meta.compactRevision, events: parts.events },
  };
  try {
    // The restore checks every invariant (links, owners, lock queues, revisions, options).
    return { ok: true, value: CoordStateMachine.fromSnapshot(snap) };
  } catch (e) {
    if (!(e instanceof AssertionError)) throw e;
    const message = `the image's state is inconsistent: ${e.message}`;
    return { ok: false, error: { code: 'INCONSISTENT', message, offset: HEADER_BYTES } };
  }
}
