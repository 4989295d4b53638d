// Binary codec of commands for Raft entry data: compact, versioned, hot path.
//
// Wire format v1 (all multi-byte integers are varints; no padding, no alignment):
//
//   entry    = version:u8 (= 0x01)  op:u8  body
//   uvarint  = unsigned LEB128 of a safe integer (0 ≤ n < 2^53), at most 8 bytes
//   svarint  = zigzag (n ≥ 0 → 2n, n < 0 → -2n-1) then uvarint; for versions and compare values
//   str      = uvarint byte length, then UTF-8 bytes
//   bytes    = uvarint length, then raw bytes
//   flags:u8 = bit0 ephemeral, bit1 sequential, bit2 recursive, bit7 internal (others 0)
//
//   op  body
//   01  create           flags str(path) uvarint(sessionId) bytes(data)
//   02  set              flags str(path) svarint(expectedVersion) bytes(data)
//   03  delete           flags str(path) svarint(expectedVersion)
//   04  txn              flags uvarint(n) compare*n uvarint(n) txnop*n uvarint(n) txnop*n
//   05  open-session     uvarint(ttlMs)
//   06  close-session    uvarint(sessionId)
//   07  expire-sessions  uvarint(n) uvarint(sessionId)*n
//   08  lock             flags str(name) uvarint(sessionId)
//   09  unlock           flags str(key)
//   10  metadata         str(JSON of the command: {"op":"create-topic",…}); cluster metadata
//                        is rare and small next to node traffic, and JSON keeps it readable
//                        (the state machine checks every field of it, as of any command)
//
//   compare = target:u8 (1 version, 2 cversion, 3 createRevision, 4 modRevision, 5 exists,
//             6 data) op:u8 (1 '=', 2 '!=', 3 '<', 4 '>') str(path)
//             value: svarint (targets 1-4) | u8 0/1 (exists) | bytes (data)
//   txnop   = code:u8 (01 create, 02 set, 03 delete as above, with the same body and the
//             internal bit 0; 0A get str(path); 0B list str(path))
//
// Example: {op:'create', path:'/a', data:[0x78], ephemeral:true, sequential:false,
// sessionId:300} encodes as 01 01 01 02 2f 61 ac 02 01 78.
//
// Decoding never throws: malformed bytes (truncated, trailing, unknown codes, bad UTF-8,
// oversized varints) give an INVALID_ARGUMENT error. Decoded byte fields are copies, owned by
// the command. Encoding a command whose numbers are not safe integers throws (a shell bug).

import type { Command, Compare, CompareOp, MetadataCommand, TxnOp } from './commands';
import { type Result, fail, ok } from './errors';

export const CODEC_VERSION = 1;

const OP_CODES = {
  create: 1,
  set: 2,
  delete: 3,
  txn: 4,
  'open-session': 5,
  'close-session': 6,
  'expire-sessions': 7,
  lock: 8,
  unlock: 9,
  get: 10,
  list: 11,
} as const;
/** One code for every metadata command (their body is JSON). */
const METADATA_CODE = 16;
const METADATA_OPS: ReadonlySet<string> = new Set<MetadataCommand['op']>([
  'join-group',
  'group-heartbeat',
  'leave-group',
  'expire-group-members',
  'commit-offsets',
  'register-broker',
  'create-topic',
  'delete-topic',
  'create-partitions',
  'update-topic-config',
  'alter-isr',
  'allocate-producer-id',
  'reassign-partitions',
  'add-acls',
  'remove-acls',
  'open-owned-session',
]);

const isMetadata = (op: Command | TxnOp): op is MetadataCommand => METADATA_OPS.has(op.op);

/** A cluster-metadata or consumer-group command (carried as JSON). */
export const isMetadataCommand = (cmd: Command): cmd is MetadataCommand => isMetadata(cmd);
const TARGETS = ['version', 'cversion', 'createRevision', 'modRevision', 'exists', 'data'] as const;
const CMP_OPS: readonly CompareOp[] = ['=', '!=', '<', '>'];

