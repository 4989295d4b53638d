// Quotas on real processes (DESIGN §7): a broker with --quota-produce-bytes and
// --quota-fetch-bytes for alice and a coordinator with --quota-requests for alice. Alice,
// producing, consuming and reading as fast as the SDK can, is held near her rates (the SDK
// waits out each THROTTLED's RetryInfo and resends); bob, at the same time, is not.
import { randomBytes } from 'node:crypto';
import { scrapeMetrics, SecureCluster } from '@tributary/testkit';
import { Admin, Consumer, CoordinationClient, Producer } from '../src';

jest.setTimeout(180_000);

const TOKENS = { alice: 'trib_alice-quota-token', bob: 'trib_bob-quota-token' };
type Who = keyof typeof TOKENS;
const BYTES_PER_SEC = 256 * 1024;
const REQUESTS_PER_SEC = 100;
const RUN_MS = 4_000;
// Random, so that compression cannot make the bytes on the wire (what quotas count) fewer.
const RECORD = randomBytes(1024);
const FETCH_MAX_BYTES = 64 * 1024;
/** More than either consumer can read in RUN_MS at alice's rate. */
const SHARED_RECORDS = 8 * 1024;

let cluster: SecureCluster;
let bootstrap: string[];
let endpoints: string[];

beforeAll(async () => {
  cluster = await SecureCluster.start({
    coordinators: 1,
    brokers: 1,
    tokens: TOKENS,
    coordinatorArgs: ['--quota-requests', `alice=${REQUESTS_PER_SEC}`],
    brokerArgs: [
      ...['--quota-produce-bytes', `alice=${BYTES_PER_SEC}`],
      ...['--quota-fetch-bytes', `alice=${BYTES_PER_SEC}`],
    ],
  });
  ({ bootstrap, endpoints } = cluster);
  const root = track(new Admin({ bootstrap, ...cluster.client() }));
  await root.addAcls(
    (['topic', 'path'] as const).map((resourceType) => ({
      principal: '*',
      resourceType,
      name: resourceType === 'topic' ? 'q-' : '/',
      patternType: 'prefix' as const,
      operation: 'all' as const,
      permission: 'allow' as const,
    })),
  );
  for (const topic of ['q-alice', 'q-bob', 'q-shared'])
    await root.createTopic(topic, { partitions: 1, replicationFactor: 1 });
  // Filled by the test client, a super-user: no quota holds it.
  // Small batches: a fetch answer holds at least one whole batch, whatever its max_bytes.
  const filler = track(
    new Producer({ bootstrap, ...cluster.client(), lingerMs: 5, batchBytesMax: 16_384 }),
  );
  await Promise.all(
    Array.from({ length: SHARED_RECORDS }, () => filler.send({ topic: 'q-shared', value: RECORD })),
  );
});
afterAll(() => cluster?.shutdown());

const track = <T extends { close(): unknown }>(client: T): T => cluster.track(client);
const as = (who: Who) => cluster.as(who);

/** Bytes acknowledged in RUN_MS, with up to 256 records in flight. */
async function produceFlat(who: Who): Promise<number> {
  const producer = track(new Producer({ bootstrap, ...as(who), acks: 'leader', lingerMs: 2 }));
  const until = Date.now() + RUN_MS;
  let acked = 0;
  const lane = async () => {
    while (Date.now() < until) {
      await producer.send({ topic: `q-${who}`, value: RECORD });
      if (Date.now() <= until) acked += RECORD.length;
    }
  };
  await Promise.all(Array.from({ length: 256 }, lane));
  return acked;
}

/** Bytes a consumer reads of `q-shared` in RUN_MS, from its start. */
async function consumeFlat(who: Who): Promise<number> {
  const consumer = track(
    new Consumer({ bootstrap, ...as(who), fetchWaitMsMax: 50, fetchBytesMax: FETCH_MAX_BYTES }),
  );
  await consumer.assign('q-shared', 0, [0]);
  const until = Date.now() + RUN_MS;
  let read = 0;
  while (Date.now() < until)
    for (const record of await consumer.poll()) read += record.value?.length ?? 0;
  return read;
}

/** Requests answered in RUN_MS, one at a time. */
async function readFlat(who: Who): Promise<number> {
  const kv = track(new CoordinationClient({ endpoints, mode: 'unary', ...as(who) }));
  const until = Date.now() + RUN_MS;
  let answered = 0;
  while (Date.now() < until) {
    await kv.get('/');
    if (Date.now() <= until) answered++;
  }
  return answered;
}

// A bucket starts full (one second's worth), so the most a principal gets in RUN_MS is
// (RUN_MS/1000 + 1) seconds of its rate, plus one call admitted into debt.
const ceiling = (rate: number, lastCall = 0) => rate * (RUN_MS / 1000 + 1) * 1.1 + lastCall;

it('holds a producer and a consumer to their byte rates while another principal goes on', async () => {
  const [alice, bob] = await Promise.all([produceFlat('alice'), produceFlat('bob')]);
  expect(alice).toBeLessThan(ceiling(BYTES_PER_SEC, 256 * 1024)); // one whole batch into debt
  expect(alice).toBeGreaterThan(BYTES_PER_SEC * (RUN_MS / 1000) * 0.6);
  expect(bob).toBeGreaterThan(alice * 3);

  const [aliceRead, bobRead] = await Promise.all([consumeFlat('alice'), consumeFlat('bob')]);
  expect(aliceRead).toBeLessThan(ceiling(BYTES_PER_SEC, FETCH_MAX_BYTES));
  expect(aliceRead).toBeGreaterThan(BYTES_PER_SEC * (RUN_MS / 1000) * 0.5);
  expect(bobRead).toBeGreaterThan(aliceRead * 3);
});

it('holds a coordination client to its request rate while another principal goes on', async () => {
  const [alice, bob] = await Promise.all([readFlat('alice'), readFlat('bob')]);
  expect(alice).toBeLessThan(ceiling(REQUESTS_PER_SEC));
  expect(alice).toBeGreaterThan(REQUESTS_PER_SEC * (RUN_MS / 1000) * 0.6);
  expect(bob).toBeGreaterThan(alice * 2);
});

it('counts the throttled calls, by quota', async () => {
  const broker = await scrapeMetrics(cluster.brokers.broker(1).metricsAddress);
  const coordinator = await scrapeMetrics(cluster.coordinators.member(1).metricsAddress);
  expect(broker.sum('tributary_throttled_total', { quota: 'produce bytes' })).toBeGreaterThan(0);
  expect(broker.sum('tributary_throttled_total', { quota: 'fetch bytes' })).toBeGreaterThan(0);
  expect(coordinator.sum('tributary_throttled_total', { quota: 'requests' })).toBeGreaterThan(0);
});
