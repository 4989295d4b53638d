// The TypeScript lines a README quickstart shows, run as written against what `trib dev`
// starts (3 coordinators, 3 brokers), addresses from the two variables it prints: an
// ephemeral node, produce and consume with the group's lag, a lock released by `await using`,
// a watched config path. Each `it` body between the markers is the snippet, verbatim.
import { BrokerCluster, CoordinatorCluster, eventually } from '@tributary/testkit';
import { Admin, ConfigMap, Consumer, CoordinationClient, Producer } from '../src';

jest.setTimeout(180_000);

let coordinatorCluster: CoordinatorCluster;
let brokerCluster: BrokerCluster;
const logged: unknown[][] = [];
// The snippets print with console.log; here that records what they print, for the checks.
const console = { log: (...args: unknown[]) => logged.push(args) };

beforeAll(async () => {
  coordinatorCluster = await CoordinatorCluster.start({ size: 3, leaderTimeoutMs: 80_000 });
  brokerCluster = await BrokerCluster.start({ coordinators: coordinatorCluster, size: 3 });
  process.env.TRIBUTARY_COORDINATORS = [...coordinatorCluster.members.values()]
    .map((m) => m.address)
    .join(',');
  process.env.TRIBUTARY_BOOTSTRAP = brokerCluster
    .live()
    .map((b) => b.address)
    .join(',');
}, 150_000);

afterAll(async () => {
  await brokerCluster?.shutdown();
  await coordinatorCluster?.shutdown();
});

beforeEach(() => (logged.length = 0));

it('an ephemeral node /test holding hello, gone with its session', async () => {
  // --- snippet
  const client = new CoordinationClient({
    endpoints: process.env.TRIBUTARY_COORDINATORS!.split(','),
  });
  const session = await client.openSession({ ttlMs: 10_000 }); // kept alive until closed
  await client.create('/test', 'hello', { ephemeral: true, session });
  console.log((await client.get('/test')).data.toString()); // hello
  await session.close(); // deletes /test
  // --- end
  expect(logged).toEqual([['hello']]);
  await expect(client.get('/test')).rejects.toMatchObject({ reason: 'NO_NODE' });
  await client.close();
});

it('produce hello to topic test, consume it back and read the lag', async () => {
  // --- snippet
  const bootstrap = process.env.TRIBUTARY_BOOTSTRAP!.split(',');
  const admin = new Admin({ bootstrap });
  await admin.createTopic('test', { partitions: 1, replicationFactor: 3 });

  const producer = new Producer({ bootstrap });
  const { partition, offset } = await producer.send({ topic: 'test', value: 'hello' });
  console.log(`sent to test/${partition}@${offset}`);
  await producer.close();

  const consumer = new Consumer({ bootstrap });
  await consumer.subscribe(['test'], { groupId: 'quickstart', fromBeginning: true });
  for await (const record of consumer) {
    console.log(record.value?.toString()); // hello
    break;
  }
  await consumer.commit();
  console.log((await admin.describeGroup('quickstart')).totalLag); // 0
  await consumer.close();
  admin.close();
  // --- end
  expect(logged).toEqual([['sent to test/0@0'], ['hello'], [0]]);
});

it('a lock, released when its scope ends', async () => {
  const client = new CoordinationClient({
    endpoints: process.env.TRIBUTARY_COORDINATORS!.split(','),
  });
  const session = await client.openSession();
  // --- snippet
  {
    await using lock = await client.lock('/my-lock', { session });
    console.log(`holding /my-lock, fencing token ${lock.fencingToken}`);
  } // released here, also on a throw
  // --- end
  expect(logged[0]?.[0]).toMatch(/^holding \/my-lock, fencing token \d+$/);
  expect((await client.list('/my-lock')).children).toEqual([]);
  await client.close();
});

it('watch a config path', async () => {
  const client = new CoordinationClient({
    endpoints: process.env.TRIBUTARY_COORDINATORS!.split(','),
  });
  // --- snippet
  await client.create('/config', '');
  await client.create('/config/greeting', 'hello');
  const config = await ConfigMap.open(client, '/config');
  console.log(config.get('greeting')?.toString()); // hello
  config.on('change', ({ type, key, value }) => console.log(type, key, value?.toString()));
  await client.set('/config/greeting', 'hi'); // → updated greeting hi
  // --- end
  await eventually(() => logged.length === 2, 10_000, 'the change');
  expect(logged).toEqual([['hello'], ['updated', 'greeting', 'hi']]);
  config.close();
  await client.close();
});
