import { decodeBatchRecords } from '@tributary/rpc';
import { Consumer } from '../src/consumer';
import { Producer, type RecordMetadata } from '../src/producer';
import { FakeBroker } from './fake-broker';

const TOPIC = 't';

describe('Producer against an in-process fake broker', () => {
  let broker: FakeBroker;
  const open: { close(): unknown }[] = [];

  beforeEach(async () => {
    broker = new FakeBroker(TOPIC, 4);
    await broker.start();
  });
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
    await broker.stop();
  });

  function producer(options: Partial<ConstructorParameters<typeof Producer>[0]> = {}) {
    const p = new Producer({
      bootstrap: [broker.address],
      acks: 'leader',
      backoff: { baseMs: 1, maxMs: 5 },
      ...options,
    });
    open.push(p);
    return p;
  }

  it('batches records per partition: one produce request per batch, offsets in send order', async () => {
    const p = producer({ lingerMs: 5 });
    const sends: Promise<RecordMetadata>[] = [];
    for (let i = 0; i < 2000; i++) {
      sends.push(p.send({ topic: TOPIC, key: `k${i % 8}`, value: `v${i}` }));
    }
    const acks = await Promise.all(sends);
    expect(broker.produced.length).toBeLessThanOrEqual(8);
    const byPartition = new Map<number, number[]>();
    for (const a of acks)
      byPartition.set(a.partition, [...(byPartition.get(a.partition) ?? []), a.offset]);
    for (const [partition, offsets] of byPartition) {
      expect(offsets).toEqual(offsets.map((_, i) => i));
      expect(broker.logEnd(partition)).toBe(offsets.length);
    }
    // The same key always lands in the same partition.
    const partitionOf = new Map<string, number>();
    acks.forEach((a, i) => {
      const key = `k${i % 8}`;
      expect(partitionOf.get(key) ?? a.partition).toBe(a.partition);
      partitionOf.set(key, a.partition);
    });
  });

  it('seals a batch at batchBytesMax without waiting for the linger', async () => {
    const p = producer({ lingerMs: 60_000, batchBytesMax: 1024 });
    const sends = Array.from({ length: 50 }, (_, i) =>
      p.send({ topic: TOPIC, partition: 0, value: Buffer.alloc(100, i) }),
    );
    await Promise.all(sends.slice(0, 40)); // the full batches went without a flush
    await p.flush();
    expect(broker.produced.length).toBeGreaterThanOrEqual(5);
    for (const r of broker.produced)
      expect(r.produce!.batch!.records.length).toBeLessThanOrEqual(1024);
  });

  it('numbers batches per partition and resends a NOT_LEADER batch with the same sequence', async () => {
    const p = producer({ lingerMs: 0 });
    broker.failNext('NOT_LEADER');
    const first = await Promise.all(
      [0, 1, 2].map((i) => p.send({ topic: TOPIC, partition: 1, value: `a${i}` })),
    );
    const second = await p.send({ topic: TOPIC, partition: 1, value: 'b' });
    expect(first.map((a) => a.offset)).toEqual([0, 1, 2]);
    expect(second.offset).toBe(3);
    const batches = broker.produced.map((r) => r.produce!.batch!);
    expect(batches[0]!.producer_id).toBeGreaterThan(0);
    expect(batches[1]!.base_sequence).toBe(batches[0]!.base_sequence); // the retry
    expect(batches[1]!.crc32c).toBe(batches[0]!.crc32c); // encoded once
    expect(batches[2]!.base_sequence).toBe(3);
    expect(broker.logEnd(1)).toBe(4);
  });

  it('a retry of a batch that was written after all is deduplicated, not written twice', async () => {
    const p = producer({ lingerMs: 0 });
    broker.failNext('NOT_ENOUGH_REPLICAS', true); // appended, then failed (acks all below min ISR)
    const a = await p.send({ topic: TOPIC, partition: 2, value: 'x' });
    expect(a.offset).toBe(0);
    expect(broker.produced.length).toBe(2);
    expect(broker.logEnd(2)).toBe(1);
  });

  it('keeps a partition in order while a batch is retried with later batches in flight', async () => {
    const p = producer({ lingerMs: 0, batchBytesMax: 64 });
    broker.failNext('NOT_LEADER');
    const sends = Array.from({ length: 20 }, (_, i) =>
      p.send({ topic: TOPIC, partition: 3, value: Buffer.alloc(40, i) }),
    );
    const acks = await Promise.all(sends);
    expect(acks.map((a) => a.offset)).toEqual(acks.map((_, i) => i));
    const records = [];
    for (const b of broker.logs.get(`${TOPIC}/3`)!) records.push(...(await decodeBatchRecords(b)));
    expect(records.map((r) => r.value![0])).toEqual(acks.map((_, i) => i));
  });

  it('retries UNKNOWN_TOPIC from a broker that has not applied a new topic yet', async () => {
    const p = producer({ lingerMs: 0 });
    broker.failNext('UNKNOWN_TOPIC');
    await expect(p.send({ topic: TOPIC, partition: 1, value: 'new' })).resolves.toMatchObject({
      offset: 0,
    });
    expect(broker.produced.length).toBe(2);
  });

  it('fails records with a non-retriable reason and keeps producing afterwards', async () => {
    const p = producer({ lingerMs: 0 });
    broker.failNext('MESSAGE_TOO_LARGE');
    await expect(p.send({ topic: TOPIC, partition: 0, value: 'big' })).rejects.toMatchObject({
      reason: 'MESSAGE_TOO_LARGE',
    });
    // The refused batch's sequence numbers are reused: no gap for the broker to refuse.
    await expect(p.send({ topic: TOPIC, partition: 0, value: 'ok' })).resolves.toMatchObject({
      offset: 0,
    });
  });

  it('flush waits for records sent before the topic partitions were known', async () => {
    const p = producer({ lingerMs: 60_000 });
    let acked = 0;
    for (let i = 0; i < 5; i++) p.sendWith({ topic: TOPIC, value: `f${i}` }, () => acked++);
    await p.flush();
    expect(acked).toBe(5);
  });

  it('fails records of an unknown topic with UNKNOWN_TOPIC', async () => {
    const p = producer();
    await expect(p.send({ topic: 'nope', value: 'x' })).rejects.toMatchObject({
      reason: 'UNKNOWN_TOPIC',
    });
  });

  it('a consumer reads the records back from an offset inside a batch', async () => {
    const p = producer({ lingerMs: 50 });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => p.send({ topic: TOPIC, partition: 0, value: `r${i}` })),
    );
    expect(broker.logs.get(`${TOPIC}/0`)!.length).toBe(1);
    // poll() returns as soon as records are there; the first one also connects and fetches,
    // which 10 ms did not always cover on a loaded machine.
    const consumer = new Consumer({ bootstrap: [broker.address], fetchWaitMsMax: 5_000 });
    open.push(consumer);
    await consumer.assign(TOPIC, 4, [0]);
    const got = await consumer.poll();
    expect(got.map((r) => [r.offset, r.value!.toString()])).toEqual(
      Array.from({ length: 6 }, (_, i) => [i + 4, `r${i + 4}`]),
    );
    expect(consumer.positions()).toEqual([{ topic: TOPIC, partition: 0, offset: 10 }]);
  });
});
