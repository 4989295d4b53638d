// Consumer groups against real processes on loopback (testkit): 1 coordinator and 3 `trib
// broker` processes. `run` retries a failing handler with exponential backoff and dead-letters
// a record that keeps failing; a group member's commits decide where the next member starts;
// seek, pause/resume and lag act on a member's partitions.
import { BrokerCluster, CoordinatorCluster, eventually } from '@tributary/testkit';
import { Admin, Consumer, Producer, type ConsumerRecord } from '../src';

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
/** Members a test started: closed after it even when it failed part way. */
const members = new Set<Consumer>();
afterEach(async () => {
  await Promise.all([...members].map((c) => c.close().catch(() => undefined)));
  members.clear();
});

async function createTopic(name: string, partitions: number): Promise<void> {
  const admin = new Admin({ bootstrap });
  try {
    await admin.createTopic(name, { partitions, replicationFactor: 3 });
    await eventually(
      async () => (await admin.describeTopics([name]))[0]!.partitions.every((p) => p.leader > 0),
      30_000,
      `leaders for every partition of ${name}`,
    );
  } finally {
    admin.close();
  }
}

async function produce(
  records: { topic: string; value: string; partition?: number; key?: string }[],
): Promise<void> {
  const producer = new Producer({ bootstrap, lingerMs: 1 });
  try {
    await Promise.all(records.map((r) => producer.send({ ...r, headers: { origin: 'test' } })));
  } finally {
    await producer.close();
  }
}

/** Polls until `n` records arrived (or the deadline passed). */
async function pollFor(consumer: Consumer, n: number, ms = 30_000): Promise<ConsumerRecord[]> {
  const out: ConsumerRecord[] = [];
  const deadline = Date.now() + ms;
  while (out.length < n && Date.now() < deadline) out.push(...(await consumer.poll()));
  return out;
}

const text = (r: ConsumerRecord) => r.value!.toString();
const header = (r: ConsumerRecord, key: string) =>
  r.headers.find((h) => h.key === key)?.value.toString();

it('run: a handler failing twice is retried with backoff; one always failing is dead-lettered', async () => {
  const topic = 'run-retry';
  await createTopic(topic, 3);
  await produce([
    { topic, value: 'flaky', partition: 1 },
    { topic, value: 'poison', partition: 1 },
    { topic, value: 'fine', partition: 1 },
  ]);

  const attempts = new Map<string, number[]>();
  const processed: string[] = [];
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await consumer.subscribe([topic], { groupId: 'run-retry', fromBeginning: true });
  const running = consumer.run({
    retries: { max: 3, initialMs: 200, maxMs: 1_000 },
    deadLetter: true,
    handler: (r) => {
      const v = text(r);
      attempts.set(v, [...(attempts.get(v) ?? []), Date.now()]);
      if (v === 'poison') throw new Error(`cannot bill ${v}`);
      if (v === 'flaky' && attempts.get(v)!.length <= 2) throw new Error('try again');
      processed.push(v);
    },
  });
  await eventually(async () => processed.includes('fine'), 30_000, 'the last record handled');
  await consumer.close();
  await running;

  expect(processed).toEqual(['flaky', 'fine']); // each once, poison left out
  const flaky = attempts.get('flaky')!;
  expect(flaky.length).toBe(3);
  // Waits of initialMs then 2·initialMs (timer slack allowed downwards by 10 ms only).
  expect(flaky[1]! - flaky[0]!).toBeGreaterThanOrEqual(190);
  expect(flaky[2]! - flaky[1]!).toBeGreaterThanOrEqual(390);
  const poison = attempts.get('poison')!;
  expect(poison.length).toBe(4); // the first attempt and three retries
  expect(poison[3]! - poison[2]!).toBeGreaterThanOrEqual(790);

  // The dead-letter topic was made on demand like its source, and holds the poison record.
  const admin = new Admin({ bootstrap });
  const [dlqTopic] = await admin.describeTopics([`${topic}.dlq`]);
  admin.close();
  expect(dlqTopic!.partitions.length).toBe(3);
  expect(dlqTopic!.replicationFactor).toBe(3);
  const reader = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await reader.assign(`${topic}.dlq`, 'earliest');
  const [dead] = await pollFor(reader, 1);
  await reader.close();
  expect(dead).toMatchObject({ partition: 1 });
  expect(text(dead!)).toBe('poison');
  expect(header(dead!, 'origin')).toBe('test');
  expect(header(dead!, 'dlq.error')).toBe('cannot bill poison');
  expect(header(dead!, 'dlq.attempts')).toBe('4');
  expect(header(dead!, 'dlq.topic')).toBe(topic);
  expect(header(dead!, 'dlq.partition')).toBe('1');
  expect(header(dead!, 'dlq.offset')).toBe('1');

  // Everything counted as processed was committed: the group's next member starts after it.
  await produce([{ topic, value: 'next', partition: 1 }]);
  const again = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await again.subscribe([topic], { groupId: 'run-retry', fromBeginning: true });
  const [next] = await pollFor(again, 1);
  await again.close();
  expect(next && text(next)).toBe('next');
});

