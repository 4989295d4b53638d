// AddAcls, RemoveAcls and ListAcls on a real coordinator, and the ACL list on WatchMetadata:
// whole in every snapshot and in every message whose revision changed it, absent otherwise; a
// stream resumed from before an ACL change starts with a snapshot, one resumed after the last
// change goes on with deltas whose lists include the entries from before it.
import type * as grpc from '@grpc/grpc-js';
import { readError } from '@tributary/rpc';
import { call, CoordinatorCluster, eventually } from '@tributary/testkit';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
const md = <R = any>(method: string, request: object) =>
  call<R>(cluster.metadata(1), method, request, 10_000);

const entry = (over: object = {}) => ({
  principal: 'alice',
  resource_type: 'ACL_RESOURCE_TYPE_TOPIC',
  pattern_type: 'ACL_PATTERN_TYPE_LITERAL',
  name: 'orders',
  operation: 'ACL_OPERATION_WRITE',
  permission: 'ACL_PERMISSION_ALLOW',
  ...over,
});
const bobRead = entry({ principal: 'bob', operation: 'ACL_OPERATION_READ' });
const appPaths = entry({
  principal: '*',
  resource_type: 'ACL_RESOURCE_TYPE_PATH',
  pattern_type: 'ACL_PATTERN_TYPE_PREFIX',
  name: '/app',
  operation: 'ACL_OPERATION_ALL',
  permission: 'ACL_PERMISSION_DENY',
});

/** Every message of a WatchMetadata stream from `from`, as it arrives. */
function watch(from: number) {
  const messages: any[] = [];
  const stream = (cluster.metadata(1) as any).WatchMetadata({
    from_revision: from,
  }) as grpc.ClientReadableStream<any>;
  stream.on('data', (m: any) => messages.push(m));
  stream.on('error', () => undefined);
  const upTo = (revision: number) =>
    eventually(
      () => messages.some((m) => Number(m.header.revision) >= revision),
      20_000,
      `the stream to reach revision ${revision}`,
    );
  return { messages, upTo, close: () => stream.cancel() };
}

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 1 });
  await cluster.waitForLeader();
});
afterAll(async () => {
  await cluster?.shutdown();
});

it('adds (idempotently), lists by filter and removes entries', async () => {
  const added = await md('AddAcls', { entries: [entry(), bobRead, appPaths] });
  expect(added.added).toBe(3);
  const again = await md('AddAcls', { entries: [entry()] });
  expect(again).toMatchObject({ added: 0, header: { revision: added.header.revision } });

  expect((await md('ListAcls', {})).entries).toEqual([entry(), bobRead, appPaths]);
  const reads = await md('ListAcls', { filter: { operation: 'ACL_OPERATION_READ' } });
  expect(reads.entries).toEqual([bobRead]);
  const paths = await md('ListAcls', { filter: { resource_type: 'ACL_RESOURCE_TYPE_PATH' } });
  expect(paths.entries).toEqual([appPaths]);

  const removed = await md('RemoveAcls', { filters: [bobRead, { principal: 'nobody' }] });
  expect(removed.removed).toEqual([bobRead]);
  expect((await md('ListAcls', {})).entries).toEqual([entry(), appPaths]);
});

it('refuses bad entries INVALID_ARGUMENT saying what is allowed, adding none of them', async () => {
  const before = (await md('ListAcls', {})).entries;
  for (const [bad, message] of [
    [{ principal: '' }, /needs a principal/],
    [{ resource_type: 'ACL_RESOURCE_TYPE_UNSPECIFIED' }, /needs a resource type: one of topic/],
    [{ operation: 'ACL_OPERATION_UNSPECIFIED' }, /needs an operation: one of read, write/],
    [{ name: 'bad name' }, /must be 1 to 249 characters/],
    [{ resource_type: 'ACL_RESOURCE_TYPE_PATH', name: 'rel/ative' }, /not absolute/],
    [{ resource_type: 'ACL_RESOURCE_TYPE_CLUSTER', name: 'prod' }, /names the resource 'cluster'/],
  ] as [object, RegExp][]) {
    const e = await md('AddAcls', { entries: [entry({ name: 'fine' }), entry(bad)] }).catch(
      readError,
    );
    expect(e).toMatchObject({ code: 3, reason: 'INVALID_ARGUMENT' });
    expect(e.message).toMatch(message);
  }
  const none = await md('RemoveAcls', { filters: [] }).catch(readError);
  expect(none).toMatchObject({ code: 3, reason: 'INVALID_ARGUMENT' });
  expect((await md('ListAcls', {})).entries).toEqual(before);
});

it('keeps /tributary/acls read-only to plain clients', async () => {
  const ls = await call<any>(cluster.coord(1), 'List', { path: '/tributary/acls' });
  expect(ls.children.length).toBeGreaterThan(0);
  const path = `/tributary/acls/${ls.children[0]}`;
  const set = await call(cluster.coord(1), 'Set', {
    path,
    data: Buffer.from('{}'),
    expected_version: -1,
  }).catch(readError);
  expect(set).toMatchObject({ code: 7, reason: 'RESERVED_PATH' });
  const del = await call(cluster.coord(1), 'Delete', {
    path: '/tributary/acls',
    expected_version: -1,
    recursive: true,
  }).catch(readError);
  expect(del).toMatchObject({ code: 7, reason: 'RESERVED_PATH' });
});

it('sends the whole list on WatchMetadata when it changes, and in snapshots', async () => {
  const w = watch(0);
  const current = await md('ListAcls', {});
  await w.upTo(Number(current.header.revision));
  expect(w.messages[0]).toMatchObject({ snapshot: true, acls: { entries: current.entries } });

  // A metadata change that is not an ACL change: no list.
  const pid = await md('AllocateProducerId', {});
  const added = await md('AddAcls', { entries: [bobRead] });
  await w.upTo(Number(added.header.revision));
  const at = (r: any) => w.messages.find((m) => Number(m.header.revision) === Number(r));
  expect(at(pid.header.revision).acls).toBeNull();
  expect(at(added.header.revision).acls.entries).toEqual([...current.entries, bobRead]);
  const removed = await md('RemoveAcls', { filters: [{}] });
  await w.upTo(Number(removed.header.revision));
  expect(at(removed.header.revision).acls).toEqual({ entries: [] });
  w.close();
});

it('resumes after the last ACL change with deltas, from before it with a snapshot', async () => {
  await md('AddAcls', { entries: [entry(), appPaths] });
  const quiet = await md('AllocateProducerId', {});
  const r = Number(quiet.header.revision);

  // Nothing ACL-related after r: deltas, whose next list still has the two entries.
  const after = watch(r);
  const more = await md('AddAcls', { entries: [bobRead] });
  await after.upTo(Number(more.header.revision));
  expect(after.messages.every((m) => !m.snapshot)).toBe(true);
  const change = after.messages.find((m) => m.acls !== null);
  expect(change.acls.entries).toEqual([entry(), appPaths, bobRead]);
  after.close();

  // From r the list changed since (bobRead): the stream starts with a snapshot of now.
  const before = watch(r);
  await before.upTo(Number(more.header.revision));
  expect(before.messages[0]).toMatchObject({
    snapshot: true,
    header: { revision: more.header.revision },
    acls: { entries: [entry(), appPaths, bobRead] },
  });
  before.close();
});