const F_EPHEMERAL = 1;
const F_SEQUENTIAL = 2;
const F_RECURSIVE = 4;
const F_INTERNAL = 128;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

class Writer {
  readonly buf: Uint8Array;
  pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  u8(n: number): void {
    this.buf[this.pos++] = n;
  }
  uvarint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${n} is not a uint53`);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }
  svarint(n: number): void {
    if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a safe integer`);
    // 2n may exceed 2^53 but stays an exactly representable even integer below 2^54.
    this.uvarintWide(n >= 0 ? n * 2 : -n * 2 - 1);
  }
  private uvarintWide(n: number): void {
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }
  str(s: string): void {
    if (s.length < 0x80) {
      // One length byte suffices only if the UTF-8 length < 128; reserve it, then patch.
      const at = this.pos++;
      const { written } = utf8.encodeInto(s, this.buf.subarray(this.pos));
      if (written < 0x80) {
        this.buf[at] = written;
        this.pos += written;
        return;
      }
      this.pos = at;
    }
    this.bytes(utf8.encode(s));
  }
  bytes(b: Uint8Array): void {
    this.uvarint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

/** Upper bound of the encoded size (UTF-8 ≤ 3 bytes per UTF-16 unit, varints ≤ 8 bytes). */
function sizeBound(cmd: Command | TxnOp): number {
  if (isMetadata(cmd)) return 16 + JSON.stringify(cmd).length * 3;
  switch (cmd.op) {
    case 'create':
    case 'set':
      return 32 + cmd.path.length * 3 + cmd.data.length;
    case 'delete':
    case 'get':
    case 'list':
      return 24 + cmd.path.length * 3;
    case 'txn': {
      let n = 32;
      for (const c of cmd.compares) {
        n += 24 + c.path.length * 3 + (c.value instanceof Uint8Array ? c.value.length : 0);
      }
      for (const op of cmd.success) n += sizeBound(op);
      for (const op of cmd.failure) n += sizeBound(op);
      return n;
    }
    case 'open-session':
    case 'close-session':
      return 12;
    case 'expire-sessions':
      return 12 + cmd.sessionIds.length * 8;
    case 'lock':
      return 24 + cmd.name.length * 3;
    case 'unlock':
      return 16 + cmd.key.length * 3;
  }
}

interface Flagged {
  ephemeral?: boolean;
  sequential?: boolean;
  recursive?: boolean;
  internal?: boolean;
}

function flags(op: object): number {
  const f = op as Flagged;
  return (
    (f.ephemeral ? F_EPHEMERAL : 0) |
    (f.sequential ? F_SEQUENTIAL : 0) |
    (f.recursive ? F_RECURSIVE : 0) |
    (f.internal ? F_INTERNAL : 0)
  );
}

function writeOp(w: Writer, op: Command | TxnOp): void {
  if (isMetadata(op)) {
    w.u8(METADATA_CODE);
    w.str(JSON.stringify(op));
    return;
  }
  w.u8(OP_CODES[op.op]);
  switch (op.op) {
    case 'create':
      w.u8(flags(op));
      w.str(op.path);
      w.uvarint(op.sessionId);
      w.bytes(op.data);
      return;
    case 'set':
      w.u8(flags(op));
      w.str(op.path);
      w.svarint(op.expectedVersion);
      w.bytes(op.data);
      return;
    case 'delete':
      w.u8(flags(op));
      w.str(op.path);
      w.svarint(op.expectedVersion);
      return;
    case 'get':
    case 'list':
      w.str(op.path);
      return;
    case 'txn':
      w.u8(flags(op));
      w.uvarint(op.compares.length);
      for (const c of op.compares) writeCompare(w, c);
      w.uvarint(op.success.length);
      for (const o of op.success) writeOp(w, o);
      w.uvarint(op.failure.length);
      for (const o of op.failure) writeOp(w, o);
      return;
    case 'open-session':
      w.uvarint(op.ttlMs);
      return;
    case 'close-session':
      w.uvarint(op.sessionId);
      return;
    case 'expire-sessions':
      w.uvarint(op.sessionIds.length);
      for (const id of op.sessionIds) w.uvarint(id);
      return;
    case 'lock':
      w.u8(flags(op));
      w.str(op.name);
      w.uvarint(op.sessionId);
      return;
    case 'unlock':
      w.u8(flags(op));
      w.str(op.key);
      return;
  }
}

function writeCompare(w: Writer, c: Compare): void {
  w.u8(TARGETS.indexOf(c.target) + 1);
  w.u8(CMP_OPS.indexOf(c.op) + 1);
  w.str(c.path);
  if (c.target === 'exists') w.u8(c.value ? 1 : 0);
  else if (c.target === 'data') w.bytes(c.value);
  else w.svarint(c.value);
}

/** Encodes a command as Raft entry data (format v1, see the file header). */
export function encodeCommand(cmd: Command): Uint8Array {
  const w = new Writer(2 + sizeBound(cmd));
  w.u8(CODEC_VERSION);
  writeOp(w, cmd);
  return w.buf.subarray(0, w.pos);
}

/** Thrown by Reader on malformed bytes; decoders catch it and return an error value. */
export class Malformed extends Error {}

/** Bounds-checked reader of the varint encodings above (shared with the snapshot image). */
export class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos === this.buf.length;
  }
  u8(): number {
    if (this.pos >= this.buf.length) throw new Malformed('truncated');
    return this.buf[this.pos++];
  }
  /** Big-endian unsigned 32-bit integer. */
  u32(): number {
    if (this.buf.length - this.pos < 4) throw new Malformed('truncated');
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return b[p] * 0x1000000 + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
  }
  uvarint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.u8();
      n += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (n > Number.MAX_SAFE_INTEGER * 2 + 1) throw new Malformed('varint out of range');
        return n;
      }
      scale *= 0x80;
    }
    throw new Malformed('varint longer than 8 bytes');
  }
  safeUvarint(): number {
    const n = this.uvarint();
    if (n > Number.MAX_SAFE_INTEGER) throw new Malformed('integer above 2^53');
    return n;
  }
  svarint(): number {
    const z = this.uvarint();
    const n = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    if (!Number.isSafeInteger(n)) throw new Malformed('integer out of range');
    return n;
  }
  /** A copy of the next `bytes` field; a zero-length one is `empty` when given (no allocation). */
  bytes(empty?: Uint8Array): Uint8Array {
    const n = this.safeUvarint();
    if (n === 0 && empty !== undefined) return empty;
    if (n > this.buf.length - this.pos) throw new Malformed('truncated bytes');
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  str(): string {
    const n = this.safeUvarint();
    if (n > this.buf.length - this.pos) throw new Malformed('truncated string');
    let s: string;
    try {
      s = utf8Strict.decode(this.buf.subarray(this.pos, this.pos + n));
    } catch {
      throw new Malformed('invalid UTF-8 in a string');
    }
    this.pos += n;
    return s;
  }
  flags(allowed: number): number {
    const f = this.u8();
    if ((f & ~allowed) !== 0) throw new Malformed(`flags 0x${f.toString(16)} not allowed here`);
    return f;
  }
}

