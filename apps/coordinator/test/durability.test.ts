// kill -9 the leader during a stream of acknowledged writes: a new leader serves within a few
// election timeouts, and after every member is killed and restarted, every acknowledged write
// is there. Also: watches resume across a leader kill without losing or repeating an event.
import { readError } from '@tributary/rpc';
import { call, callRetrying, CoordinatorCluster, ExecutePipeline, sleep } from '@tributary/testkit';

jest.setTimeout(120_000);

const TICK_MS = 100;
const ELECTION_MS = 10 * TICK_MS;
let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3, tickMs: TICK_MS, electionTicks: 10 });
});
afterAll(() => cluster.shutdown());

/** Writes /w/<n> through `member` with up to 64 in flight until `stop`; returns the acked keys. */
async function writeUntil(member: () => number, stop: () => boolean, acked: Set<string>) {
  let n = 0;
  let pipe = new ExecutePipeline(cluster.coord(member()));
  const worker = async () => {
    while (!stop()) {
      if (pipe.broken) pipe = new ExecutePipeline(cluster.coord(member()));
      const key = `/w/k${++n}`;
      try {
        await pipe.send({ create: { path: key, data: Buffer.from(key) } });
        acked.add(key);
      } catch {
        await sleep(20); // not acknowledged: its outcome is unknown, so it is not counted
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  pipe.close();
}

it('keeps every acknowledged write across a leader kill -9 and a restart of all members', async () => {
  await callRetrying(() => cluster.coord(1), 'Create', { path: '/w', data: Buffer.alloc(0) });
  const oldLeader = await cluster.waitForLeader();
  const writer = [1, 2, 3].find((id) => id !== oldLeader)!;
  const acked = new Set<string>();
  let stopping = false;
  const writing = writeUntil(
    () => writer,
    () => stopping,
    acked,
  );

  await sleep(1500);
  const ackedBeforeKill = acked.size;
  expect(ackedBeforeKill).toBeGreaterThan(100);
  const killedAt = Date.now();
  await cluster.kill(oldLeader, 'SIGKILL');
  const newLeader = await cluster.waitForLeader(10_000);
  expect(newLeader).not.toBe(oldLeader);
  // A write on the new leader succeeds within a few election timeouts of the kill.
  await callRetrying(
    () => cluster.coord(newLeader),
    'Create',
    { path: '/w/after-kill', data: Buffer.alloc(0) },
    10_000,
  );
  acked.add('/w/after-kill');
  const recoveryMs = Date.now() - killedAt;
  expect(recoveryMs).toBeLessThan(10 * ELECTION_MS);

  await sleep(1500);
  stopping = true;
  await writing;
  expect(acked.size).toBeGreaterThan(ackedBeforeKill);

  // Crash every member, restart them all on their data directories.
  for (const id of [1, 2, 3]) await cluster.kill(id, 'SIGKILL');
  for (const id of [1, 2, 3]) await cluster.restart(id);
  const leader = await cluster.waitForLeader();
  const list = await callRetrying<any>(() => cluster.coord(leader), 'List', { path: '/w' });
  const present = new Set(list.children.map((c: string) => `/w/${c}`));
  const lost = [...acked].filter((k) => !present.has(k));
  expect(lost).toEqual([]);
  // Every member converges on the same children (serializable reads of each local state).
  await sleep(500);
  for (const id of [1, 2, 3]) {
    const local = await call<any>(cluster.coord(id), 'List', {
      path: '/w',
      consistency: 'CONSISTENCY_SERIALIZABLE',
    });
    expect(local.children.length).toBe(list.children.length);
  }
});

it('resumes a watch across a leader kill: every event after r exactly once, in order', async () => {
  const leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Create', {
    path: '/watched',
    data: Buffer.alloc(0),
  });
  const start = await call<any>(cluster.coord(leader), 'Get', { path: '/watched' });
  const startRevision: number = start.revision;

  const seen: Array<{ revision: number; path: string; type: string }> = [];
  let lastRevision = startRevision;
  let stream: any;
  const open = (id: number) => {
    stream = cluster
      .coord(id)
      .Watch({ path: '/watched', prefix: true, start_revision: lastRevision });
    stream.on('data', (r: any) => {
      for (const e of r.events) seen.push({ revision: e.revision, path: e.path, type: e.type });
      lastRevision = r.events[r.events.length - 1].revision;
    });
    stream.on('error', () => undefined);
  };
  const watcherOn = () =>
    cluster
      .live()
      .map((m) => m.id)
      .find((id) => id !== leader)!;
  open(watcherOn());

  const written: string[] = [];
  for (let i = 0; i < 300; i++) {
    if (i === 150) {
      await cluster.kill(leader, 'SIGKILL');
      stream.cancel();
      open(watcherOn()); // resume from the last revision received
    }
    const path = `/watched/e${i}`;
    await callRetrying(
      () => cluster.coord(watcherOn()),
      'Create',
      { path, data: Buffer.from(String(i)) },
      20_000,
    ).then(
      () => written.push(path),
      (e) => {
        // These leave the outcome unknown; the watch will tell whether the write happened.
        const unknown =
          ['TIMEOUT', 'LEADER_CHANGED'].includes(readError(e).reason ?? '') || e.code === 4;
        if (!unknown) throw e;
      },
    );
  }
  await sleep(1000);
  stream.cancel();
  await cluster.restart(leader);

  const revisions = seen.map((e) => e.revision);
  expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  expect(new Set(revisions).size).toBe(revisions.length); // one create per revision: none repeated
  expect(revisions[0]).toBeGreaterThan(startRevision);
  const createdPaths = seen.filter((e) => e.type === 'EVENT_TYPE_CREATED').map((e) => e.path);
  for (const p of written) expect(createdPaths).toContain(p);
  // And nothing the watch saw is missing from the tree: the events are the tree's history.
  const list = await callRetrying<any>(() => cluster.coord(watcherOn()), 'List', {
    path: '/watched',
  });
  expect(list.children.length).toBe(createdPaths.length);
});

it('keeps compare-and-set counters exact under concurrency', async () => {
  const leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Create', {
    path: '/counter',
    data: Buffer.from('0'),
  });
  let successes = 0;
  const client = async (id: number) => {
    const pipe = new ExecutePipeline(cluster.coord(id));
    for (let i = 0; i < 40; i++) {
      const cur = await pipe.send<any>({ get: { path: '/counter' } });
      const next = String(Number(cur.data.toString()) + 1);
      const txn = await pipe.send<any>({
        txn: {
          compares: [{ path: '/counter', op: 'COMPARE_OP_EQUAL', version: cur.stat.version }],
          success: [{ set: { path: '/counter', data: Buffer.from(next), expected_version: -1 } }],
          failure: [],
        },
      });
      if (txn.succeeded) successes++;
    }
    pipe.close();
  };
  const members = cluster.live().map((m) => m.id);
  await Promise.all(Array.from({ length: 12 }, (_, k) => client(members[k % members.length]!)));
  const final = await call<any>(cluster.coord(leader), 'Get', { path: '/counter' });
  expect(Number(final.data.toString())).toBe(successes);
  expect(final.stat.version).toBe(successes);
  expect(successes).toBeGreaterThan(40);
});