it('run without a dead-letter topic rejects and leaves the record uncommitted', async () => {
  const topic = 'run-no-dlq';
  await createTopic(topic, 1);
  await produce([
    { topic, value: 'a' },
    { topic, value: 'bad' },
  ]);
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await consumer.subscribe([topic], { groupId: 'no-dlq', fromBeginning: true });
  const handled: string[] = [];
  await expect(
    consumer.run({
      retries: { max: 1, initialMs: 10, maxMs: 10 },
      handler: (r) => {
        handled.push(text(r));
        if (text(r) === 'bad') throw new Error('bad record');
      },
    }),
  ).rejects.toThrow('bad record');
  await consumer.close();
  expect(handled).toEqual(['a', 'bad', 'bad']);

  const again = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await again.subscribe([topic], { groupId: 'no-dlq', fromBeginning: true });
  const [first] = await pollFor(again, 1);
  await again.close();
  expect(first && [text(first), first.offset]).toEqual(['bad', 1]);
});

it('seek, pause, resume and lag act on a member’s partitions', async () => {
  const topic = 'seek-pause';
  await createTopic(topic, 2);
  const batch = (from: number, n: number) =>
    [0, 1].flatMap((partition) =>
      Array.from({ length: n }, (_, i) => ({
        topic,
        partition,
        value: `p${partition}-${from + i}`,
      })),
    );
  await produce(batch(0, 10));

  const assigned: string[] = [];
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await consumer.subscribe([topic], {
    groupId: 'seek-pause',
    fromBeginning: true,
    autoCommit: false,
    onAssigned: (list) => void assigned.push(...list.map((p) => `${p.topic}/${p.partition}`)),
  });
  expect(assigned).toEqual([`${topic}/0`, `${topic}/1`]);
  expect((await pollFor(consumer, 20)).length).toBe(20);
  expect(await consumer.lag()).toEqual([
    { topic, partition: 0, position: 10, highWatermark: 10, lag: 0 },
    { topic, partition: 1, position: 10, highWatermark: 10, lag: 0 },
  ]);

  consumer.pause([{ topic, partition: 0 }]);
  await produce(batch(10, 5));
  const whilePaused = await pollFor(consumer, 5);
  await new Promise((r) => setTimeout(r, 300));
  whilePaused.push(...(await consumer.poll()));
  expect(whilePaused.map(text)).toEqual(['p1-10', 'p1-11', 'p1-12', 'p1-13', 'p1-14']);
  expect((await consumer.lag()).map((l) => l.lag)).toEqual([5, 0]);

  consumer.resume([{ topic, partition: 0 }]);
  consumer.seek({ topic, partition: 1, offset: 12 });
  const after = await pollFor(consumer, 8);
  expect(after.filter((r) => r.partition === 0).map(text)).toEqual([
    'p0-10',
    'p0-11',
    'p0-12',
    'p0-13',
    'p0-14',
  ]);
  expect(after.filter((r) => r.partition === 1).map(text)).toEqual(['p1-12', 'p1-13', 'p1-14']);

  // A manual commit of given offsets is where the group's next member starts.
  await consumer.commit([
    { topic, partition: 0, offset: 14 },
    { topic, partition: 1, offset: 3 },
  ]);
  await consumer.close();
  expect(() => consumer.seek({ topic, partition: 0, offset: 0 })).toThrow(/not assigned/);
  const again = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await again.subscribe([topic], { groupId: 'seek-pause', autoCommit: false });
  const resumed = await pollFor(again, 13);
  await again.close();
  expect(resumed.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual([14]);
  expect(resumed.filter((r) => r.partition === 1).map((r) => r.offset)[0]).toBe(3);
});

it('run with auto-commit: members joining and leaving hand partitions over without a record handled twice', async () => {
  const topic = 'run-handover';
  await createTopic(topic, 6);
  const handledBy = new Map<string, string[]>();
  // Slow handlers, so that each rebalance finds a record being handled on a revoked partition.
  const member = async (name: string) => {
    const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
    members.add(consumer);
    await consumer.subscribe([topic], {
      groupId: 'handover',
      fromBeginning: true,
      sessionTimeoutMs: 10_000,
    });
    const running = consumer.run({
      handler: async (r) => {
        const key = `${r.partition}/${r.offset}`;
        handledBy.set(key, [...(handledBy.get(key) ?? []), name]);
        await new Promise((resolve) => setTimeout(resolve, 15));
      },
    });
    return { consumer, running, stop: () => consumer.close().then(() => running) };
  };
  const batch = (from: number, n: number) =>
    produce(
      Array.from({ length: n }, (_, i) => ({
        topic,
        partition: (from + i) % 6,
        value: `v${from + i}`,
      })),
    );
  const total = 6 * 100 + 6 * 20;
  await batch(0, 6 * 100);
  const split = (...ms: { consumer: Consumer }[]) =>
    ms.every((m) => m.consumer.assignment().length === 6 / ms.length);
  const x = await member('x');
  await eventually(async () => handledBy.size >= 40, 30_000, 'x at work');
  const y = await member('y');
  await eventually(async () => split(x, y), 30_000, 'a 3/3 split');
  const z = await member('z');
  await eventually(async () => split(x, y, z), 30_000, 'a 2/2/2 split');
  // More records, so z has some to handle however far x and y got on a slow machine.
  await batch(6 * 100, 6 * 20);
  const by = (name: string) => [...handledBy.values()].filter((l) => l.includes(name)).length;
  await eventually(async () => by('z') >= 10, 30_000, 'z at work');
  await z.stop(); // commits and leaves
  await eventually(async () => split(x, y), 30_000, 'a 3/3 split again');
  await x.stop();
  await eventually(async () => handledBy.size === total, 60_000, 'every record');
  await y.stop();
  const twice = [...handledBy].filter(([, names]) => names.length > 1);
  expect(twice).toEqual([]);
  expect(new Set([...handledBy.values()].flat())).toEqual(new Set(['x', 'y', 'z']));
});

it('close during a handler’s retries gives them up without committing the record', async () => {
  const topic = 'run-close-retry';
  await createTopic(topic, 1);
  await produce([
    { topic, value: 'ok' },
    { topic, value: 'failing' },
  ]);
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await consumer.subscribe([topic], { groupId: 'close-retry', fromBeginning: true });
  const failures: number[] = [];
  const running = consumer.run({
    retries: { max: 5, initialMs: 5_000, maxMs: 5_000 },
    deadLetter: true,
    handler: (r) => {
      if (text(r) === 'failing') {
        failures.push(Date.now());
        throw new Error('down');
      }
    },
  });
  await eventually(async () => failures.length === 1, 30_000, 'the first failure');
  const closing = Date.now();
  await consumer.close();
  await running;
  expect(Date.now() - closing).toBeLessThan(4_000); // did not sit out the 5 s retry wait
  expect(failures.length).toBe(1);

  const again = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await again.subscribe([topic], { groupId: 'close-retry', fromBeginning: true });
  const [first] = await pollFor(again, 1);
  await again.close();
  expect(first && [text(first), first.offset]).toEqual(['failing', 1]);
  // Nothing was dead-lettered: the retries were given up, not spent.
  const admin = new Admin({ bootstrap });
  await expect(admin.describeTopics([`${topic}.dlq`])).rejects.toMatchObject({ code: 5 });
  admin.close();
});
