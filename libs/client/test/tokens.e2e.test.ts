// Bearer tokens end to end (DESIGN §7) on 3 coordinators + 3 brokers with TLS and
// --auth-tokens: a client with only the CA and a token produces, consumes and uses the node
// tree through the SDK and the CLI; plaintext, another CA, no credentials, an unknown and an
// expired token are refused; and a token naming a member's principal still cannot join Raft or
// pull replication (those want a member certificate).
import * as grpc from '@grpc/grpc-js';
import { contract, readError } from '@tributary/rpc';
import {
  CLIENT_PRINCIPAL,
  eventually,
  MEMBER_PRINCIPAL,
  runTrib,
  SecureCluster,
  type BrokerCluster,
  type CoordinatorCluster,
  type TestCertificates,
} from '@tributary/testkit';
import { Admin, Consumer, CoordinationClient, Producer } from '../src';

jest.setTimeout(240_000);

const TOKEN = 'trib_alice-test-token';
const EXPIRED = 'trib_expired-test-token';
const MEMBER_TOKEN = 'trib_member-named-token';

let cluster: SecureCluster;
let certs: TestCertificates;
let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let bootstrap: string[];
let endpoints: string[];

beforeAll(async () => {
  cluster = await SecureCluster.start({
    coordinators: 3,
    brokers: 3,
    // alice may do anything: this file is about who gets in, acl-enforcement about what they may do.
    superUsers: [CLIENT_PRINCIPAL, 'alice'],
    tokens: {
      alice: TOKEN,
      mallory: { token: EXPIRED, expiresAt: Date.now() - 60_000 },
      [MEMBER_PRINCIPAL]: MEMBER_TOKEN,
    },
  });
  ({ certs, coordinators, brokers, bootstrap, endpoints } = cluster);
});
afterAll(() => cluster?.shutdown());
const track = <T extends { close(): unknown }>(client: T): T => cluster.track(client);

const caOnly = () => ({ tls: { ca: certs.pem(null).ca } });

function coordination(options: Partial<ConstructorParameters<typeof CoordinationClient>[0]>) {
  return track(new CoordinationClient({ endpoints, requestTimeoutMs: 3_000, ...options }));
}

it('a client with the CA and a token produces, consumes and uses the node tree', async () => {
  const auth = { ...caOnly(), token: TOKEN };
  const admin = new Admin({ bootstrap, ...auth });
  track(admin);
  await admin.createTopic('tokens', { partitions: 1, replicationFactor: 3 });
  await eventually(
    async () => (await admin.describeTopics(['tokens']))[0]!.partitions[0]!.isr.length === 3,
    30_000,
    'all three replicas of tokens/0 in the ISR',
  );
  const producer = new Producer({ bootstrap, ...auth, acks: 'all' });
  const { partition, offset } = await producer.send({ topic: 'tokens', value: 'with a token' });
  await producer.close();
  const consumer = new Consumer({ bootstrap, ...auth, fetchWaitMsMax: 100 });
  track(consumer);
  await consumer.assign('tokens', offset, [partition]);
  let records = await consumer.poll();
  while (records.length === 0) records = await consumer.poll();
  expect(records[0]!.value!.toString()).toBe('with a token');

  const kv = coordination(auth);
  await kv.create('/tokens', 'hello');
  expect((await kv.get('/tokens')).data.toString()).toBe('hello');
  // The CLI takes the same from its environment.
  const cli = await runTrib(['kv', 'get', '/tokens', '--coordinators', endpoints.join(',')], {
    env: { TRIBUTARY_TLS_CA: certs.ca.cert, TRIBUTARY_TOKEN: TOKEN },
  });
  expect([cli.code, cli.stdout]).toEqual([0, expect.stringContaining('hello')]);
});

it('trib bench coord measures a token cluster with --token', async () => {
  const bench = await runTrib(
    [
      'bench',
      'coord',
      '--coordinators',
      endpoints.join(','),
      '--tls-ca',
      certs.ca.cert,
      '--token',
      TOKEN,
      ...['--duration-s', '1', '--warmup-s', '0', '--clients', '1', '--ops', 'set'],
      ...['--mode', 'execute', '--keys', '10', '--json'],
    ],
    { timeoutMs: 60_000 },
  );
  expect({ code: bench.code, stderr: bench.code === 0 ? '' : bench.stderr }).toEqual({
    code: 0,
    stderr: '',
  });
  const [row] = (JSON.parse(bench.stdout) as { results: { ops: number }[] }).results;
  expect(row!.ops).toBeGreaterThan(0);
});

it('refuses plaintext, another CA, no credentials, unknown and expired tokens', async () => {
  const unavailable = [{}, { tls: certs.pem(null, certs.otherCa()), token: TOKEN }];
  for (const options of unavailable) {
    const error = await coordination(options)
      .get('/')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: grpc.status.UNAVAILABLE });
  }
  const refused: [object, RegExp][] = [
    [caOnly(), /no credentials/],
    [{ ...caOnly(), token: 'trib_guessed' }, /unknown bearer token/],
    [{ ...caOnly(), token: EXPIRED }, /'mallory' expired/],
  ];
  for (const [options, message] of refused) {
    const error = await coordination(options)
      .get('/')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: grpc.status.UNAUTHENTICATED, reason: 'UNAUTHENTICATED' });
    expect((error as Error).message).toMatch(message);
    const admin = new Admin({ bootstrap, requestTimeoutMs: 3_000, ...options });
    track(admin);
    await expect(admin.describeTopics()).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
  }
  const cli = await runTrib(['topic', 'list', '--bootstrap', bootstrap.join(',')], {
    env: { TRIBUTARY_TLS_CA: certs.ca.cert, TRIBUTARY_TOKEN: 'trib_guessed' },
  });
  expect([cli.code, cli.stderr]).toEqual([1, expect.stringContaining('unknown bearer token')]);
});

it('keeps a token out of Raft and replication, even one naming a member', async () => {
  const v1 = contract().tributary;
  const creds = grpc.credentials.combineChannelCredentials(
    certs.credentials(null),
    grpc.credentials.createFromMetadataGenerator((_p, cb) => {
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${MEMBER_TOKEN}`);
      cb(null, metadata);
    }),
  );
  const raft = new v1.raft.v1.RaftService(coordinators.member(1).address, creds);
  const replication = new v1.broker.v1.ReplicationService(brokers.broker(1).address, creds);
  track(raft);
  track(replication);
  const raftError = await new Promise<grpc.ServiceError | null>((resolve) => {
    const stream = raft.Send({ deadline: Date.now() + 5_000 }, (error) => resolve(error));
    stream.end();
  });
  const fetchError = await new Promise<grpc.ServiceError | null>((resolve) =>
    replication.ReplicaFetch(
      { replica_id: 99, partitions: [] },
      { deadline: Date.now() + 5_000 },
      (error) => resolve(error),
    ),
  );
  for (const error of [raftError, fetchError]) {
    expect(error?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(readError(error).message).toMatch(/member certificate/);
  }
});
