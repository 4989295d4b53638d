// `trib acl add|list|remove` and the SDK's Admin ACL calls as a user runs them, against a real
// cluster of 3 coordinators and a broker: entries added through either are listed by both,
// removed exactly or by filter, survive a kill -9 of every coordinator, and reach the broker's
// metadata cache (its tributary_broker_acl_entries gauge), again after the restart.
import { Admin, type AclEntry } from '@tributary/client';
import { BrokerCluster, CoordinatorCluster, eventually, runTrib } from '@tributary/testkit';

jest.setTimeout(300_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let admin: Admin;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 3 });
  brokers = await BrokerCluster.start({ coordinators, size: 1 });
  admin = new Admin({ bootstrap: [brokers.broker(1).address], requestTimeoutMs: 30_000 });
});
afterAll(async () => {
  admin?.close();
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

const trib = (...args: string[]) =>
  runTrib(['acl', ...args, '--bootstrap', brokers.broker(1).address, '--timeout-ms', '30000'], {
    timeoutMs: 60_000,
  });
const json = async (...args: string[]) => {
  const r = await trib(...args, '--json');
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(r.stdout);
};

/** The broker's cache holds `n` entries (its gauge says so). */
const brokerHolds = (n: number) =>
  eventually(
    async () =>
      new RegExp(`^tributary_broker_acl_entries(\\{[^}]*\\})? ${n}$`, 'm').test(
        await brokers.metrics(1),
      ),
    30_000,
    `the broker's metadata cache to hold ${n} ACL entries`,
  );

const entry = (e: Partial<AclEntry>): AclEntry => ({
  principal: 'alice',
  resourceType: 'topic',
  patternType: 'literal',
  name: 'orders',
  operation: 'write',
  permission: 'allow',
  ...e,
});

const ALICE_WRITE = entry({});
const ALICE_READ = entry({ operation: 'read' });
const ANY_BILLING = entry({
  principal: '*',
  resourceType: 'group',
  patternType: 'prefix',
  name: 'billing-',
  operation: 'read',
});
const BOB_NO_APP = entry({
  principal: 'bob',
  resourceType: 'path',
  patternType: 'prefix',
  name: '/app',
  operation: 'all',
  permission: 'deny',
});
const OPS_ALTER = entry({
  principal: 'ops',
  resourceType: 'cluster',
  name: 'cluster',
  operation: 'alter',
});

it('adds entries with the CLI, idempotently, and lists them as a table and as JSON', async () => {
  const add = await trib(
    'add',
    '--principal',
    'alice',
    '--topic',
    'orders',
    '--operation',
    'write,read',
    '--allow',
  );
  expect(add).toMatchObject({ code: 0, stdout: 'added 2 of 2 entries\n', stderr: '' });
  const again = await trib(
    'add',
    '--principal',
    'alice',
    '--topic',
    'orders',
    '--operation',
    'write',
    '--allow',
  );
  expect(again.stdout).toBe('added 0 of 1 entries (1 already there)\n');
  for (const args of [
    ['--principal', '*', '--group', 'billing-', '--prefix', '--operation', 'read', '--allow'],
    ['--principal', 'bob', '--path', '/app', '--prefix', '--operation', 'all', '--deny'],
    ['--principal', 'ops', '--cluster', '--operation', 'alter', '--allow'],
  ])
    expect(await json('add', ...args)).toEqual({ added: 1 });

  const all = [ALICE_WRITE, ALICE_READ, ANY_BILLING, BOB_NO_APP, OPS_ALTER];
  expect(await json('list')).toEqual(all);
  const text = await trib('list');
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(
    /principal\s+│ permission\s+│ operation\s+│ resource\s+│ pattern\s+│ name/,
  );
  expect(text.stdout).toMatch(/alice\s+│ allow\s+│ write\s+│ topic\s+│ literal\s+│ orders/);
  expect(text.stdout).toMatch(/bob\s+│ deny\s+│ all\s+│ path\s+│ prefix\s+│ \/app/);
  expect(text.stdout).toMatch(/ops\s+│ allow\s+│ alter\s+│ cluster\s+│ literal\s+│ -/);
  expect(await json('list', '--principal', 'alice')).toEqual([ALICE_WRITE, ALICE_READ]);
  expect(await json('list', '--path', '/app', '--prefix')).toEqual([BOB_NO_APP]);
  expect(await json('list', '--operation', 'read')).toEqual([ALICE_READ, ANY_BILLING]);
  expect(await json('list', '--deny')).toEqual([BOB_NO_APP]);
  await brokerHolds(5);
});

it('refuses bad flags with exit 2, saying what is allowed', async () => {
  for (const [args, message] of [
    [['add', '--topic', 'x', '--operation', 'read', '--allow'], /--principal is required/],
    [
      ['add', '--principal', 'a', '--topic', 'x', '--operation', 'fly', '--allow'],
      /expected one of read, write, create, delete, describe, alter, all/,
    ],
    [
      ['add', '--principal', 'a', '--topic', 'x', '--group', 'g', '--operation', 'read', '--allow'],
      /give one resource: --topic NAME, --group NAME, --path PATH or --cluster/,
    ],
    [
      ['add', '--principal', 'a', '--path', 'app', '--operation', 'read', '--allow'],
      /path 'app' is not absolute/,
    ],
    [['add', '--principal', 'a', '--topic', 'x', '--operation', 'read'], /give --allow or --deny/],
    [
      ['add', '--principal', 'a', '--topic', 'x', '--operation', 'read', '--allow', '--deny'],
      /not both/,
    ],
    [['remove'], /say which entries to remove .* or --all/],
  ] as [string[], RegExp][]) {
    const r = await trib(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  }
});

it('works the same through the SDK', async () => {
  const gone = entry({ principal: 'carol', name: 'tmp', patternType: 'prefix' });
  expect(await admin.addAcls([gone, entry({ principal: 'carol', name: 'audit' })])).toBe(2);
  expect(await admin.addAcls([gone])).toBe(0);
  expect(await admin.listAcls({ principal: 'carol' })).toEqual([
    gone,
    entry({ principal: 'carol', name: 'audit' }),
  ]);
  expect((await json('list', '--principal', 'carol')).length).toBe(2);
  expect(await admin.removeAcls(gone)).toEqual([gone]);
  expect(await admin.removeAcls({ principal: 'carol' })).toEqual([
    entry({ principal: 'carol', name: 'audit' }),
  ]);
  const bad = await admin
    .addAcls([entry({ resourceType: 'cluster', name: 'prod' })])
    .catch((e) => e);
  expect(bad).toMatchObject({ reason: 'INVALID_ARGUMENT' });
  expect(bad.message).toMatch(/cluster ACL names the resource 'cluster', not 'prod'/);
  expect(await admin.listAcls()).toHaveLength(5);
});

it('removes with the CLI exactly, or by filter, saying how many', async () => {
  const exact = await trib(
    'remove',
    '--principal',
    'alice',
    '--topic',
    'orders',
    '--operation',
    'read',
    '--allow',
  );
  expect(exact.code).toBe(0);
  expect(exact.stdout).toMatch(/^removed 1 entry\n.*alice\s+│ allow\s+│ read\s+│ topic/s);
  expect(await json('remove', '--principal', 'nobody')).toEqual([]);
  await admin.addAcls([ALICE_READ]);
  expect(await json('remove', '--principal', 'alice')).toEqual([ALICE_WRITE, ALICE_READ]);
  expect(await json('list')).toEqual([ANY_BILLING, BOB_NO_APP, OPS_ALTER]);
  await brokerHolds(3);
});

it('keeps the entries across a kill -9 of every coordinator, and the broker keeps following', async () => {
  await admin.addAcls([ALICE_WRITE]);
  const before = await admin.listAcls();
  expect(before).toHaveLength(4);
  await brokerHolds(4);
  for (const m of coordinators.live()) await coordinators.kill(m.id);
  for (const id of [1, 2, 3]) coordinators.start(id);
  await coordinators.waitForLeader(60_000);
  expect(await json('list')).toEqual(before);
  // The broker's watch resumed on a restarted member: later changes reach its cache too.
  expect(await json('remove', '--cluster')).toEqual([OPS_ALTER]);
  await brokerHolds(3);
  expect(await admin.listAcls()).toEqual(before.filter((e) => e.resourceType !== 'cluster'));
});
