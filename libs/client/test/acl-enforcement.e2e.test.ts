// ACLs enforced on real processes (DESIGN §7): a coordinator and a broker with TLS and bearer
// tokens; the test client's certificate is a super-user and grants ACLs, alice and bob are
// ordinary principals with tokens. For each resource type and operation, the principal granted
// it is served and the other is refused PERMISSION_DENIED — through the SDK, the CLI, a watch
// stream, an Execute stream, a ProduceStream and the admin calls a broker passes through.
import * as grpc from '@grpc/grpc-js';
import type { AclEntry } from '@tributary/coord-state';
import { contract } from '@tributary/rpc';
import {
  eventually,
  runTrib,
  scrapeMetrics,
  SecureCluster,
  type TestCertificates,
} from '@tributary/testkit';
import { Admin, Consumer, CoordinationClient, Producer } from '../src';

jest.setTimeout(240_000);

const TOKENS = { alice: 'trib_alice-acl-token', bob: 'trib_bob-acl-token' };
type Who = keyof typeof TOKENS;

let cluster: SecureCluster;
let bootstrap: string[];
let endpoints: string[];
let certs: TestCertificates;
let root: Admin;

beforeAll(async () => {
  cluster = await SecureCluster.start({ coordinators: 1, brokers: 1, tokens: TOKENS });
  ({ bootstrap, endpoints, certs } = cluster);
  root = track(new Admin({ bootstrap, ...cluster.client() }));
});
afterAll(() => cluster?.shutdown());

const track = <T extends { close(): unknown }>(client: T): T => cluster.track(client);
const as = (who: Who) => cluster.as(who);
const admin = (who: Who) => track(new Admin({ bootstrap, requestTimeoutMs: 5_000, ...as(who) }));
const kv = (who: Who, mode: 'execute' | 'unary' = 'execute') =>
  track(new CoordinationClient({ endpoints, mode, requestTimeoutMs: 5_000, ...as(who) }));

const allow = (
  principal: Who | '*',
  resourceType: AclEntry['resourceType'],
  name: string,
  operation: AclEntry['operation'],
  patternType: AclEntry['patternType'] = 'literal',
): AclEntry => ({ principal, resourceType, name, operation, patternType, permission: 'allow' });

/** Resolves to 'ok', or to the gRPC code name a call failed with. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === grpc.status.PERMISSION_DENIED) {
      expect((error as Error).message).toMatch(/trib acl add --principal/);
      if (process.env['ACL_DEBUG']) console.log((error as Error).message);
      return 'denied';
    }
    return `failed: ${code} ${(error as Error).message}`;
  }
}

/** The broker sees ACLs through its metadata watch: wait until it answers `principal` ok. */
async function grant(entries: AclEntry[], settled: () => Promise<unknown>) {
  await root.addAcls(entries);
  let last = '';
  await eventually(async () => (last = await outcome(settled)) === 'ok', 10_000, 'the grant').catch(
    (error: Error) => {
      throw new Error(`${error.message}; last outcome: ${last}`);
    },
  );
}

