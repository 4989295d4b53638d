// End to end against real processes on loopback (testkit): 1 coordinator and 3 `trib broker`
// processes. Admin creates a topic through a broker; an idempotent acks=all Producer writes
// numbered keyed records while the leader of a partition is killed -9; a Consumer from the
// earliest offset then finds every acknowledged record exactly once, in send order per
// partition, at the offset its acknowledgement named.
import { BrokerCluster, CoordinatorCluster, eventually } from '@tributary/testkit';
import { Admin, Consumer, Producer, type ConsumerRecord, type RecordMetadata } from '../src';

jest.setTimeout(180_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let bootstrap: string[];

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1 });
  brokers = await BrokerCluster.start({ coordinators, size: 3 });
  bootstrap = brokers.live().map((b) => b.address);
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

async function readAll(topic: string, expected: number): Promise<ConsumerRecord[]> {
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  try {
    await consumer.assign(topic, 'earliest');
    const out: ConsumerRecord[] = [];
    const deadline = Date.now() + 60_000;
    while (out.length < expected && Date.now() < deadline) out.push(...(await consumer.poll()));
    return out;
  } finally {
    await consumer.close();
  }
}

it('creates, describes and deletes topics through a broker', async () => {
  const admin = new Admin({ bootstrap });
  try {
    const created = await admin.createTopic('admin-e2e', { partitions: 2, replicationFactor: 3 });
    expect(created.partitions.map((p) => p.replicas.length)).toEqual([3, 3]);
    const [described] = await admin.describeTopics(['admin-e2e']);
    expect(described?.topicId).toBe(created.topicId);
    await expect(
      admin.createTopic('admin-e2e', { partitions: 1, replicationFactor: 1 }),
    ).rejects.toMatchObject({ reason: 'TOPIC_EXISTS' });
    expect((await admin.brokers()).map((b) => b.brokerId)).toEqual([1, 2, 3]);
    await admin.deleteTopic('admin-e2e');
  } finally {
    admin.close();
  }
});

it('acks=all with a leader killed -9: every acknowledged record once, in order', async () => {
  const topic = 'produce-e2e';
  const admin = new Admin({ bootstrap });
  await admin.createTopic(topic, { partitions: 3, replicationFactor: 3 });
  await eventually(
    async () => (await admin.describeTopics([topic]))[0]!.partitions.every((p) => p.leader > 0),
    30_000,
    'leaders for every partition',
  );
  const victim = (await admin.describeTopics([topic]))[0]!.partitions[0]!.leader;
  admin.close();

  const producer = new Producer({ bootstrap, acks: 'all', lingerMs: 2, batchBytesMax: 4096 });
  const total = 6000;
  const acks: Promise<RecordMetadata>[] = [];
  for (let i = 0; i < total; i++) {
    acks.push(producer.send({ topic, key: `k${i % 30}`, value: String(i) }));
    if (i === total / 3) await Promise.all(acks.slice(0, i));
    if (i === total / 3) await brokers.kill(victim, 'SIGKILL');
    if (i % 500 === 0) await new Promise((r) => setTimeout(r, 5));
  }
  const results = await Promise.all(acks);
  await producer.close();

  const records = await readAll(topic, total);
  expect(records.length).toBe(total);
  const seen = new Map<string, ConsumerRecord>();
  for (const r of records) {
    const v = r.value!.toString();
    expect(seen.has(v)).toBe(false); // no duplicates from the retries
    seen.set(v, r);
  }
  results.forEach((a, i) => {
    const r = seen.get(String(i))!;
    expect([r.partition, r.offset]).toEqual([a.partition, a.offset]);
  });
  // Per partition, values (send order) ascend with offsets.
  for (const p of [0, 1, 2]) {
    const values = records.filter((r) => r.partition === p).map((r) => Number(r.value!.toString()));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  }
  await brokers.start(victim);
});
