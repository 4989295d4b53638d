// Streams reaped for idleness (--stream-idle-ms) on real processes: a coordinator and a broker
// close a stream nobody writes to with STREAM_IDLE, and the SDK, whose Execute, ProduceStream
// and KeepAlive streams sit idle past the limit between uses, goes on as if nothing happened:
// it opens a new stream when it next needs one, and a session outlives many reaped streams.
import * as grpc from '@grpc/grpc-js';
import { contract, readError } from '@tributary/rpc';
import { BrokerCluster, CoordinatorCluster } from '@tributary/testkit';
import { Admin, Consumer, CoordinationClient, Producer } from '../src';

jest.setTimeout(120_000);

const IDLE_MS = 1_500;
const idleFlags = ['--stream-idle-ms', String(IDLE_MS)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1, extraArgs: idleFlags });
  brokers = await BrokerCluster.start({ coordinators, size: 1, extraArgs: idleFlags });
}, 90_000);

afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

/** Opens `method` on a plain client, writes nothing, and returns how the stream ended. */
function idleStream(client: grpc.Client, method: string) {
  const started = Date.now();
  const stream = (
    client as unknown as Record<string, () => grpc.ClientDuplexStream<object, object>>
  )[method]!();
  return new Promise<{ error: grpc.ServiceError; ms: number }>((resolve) => {
    stream.on('data', () => undefined);
    stream.on('error', (error: grpc.ServiceError) => {
      client.close();
      resolve({ error, ms: Date.now() - started });
    });
  });
}

it('a coordinator and a broker each reap a stream nobody writes to', async () => {
  const api = contract().tributary;
  const insecure = grpc.credentials.createInsecure();
  const coordinator = new api.coord.v1.CoordinationService(
    [...coordinators.members.values()][0]!.address,
    insecure,
  );
  const broker = new api.broker.v1.BrokerService(brokers.live()[0]!.address, insecure);
  for (const ended of await Promise.all([
    idleStream(coordinator, 'Execute'),
    idleStream(coordinator, 'KeepAlive'),
    idleStream(broker, 'ProduceStream'),
  ])) {
    expect(readError(ended.error).reason).toBe('STREAM_IDLE');
    expect(ended.ms).toBeGreaterThanOrEqual(IDLE_MS - 50);
  }
});

it('the SDK reopens reaped Execute and KeepAlive streams; its session lives on', async () => {
  const endpoints = [...coordinators.members.values()].map((m) => m.address);
  const c = new CoordinationClient({ endpoints, mode: 'execute', requestTimeoutMs: 10_000 });
  try {
    // Keepalives every 3 s, twice the idle limit: every KeepAlive stream is reaped between them.
    const session = await c.openSession({ ttlMs: 9_000 });
    await c.create('/idle-owner', '1', { ephemeral: true, session });
    for (let round = 0; round < 4; round++) {
      await sleep(2 * IDLE_MS);
      const got = await c.get('/idle-owner');
      expect(got.data.toString()).toBe('1');
      await c.set('/idle-owner', '1');
    }
    expect(session.state).toBe('alive');
    expect((await c.get('/idle-owner')).stat.ephemeralOwner).toBe(session.id);
  } finally {
    await c.close();
  }
});

it('the SDK producer reopens a reaped ProduceStream; every record is acknowledged once', async () => {
  const bootstrap = brokers.live().map((b) => b.address);
  const admin = new Admin({ bootstrap });
  const producer = new Producer({ bootstrap, acks: 'all' });
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  try {
    await admin.createTopic('idle-produce', { partitions: 1, replicationFactor: 1 });
    for (let round = 0; round < 3; round++) {
      const acked = await producer.send({ topic: 'idle-produce', value: Buffer.from(`r${round}`) });
      expect(acked.offset).toBe(round);
      await sleep(2 * IDLE_MS);
    }
    await consumer.assign('idle-produce', 'earliest');
    const values: string[] = [];
    const deadline = Date.now() + 20_000;
    while (values.length < 3 && Date.now() < deadline)
      for (const r of await consumer.poll()) values.push(r.value!.toString());
    expect(values).toEqual(['r0', 'r1', 'r2']);
  } finally {
    await consumer.close();
    await producer.close();
    admin.close();
  }
});
