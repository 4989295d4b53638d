// Consumer groups on a real 3-member coordinator cluster: two consumers share a topic without
// ever owning a partition at once, a consumer whose heartbeats stop is expired by the leader
// and its (zombie) commit is fenced, and committed offsets survive a kill -9 of every member.
import { readError } from '@tributary/rpc';
import { callRetrying, CoordinatorCluster, eventually, sleep } from '@tributary/testkit';

jest.setTimeout(180_000);

const SESSION_TIMEOUT_MS = 2000;
let cluster: CoordinatorCluster;
let next = 0;
const md = <R = any>(method: string, request: object) =>
  callRetrying<R>(
    () => cluster.metadata(cluster.live()[next++ % cluster.live().length]!.id),
    method,
    request,
    20_000,
  );

type Owned = { topic: string; partitions: number[] }[];
const partitionsOf = (a: Owned) => a.flatMap((x) => x.partitions.map((p) => `${x.topic}/${p}`));

/** A consumer following the protocol: it reports as owned what its last answer listed. */
class Consumer {
  memberId = '';
  generation = 0;
  assignment: Owned = [];
  async join(): Promise<void> {
    const r = await md('JoinGroup', {
      group: 'g',
      client_id: 'test',
      topics: ['t'],
      session_timeout_ms: SESSION_TIMEOUT_MS,
    });
    this.memberId = r.member_id;
    this.generation = r.generation;
    this.assignment = r.assignment;
  }
  async heartbeat(): Promise<void> {
    const r = await md('GroupHeartbeat', {
      group: 'g',
      member_id: this.memberId,
      generation: this.generation,
      owned: this.assignment,
    });
    this.generation = r.generation;
    this.assignment = r.assignment;
  }
  commit(offset: number) {
    return md('CommitOffsets', {
      group: 'g',
      member_id: this.memberId,
      generation: this.generation,
      offsets: partitionsOf(this.assignment).map((tp) => ({
        topic: 't',
        partition: Number(tp.split('/')[1]),
        offset,
        leader_epoch: 0,
      })),
    });
  }
}

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
  await cluster.waitForPublished();
  // A topic needs a live broker only to be created: a 60 s session, never kept alive, will do.
  const s = await callRetrying<any>(() => cluster.coord(1), 'OpenSession', { ttl_ms: 60_000 });
  await md('RegisterBroker', {
    broker_id: 1,
    address: '127.0.0.1:19901',
    session_id: s.session_id,
  });
  await md('CreateTopic', { name: 't', partitions: 4, replication_factor: 1 });
});
afterAll(() => cluster.shutdown());

it('shares partitions between members, never two owners, and fences a zombie', async () => {
  const a = new Consumer();
  await a.join();
  expect(partitionsOf(a.assignment)).toHaveLength(4);
  const b = new Consumer();
  await b.join();
  for (let round = 0; round < 4; round++) {
    await a.heartbeat();
    await b.heartbeat();
    const both = [...partitionsOf(a.assignment), ...partitionsOf(b.assignment)];
    expect(new Set(both).size).toBe(both.length);
  }
  expect(partitionsOf(a.assignment)).toHaveLength(2);
  expect(partitionsOf(b.assignment)).toHaveLength(2);
  await a.commit(42);
  await b.commit(7);

  const described = await md('DescribeGroups', { groups: ['g'] });
  expect(described.groups[0].state).toBe('GROUP_STATE_STABLE');
  expect(described.groups[0].members).toHaveLength(2);

  // a stops heartbeating (a zombie); b keeps going and takes over a's partitions.
  await eventually(
    async () => {
      await b.heartbeat();
      return partitionsOf(b.assignment).length === 4;
    },
    SESSION_TIMEOUT_MS * 5,
    'the leader to expire a and b to get every partition',
  );
  const zombie = await a.commit(43).catch(readError);
  expect(zombie.reason).toBe('UNKNOWN_MEMBER');
  const stale = await md('CommitOffsets', {
    group: 'g',
    member_id: b.memberId,
    generation: b.generation - 1,
    offsets: [{ topic: 't', partition: 0, offset: 1 }],
  }).catch(readError);
  expect(stale.reason).toBe('FENCED');
  expect(stale.code).toBe(9);
  const list = await md('ListGroups', {});
  expect(list.groups).toEqual([{ group: 'g', state: 'GROUP_STATE_STABLE', num_members: 1 }]);
});

it('keeps committed offsets across a kill -9 of every member', async () => {
  const before = await md('FetchOffsets', { group: 'g' });
  expect(before.offsets.map((o: any) => o.offset).sort()).toEqual([42, 42, 7, 7].sort());
  for (const m of cluster.live().map((x) => x.id)) await cluster.kill(m);
  await sleep(100);
  for (const id of [1, 2, 3]) await cluster.restart(id);
  await cluster.waitForLeader();
  const after = await md('FetchOffsets', { group: 'g' });
  expect(after.offsets).toEqual(before.offsets);
  const unknown = await md('FetchOffsets', {
    group: 'nobody',
    partitions: [{ topic: 't', partition: 0 }],
  });
  expect(unknown.offsets[0].offset).toBe(-1);
});

it.each([
  ['a bad group name', { group: 'a b', topics: ['t'] }, 'INVALID_NAME'],
  ['no topics', { group: 'g2', topics: [] }, 'INVALID_ARGUMENT'],
  [
    'an unknown assignor',
    { group: 'g2', topics: ['t'], assignor: 'roundrobin' },
    'INVALID_ARGUMENT',
  ],
  ['an unknown member id', { group: 'g', topics: ['t'], member_id: 'g-1' }, 'UNKNOWN_MEMBER'],
])('refuses a join with %s', async (_what, request, reason) => {
  const err = await md('JoinGroup', request).catch(readError);
  expect(err.reason).toBe(reason);
});
