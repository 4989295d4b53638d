/**
 * Damage at rest, on a STOPPED broker's data directory (`<dataDir>/log`): a bit flipped in, or
 * the tail cut off, one stored record batch (read and written back through the rocksdb binding,
 * so only the value changes and RocksDB's own checksums stay valid: the broker's CRC-32C must
 * catch it), or one byte flipped in an SST file (RocksDB's block checksums catch that). Key
 * layout: libs/log-store/src/batch-codec.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchRange, DIR_RANGE, HEADER_BYTES, RocksStore, dataKey } from '@tributary/log-store';
import type { Random } from '@tributary/raft';

export interface StoredBatchRef {
  topic: string;
  partition: number;
  /** The partition's local id in the store's keys. */
  id: number;
  baseOffset: number;
  recordCount: number;
  valueBytes: number;
}

export type Damage = 'flip' | 'truncate';

export interface Corruption {
  topic: string;
  partition: number;
  baseOffset: number;
  damage: Damage;
  /** flip: byte and bit of the value flipped; truncate: the value's new length. */
  at: number;
  bit?: number;
}

/** The partition log directory of a broker data directory. */
export const brokerLogDir = (dataDir: string) => path.join(dataDir, 'log');

/** Every record batch stored in a stopped broker's log directory, in key order. */
export async function listStoredBatches(logDir: string): Promise<StoredBatchRef[]> {
  const db = await RocksStore.open(logDir);
  try {
    const out: StoredBatchRef[] = [];
    for (const [key, value] of await db.scan(...DIR_RANGE)) {
      const topic = key.toString('utf8', 1, key.length - 5);
      const partition = key.readUInt32BE(key.length - 4);
      const { id } = JSON.parse(value.toString('utf8')) as { id: number };
      for (const [k, v] of await db.scan(...batchRange('data', id))) {
        out.push({
          topic,
          partition,
          id,
          baseOffset: Number(k.readBigUInt64BE(5)),
          recordCount: v.readUInt32BE(4),
          valueBytes: v.length,
        });
      }
    }
    return out;
  } finally {
    await db.close();
  }
}

/**
 * Flips one random bit of the payload of a stored batch (or truncates it: `truncate` keeps the
 * header and a random part of the payload) and writes it back, synced. Picks the batch at random
 * among those matching `topic`/`partition`/`baseOffset`.
 */
export async function corruptStoredBatch(
  logDir: string,
  o: { damage: Damage; random: Random; topic?: string; partition?: number; baseOffset?: number },
): Promise<Corruption> {
  const candidates = (await listStoredBatches(logDir)).filter(
    (b) =>
      (o.topic === undefined || b.topic === o.topic) &&
      (o.partition === undefined || b.partition === o.partition) &&
      (o.baseOffset === undefined || b.baseOffset === o.baseOffset),
  );
  if (candidates.length === 0) throw new Error(`no stored batch to corrupt in ${logDir}`);
  const victim = candidates[o.random.int(candidates.length)]!;
  const db = await RocksStore.open(logDir);
  try {
    const key = dataKey(victim.id, victim.baseOffset);
    const value = await db.get(key);
    if (!value) throw new Error(`batch ${victim.baseOffset} vanished from ${logDir}`);
    const payload = value.length - HEADER_BYTES;
    if (payload < 1) throw new Error(`batch ${victim.baseOffset} has no payload to damage`);
    const done = {
      topic: victim.topic,
      partition: victim.partition,
      baseOffset: victim.baseOffset,
    };
    if (o.damage === 'truncate') {
      const at = HEADER_BYTES + o.random.int(payload);
      await db.batch([{ type: 'put', key, value: value.subarray(0, at) }], true);
      return { ...done, damage: 'truncate', at };
    }
    const at = HEADER_BYTES + o.random.int(payload);
    const bit = o.random.int(8);
    const damaged = Buffer.from(value);
    damaged[at] = damaged[at]! ^ (1 << bit);
    await db.batch([{ type: 'put', key, value: damaged }], true);
    return { ...done, damage: 'flip', at, bit };
  } finally {
    await db.close();
  }
}

/**
 * Flips one random bit in a data block of one of the directory's SST files (beyond its first
 * 512 bytes, before its last 4 KiB of index, filter and footer); RocksDB's block checksums must
 * catch it when the block is read. Throws when there is no SST file yet (the data is still in
 * the WAL: RocksDB writes one when its memtable is flushed, at the latest on reopen).
 */
export function flipSstBit(dir: string, random: Random): { file: string; at: number; bit: number } {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sst'))
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).size > 8192);
  if (files.length === 0) throw new Error(`no SST file of more than 8 KiB in ${dir}`);
  const file = files[random.int(files.length)]!;
  const size = fs.statSync(file).size;
  const at = 512 + random.int(size - 4096 - 512);
  const bit = random.int(8);
  const fd = fs.openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ (1 << bit);
    fs.writeSync(fd, b, 0, 1, at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { file, at, bit };
}
