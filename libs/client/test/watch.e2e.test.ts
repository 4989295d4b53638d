// Watches against a real 3-node cluster (`trib coordinator` ×3 on loopback): the SDK's fake
// (FakeWatchCluster) sends the very messages a coordinator sends, one scenario run against
// both; a watch from a revision ahead of a lagging follower waits for it and repeats nothing;
// an SDK watch broken before its first event resumes from the start point it was told.
// Tests may use testkit (type:testing); the boundary matrix has no test-only rule yet, hence:
import { call, callRetrying, CoordinatorCluster, eventually, sleep } from '@tributary/testkit';
import { CoordinationClient, type WatchEvent } from '../src';
import type { WatchRequest, WatchResponse } from '../src/wire';
import { FakeWatchCluster, type ChangeType } from './fake-watch-server';
import { ENDPOINTS, flush, ManualClock } from './fakes';

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

/** What a scenario needs of a cluster: writes, raw Watch streams, and time passing. */
interface Backend {
  /** One write; returns its revision. */
  write(type: ChangeType, path: string): Promise<number>;
  /** Opens a raw Watch stream and records its messages. */
  watch(request: WatchRequest): WatchResponse[];
  /** Lets time pass until `done` holds. */
  until(done: () => boolean, what: string): Promise<void>;
  close(): void;
}

/** One transcript line: revisions relative to the scenario's first write. */
type Line = { revision: number; events: Array<[string, string, number]> };

/**
 * Three watches over a few writes: from now without progress marks, from a past revision with
 * them (start, one replay page, then a progress mark while idle), and of one node from a
 * revision in between. Returns each watch's messages, revisions relative to the first write.
 */
async function scenario(b: Backend): Promise<Record<'now' | 'past' | 'node', Line[]>> {
  const base = '/contract';
  const r0 = await b.write('created', base);
  const now = b.watch({ path: base, prefix: true, start_revision: 0, progress_notify: false });
  await b.until(() => now.length >= 1, 'the start message');
  const r1 = await b.write('created', `${base}/a`);
  await b.write('updated', `${base}/a`);
  await b.write('created', '/contract-elsewhere');
  await b.write('deleted', `${base}/a`);
  await b.until(() => now.length >= 4, 'three events');
  const past = b.watch({ path: base, prefix: true, start_revision: r0, progress_notify: true });
  const node = b.watch({ path: `${base}/a`, start_revision: r1, progress_notify: false });
  await b.until(() => past.length >= 3 && node.length >= 2, 'the replays and a progress mark');
  await b.write('created', `${base}/b`);
  await b.until(() => now.length >= 5 && past.length >= 4, 'the last event');
  b.close();
  const lines = (messages: WatchResponse[]): Line[] =>
    messages.map((m) => ({
      revision: Number(m.header!.revision) - r0,
      events: (m.events ?? []).map((e) => [e.type, e.path, Number(e.revision) - r0]),
    }));
  return { now: lines(now), past: lines(past), node: lines(node) };
}

const C = 'EVENT_TYPE_CREATED';
const U = 'EVENT_TYPE_UPDATED';
const D = 'EVENT_TYPE_DELETED';
/** What a coordinator sends in `scenario`, written out once. */
const TRANSCRIPT = {
  now: [
    { revision: 0, events: [] },
    { revision: 1, events: [[C, '/contract/a', 1]] },
    { revision: 2, events: [[U, '/contract/a', 2]] },
    { revision: 4, events: [[D, '/contract/a', 4]] },
    { revision: 5, events: [[C, '/contract/b', 5]] },
  ],
  past: [
    { revision: 4, events: [] },
    {
      revision: 4,
      events: [
        [C, '/contract/a', 1],
        [U, '/contract/a', 2],
        [D, '/contract/a', 4],
      ],
    },
    { revision: 4, events: [] },
    { revision: 5, events: [[C, '/contract/b', 5]] },
  ],
  node: [
    { revision: 4, events: [] },
    {
      revision: 4,
      events: [
        [U, '/contract/a', 2],
        [D, '/contract/a', 4],
      ],
    },
  ],
};

describe('the watch contract', () => {
  it('FakeWatchCluster sends what a coordinator sends', async () => {
    const clock = new ManualClock();
    const fake = new FakeWatchCluster(clock, ENDPOINTS);
    const calls: Array<{ cancel(): void }> = [];
    const transcript = await scenario({
      write: async (type, path) => fake.write([type, path]),
      watch: (request) => {
        const messages: WatchResponse[] = [];
        const stream = fake.connection(ENDPOINTS[0]!).coord.Watch(request);
        stream.on('data', (m: WatchResponse) => messages.push(m));
        calls.push(stream);
        return messages;
      },
      until: async (done, what) => {
        for (let waited = 0; !done(); waited += 100) {
          if (waited > 60_000) throw new Error(`the fake never delivered ${what}`);
          await flush();
          clock.advance(100);
        }
      },
      close: () => calls.forEach((c) => c.cancel()),
    });
    expect(transcript).toEqual(TRANSCRIPT);
  });

  it('a coordinator sends the transcript', async () => {
    const { leader } = await roles();
    const streams: Array<{ cancel(): void }> = [];
    const writes: Record<ChangeType, (path: string) => Promise<any>> = {
      created: (path) => callRetrying(() => cluster.coord(leader), 'Create', { path }),
      updated: (path) =>
        callRetrying(() => cluster.coord(leader), 'Set', { path, expected_version: -1 }),
      deleted: (path) =>
        callRetrying(() => cluster.coord(leader), 'Delete', { path, expected_version: -1 }),
    };
    const transcript = await scenario({
      write: async (type, path) => Number((await writes[type](path)).header.revision),
      watch: (request) => {
        const messages: WatchResponse[] = [];
        const stream = cluster.coord(leader).Watch(request);
        stream.on('data', (m: WatchResponse) => messages.push(m));
        stream.on('error', () => undefined);
        streams.push(stream);
        return messages;
      },
      until: (done, what) => eventually(done, 30_000, what, 20),
      close: () => streams.forEach((s) => s.cancel()),
    });
    expect(transcript).toEqual(TRANSCRIPT);
  });
});

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
