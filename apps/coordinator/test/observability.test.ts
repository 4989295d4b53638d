// What operators and load balancers see of a real coordinator: /metrics with the Raft loop's
// numbers, /healthz, /readyz (ready once a leader is known, not before), grpc.health.v1
// following the same rule, and server reflection listing the coordination services.
import * as http from 'node:http';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';
import { callRetrying, CoordinatorCluster, eventually, type Member } from '@tributary/testkit';

jest.setTimeout(180_000);

const COORD = 'tributary.coord.v1.CoordinationService';
const CLUSTER = 'tributary.coord.v1.ClusterService';
let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
});
afterAll(() => cluster.shutdown());

function get(member: Member, route: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://${member.metricsAddress}${route}`, { timeout: 5000 }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/**
 * grpc.health.v1 Check of `service` ('' for the whole server): SERVING or NOT_SERVING, or
 * NOT_FOUND when the server has no status for that service.
 */
function health(member: Member, service: string): Promise<string> {
  const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
  const client = new Health(member.address, grpc.credentials.createInsecure()) as any;
  return new Promise<string>((resolve, reject) =>
    client.check(
      { service },
      { deadline: Date.now() + 5000 },
      (e: grpc.ServiceError | null, r: any) => {
        client.close();
        if (e?.code === grpc.status.NOT_FOUND) resolve('NOT_FOUND');
        else if (e) reject(e);
        else resolve(r.status);
      },
    ),
  );
}

/** The services a member lists through grpc.reflection.v1. */
function reflectedServices(member: Member): Promise<string[]> {
  const protoDir = path.dirname(require.resolve('@grpc/reflection/package.json'));
  const definition = protoLoader.loadSync('grpc/reflection/v1/reflection.proto', {
    keepCase: true,
    includeDirs: [path.join(protoDir, 'build/proto')],
  });
  const loaded = grpc.loadPackageDefinition(definition) as any;
  const client = new loaded.grpc.reflection.v1.ServerReflection(
    member.address,
    grpc.credentials.createInsecure(),
  );
  return new Promise<string[]>((resolve, reject) => {
    const stream = client.ServerReflectionInfo({ deadline: Date.now() + 5000 });
    stream.on('data', (response: any) => {
      resolve(response.list_services_response.service.map((s: { name: string }) => s.name));
      stream.end();
      client.close();
    });
    stream.on('error', (e: Error) => {
      client.close();
      reject(e);
    });
    stream.write({ list_services: '*' });
  });
}

/** Values of one metric in Prometheus text, e.g. `tributary_raft_applied_index` → [1234]. */
function metric(text: string, name: string): number[] {
  const line = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`, 'gm');
  return [...text.matchAll(line)].map((m) => Number(m[2]));
}

function one(text: string, name: string): number {
  const values = metric(text, name);
  expect({ name, count: values.length }).toEqual({ name, count: 1 });
  return values[0]!;
}

it('serves /metrics with sane Raft numbers, /healthz, /readyz, health SERVING and reflection', async () => {
  const leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Create', {
    path: '/obs',
    data: Buffer.alloc(0),
  });
  const WRITES = 50;
  for (let i = 0; i < WRITES; i++)
    await callRetrying(() => cluster.coord(leader), 'Create', {
      path: `/obs/k${i}`,
      data: Buffer.from(String(i)),
    });
  // Every member has applied the writes (Status is read before /metrics: the gauge only grows).
  const leaderApplied = (await cluster.status(leader)).applied_index;
  await eventually(
    async () => {
      const all = await Promise.all([1, 2, 3].map((id) => cluster.status(id)));
      return all.every((s) => s.applied_index >= leaderApplied);
    },
    30_000,
    'every member to apply the writes',
  );

  for (const id of [1, 2, 3]) {
    const m = cluster.member(id);
    const status = await cluster.status(id);
    const scraped = await get(m, '/metrics');
    expect(scraped.status).toBe(200);
    const text = scraped.body;
    expect(text).toMatch(new RegExp(`^tributary_raft_applied_index\\{[^}]*node_id="${id}"`, 'm'));
    const applied = one(text, 'tributary_raft_applied_index');
    expect(applied).toBeGreaterThanOrEqual(status.applied_index);
    expect(applied).toBeLessThanOrEqual(status.applied_index + 100); // nothing else writes much
    // Every member wrote the log it applied, each write timed.
    expect(one(text, 'tributary_raft_persisted_entries_total')).toBeGreaterThanOrEqual(WRITES);
    const persists = one(text, 'tributary_raft_persist_seconds_count');
    expect(persists).toBeGreaterThan(0);
    const persistSeconds = one(text, 'tributary_raft_persist_seconds_sum');
    expect(persistSeconds).toBeGreaterThan(0);
    expect(persistSeconds / persists).toBeLessThan(1); // a mean fsync under a second
    expect(one(text, 'tributary_raft_undecodable_entries_total')).toBe(0);
    if (id === leader) {
      // The leader proposed every write, in batches of at least one.
      const proposals = one(text, 'tributary_raft_proposals_total');
      expect(proposals).toBeGreaterThanOrEqual(WRITES + 1);
      const batches = one(text, 'tributary_raft_proposal_batch_size_count');
      expect(batches).toBeGreaterThan(0);
      expect(batches).toBeLessThanOrEqual(proposals);
      expect(one(text, 'tributary_raft_proposal_batch_size_sum')).toBe(proposals);
    }

    expect(await get(m, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect((await get(m, '/readyz')).status).toBe(200);
    expect(await health(m, '')).toBe('SERVING');
    expect(await health(m, COORD)).toBe('SERVING');
    expect(await health(m, CLUSTER)).toBe('SERVING');
    expect(await reflectedServices(m)).toEqual(expect.arrayContaining([COORD, CLUSTER]));
  }
});

/** What member 1 answered for CoordinationService's health while it knew no leader. */
const serviceHealthWithoutLeader: string[] = [];

it('is live but not ready while it knows no leader, and ready once its peers are back', async () => {
  // Member 1 of 3 restarts alone: it is up, but with both peers down it can know no leader.
  for (const id of [1, 2, 3]) await cluster.kill(id, 'SIGKILL');
  cluster.start(1);
  const lone = cluster.member(1);
  await eventually(
    () =>
      get(lone, '/healthz').then(
        (r) => r.status === 200,
        () => false,
      ),
    30_000,
    'member 1 to answer /healthz',
  );
  // Over several election timeouts (1 s each), it stays not ready on every face.
  const until = Date.now() + 4000;
  do {
    const ready = await get(lone, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatch(/^not ready: no leader known/);
    expect(await health(lone, '')).toBe('NOT_SERVING');
    const service = await health(lone, COORD);
    expect(service).not.toBe('SERVING');
    serviceHealthWithoutLeader.push(service);
    expect((await cluster.status(1)).leader_id).toBe(0);
  } while (Date.now() < until);
  // Reflection answers regardless: it describes the API, not its readiness.
  expect(await reflectedServices(lone)).toEqual(expect.arrayContaining([COORD, CLUSTER]));

  cluster.start(2);
  cluster.start(3);
  await cluster.waitForLeader(60_000);
  await eventually(
    async () => (await get(lone, '/readyz')).status === 200,
    30_000,
    'member 1 to be ready once a leader is known',
  );
  await eventually(
    async () => (await health(lone, '')) === 'SERVING' && (await health(lone, COORD)) === 'SERVING',
    30_000,
    'member 1 to report SERVING over grpc.health.v1',
  );
});

// A member that has not known a leader since it started reports its services NOT_SERVING (it
// once answered NOT_FOUND: their statuses were first set when a leader became known).
it('answers NOT_SERVING (not NOT_FOUND) for its services before it knows a leader', () => {
  expect(serviceHealthWithoutLeader.length).toBeGreaterThan(0);
  expect(new Set(serviceHealthWithoutLeader)).toEqual(new Set(['NOT_SERVING']));
});
