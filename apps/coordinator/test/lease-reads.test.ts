// --read-mode lease: linearizable reads are answered from the leader's lease (no heartbeat
// round) and still see every acknowledged write, on every member, across a leader change. And
// the lease is really used: with every follower frozen, the leader still answers a linearizable
// read inside its lease, which a ReadIndex round (the default mode) cannot do without a quorum.
import type * as grpc from '@grpc/grpc-js';
import { call, callRetrying, CoordinatorCluster } from '@tributary/testkit';

jest.setTimeout(120_000);

const TICK_MS = 100;
/** 30 ticks: a 3 s lease (and election timeout), so that a frozen quorum leaves time to read. */
const ELECTION_TICKS = 30;
let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({
    size: 3,
    readMode: 'lease',
    tickMs: TICK_MS,
    electionTicks: ELECTION_TICKS,
  });
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

it('answers a linearizable read from the lease while every follower is frozen', async () => {
  for (const m of cluster.members.values()) if (!m.process) cluster.start(m.id);
  const leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Set', {
    path: '/lease',
    data: Buffer.from('frozen'),
    expected_version: -1,
  });
  // A read round trip first, so that the channel to the leader is open before the clock matters.
  await call(cluster.coord(leader), 'Get', { path: '/lease' });
  const followers = cluster.live().filter((m) => m.id !== leader);
  for (const f of followers) f.process!.kill('SIGSTOP');
  try {
    // No follower can ack a heartbeat now, so a ReadIndex round cannot finish; the lease (a quorum
    // acked a heartbeat less than ELECTION_TICKS ago) lets the leader answer at once.
    const got = await call<any>(cluster.coord(leader), 'Get', { path: '/lease' }, 1500).catch(
      (e: grpc.ServiceError) => e,
    );
    expect(got.data?.toString() ?? `error ${got.code}: ${got.details}`).toBe('frozen');
  } finally {
    for (const f of followers) f.process?.kill('SIGCONT');
  }
  // Afterwards the cluster serves as before.
  const after = await callRetrying<any>(() => cluster.coord(leader), 'Get', { path: '/lease' });
  expect(after.data.toString()).toBe('frozen');
});