function readOp(r: Reader, inTxn: boolean): Command | TxnOp {
  const code = r.u8();
  const internal = inTxn ? 0 : F_INTERNAL;
  const withInternal = <T extends object>(f: number, c: T): T =>
    f & F_INTERNAL ? { ...c, internal: true } : c;
  switch (code) {
    case 1: {
      const f = r.flags(F_EPHEMERAL | F_SEQUENTIAL | internal);
      const path = r.str();
      const sessionId = r.safeUvarint();
      const data = r.bytes();
      const ephemeral = (f & F_EPHEMERAL) !== 0;
      const sequential = (f & F_SEQUENTIAL) !== 0;
      return withInternal(f, { op: 'create', path, data, ephemeral, sequential, sessionId });
    }
    case 2: {
      const f = r.flags(internal);
      const path = r.str();
      const expectedVersion = r.svarint();
      return withInternal(f, { op: 'set', path, data: r.bytes(), expectedVersion });
    }
    case 3: {
      const f = r.flags(F_RECURSIVE | internal);
      const path = r.str();
      const expectedVersion = r.svarint();
      return withInternal(f, {
        op: 'delete',
        path,
        expectedVersion,
        recursive: (f & F_RECURSIVE) !== 0,
      });
    }
    case 10:
    case 11:
      if (!inTxn) throw new Malformed(`op code ${code} is only valid inside a txn`);
      return { op: code === 10 ? 'get' : 'list', path: r.str() };
  }
  if (inTxn) throw new Malformed(`op code ${code} is not a txn op`);
  switch (code) {
    case 4:
      return readTxn(r);
    case 5:
      return { op: 'open-session', ttlMs: r.safeUvarint() };
    case 6:
      return { op: 'close-session', sessionId: r.safeUvarint() };
    case 7: {
      const n = r.safeUvarint();
      const sessionIds: number[] = [];
      for (let i = 0; i < n; i++) sessionIds.push(r.safeUvarint());
      return { op: 'expire-sessions', sessionIds };
    }
    case 8: {
      const f = r.flags(F_INTERNAL);
      const name = r.str();
      return withInternal(f, { op: 'lock', name, sessionId: r.safeUvarint() });
    }
    case 9: {
      const f = r.flags(F_INTERNAL);
      return withInternal(f, { op: 'unlock', key: r.str() });
    }
    case METADATA_CODE:
      return readMetadata(r.str());
    default:
      throw new Malformed(`unknown op code ${code}`);
  }
}

