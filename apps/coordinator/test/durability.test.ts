// kill -9 the leader during a stream of acknowledged writes: a new leader serves within a few
// election timeouts, and after every member is killed and restarted, every acknowledged write
// is there. Also: a watch served by the leader resumes on a follower after the leader's kill
// without losing or repeating an event.
import { readError } from '@tributary/rpc';
import {
  call,
  callRetrying,
  CoordinatorCluster,
  eventually,
  ExecutePipeline,
  sleep,
} from '@tributary/testkit';

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

  await eventually(() => acked.size > 100, 30_000, '100 acknowledged writes before the kill');
  const ackedBeforeKill = acked.size;
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

  // Writes through the surviving member go on under the new leader.
  const ackedAfterRecovery = acked.size;
  await eventually(
    () => acked.size >= ackedAfterRecovery + 100,
    30_000,
    '100 acknowledged writes after the new leader',
  );
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
  for (const id of [1, 2, 3]) await cluster.waitForChildren(id, '/w', list.children.length);
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
  /** Per stream: the member, the start_revision asked for, and its first message. */
  const streams: Array<{ id: number; from: number; start?: number; firstEvents?: number }> = [];
  let lastRevision = startRevision;
  let stream: any;
  const open = (id: number) => {
    const opened = { id, from: lastRevision } as (typeof streams)[number];
    streams.push(opened);
    const s = cluster
      .coord(id)
      .Watch({ path: '/watched', prefix: true, start_revision: lastRevision });
    s.on('data', (r: any) => {
      if (s !== stream) return; // a stream given up on
      if (opened.start === undefined) {
        opened.start = r.header.revision;
        opened.firstEvents = r.events.length;
      }
      for (const e of r.events) seen.push({ revision: e.revision, path: e.path, type: e.type });
      if (r.events.length > 0) lastRevision = r.events[r.events.length - 1].revision;
    });
    s.on('error', () => undefined);
    stream = s;
  };
  // Served by the leader, so the kill breaks it; resumed on a follower, which may not have
  // applied as far as the leader had sent: it must wait, not repeat.
  const [resumeOn, writer] = [1, 2, 3].filter((id) => id !== leader) as [number, number];
  open(leader);

  const written: string[] = [];
  for (let i = 0; i < 300; i++) {
    if (i === 150) {
      await cluster.kill(leader, 'SIGKILL');
      open(resumeOn); // resume from the last revision received, on another member
    }
    const path = `/watched/e${i}`;
    await callRetrying(
      () => cluster.coord(writer),
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
  // Every write the loop made has reached the watch (the last one was acknowledged, or its
  // outcome is unknown and the tree says which).
  const final = await callRetrying<any>(() => cluster.coord(writer), 'List', {
    path: '/watched',
  });
  await eventually(
    () => seen.length >= final.children.length,
    20_000,
    `the watch to see all ${final.children.length} creates`,
  );
  stream.cancel();
  await cluster.restart(leader);

  expect(streams.map((s) => s.id)).toEqual([leader, resumeOn]);
  // Each stream began with the start message: no events, at least the revision asked for.
  for (const s of streams) {
    expect(s.firstEvents).toBe(0);
    expect(s.start).toBeGreaterThanOrEqual(s.from);
  }
  const revisions = seen.map((e) => e.revision);
  expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  expect(new Set(revisions).size).toBe(revisions.length); // one create per revision: none repeated
  expect(revisions[0]).toBeGreaterThan(startRevision);
  const createdPaths = seen.filter((e) => e.type === 'EVENT_TYPE_CREATED').map((e) => e.path);
  for (const p of written) expect(createdPaths).toContain(p);
  // And nothing the watch saw is missing from the tree: the events are the tree's history.
  expect(final.children.length).toBe(createdPaths.length);
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