describe('topics', () => {
  it('create, describe, write, read, alter and delete each need their grant', async () => {
    const alice = admin('alice');
    const bob = admin('bob');
    expect(
      await outcome(() => alice.createTopic('a-orders', { partitions: 1, replicationFactor: 1 })),
    ).toBe('denied');
    await grant([allow('alice', 'topic', 'a-', 'create', 'prefix')], () =>
      alice.createTopic('a-orders', { partitions: 1, replicationFactor: 1 }),
    );
    expect(
      await outcome(() => bob.createTopic('a-other', { partitions: 1, replicationFactor: 1 })),
    ).toBe('denied');

    // Describe: implied by write; bob has nothing.
    expect(await outcome(() => alice.describeTopics(['a-orders']))).toBe('denied');
    await grant([allow('alice', 'topic', 'a-orders', 'write')], () =>
      alice.describeTopics(['a-orders']),
    );
    expect(await outcome(() => bob.describeTopics(['a-orders']))).toBe('denied');
    expect(await outcome(() => alice.describeCluster())).toBe('denied'); // cluster describe

    // Write: unary Produce and ProduceStream (the SDK's path) both checked.
    const writer = track(new Producer({ bootstrap, ...as('alice'), acks: 'leader' }));
    const sent = await writer.send({ topic: 'a-orders', value: 'first' });
    const bobWriter = track(new Producer({ bootstrap, ...as('bob'), requestTimeoutMs: 3_000 }));
    expect(await outcome(() => bobWriter.send({ topic: 'a-orders', value: 'x' }))).toBe('denied');

    // Read: write does not imply it.
    const read = async (who: Who) => {
      const consumer = track(new Consumer({ bootstrap, ...as(who), fetchWaitMsMax: 50 }));
      await consumer.assign('a-orders', sent.offset, [sent.partition]);
      let records = await consumer.poll();
      for (let i = 0; records.length === 0 && i < 20; i++) records = await consumer.poll();
      return records.map((r) => r.value!.toString());
    };
    expect(await outcome(() => read('alice'))).toBe('denied');
    await grant([allow('alice', 'topic', 'a-orders', 'read')], () => read('alice'));
    expect(await read('alice')).toEqual(['first']);
    expect(await outcome(() => read('bob'))).toBe('denied');

    // Alter (passed through to the coordinators) and delete.
    const alter = (who: Admin) =>
      who.updateTopicConfig('a-orders', { set: { 'retention.ms': '60000' } });
    expect(await outcome(() => alter(alice))).toBe('denied');
    expect(await outcome(() => alice.createPartitions('a-orders', 2))).toBe('denied');
    await grant([allow('alice', 'topic', 'a-orders', 'alter')], () => alter(alice));
    expect(await outcome(() => alter(bob))).toBe('denied');
    expect(await outcome(() => alice.deleteTopic('a-orders'))).toBe('denied');
    await grant([allow('alice', 'topic', 'a-', 'delete', 'prefix')], () =>
      alice.deleteTopic('a-orders'),
    );
  });

  it('a deny wins over any allow', async () => {
    await root.createTopic('d-secret', { partitions: 1, replicationFactor: 1 });
    await root.createTopic('d-public', { partitions: 1, replicationFactor: 1 });
    const producer = track(new Producer({ bootstrap, ...as('bob'), requestTimeoutMs: 3_000 }));
    await grant([allow('bob', 'topic', 'd-', 'all', 'prefix')], () =>
      producer.send({ topic: 'd-public', value: 'x' }),
    );
    await root.addAcls([{ ...allow('bob', 'topic', 'd-secret', 'write'), permission: 'deny' }]);
    await eventually(
      async () =>
        (await outcome(() => producer.send({ topic: 'd-secret', value: 'x' }))) === 'denied',
      10_000,
      'the deny to apply',
    );
    expect(await outcome(() => producer.send({ topic: 'd-public', value: 'y' }))).toBe('ok');
  });
});

describe('groups', () => {
  it('joining and committing need group read; describing needs describe', async () => {
    await root.createTopic('g-events', { partitions: 1, replicationFactor: 1 });
    const join = async (who: Who) => {
      const consumer = track(new Consumer({ bootstrap, ...as(who), requestTimeoutMs: 5_000 }));
      await consumer.subscribe(['g-events'], { groupId: 'g-workers' });
      await consumer.close();
    };
    await root.addAcls([allow('alice', 'topic', 'g-events', 'read')]);
    expect(await outcome(() => join('alice'))).toBe('denied');
    await grant([allow('alice', 'group', 'g-workers', 'read')], () => join('alice'));
    expect(await outcome(() => join('bob'))).toBe('denied');
    expect(await outcome(() => admin('bob').describeGroup('g-workers'))).toBe('denied');
    // The group's committed offsets are shown only with describe on their topics too.
    await root.addAcls([allow('bob', 'group', 'g-', 'describe', 'prefix')]);
    expect(await outcome(() => admin('bob').describeGroup('g-workers'))).toBe('denied');
    await grant([allow('bob', 'topic', 'g-events', 'describe')], () =>
      admin('bob').describeGroup('g-workers'),
    );
    expect(await outcome(() => admin('bob').listGroups())).toBe('denied'); // cluster describe
  });
});

