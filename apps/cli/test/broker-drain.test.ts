// `trib broker drain ID` as a user runs it, against 1 coordinator and 3 brokers: every replica on
// broker 3 moves to the other two, no acknowledged record is lost, broker 3 leads nothing and
// can then be stopped with every partition still readable; draining it again moves nothing.
import { buildBatch, decodeBatchRecords } from '@tributary/rpc';
import { BrokerCluster, call, CoordinatorCluster, eventually, runTrib } from '@tributary/testkit';

jest.setTimeout(180_000);

const TOPIC = 'drained';
const PARTITIONS = 6;
const RECORDS = 5;

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1 });
  brokers = await BrokerCluster.start({ coordinators, size: 3 });
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

const bootstrap = () =>
  [1, 2]
    .concat(brokers.broker(3).process ? [3] : [])
    .map((id) => brokers.broker(id).address)
    .join(',');

async function partitions(): Promise<any[]> {
  const r = await call<any>(brokers.client(1), 'DescribeTopics', { names: [TOPIC] });
  return r.topics[0].partitions;
}

/** Broker 1's Metadata once it names a leader for every partition. */
async function leaders(): Promise<number[]> {
  let found: number[] = [];
  await eventually(
    async () => {
      const r = await call<any>(brokers.client(1), 'Metadata', { topics: [TOPIC] }).catch(
        () => undefined,
      );
      found = r?.topics[0]?.partitions.map((p: any) => p.leader) ?? [];
      return found.length === PARTITIONS && found.every((l) => l >= 1);
    },
    30_000,
    `leaders for every partition of ${TOPIC}`,
  );
  return found;
}

async function values(partition: number, leader: number): Promise<string[]> {
  const r = await call<any>(brokers.client(leader), 'Fetch', {
    topic: TOPIC,
    partition,
    offset: 0,
    max_wait_ms: 100,
  });
  const records = (await Promise.all(r.batches.map((b: any) => decodeBatchRecords(b)))).flat();
  return records.map((record) => record.value!.toString());
}

it('moves every replica off the broker without losing an acknowledged record', async () => {
  await call(brokers.client(1), 'CreateTopic', {
    name: TOPIC,
    partitions: PARTITIONS,
    replication_factor: 2,
  });
  const before = await leaders();
  const sent = (p: number) => Array.from({ length: RECORDS }, (_, i) => `p${p}-${i}`);
  for (let p = 0; p < PARTITIONS; p++) {
    const batch = await buildBatch({
      records: sent(p).map((v) => ({ value: Buffer.from(v), timestampMs: Date.now() })),
    });
    await call(
      brokers.client(before[p]!),
      'Produce',
      { topic: TOPIC, partition: p, batch },
      15_000,
    );
  }
  expect((await partitions()).filter((p) => p.replicas.includes(3)).length).toBeGreaterThan(0);

  const drained = await runTrib(['broker', 'drain', '3', '--bootstrap', bootstrap()], {
    timeoutMs: 120_000,
  });
  expect(drained.stderr).toMatch(/moved \d+\/\d+ partition\(s\)/);
  expect(drained.code).toBe(0);
  expect(drained.stdout).toMatch(/new replicas/);

  const after = await partitions();
  for (const p of after) {
    expect(p.replicas).not.toContain(3);
    expect(new Set(p.replicas).size).toBe(2);
  }
  await eventually(async () => !(await leaders()).includes(3), 30_000, 'broker 3 to lead nothing');

  // Broker 3 stops: every partition still has both replicas, and every record.
  expect(await brokers.stop(3)).toBe(0);
  const now = await leaders();
  for (let p = 0; p < PARTITIONS; p++) expect(await values(p, now[p]!)).toEqual(sent(p));
});

it('moves nothing from a broker that holds no replicas', async () => {
  const again = await runTrib(['broker', 'drain', '3', '--bootstrap', bootstrap()]);
  expect([again.code, again.stdout]).toEqual([0, 'broker 3 holds no replicas\n']);
});

it('refuses a drain that would leave a partition short of replicas', async () => {
  const refused = await runTrib(['broker', 'drain', '2', '--bootstrap', bootstrap()]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/cannot drain broker 2: drained\/\d has 2 replicas/);
});
