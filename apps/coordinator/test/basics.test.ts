// A 3-member cluster of real processes: the CoordinationService semantics, writes and reads on
// any member, the bad-input table of issue #4, and a clean SIGTERM.
import * as fs from 'node:fs';
import * as http2 from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import { readError } from '@tributary/rpc';
import { call, callRetrying, CoordinatorCluster } from '@tributary/testkit';

jest.setTimeout(60_000);

let cluster: CoordinatorCluster;
let leader: number;
let follower: number;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
  leader = await cluster.waitForLeader();
  follower = [1, 2, 3].find((id) => id !== leader)!;
});

afterAll(() => cluster.shutdown());

const data = (s: string) => Buffer.from(s);
const on = (id: number) => cluster.coord(id);

describe('the node tree', () => {
  it('creates, reads, updates, lists and deletes, from the leader and from a follower', async () => {
    await callRetrying(() => on(follower), 'Create', { path: '/app', data: data('v0') });
    const created = await call<any>(on(leader), 'Create', {
      path: '/app/config',
      data: data('a=1'),
    });
    expect(created.path).toBe('/app/config');
    expect(created.stat).toMatchObject({ version: 0, data_length: 3 });

    const got = await call<any>(on(follower), 'Get', { path: '/app/config' });
    expect(got.data.toString()).toBe('a=1');
    expect(got.revision).toBeGreaterThanOrEqual(created.stat.create_revision);

    const set = await call<any>(on(follower), 'Set', {
      path: '/app/config',
      data: data('a=2'),
      expected_version: 0,
    });
    expect(set.stat.version).toBe(1);
    // Linearizable: a read on another member right after the write sees it.
    const third = [1, 2, 3].find((id) => id !== leader && id !== follower)!;
    expect((await call<any>(on(third), 'Get', { path: '/app/config' })).data.toString()).toBe(
      'a=2',
    );

    const list = await call<any>(on(leader), 'List', { path: '/app' });
    expect(list.children).toEqual(['config']);
    await call(on(follower), 'Delete', { path: '/app/config', expected_version: -1 });
    const gone = await call(on(leader), 'Get', { path: '/app/config' }).catch((e) => e);
    expect(readError(gone)).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'NO_NODE' });
  });

  it('appends a 10-digit counter to sequential nodes', async () => {
    await call(on(leader), 'Create', { path: '/queue', data: data('') });
    const a = await call<any>(on(follower), 'Create', {
      path: '/queue/job-',
      data: data('1'),
      sequential: true,
    });
    const b = await call<any>(on(leader), 'Create', {
      path: '/queue/job-',
      data: data('2'),
      sequential: true,
    });
    expect(a.path).toMatch(/^\/queue\/job-\d{10}$/);
    expect(b.path > a.path).toBe(true);
  });

  it('serves serializable reads locally and every write advances the revision by one', async () => {
    const before = await call<any>(on(leader), 'Get', { path: '/queue' });
    await call(on(leader), 'Set', { path: '/queue', data: data('x'), expected_version: -1 });
    const after = await call<any>(on(leader), 'Get', { path: '/queue' });
    expect(after.revision).toBe(before.revision + 1);
    const local = await call<any>(on(follower), 'Get', {
      path: '/queue',
      consistency: 'CONSISTENCY_SERIALIZABLE',
    });
    expect(local.stat.create_revision).toBe(before.stat.create_revision);
  });

  it('runs transactions all-or-nothing with etcd-style compares', async () => {
    await call(on(leader), 'Create', { path: '/txn', data: data('0') });
    const ok = await call<any>(on(follower), 'Txn', {
      compares: [{ path: '/txn', op: 'COMPARE_OP_EQUAL', version: 0 }],
      success: [
        { set: { path: '/txn', data: data('1'), expected_version: -1 } },
        { get: { path: '/txn' } },
      ],
      failure: [],
    });
    expect(ok.succeeded).toBe(true);
    expect(ok.results[1].get.data.toString()).toBe('1');
    const failed = await call<any>(on(leader), 'Txn', {
      compares: [{ path: '/txn', op: 'COMPARE_OP_EQUAL', version: 0 }],
      success: [{ set: { path: '/txn', data: data('2'), expected_version: -1 } }],
      failure: [{ get: { path: '/txn' } }],
    });
    expect(failed.succeeded).toBe(false);
    expect(failed.results[0].get.data.toString()).toBe('1');
  });

  it('pipelines many requests on one Execute stream, answering each by request_id', async () => {
    const stream = on(follower).Execute();
    const answers = new Map<number, any>();
    const done = new Promise<void>((resolve) => {
      stream.on('data', (r: any) => {
        answers.set(r.request_id, r);
        if (answers.size === 200) resolve();
      });
    });
    for (let i = 1; i <= 100; i++)
      stream.write({ request_id: i, create: { path: `/queue/e${i}`, data: data(String(i)) } });
    for (let i = 101; i <= 200; i++) stream.write({ request_id: i, get: { path: '/queue' } });
    await done;
    stream.end();
    for (let i = 1; i <= 100; i++) expect(answers.get(i).create.path).toBe(`/queue/e${i}`);
    expect(answers.get(150).response).toBe('get');
    // An error travels as google.rpc.Status bytes in its own response.
    const s2 = on(leader).Execute();
    const bad = await new Promise<any>((resolve) => {
      s2.on('data', resolve);
      s2.write({ request_id: 7, create: { path: '/queue/e1', data: data('dup') } });
    });
    s2.end();
    expect(bad.request_id).toBe(7);
    expect(bad.response).toBe('status_details');
  });
});