describe('paths', () => {
  // The SDK's default sends node-tree calls on one Execute stream, checked message by message
  // (a refused request is answered in band and the stream goes on); 'unary' uses plain calls.
  it.each(['execute', 'unary'] as const)(
    'create, read, write, delete and watch a subtree need their grant (%s)',
    async (mode) => {
      const base = `/${mode}/app`;
      const rootKv = track(new CoordinationClient({ endpoints, ...cluster.client() }));
      await rootKv.create(`/${mode}`, '');
      await rootKv.create(base, 'root');
      await rootKv.create(`${base}le`, 'a sibling whose name starts the same');
      const alice = kv('alice', mode);
      const bob = kv('bob', mode);
      expect(await outcome(() => alice.create(`${base}/config`, 'v1'))).toBe('denied');
      await root.addAcls([
        allow('alice', 'path', base, 'create', 'prefix'),
        allow('alice', 'path', base, 'read', 'prefix'),
        allow('alice', 'path', `${base}/config`, 'write'),
      ]);
      expect(await outcome(() => alice.create(`${base}/config`, 'v1'))).toBe('ok');
      expect((await alice.get(`${base}/config`)).data.toString()).toBe('v1');
      expect(await outcome(() => alice.set(`${base}/config`, 'v2'))).toBe('ok');
      expect(await outcome(() => alice.delete(`${base}/config`))).toBe('denied');
      expect(await outcome(() => alice.get(`${base}le`))).toBe('denied'); // whole segments only
      expect(await outcome(() => alice.list(base))).toBe('ok');
      expect(await outcome(() => bob.get(`${base}/config`))).toBe('denied');
      expect(await outcome(() => bob.list(base))).toBe('denied');
      // A transaction needs what each of its parts needs.
      const txn = (op: object) => alice.txn({ compares: [], success: [op], failure: [] } as never);
      expect(await outcome(() => txn({ delete: { path: `${base}/config` } }))).toBe('denied');
      expect(await outcome(() => txn({ get: { path: `${base}/config` } }))).toBe('ok');

      // A watch stream is checked when it opens.
      const firstEvent = async (client: CoordinationClient) => {
        const watch = client.watch(base, { prefix: true });
        track(watch);
        for await (const event of watch) return event.path;
        return undefined;
      };
      expect(await outcome(() => firstEvent(bob))).toBe('denied');
      const seen = firstEvent(alice);
      await new Promise((r) => setTimeout(r, 300));
      await alice.set(`${base}/config`, 'v3');
      expect(await seen).toBe(`${base}/config`);
    },
  );
});

