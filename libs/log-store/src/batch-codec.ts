/**
 * Keys and values in the KV (one store holds every partition of a broker):
 *
 *   0x01 topic 0x00 u32be(partition)   → directory entry, JSON {id, topicId}
 *   0x02 u32be(id)                     → partition state, JSON (see PartitionState)
 *   0x03 u32be(id) u64be(baseOffset)   → batch header (HEADER_BYTES), loaded at open
 *   0x04 u32be(id) u64be(baseOffset)   → batch header then payload
 *
 * Big-endian ids and offsets make key order offset order. The header is stored twice so a read
 * gets header, CRC and payload from one value (consistent even while compaction rewrites it),
 * and open reads headers without payloads. Each header carries its own CRC-32C.
 *
 * Header layout: u8 version, u8 format, u8 compression, u8 0, u32 recordCount, i32 leaderEpoch,
 * i32 producerEpoch, i32 baseSequence, u32 crc32c, f64 producerId, f64 firstTimestampMs,
 * f64 maxTimestampMs, f64 appendTimeMs, f64 deleteHorizonMs, f64 baseOffset, u32 payloadBytes,
 * u32 CRC-32C of the 76 bytes before it.
 */
import { crc32c } from '@tributary/rpc';
import type { StoredBatch } from './types';

export const HEADER_BYTES = 80;
const VERSION = 1;
const TWO_32 = 4294967296;

/** A batch as the in-memory index holds it: the header and the payload's size. */
export interface BatchMeta extends Omit<StoredBatch, 'payload'> {
  payloadBytes: number;
  /** When compaction may drop this batch's tombstones (ms); 0 = not yet seen by compaction. */
  deleteHorizonMs: number;
}

function u64(buf: Buffer, pos: number, v: number): void {
  buf.writeUInt32BE(Math.floor(v / TWO_32), pos);
  buf.writeUInt32BE(v >>> 0, pos + 4);
}

export function dirKey(topic: string, partition: number): Buffer {
  const t = Buffer.from(topic, 'utf8');
  const k = Buffer.allocUnsafe(t.length + 6);
  k[0] = 0x01;
  t.copy(k, 1);
  k[t.length + 1] = 0;
  k.writeUInt32BE(partition, t.length + 2);
  return k;
}

export const DIR_RANGE = [Buffer.from([0x01]), Buffer.from([0x02])] as const;

export function stateKey(id: number): Buffer {
  const k = Buffer.allocUnsafe(5);
  k[0] = 0x02;
  k.writeUInt32BE(id, 1);
  return k;
}

export const STATE_RANGE = [Buffer.from([0x02]), Buffer.from([0x03])] as const;

function batchKey(space: number, id: number, baseOffset: number): Buffer {
  const k = Buffer.allocUnsafe(13);
  k[0] = space;
  k.writeUInt32BE(id, 1);
  u64(k, 5, baseOffset);
  return k;
}

export const indexKey = (id: number, baseOffset: number) => batchKey(0x03, id, baseOffset);
export const dataKey = (id: number, baseOffset: number) => batchKey(0x04, id, baseOffset);

/** [gte, lt) of one partition's keys in a batch key space from `from` on. */
export function batchRange(space: 'index' | 'data', id: number, from = 0): [Buffer, Buffer] {
  const s = space === 'index' ? 0x03 : 0x04;
  const lt = Buffer.allocUnsafe(5);
  lt[0] = s;
  lt.writeUInt32BE(id + 1, 1);
  return [batchKey(s, id, from), lt];
}

export function encodeHeader(
  m: BatchMeta,
  into: Buffer = Buffer.allocUnsafe(HEADER_BYTES),
): Buffer {
  into[0] = VERSION;
  into[1] = m.format;
  into[2] = m.compression;
  into[3] = 0;
  into.writeUInt32BE(m.recordCount, 4);
  into.writeInt32BE(m.leaderEpoch, 8);
  into.writeInt32BE(m.producerEpoch, 12);
  into.writeInt32BE(m.baseSequence, 16);
  into.writeUInt32BE(m.crc32c >>> 0, 20);
  into.writeDoubleBE(m.producerId, 24);
  into.writeDoubleBE(m.firstTimestampMs, 32);
  into.writeDoubleBE(m.maxTimestampMs, 40);
  into.writeDoubleBE(m.appendTimeMs, 48);
  into.writeDoubleBE(m.deleteHorizonMs, 56);
  into.writeDoubleBE(m.baseOffset, 64);
  into.writeUInt32BE(m.payloadBytes, 72);
  into.writeUInt32BE(crc32c(into.subarray(0, 76)), 76);
  return into;
}

/** The header at the start of `buf`, or a description of what is wrong with it. */
export function decodeHeader(buf: Buffer): BatchMeta | string {
  if (buf.length < HEADER_BYTES) return `a batch header of ${buf.length} bytes`;
  if (buf[0] !== VERSION) return `batch header version ${buf[0]}`;
  if (crc32c(buf.subarray(0, 76)) !== buf.readUInt32BE(76)) return 'a batch header fails its CRC';
  return {
    format: buf[1] as number,
    compression: buf[2] as number,
    recordCount: buf.readUInt32BE(4),
    leaderEpoch: buf.readInt32BE(8),
    producerEpoch: buf.readInt32BE(12),
    baseSequence: buf.readInt32BE(16),
    crc32c: buf.readUInt32BE(20),
    producerId: buf.readDoubleBE(24),
    firstTimestampMs: buf.readDoubleBE(32),
    maxTimestampMs: buf.readDoubleBE(40),
    appendTimeMs: buf.readDoubleBE(48),
    deleteHorizonMs: buf.readDoubleBE(56),
    baseOffset: buf.readDoubleBE(64),
    payloadBytes: buf.readUInt32BE(72),
  };
}

/** The data value: header then payload, in one allocation. */
export function encodeData(m: BatchMeta, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  encodeHeader(m, out);
  payload.copy(out, HEADER_BYTES);
  return out;
}

export function metaOf(b: StoredBatch, deleteHorizonMs = 0): BatchMeta {
  return {
    baseOffset: b.baseOffset,
    recordCount: b.recordCount,
    leaderEpoch: b.leaderEpoch,
    producerId: b.producerId,
    producerEpoch: b.producerEpoch,
    baseSequence: b.baseSequence,
    compression: b.compression,
    firstTimestampMs: b.firstTimestampMs,
    maxTimestampMs: b.maxTimestampMs,
    appendTimeMs: b.appendTimeMs,
    crc32c: b.crc32c >>> 0,
    format: b.format,
    payloadBytes: b.payload.length,
    deleteHorizonMs,
  };
}

export function storedOf(m: BatchMeta, payload: Buffer): StoredBatch {
  return {
    baseOffset: m.baseOffset,
    recordCount: m.recordCount,
    leaderEpoch: m.leaderEpoch,
    producerId: m.producerId,
    producerEpoch: m.producerEpoch,
    baseSequence: m.baseSequence,
    compression: m.compression,
    firstTimestampMs: m.firstTimestampMs,
    maxTimestampMs: m.maxTimestampMs,
    appendTimeMs: m.appendTimeMs,
    crc32c: m.crc32c,
    format: m.format,
    payload,
  };
}
