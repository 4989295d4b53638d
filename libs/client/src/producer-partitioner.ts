/**
 * Which partition a record goes to. A keyed record: Kafka's default partitioner, murmur2 of the
 * key bytes made positive, modulo the partition count — so a key lands in the same partition as
 * with a Kafka producer for the same count. A record without a key: the sticky partition
 * (KIP-480), one partition until its batch is sealed, then another, so null-key records fill
 * whole batches instead of spreading thin ones over every partition.
 */
import type { Random } from './clock';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's `Utils.murmur2`: 32-bit MurmurHash2, seed 0x9747b28c, as a signed int. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // Kafka's fall-through switch over the 1–3 trailing bytes.
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2]! << 16;
  if (rest >= 2) h ^= data[tail + 1]! << 8;
  if (rest >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive(murmur2(key)) % partitions`. */
export function partitionForKey(key: Uint8Array, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions;
}

/** The sticky partition per topic, moved on when its batch is sealed. */
export class StickyPartitioner {
  private readonly current = new Map<string, number>();

  constructor(private readonly random: Random) {}

  partition(topic: string, partitions: number): number {
    const known = this.current.get(topic);
    if (known !== undefined && known < partitions) return known;
    return this.pick(topic, partitions, -1);
  }

  /** The batch of `sealed` was sealed: null-key records of `topic` go elsewhere from now on. */
  batchSealed(topic: string, sealed: number, partitions: number): void {
    if (this.current.get(topic) === sealed) this.pick(topic, partitions, sealed);
  }

  private pick(topic: string, partitions: number, avoid: number): number {
    let next = Math.floor(this.random() * partitions);
    if (next === avoid && partitions > 1) next = (next + 1) % partitions;
    this.current.set(topic, next);
    return next;
  }
}
