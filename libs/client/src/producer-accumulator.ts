/**
 * Records waiting to be sealed into batches, one open batch per partition. A batch is sealed
 * when the next record would take it over `batchBytesMax` (a record larger than that goes
 * alone), when it has lingered `lingerMs` since its first record, or on flush. No I/O and no
 * timers here: the producer asks `due(now)` and `nextDeadline()` and sets its own timer.
 */

/**
 * A record as the accumulator holds it: bytes ready to encode, its size, and who to tell the
 * outcome (a plain object with no closure of its own: at 10^6 records/s allocations count).
 */
export interface PendingRecord {
  key: Buffer | undefined;
  value: Buffer | undefined;
  headers: { key: string; value: Buffer }[];
  timestampMs: number;
  /** recordBytes() of the record. */
  size: number;
  /** Called once, with the record's partition and offset (-1 for acks NONE) or the error. */
  callback: RecordCallback;
}

export type RecordCallback = (
  error: Error | undefined,
  metadata?: { topic: string; partition: number; offset: number },
) => void;

/** Bytes a record adds to a batch's RecordSet, approximately (tags, lengths, deltas). */
export function recordBytes(
  key: Buffer | undefined,
  value: Buffer | undefined,
  headers: readonly { key: string; value: Buffer }[],
): number {
  let n = 16 + (key?.length ?? 0) + (value?.length ?? 0);
  for (const h of headers) n += 8 + h.key.length * 3 + h.value.length;
  return n;
}

export interface OpenBatch {
  topic: string;
  partition: number;
  records: PendingRecord[];
  bytes: number;
  /** When its first record arrived (the producer's clock). */
  createdMs: number;
}

export interface AccumulatorOptions {
  lingerMs: number;
  batchBytesMax: number;
}

export class Accumulator {
  /** Open batches by topic, then partition (no per-record key strings to build). */
  private readonly open = new Map<string, Map<number, OpenBatch>>();
  /** The same batches in creation order, so the oldest is first. */
  private readonly byAge = new Set<OpenBatch>();
  /** Bytes of every open batch. */
  bytes = 0;
  /** Whether the last append opened a new batch (only that can bring the next deadline closer). */
  opened = false;

  constructor(private readonly options: AccumulatorOptions) {
    if (!(options.lingerMs >= 0 && options.batchBytesMax > 0)) {
      throw new Error('lingerMs must be ≥ 0 and batchBytesMax > 0');
    }
  }

  /**
   * Adds a record; returns the batch it sealed to make room (the open batch that the record
   * would have taken over `batchBytesMax`), if any. The caller then hands that batch on.
   */
  append(
    topic: string,
    partition: number,
    record: PendingRecord,
    size: number,
    nowMs: number,
  ): OpenBatch | undefined {
    let partitions = this.open.get(topic);
    if (!partitions) this.open.set(topic, (partitions = new Map()));
    let batch = partitions.get(partition);
    let sealed: OpenBatch | undefined;
    if (batch && batch.bytes + size > this.options.batchBytesMax) {
      sealed = batch;
      this.remove(batch);
      batch = undefined;
    }
    this.opened = !batch;
    if (!batch) {
      batch = { topic, partition, records: [], bytes: 0, createdMs: nowMs };
      partitions.set(partition, batch);
      this.byAge.add(batch);
    }
    batch.records.push(record);
    batch.bytes += size;
    this.bytes += size;
    return sealed;
  }

  /** Seals and returns the partition's batch if the next record of average size won't fit. */
  takeIfFull(topic: string, partition: number): OpenBatch | undefined {
    const batch = this.open.get(topic)?.get(partition);
    if (!batch) return undefined;
    const average = batch.bytes / batch.records.length;
    if (batch.bytes + average <= this.options.batchBytesMax) return undefined;
    this.remove(batch);
    return batch;
  }

  /** Seals and returns the batch of one partition, if it has one. */
  take(topic: string, partition: number): OpenBatch | undefined {
    const batch = this.open.get(topic)?.get(partition);
    if (batch) this.remove(batch);
    return batch;
  }

  /** Seals and returns every batch that has lingered long enough (all of them with `all`). */
  due(nowMs: number, all = false): OpenBatch[] {
    const out: OpenBatch[] = [];
    for (const batch of this.byAge) {
      if (!all && nowMs - batch.createdMs < this.options.lingerMs) break;
      this.remove(batch);
      out.push(batch);
    }
    return out;
  }

  /** When the oldest open batch is due, or undefined when none is open. */
  nextDeadline(): number | undefined {
    for (const batch of this.byAge) return batch.createdMs + this.options.lingerMs;
    return undefined;
  }

  get size(): number {
    return this.byAge.size;
  }

  private remove(batch: OpenBatch): void {
    this.open.get(batch.topic)?.delete(batch.partition);
    this.byAge.delete(batch);
    this.bytes -= batch.bytes;
  }
}
