/**
 * Idempotent-producer bookkeeping of one partition (Kafka's ProducerStateManager, reduced):
 * per producer id the epoch and its last RECENT_BATCHES batches, so a retry of any of them is
 * recognised and answered with its original offset, and a gap in sequence is refused.
 */
import { tributaryError } from '@tributary/rpc';
import type { BatchMeta } from './batch-codec';
import type { ProducerEntry } from './types';

export const RECENT_BATCHES = 5;
export const SEQUENCE_MAX = 2147483647;

/** Sequence of the last record of a batch; sequences wrap to 0 after SEQUENCE_MAX. */
export function lastSequence(baseSequence: number, recordCount: number): number {
  const last = baseSequence + recordCount - 1;
  return last > SEQUENCE_MAX ? last - SEQUENCE_MAX - 1 : last;
}

const nextSequence = (seq: number) => (seq === SEQUENCE_MAX ? 0 : seq + 1);

/**
 * For a leader append: the original base offset when the batch is a retry of a recent one,
 * undefined when it is new and in order. Throws FENCED for an older producer epoch and
 * OUT_OF_ORDER_SEQUENCE for a gap (or a new epoch not starting at 0). A producer id the
 * partition has no state for may start anywhere: its state may have been dropped with the log.
 */
export function checkSequence(
  entry: ProducerEntry | undefined,
  b: Pick<BatchMeta, 'producerId' | 'producerEpoch' | 'baseSequence' | 'recordCount'>,
): number | undefined {
  if (!entry) return undefined;
  if (b.producerEpoch < entry.producerEpoch) {
    throw tributaryError(
      'FENCED',
      `producer ${b.producerId} epoch ${b.producerEpoch} is older than ${entry.producerEpoch}`,
    );
  }
  if (b.producerEpoch > entry.producerEpoch) {
    if (b.baseSequence !== 0) {
      throw tributaryError(
        'OUT_OF_ORDER_SEQUENCE',
        `producer ${b.producerId} starts epoch ${b.producerEpoch} at sequence ${b.baseSequence}; a new epoch starts at 0`,
      );
    }
    return undefined;
  }
  const lastSeq = lastSequence(b.baseSequence, b.recordCount);
  const dup = entry.recent.find((r) => r.firstSeq === b.baseSequence && r.lastSeq === lastSeq);
  if (dup) return dup.baseOffset;
  const last = entry.recent[entry.recent.length - 1];
  const expected = last ? nextSequence(last.lastSeq) : 0;
  if (last && b.baseSequence !== expected) {
    throw tributaryError(
      'OUT_OF_ORDER_SEQUENCE',
      `producer ${b.producerId} sent sequence ${b.baseSequence}; expected ${expected}`,
    );
  }
  return undefined;
}

/** Records a written batch in the producer map (leader and follower alike). */
export function recordBatch(producers: Map<number, ProducerEntry>, m: BatchMeta): void {
  if (m.producerId <= 0) return;
  let entry = producers.get(m.producerId);
  if (!entry || m.producerEpoch > entry.producerEpoch) {
    entry = { producerEpoch: m.producerEpoch, recent: [], lastAppendTimeMs: 0 };
    producers.set(m.producerId, entry);
  }
  entry.lastAppendTimeMs = Math.max(entry.lastAppendTimeMs, m.appendTimeMs);
  entry.recent.push({
    firstSeq: m.baseSequence,
    lastSeq: lastSequence(m.baseSequence, m.recordCount),
    baseOffset: m.baseOffset,
  });
  if (entry.recent.length > RECENT_BATCHES) entry.recent.shift();
}

/**
 * After a truncation: every producer that lost a recent batch is rebuilt from the batches left
 * in `index` (ascending), or forgotten when none of its batches is left.
 */
export function afterTruncation(
  producers: Map<number, ProducerEntry>,
  index: readonly BatchMeta[],
  end: number,
): void {
  for (const [pid, entry] of [...producers]) {
    if (entry.recent.every((r) => r.baseOffset < end)) continue;
    producers.delete(pid);
    const mine: BatchMeta[] = [];
    for (let i = index.length - 1; i >= 0 && mine.length < RECENT_BATCHES; i--) {
      const m = index[i] as BatchMeta;
      if (m.producerId !== pid) continue;
      if (mine.length > 0 && m.producerEpoch !== (mine[0] as BatchMeta).producerEpoch) break;
      mine.unshift(m);
    }
    for (const m of mine) recordBatch(producers, m);
  }
}

/**
 * Forgets producers that wrote nothing for `expirationMs` (Kafka's producer.id.expiration.ms),
 * so the state written with every batch stays the size of the active producers. A producer
 * that comes back after that may start at any sequence (see checkSequence). True if any went.
 */
export function expireProducers(
  producers: Map<number, ProducerEntry>,
  nowMs: number,
  expirationMs: number,
): boolean {
  let expired = false;
  for (const [pid, entry] of producers) {
    if (entry.lastAppendTimeMs >= nowMs - expirationMs) continue;
    producers.delete(pid);
    expired = true;
  }
  return expired;
}
