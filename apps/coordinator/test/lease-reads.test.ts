// --read-mode lease: linearizable reads are answered from the leader's lease (no heartbeat
// round) and still see every acknowledged write, on every member, across a leader change.
import { call, callRetrying, CoordinatorCluster } from '@tributary/testkit';

let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3, readMode: 'lease' });
});
afterAll(() => cluster.shutdown());

it('reads every acknowledged write from any member, before and after a leader kill', async () => {
  let leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Create', {
    path: '/lease',
    data: Buffer.from('0'),
  });
  for (let i = 1; i <= 20; i++) {
    const writer = cluster.live()[i % cluster.live().length]!.id;
    const reader = cluster.live()[(i + 1) % cluster.live().length]!.id;
    await callRetrying(() => cluster.coord(writer), 'Set', {
      path: '/lease',
      data: Buffer.from(String(i)),
      expected_version: -1,
    });
    const got = await callRetrying<any>(() => cluster.coord(reader), 'Get', { path: '/lease' });
    expect(got.data.toString()).toBe(String(i));
    if (i === 10) {
      await cluster.kill(leader, 'SIGKILL');
      leader = await cluster.waitForLeader();
    }
  }
  const status = await call<any>(
    cluster.clientsFor(cluster.member(leader).address).cluster,
    'Status',
    {},
  );
  expect(status.leader_id).toBe(leader);
});
