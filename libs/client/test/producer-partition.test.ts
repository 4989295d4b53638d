import type { RecordBatch } from '@tributary/rpc/src/generated/tributary/broker/v1/RecordBatch';
import { PartitionQueue, type SealedBatch } from '../src/producer-partition';

function seal(q: PartitionQueue, records: number, generation = 0): SealedBatch {
  const { order, baseSequence } = q.allocate(records, generation);
  const wire: RecordBatch = { base_sequence: baseSequence, record_count: records };
  const batch: SealedBatch = {
    topic: 't',
    partition: 0,
    order,
    records: [],
    recordBytes: 0,
    wire,
    bytes: 0,
    deadlineMs: Infinity,
    attempts: 0,
  };
  q.push(batch);
  return batch;
}

describe('PartitionQueue', () => {
  it('numbers batches by records per producer id generation, wrapping after 2^31 - 1', () => {
    const q = new PartitionQueue('t', 0);
    expect(seal(q, 3).wire.base_sequence).toBe(0);
    expect(seal(q, 2).wire.base_sequence).toBe(3);
    expect(seal(q, 1, 1).wire.base_sequence).toBe(0); // a new producer id starts at 0
    const wrap = new PartitionQueue('t', 1);
    wrap.allocate(2_147_483_646, 0);
    expect(wrap.allocate(3, 0).baseSequence).toBe(2_147_483_646);
    expect(wrap.allocate(1, 0).baseSequence).toBe(1);
  });

  it('sends in order up to the in-flight bound', () => {
    const q = new PartitionQueue('t', 0);
    const [a, b, c] = [seal(q, 1), seal(q, 1), seal(q, 1)];
    expect(q.next(0, 2)).toBe(a);
    expect(q.next(0, 2)).toBe(b);
    expect(q.next(0, 2)).toBeUndefined();
    q.done(a);
    expect(q.next(0, 2)).toBe(c);
  });

  it('holds the partition while a retry waits for earlier answers, then resends in order', () => {
    const q = new PartitionQueue('t', 0);
    const [a, b, c, d] = [seal(q, 1), seal(q, 1), seal(q, 1), seal(q, 1)];
    for (let i = 0; i < 3; i++) q.next(0, 5);
    q.retry(a, 10); // a failed (NOT_LEADER); b and c still in flight
    expect(q.next(20, 5)).toBeUndefined();
    expect(q.hasEarlierRetry(b)).toBe(true);
    q.retry(b, 10); // b: the gap a left (OUT_OF_ORDER_SEQUENCE), retried too
    q.done(c); // c came back written (it was a duplicate or an after-append failure)
    expect(q.next(5, 5)).toBeUndefined(); // backoff
    // Retried batches go one at a time, each after the previous one's answer; then the rest.
    expect(q.next(10, 5)).toBe(a);
    expect(q.next(10, 5)).toBeUndefined();
    expect(a.wire.base_sequence).toBe(0); // same sequence numbers: the broker dedups
    expect(a.attempts).toBe(2);
    q.done(a);
    expect(q.next(10, 5)).toBe(b);
    expect(q.next(10, 5)).toBeUndefined();
    q.done(b);
    expect(q.next(10, 5)).toBe(d);
  });

  it('abandons the later batches of a failed one and reuses refused sequence numbers', () => {
    const q = new PartitionQueue('t', 0);
    const [a, b, c] = [seal(q, 2), seal(q, 2), seal(q, 2)];
    q.next(0, 1);
    q.done(a);
    const later = q.abandonAfter(a, true);
    expect(later).toEqual([b, c]);
    expect(q.idle).toBe(true);
    expect(seal(q, 1).wire.base_sequence).toBe(0);
  });

  it('keeps the sequence running when the failed batch may have been written', () => {
    const q = new PartitionQueue('t', 0);
    const a = seal(q, 2);
    q.next(0, 1);
    q.done(a);
    q.abandonAfter(a, false);
    expect(seal(q, 1).wire.base_sequence).toBe(2);
  });
});
