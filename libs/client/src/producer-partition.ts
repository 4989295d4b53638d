/**
 * The sealed batches of one partition between the accumulator and the broker: sequence
 * numbers, the in-flight bound and the ordering rule of retries. No I/O, no clock reads.
 *
 * Ordering (what keeps a partition's records in send order across retries): batches leave in
 * `order`; when one fails retriably it goes back into the queue at its place, and nothing of the
 * partition is sent again until every batch in flight has been answered — then the queue is
 * resent from its head, the failed batch first, with the same sequence numbers, so the broker
 * deduplicates whatever had been written (an idempotent producer's retry is free of duplicates).
 */
import type { RecordBatch } from '@tributary/rpc/src/generated/tributary/broker/v1/RecordBatch';
import type { PendingRecord } from './producer-accumulator';

/** Sequence numbers wrap to 0 after this (records.proto, base_sequence). */
const SEQUENCE_MAX = 2_147_483_647;

export interface SealedBatch {
  topic: string;
  partition: number;
  /** Position among the partition's batches: the send order, kept through retries. */
  order: number;
  /** The records, kept to answer their callbacks. */
  records: PendingRecord[];
  /** Sum of the records' sizes (the producer's buffer accounting). */
  recordBytes: number;
  /** Encoded once; a retry sends the same object (same sequence, same bytes, same CRC). */
  wire: RecordBatch;
  /** Bytes of `wire.records`. */
  bytes: number;
  /** Producer-clock time after which the batch fails instead of being retried. */
  deadlineMs: number;
  attempts: number;
}

export class PartitionQueue {
  private nextOrder = 0;
  private nextSeq = 0;
  /** Producer id generation the sequence numbers belong to. */
  private generation = -1;
  /** Sealed and not in flight, ascending `order`. */
  private readonly queue: SealedBatch[] = [];
  /** Sent and unanswered, ascending `order`. */
  private readonly inFlight: SealedBatch[] = [];
  /** A failed batch waits in the queue: hold sends until in-flight answers are all in. */
  private retrying = false;
  /** No send before this producer-clock time (backoff after a failure). */
  private notBeforeMs = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  /** The next batch's order and, for producer id `generation`, its base sequence. */
  allocate(recordCount: number, generation: number): { order: number; baseSequence: number } {
    if (generation !== this.generation) {
      this.generation = generation;
      this.nextSeq = 0;
    }
    const baseSequence = this.nextSeq;
    const next = baseSequence + recordCount;
    this.nextSeq = next > SEQUENCE_MAX ? next - SEQUENCE_MAX - 1 : next;
    return { order: this.nextOrder++, baseSequence };
  }

  push(batch: SealedBatch): void {
    this.insert(batch);
  }

  /** The batch to send now, moved in flight; undefined when the rule says wait. */
  next(nowMs: number, maxInFlight: number): SealedBatch | undefined {
    if (this.queue.length === 0 || nowMs < this.notBeforeMs) return undefined;
    if (this.retrying && this.inFlight.length > 0) return undefined;
    if (this.inFlight.length >= maxInFlight) return undefined;
    const batch = this.queue.shift()!;
    this.inFlight.push(batch);
    batch.attempts += 1;
    return batch;
  }

  /** The broker answered the batch (success, or a failure that ends it). */
  done(batch: SealedBatch): void {
    this.removeInFlight(batch);
    if (this.inFlight.length === 0 && !this.queue.some((b) => b.attempts > 0)) {
      this.retrying = false;
    }
  }

  /** The batch failed retriably: back in the queue at its place, sends held until `retryAtMs`. */
  retry(batch: SealedBatch, retryAtMs: number): void {
    this.removeInFlight(batch);
    this.insert(batch);
    this.retrying = true;
    this.notBeforeMs = Math.max(this.notBeforeMs, retryAtMs);
  }

  /** Whether a batch sent before `batch` is waiting to be retried (then a gap is expected). */
  hasEarlierRetry(batch: SealedBatch): boolean {
    return (
      this.queue.length > 0 && this.queue[0]!.order < batch.order && this.queue[0]!.attempts > 0
    );
  }

  /**
   * Removes and returns every queued batch after `batch` (they cannot be written once it
   * failed: the broker would see a sequence gap), and, when the broker provably did not write
   * `batch`, gives its sequence numbers to the batches sealed from now on.
   */
  abandonAfter(batch: SealedBatch, notWritten: boolean): SealedBatch[] {
    const later = this.queue.filter((b) => b.order > batch.order);
    this.queue.splice(0, this.queue.length, ...this.queue.filter((b) => b.order < batch.order));
    if (notWritten && this.inFlight.every((b) => b.order < batch.order)) {
      this.nextSeq = batch.wire.base_sequence ?? 0;
    }
    return later;
  }

  /** Removes and returns every batch waiting to be sent (its topic is gone). */
  drainQueued(): SealedBatch[] {
    return this.queue.splice(0, this.queue.length);
  }

  get queued(): number {
    return this.queue.length;
  }

  get sending(): number {
    return this.inFlight.length;
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight.length === 0;
  }

  /** When a held queue may send again (undefined when nothing waits on time). */
  get heldUntilMs(): number | undefined {
    return this.queue.length > 0 ? this.notBeforeMs : undefined;
  }

  private insert(batch: SealedBatch): void {
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.order > batch.order) i--;
    this.queue.splice(i, 0, batch);
  }

  private removeInFlight(batch: SealedBatch): void {
    const i = this.inFlight.indexOf(batch);
    if (i >= 0) this.inFlight.splice(i, 1);
  }
}
