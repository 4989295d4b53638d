// Membership changes while writing: grow 3 → 5 (each newcomer joins as a learner, catches up,
// becomes a voter) and shrink back to 3; then remove the current leader and a founding member;
// no acknowledged write is lost.
import {
  call,
  callRetrying,
  CoordinatorCluster,
  eventually,
  ExecutePipeline,
  sleep,
} from '@tributary/testkit';

jest.setTimeout(240_000);

let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
});
afterAll(() => cluster.shutdown());

/** Membership RPCs go to the leader; AddMember waits for the newcomer to catch up. */
async function onLeader<R>(method: string, request: object): Promise<R> {
  const leader = await cluster.waitForLeader();
  return call<R>(
    cluster.clientsFor(cluster.member(leader).address).cluster,
    method,
    request,
    60_000,
  );
}

it('grows from 3 to 5 voters and shrinks back while writing, losing nothing', async () => {
  await callRetrying(() => cluster.coord(1), 'Create', { path: '/m', data: Buffer.alloc(0) });
  const acked: string[] = [];
  let stop = false;
  const writer = (async () => {
    let n = 0;
    let pipe = new ExecutePipeline(cluster.coord(1));
    while (!stop) {
      if (pipe.broken) pipe = new ExecutePipeline(cluster.coord(1));
      const batch = Array.from({ length: 16 }, () => `/m/k${n++}`);
      await Promise.all(
        batch.map((p) =>
          pipe.send({ create: { path: p, data: Buffer.from(p) } }).then(
            () => acked.push(p),
            () => sleep(50),
          ),
        ),
      );
    }
    pipe.close();
  })();

  for (const id of [4, 5]) {
    const joiner = await cluster.spawnJoiner(id);
    const res = await onLeader<any>('AddMember', { id, address: joiner.address });
    expect(res.members.map((m: any) => m.id)).toContain(id);
  }
  let status = await cluster.status(await cluster.waitForLeader());
  expect(
    status.members
      .filter((m: any) => m.role !== 'MEMBER_ROLE_LEARNER')
      .map((m: any) => m.id)
      .sort(),
  ).toEqual([1, 2, 3, 4, 5]);
  // The newcomers hold the data: a serializable read on member 5 sees writes from before it joined.
  await eventually(
    () =>
      call<any>(cluster.coord(5), 'Get', {
        path: '/m/k0',
        consistency: 'CONSISTENCY_SERIALIZABLE',
      }).then(
        (early) => early.data.toString() === '/m/k0',
        () => false,
      ),
    30_000,
    'member 5 to hold /m/k0, written before it joined',
  );

  for (const id of [5, 4]) {
    await onLeader('RemoveMember', { id });
    await cluster.drop(id);
  }
  status = await cluster.status(await cluster.waitForLeader());
  expect(status.members.map((m: any) => m.id).sort()).toEqual([1, 2, 3]);

  // Writes go on after the shrink.
  const ackedAfterShrink = acked.length;
  await eventually(
    () => acked.length >= ackedAfterShrink + 50,
    30_000,
    '50 writes after the shrink',
  );
  stop = true;
  await writer;
  expect(acked.length).toBeGreaterThan(100);
  const list = await callRetrying<any>(() => cluster.coord(1), 'List', { path: '/m' });
  const present = new Set(list.children.map((c: string) => `/m/${c}`));
  expect(acked.filter((p) => !present.has(p))).toEqual([]);
});

it('refuses membership changes that make no sense, with clear reasons', async () => {
  const leader = await cluster.waitForLeader();
  const follower = [1, 2, 3].find((id) => id !== leader)!;
  const viaFollower: any = await call(
    cluster.clientsFor(cluster.member(follower).address).cluster,
    'AddMember',
    { id: 9, address: '127.0.0.1:1' },
  ).catch((e: any) => e);
  expect(viaFollower.code).toBe(9); // FAILED_PRECONDITION / NOT_LEADER
  const unknown: any = await onLeader('RemoveMember', { id: 42 }).catch((e: any) => e);
  expect(unknown.code).toBe(5); // NOT_FOUND / UNKNOWN_MEMBER
  const existing: any = await onLeader('AddMember', {
    id: leader,
    address: cluster.member(leader).address,
  }).catch((e: any) => e);
  expect(existing.code).toBe(6); // ALREADY_EXISTS / MEMBER_EXISTS
});

it('removes the current leader and then a founding member while writing, losing nothing', async () => {
  // 3 → 5 first, so that two removals leave three voters.
  for (const id of [6, 7]) {
    const joiner = await cluster.spawnJoiner(id);
    await onLeader('AddMember', { id, address: joiner.address });
  }
  const leader = await cluster.waitForLeader();
  const founding = [1, 2, 3].find((id) => id !== leader)!;
  const remaining = [1, 2, 3, 6, 7].filter((id) => id !== leader && id !== founding);
  const writerId = remaining[remaining.length - 1]!; // a member that stays throughout
  await callRetrying(() => cluster.coord(writerId), 'Create', {
    path: '/r',
    data: Buffer.alloc(0),
  });

  const acked: string[] = [];
  let stop = false;
  const writer = (async () => {
    let n = 0;
    let pipe = new ExecutePipeline(cluster.coord(writerId));
    while (!stop) {
      if (pipe.broken) pipe = new ExecutePipeline(cluster.coord(writerId));
      const batch = Array.from({ length: 16 }, () => `/r/k${n++}`);
      await Promise.all(
        batch.map((p) =>
          pipe.send({ create: { path: p, data: Buffer.from(p) } }).then(
            () => acked.push(p),
            () => sleep(50), // outcome unknown: not counted
          ),
        ),
      );
    }
    pipe.close();
  })();
  const writesGoOn = async (what: string) => {
    const before = acked.length;
    await eventually(() => acked.length >= before + 50, 60_000, `50 writes ${what}`);
  };
  await writesGoOn('before the removals');

  // The leader removes itself: it answers once the removal is committed (or the call fails as
  // it steps down); either way it is out of the membership and another member leads.
  await call(
    cluster.clientsFor(cluster.member(leader).address).cluster,
    'RemoveMember',
    { id: leader },
    60_000,
  ).catch(() => undefined);
  await eventually(
    async () => {
      const s = await cluster.status(writerId).catch(() => undefined);
      return (
        s !== undefined &&
        s.leader_id !== 0 &&
        s.leader_id !== leader &&
        !s.members.some((m: any) => m.id === leader)
      );
    },
    60_000,
    `a new leader and a membership without the old leader ${leader}`,
  );
  await cluster.drop(leader);
  await writesGoOn('after removing the leader');

  await onLeader('RemoveMember', { id: founding });
  await cluster.drop(founding);
  const status = await cluster.status(await cluster.waitForLeader());
  expect(status.members.map((m: any) => m.id).sort()).toEqual([...remaining].sort());
  await writesGoOn('after removing a founding member');

  stop = true;
  await writer;
  const list = await callRetrying<any>(() => cluster.coord(writerId), 'List', { path: '/r' });
  const present = new Set(list.children.map((c: string) => `/r/${c}`));
  expect(acked.filter((p) => !present.has(p))).toEqual([]);
  // Every remaining member holds the same children.
  for (const id of remaining) await cluster.waitForChildren(id, '/r', list.children.length);
});