/** The JSON body of a metadata command: an object naming a metadata op (fields checked on apply). */
function readMetadata(text: string): Command {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Malformed('metadata command is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Malformed('metadata command is not an object');
  const op = (value as { op?: unknown }).op;
  if (typeof op !== 'string' || !METADATA_OPS.has(op))
    throw new Malformed(`unknown metadata op ${JSON.stringify(op)}`);
  return value as Command;
}

function readTxn(r: Reader): Command {
  const f = r.flags(F_INTERNAL);
  const compares: Compare[] = [];
  const nCompares = r.safeUvarint();
  for (let i = 0; i < nCompares; i++) compares.push(readCompare(r));
  const branch = (): TxnOp[] => {
    const ops: TxnOp[] = [];
    const n = r.safeUvarint();
    for (let i = 0; i < n; i++) ops.push(readOp(r, true) as TxnOp);
    return ops;
  };
  const success = branch();
  const failure = branch();
  const txn: Command = { op: 'txn', compares, success, failure };
  return f & F_INTERNAL ? { ...txn, internal: true } : txn;
}

function readCompare(r: Reader): Compare {
  const target = TARGETS[r.u8() - 1];
  const op = CMP_OPS[r.u8() - 1];
  if (target === undefined || op === undefined) throw new Malformed('unknown compare code');
  const path = r.str();
  if (target === 'exists') {
    const b = r.u8();
    if (b > 1) throw new Malformed('exists value is 0 or 1');
    return { path, target, op, value: b === 1 };
  }
  if (target === 'data') return { path, target, op, value: r.bytes() };
  return { path, target, op, value: r.svarint() };
}

/** Decodes Raft entry data written by `encodeCommand`. Never throws on bad bytes. */
export function decodeCommand(bytes: Uint8Array): Result<Command> {
  const r = new Reader(bytes);
  try {
    const version = r.u8();
    if (version !== CODEC_VERSION) {
      return fail(
        'INVALID_ARGUMENT',
        `command codec version ${version} is not supported (only ${CODEC_VERSION})`,
      );
    }
    const cmd = readOp(r, false) as Command;
    if (!r.done) throw new Malformed(`${bytes.length - r.pos} trailing bytes`);
    return ok(cmd);
  } catch (e) {
    // Malformed, or the strict UTF-8 decoder's TypeError (from another realm under some test
    // runners, so not matched with instanceof). Nothing else in decoding can throw.
    const message = e instanceof Error ? e.message : String(e);
    return fail('INVALID_ARGUMENT', `malformed command at byte ${r.pos}: ${message}`);
  }
}
