// A follower that was down while 50,000 writes happened catches up by InstallSnapshot (the
// leader has compacted its log past the follower), and its state then equals the leader's.
import * as fs from 'node:fs';
import {
  call,
  callRetrying,
  CoordinatorCluster,
  ExecuteError,
  ExecutePipeline,
  sleep,
} from '@tributary/testkit';

const WRITES = 50_000;
let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3, snapshotEveryEntries: 10_000 });
});
afterAll(() => cluster.shutdown());

it('brings a follower back by snapshot after 50,000 writes, to an identical state', async () => {
  const leader = await cluster.waitForLeader();
  const lagging = [1, 2, 3].find((id) => id !== leader)!;
  await callRetrying(() => cluster.coord(leader), 'Create', { path: '/s', data: Buffer.alloc(0) });
  await cluster.kill(lagging, 'SIGKILL');

  let pipe = new ExecutePipeline(cluster.coord(leader));
  let next = 0;
  const worker = async () => {
    while (next < WRITES) {
      const i = next++;
      const create = { create: { path: `/s/k${i}`, data: Buffer.from(`value-${i}`) } };
      // An outcome-unknown failure (leader change under load) is retried; NODE_EXISTS then
      // means the first attempt did land.
      for (;;) {
        const error = await pipe.send(create).then(
          () => undefined,
          (e: ExecuteError) => e,
        );
        if (!error || error.reason === 'NODE_EXISTS') break;
        if (pipe.broken) pipe = new ExecutePipeline(cluster.coord(leader));
        await sleep(100);
      }
    }
  };
  await Promise.all(Array.from({ length: 256 }, worker));
  pipe.close();

  await cluster.restart(lagging);
  const target = await cluster.status(leader);
  for (let t = 0; t < 600; t++) {
    const s = await cluster.status(lagging).catch(() => undefined);
    if (s && s.applied_index >= target.commit_index) break;
    await sleep(100);
  }
  const [lead, follow] = await Promise.all([cluster.status(leader), cluster.status(lagging)]);
  expect(follow.applied_index).toBeGreaterThanOrEqual(target.commit_index);
  expect(follow.revision).toBe(lead.revision);

  const log = fs.readFileSync(cluster.member(lagging).logFile, 'utf8');
  expect(log).toMatch(/installed snapshot from leader/);

  const local = { consistency: 'CONSISTENCY_SERIALIZABLE' };
  const [a, b] = await Promise.all([
    call<any>(cluster.coord(leader), 'List', { path: '/s', ...local }, 20_000),
    call<any>(cluster.coord(lagging), 'List', { path: '/s', ...local }, 20_000),
  ]);
  expect(b.children.length).toBe(WRITES);
  expect(b.children).toEqual(a.children);
  expect(b.stat).toEqual(a.stat);
  for (const i of [0, 1, 12_345, 31_337, WRITES - 1]) {
    const [x, y] = await Promise.all([
      call<any>(cluster.coord(leader), 'Get', { path: `/s/k${i}`, ...local }),
      call<any>(cluster.coord(lagging), 'Get', { path: `/s/k${i}`, ...local }),
    ]);
    expect(y.data.toString()).toBe(`value-${i}`);
    expect(y.stat).toEqual(x.stat);
  }
});
