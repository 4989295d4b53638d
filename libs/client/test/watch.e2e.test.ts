// Watches against a real 3-node cluster (`trib coordinator` ×3 on loopback): a watch from a
// revision ahead of a lagging follower waits for it and repeats nothing; an SDK watch broken
// before its first event resumes from the start point the server told it, losing nothing.
// Tests may use testkit (type:testing); the boundary matrix has no test-only rule yet, hence:
import { call, callRetrying, CoordinatorCluster, eventually, sleep } from '@tributary/testkit';
import { CoordinationClient, type WatchEvent } from '../src';
import type { WatchResponse } from '../src/wire';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3, leaderTimeoutMs: 80_000 });
}, 90_000);

afterAll(async () => {
  await cluster?.shutdown();
});

const address = (id: number) => cluster.member(id).address;

async function roles(): Promise<{ leader: number; followers: number[] }> {
  const leader = await cluster.waitForLeader();
  const followers = [...cluster.members.keys()].filter((id) => id !== leader);
  return { leader, followers };
}

async function create(id: number, path: string): Promise<number> {
  const r = await callRetrying<any>(() => cluster.coord(id), 'Create', {
    path,
    data: Buffer.from(path),
  });
  return Number(r.stat.create_revision);
}

it('a watch from a revision ahead of a lagging follower waits for it and repeats nothing', async () => {
  const { leader, followers } = await roles();
  const [lagging] = followers as [number];
  const base = '/lag';
  await create(leader, base);
  // Connected before it stops, so the Watch request reaches its socket while it is stopped.
  await call(cluster.coord(lagging), 'Get', {
    path: base,
    consistency: 'CONSISTENCY_SERIALIZABLE',
  });
  const child = cluster.member(lagging).process!;
  child.kill('SIGSTOP');
  let stopped = true;
  try {
    for (let i = 0; i < 20; i++) await create(leader, `${base}/old-${i}`);
    const got = await call<any>(cluster.coord(leader), 'Get', { path: base });
    const ahead = Number(got.revision);

    const messages: WatchResponse[] = [];
    let failure: unknown;
    const stream = cluster
      .coord(lagging)
      .Watch({ path: base, prefix: true, start_revision: ahead, progress_notify: false });
    stream.on('data', (m: WatchResponse) => messages.push(m));
    stream.on('error', (e) => (failure = e));
    // Nothing to poll in a stopped process: give the request time to reach its socket.
    await sleep(300);
    child.kill('SIGCONT');
    stopped = false;

    const fresh: number[] = [];
    for (let i = 0; i < 3; i++) fresh.push(await create(leader, `${base}/new-${i}`));
    const events = () => messages.flatMap((m) => m.events ?? []);
    await eventually(
      () => failure !== undefined || events().some((e) => Number(e.revision) >= fresh[2]!),
      20_000,
      'the follower to deliver the new events',
    );
    stream.cancel();
    expect(failure).toBeUndefined();
    // First the start message: no events, and a revision at least the one asked for.
    expect(messages[0]!.events ?? []).toEqual([]);
    expect(Number(messages[0]!.header!.revision)).toBeGreaterThanOrEqual(ahead);
    const seen = events().map((e) => [Number(e.revision), e.path]);
    expect(seen).toEqual(fresh.map((r, i) => [r, `${base}/new-${i}`]));
  } finally {
    if (stopped) child.kill('SIGCONT');
  }
});

it('an SDK watch broken before its first event resumes from its start point: nothing lost', async () => {
  const { leader, followers } = await roles();
  const [serving, other] = followers as [number, number];
  const base = '/gap';
  await create(leader, base);
  // The watch opens on the first endpoint; when it dies, the SDK moves on to the next.
  const c = new CoordinationClient({
    endpoints: [address(serving), address(other), address(leader)],
    requestTimeoutMs: 15_000,
  });
  const watch = c.watch(base, { prefix: true });
  const it = watch[Symbol.asyncIterator]();
  try {
    await eventually(() => watch.revision > 0, 10_000, 'the watch start message');
    const startedAt = watch.revision;
    await cluster.kill(serving, 'SIGKILL');
    // Written while the watch has no stream: a from-now reopen would miss them.
    const written: number[] = [];
    for (let i = 0; i < 3; i++) written.push(await create(leader, `${base}/e${i}`));
    expect(written[0]).toBeGreaterThan(startedAt);
    const events: WatchEvent[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await it.next();
      if (r.done) break;
      events.push(r.value);
    }
    expect(events.map((e) => [e.revision, e.path])).toEqual(
      written.map((r, i) => [r, `${base}/e${i}`]),
    );
    expect(watch.revision).toBe(written[2]);
  } finally {
    watch.close();
    await c.close();
    await cluster.restart(serving);
    await cluster.waitForLeader();
  }
});
