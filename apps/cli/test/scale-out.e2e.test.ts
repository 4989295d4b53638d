// Scaling brokers out and in, as an operator does it with `kubectl scale` and the trib CLI:
// 1 coordinator, 3 brokers holding 24 partitions × RF 2 under an acks=all idempotent producer;
// brokers 4 and 5 join, `trib partitions rebalance --dry-run` shows the plan and moves nothing,
// `trib partitions rebalance` moves only the replicas over the even share while the producer
// keeps writing, and then every broker leads 24/5 ± 1 partitions. `trib broker drain 5` moves
// everything off broker 5. Every acknowledged record is read back at its offset at the end.
import { Producer, type RecordMetadata } from '@tributary/client';
import {
  BrokerCluster,
  call,
  CoordinatorCluster,
  eventually,
  runTrib,
  topicRecords,
} from '@tributary/testkit';

jest.setTimeout(300_000);

const TOPIC = 'scaled';
const PARTITIONS = 24;

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

const bootstrap = () => [1, 2, 3].map((id) => brokers.broker(id).address).join(',');
const trib = (...args: string[]) =>
  runTrib([...args, '--bootstrap', bootstrap()], { timeoutMs: 180_000 });

async function partitions(): Promise<any[]> {
  const r = await call<any>(brokers.client(1), 'DescribeTopics', { names: [TOPIC] });
  return r.topics[0].partitions;
}

/** Partitions led per broker, once every partition's leader is its preferred replica. */
async function leadersPerBroker(): Promise<Map<number, number>> {
  let out = new Map<number, number>();
  await eventually(
    async () => {
      const ps = await partitions();
      out = new Map();
      for (const p of ps) out.set(p.leader, (out.get(p.leader) ?? 0) + 1);
      return ps.every((p) => p.leader === p.replicas[0]);
    },
    60_000,
    'every partition led by its preferred replica',
  );
  return out;
}

/** Sends records round the partitions until stop(); the acknowledged ones, by partition. */
function keepProducing() {
  const producer = new Producer({
    bootstrap: bootstrap().split(','),
    acks: 'all',
    idempotent: true,
    lingerMs: 2,
  });
  const acked: RecordMetadata[] = [];
  const values = new Map<string, string>();
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped) {
      const batch = Array.from({ length: 48 }, () => {
        const value = `v${n}`;
        const partition = n++ % PARTITIONS;
        return producer.send({ topic: TOPIC, partition, value }).then((m) => {
          acked.push(m);
          values.set(`${m.partition}/${m.offset}`, value);
        });
      });
      await Promise.all(batch);
    }
  })();
  return {
    acked,
    values,
    async stop() {
      stopped = true;
      await loop;
      await producer.close();
    },
  };
}

it('added brokers take an even share of replicas and leaders, and a drained one gives all back, with nothing acknowledged lost', async () => {
  await call(brokers.client(1), 'CreateTopic', {
    name: TOPIC,
    partitions: PARTITIONS,
    replication_factor: 2,
  });
  await leadersPerBroker();
  const producing = keepProducing();
  await eventually(async () => producing.acked.length > 2_000, 60_000, 'records acknowledged');

  await brokers.add(4);
  await brokers.add(5);
  const before = await partitions();

  const dry = await trib('partitions', 'rebalance', '--dry-run', '--json');
  expect(dry.code).toBe(0);
  const planned = JSON.parse(dry.stdout);
  expect(planned.dryRun).toBe(true);
  expect(await partitions()).toEqual(before);
  // 48 replicas over 5 brokers is 9 or 10 each: the three old brokers give 18 in all.
  const moved = planned.moves.flatMap((m: { partition: number; replicas: number[] }) =>
    m.replicas.filter((b) => !before[m.partition].replicas.includes(b)),
  );
  expect(moved.length).toBe(18);

  const done = await trib('partitions', 'rebalance');
  expect(done.stderr).toMatch(/moved (\d+)\/\1 partition\(s\)\n$/);
  expect(done.code).toBe(0);
  const replicasOf = new Map<number, number>();
  for (const p of await partitions()) {
    expect(p).toMatchObject({ adding_replicas: [], removing_replicas: [] });
    for (const b of p.replicas) replicasOf.set(b, (replicasOf.get(b) ?? 0) + 1);
  }
  const leads = await leadersPerBroker();
  for (const id of [1, 2, 3, 4, 5]) {
    expect([id, 'replicas', [9, 10].includes(replicasOf.get(id)!)]).toEqual([id, 'replicas', true]);
    expect([id, 'leads', [4, 5].includes(leads.get(id)!)]).toEqual([id, 'leads', true]);
  }
  const again = await trib('partitions', 'rebalance', '--dry-run');
  expect(again.stdout).toMatch(/nothing to move/);

  const drained = await trib('broker', 'drain', '5');
  expect(drained.code).toBe(0);
  for (const p of await partitions()) expect(p.replicas).not.toContain(5);
  await eventually(
    async () => (await partitions()).every((p) => p.leader !== 5),
    30_000,
    'broker 5 to lead nothing',
  );

  await producing.stop();
  expect(producing.acked.length).toBeGreaterThan(2_000);
  const stored = await topicRecords(brokers, TOPIC);
  const lost = [...producing.values].filter(([at, value]) => stored.get(at) !== value);
  expect(lost).toEqual([]);
});
