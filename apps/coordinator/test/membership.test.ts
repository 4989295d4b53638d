// Membership changes while writing: grow 3 → 5 (each newcomer joins as a learner, catches up,
// becomes a voter) and shrink back to 3; no acknowledged write is lost.
import { call, callRetrying, CoordinatorCluster, ExecutePipeline, sleep } from '@tributary/testkit';

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
  await sleep(500);
  const early = await call<any>(cluster.coord(5), 'Get', {
    path: '/m/k0',
    consistency: 'CONSISTENCY_SERIALIZABLE',
  });
  expect(early.data.toString()).toBe('/m/k0');

  for (const id of [5, 4]) {
    await onLeader('RemoveMember', { id });
    await cluster.drop(id);
  }
  status = await cluster.status(await cluster.waitForLeader());
  expect(status.members.map((m: any) => m.id).sort()).toEqual([1, 2, 3]);

  await sleep(500);
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