describe('sessions', () => {
  it('only the principal that opened a session acts for it', async () => {
    await root.addAcls([allow('*', 'path', '/shared', 'all', 'prefix')]);
    await track(new CoordinationClient({ endpoints, ...cluster.client() })).create('/shared', '');
    const session = await kv('alice').openSession({ ttlMs: 10_000 });
    const id = session.id;
    // Bob, with a plain gRPC client and alice's (guessable) session id.
    const v1 = contract().tributary.coord.v1;
    const creds = grpc.credentials.combineChannelCredentials(
      certs.credentials(null),
      grpc.credentials.createFromMetadataGenerator((_p, cb) => {
        const metadata = new grpc.Metadata();
        metadata.set('authorization', `Bearer ${TOKENS.bob}`);
        cb(null, metadata);
      }),
    );
    const bob = new v1.CoordinationService(endpoints[0]!, creds);
    track(bob);
    const unary = (method: string, request: object) =>
      new Promise<grpc.ServiceError | null>((resolve) =>
        (bob as unknown as Record<string, (...a: unknown[]) => void>)[method]!.call(
          bob,
          request,
          { deadline: Date.now() + 5_000 },
          (error: grpc.ServiceError | null) => resolve(error),
        ),
      );
    const closeError = await unary('CloseSession', { session_id: id });
    const createError = await unary('Create', {
      path: '/shared/bob-in-alices-session',
      ephemeral: true,
      session_id: id,
    });
    const keepAliveError = await new Promise<grpc.ServiceError | null>((resolve) => {
      const stream = bob.KeepAlive();
      stream.on('data', () => resolve(null));
      stream.on('error', (error: grpc.ServiceError) => resolve(error));
      stream.write({ session_id: id });
    });
    for (const error of [closeError, createError, keepAliveError]) {
      expect(error?.code).toBe(grpc.status.PERMISSION_DENIED);
      expect(error?.details).toMatch(`session ${id} belongs to another principal`);
    }
    // Alice's session is untouched, and hers to use.
    const mine = () => kv('alice').create('/shared/alice', '', { ephemeral: true, session });
    expect(await outcome(mine)).toBe('ok');
    await session.close();
  });
});

describe('the cluster', () => {
  it('ACL changes need cluster alter; the CLI shows the same refusals', async () => {
    expect(
      await outcome(() => admin('bob').addAcls([allow('bob', 'cluster', 'cluster', 'all')])),
    ).toBe('denied');
    expect(await outcome(() => admin('bob').listAcls())).toBe('denied');
    const env = { TRIBUTARY_TLS_CA: certs.ca.cert, TRIBUTARY_TOKEN: TOKENS.bob };
    const cli = await runTrib(['acl', 'list', '--bootstrap', bootstrap.join(',')], { env });
    expect([cli.code, cli.stderr]).toEqual([1, expect.stringContaining('PERMISSION_DENIED')]);
    const status = await runTrib(['cluster', 'status', '--coordinators', endpoints.join(',')], {
      env,
    });
    expect(status.code).not.toBe(0);
    expect(status.stderr).toMatch(/to describe the cluster/);
    // Granted through the CLI, as the test client (a super-user).
    const rootEnv = {
      TRIBUTARY_TLS_CA: certs.ca.cert,
      TRIBUTARY_TLS_CERT: certs.client.cert,
      TRIBUTARY_TLS_KEY: certs.client.key,
    };
    const granted = await runTrib(
      [
        ...['acl', 'add', '--principal', 'bob', '--cluster', '--operation', 'describe', '--allow'],
        ...['--bootstrap', bootstrap.join(',')],
      ],
      { env: rootEnv },
    );
    expect(granted.code).toBe(0);
    await eventually(
      async () =>
        (await runTrib(['acl', 'list', '--bootstrap', bootstrap.join(',')], { env })).code === 0,
      10_000,
      'bob to list the ACLs',
    );
  });
});

// Last in the file: the refusals of the tests above.
it('counts every refusal where it was decided: topics on the broker, paths and sessions on the coordinator', async () => {
  const broker = await scrapeMetrics(cluster.brokers.broker(1).metricsAddress);
  const coordinator = await scrapeMetrics(cluster.coordinators.member(1).metricsAddress);
  expect(
    broker.sum('tributary_authorization_denied_total', { resource_type: 'topic' }),
  ).toBeGreaterThan(0);
  expect(
    coordinator.sum('tributary_authorization_denied_total', { resource_type: 'path' }),
  ).toBeGreaterThan(0);
  expect(
    coordinator.sum('tributary_authorization_denied_total', { resource_type: 'session' }),
  ).toBeGreaterThan(0);
});