describe('bad input: a clear error, and the cluster keeps serving', () => {
  const cases: Array<[string, string, object, grpc.status, string]> = [
    ['an empty segment', 'Create', { path: '/a//b' }, grpc.status.INVALID_ARGUMENT, 'INVALID_PATH'],
    ['a trailing slash', 'Create', { path: '/a/' }, grpc.status.INVALID_ARGUMENT, 'INVALID_PATH'],
    ['a .. segment', 'Create', { path: '/a/../b' }, grpc.status.INVALID_ARGUMENT, 'INVALID_PATH'],
    ['a relative path', 'Get', { path: 'a' }, grpc.status.INVALID_ARGUMENT, 'INVALID_PATH'],
    [
      'an over-long path',
      'Create',
      { path: '/' + 'x'.repeat(1100) },
      grpc.status.INVALID_ARGUMENT,
      'INVALID_PATH',
    ],
    ['bad characters', 'Create', { path: '/a b' }, grpc.status.INVALID_ARGUMENT, 'INVALID_PATH'],
    [
      'data over 1 MiB',
      'Create',
      { path: '/big', data: Buffer.alloc(1024 * 1024 + 1) },
      grpc.status.INVALID_ARGUMENT,
      'DATA_TOO_LARGE',
    ],
    [
      'a write under /tributary',
      'Create',
      { path: '/tributary/x' },
      grpc.status.PERMISSION_DENIED,
      'RESERVED_PATH',
    ],
    ['a missing parent', 'Create', { path: '/nope/child' }, grpc.status.NOT_FOUND, 'NO_PARENT'],
    [
      'an ephemeral with an unknown session',
      'Create',
      { path: '/eph', ephemeral: true, session_id: 987654 },
      grpc.status.FAILED_PRECONDITION,
      'SESSION_EXPIRED',
    ],
    [
      'closing an unknown session',
      'CloseSession',
      { session_id: 987654 },
      grpc.status.NOT_FOUND,
      'NO_SESSION',
    ],
    [
      'a version mismatch',
      'Set',
      { path: '/queue', data: Buffer.from('z'), expected_version: 999 },
      grpc.status.FAILED_PRECONDITION,
      'VERSION_MISMATCH',
    ],
    [
      'deleting a node with children',
      'Delete',
      { path: '/queue', expected_version: -1 },
      grpc.status.FAILED_PRECONDITION,
      'NOT_EMPTY',
    ],
  ];

  it.each(cases)('refuses %s', async (_what, method, request, code, reason) => {
    const error = await call(on(follower), method, request).then(
      () => undefined,
      (e) => e,
    );
    expect(readError(error)).toMatchObject({ code, reason });
    expect(readError(error).message.length).toBeGreaterThan(10);
    expect(
      (await call<any>(on(leader), 'Get', { path: '/queue' })).stat.num_children,
    ).toBeGreaterThan(0);
  });

  it('refuses a keep-alive for an unknown session on the leader, and sends followers to the leader', async () => {
    const viaLeader = await keepAliveOnce(leader, 987654);
    expect(viaLeader).toMatchObject({ session_id: 987654, ttl_ms: 0 });
    const viaFollower = await keepAliveOnce(follower, 987654);
    expect(readError(viaFollower)).toMatchObject({
      reason: 'NOT_LEADER',
      leader: cluster.member(leader).address,
    });
  });

  it('answers a garbage protobuf sent over raw HTTP/2 with an error and keeps serving', async () => {
    const session = http2.connect(`http://${cluster.member(leader).address}`);
    const status = await new Promise<string | undefined>((resolve, reject) => {
      const req = session.request({
        ':method': 'POST',
        ':path': '/tributary.coord.v1.CoordinationService/Create',
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      let grpcStatus: string | undefined;
      req.on('response', (h) => (grpcStatus ??= h['grpc-status'] as string | undefined));
      req.on('trailers', (t) => (grpcStatus = t['grpc-status'] as string));
      req.on('end', () => resolve(grpcStatus));
      req.on('error', reject);
      const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x12, 0x99, 0x01]);
      const frame = Buffer.alloc(5 + garbage.length);
      frame.writeUInt32BE(garbage.length, 1);
      garbage.copy(frame, 5);
      req.end(frame);
      req.resume();
    });
    session.close();
    // Refused as MALFORMED_REQUEST before the handler (a missing status would be undefined).
    expect(status).toBe(String(grpc.status.INVALID_ARGUMENT));
    expect(
      (await call<any>(on(leader), 'Get', { path: '/queue' })).stat.num_children,
    ).toBeGreaterThan(0);
  });
});

function keepAliveOnce(id: number, sessionId: number): Promise<unknown> {
  return new Promise((resolve) => {
    const stream = on(id).KeepAlive();
    stream.on('data', (r) => {
      stream.cancel();
      resolve(r);
    });
    stream.on('error', resolve);
    stream.write({ session_id: sessionId });
  });
}

it('drains and exits 0 on SIGTERM; a stopping leader hands leadership over first', async () => {
  const code = await cluster.kill(leader, 'SIGTERM');
  expect(code).toBe(0);
  const next = await cluster.waitForLeader();
  expect(next).not.toBe(leader);
  const log = fs.readFileSync(cluster.member(leader).logFile, 'utf8');
  expect(log).toMatch(/"done":true,"msg":"handed leadership over before stopping"/);
});
