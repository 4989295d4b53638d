// Crashes that lose unsynced writes (TRIBUTARY_TEST_STORAGE_FAULTS=lose-unsynced: kill -9 then
// drops every write no fsync covered, as a power cut would). Every member of a 3-coordinator
// cluster, then every broker of 3 (RF 3, acks=all), killed at the same moment and restarted by
// the crash-lose-unsynced nemesis: every acknowledged write is still there. With the planted
// `ignore-sync` (the disk lies about fsync) the same checks report lost acknowledged writes.
import { Admin, Producer, type RecordMetadata } from '@tributary/client';
import { Xoshiro128 } from '@tributary/raft';
import { decodeBatchRecords, readError } from '@tributary/rpc';
import {
  BrokerCluster,
  call,
  CoordinatorCluster,
  CrashLoseUnsyncedNemesis,
  eventually,
  sleep,
} from '@tributary/testkit';

/** What a nemesis acts on (FaultTarget), named through the nemesis. */
type FaultTarget = Parameters<CrashLoseUnsyncedNemesis['start']>[0];

jest.setTimeout(300_000);

const ENV = 'TRIBUTARY_TEST_STORAGE_FAULTS';
const FAULTS_LINE = /TEST-ONLY STORAGE FAULTS ACTIVE/;
const started: Array<{ shutdown(): Promise<void> }> = [];
afterEach(async () => {
  delete process.env[ENV];
  for (const c of started.splice(0).reverse()) await c.shutdown();
});

function targetOf(coordinators: CoordinatorCluster, brokers?: BrokerCluster): FaultTarget {
  return {
    coordinators,
    ...(brokers && { brokers }),
    random: new Xoshiro128(11),
    record: () => undefined,
  };
}

/** Creates /r/k<n> from 8 writers for `ms`; returns the acknowledged paths. */
async function createFor(c: CoordinatorCluster, ms: number): Promise<string[]> {
  const acked: string[] = [];
  const until = Date.now() + ms;
  let n = 0;
  await callRetry(c, '/r');
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < until) {
        const p = `/r/k${n++}`;
        try {
          const leader = await c.waitForLeader(10_000);
          await call(c.coord(leader), 'Create', { path: p, data: Buffer.from(p) }, 3000);
          acked.push(p);
        } catch {
          await sleep(20); // outcome unknown: not counted
        }
      }
    }),
  );
  return acked;
}

async function callRetry(c: CoordinatorCluster, p: string) {
  await eventually(
    () =>
      call(c.coord(c.live()[0]!.id), 'Create', { path: p, data: Buffer.alloc(0) }, 3000).then(
        () => true,
        (e: unknown) => readError(e).reason === 'NODE_EXISTS' || false,
      ),
    30_000,
    `create ${p}`,
  );
}

/** Acknowledged paths missing from a linearizable List of /r (all, if /r itself is gone). */
async function lostPaths(c: CoordinatorCluster, acked: string[]): Promise<string[]> {
  let children: string[] | undefined;
  await eventually(
    async () => {
      const leader = await c.waitForLeader(10_000);
      children = await call<{ children: string[] }>(c.coord(leader), 'List', { path: '/r' }).then(
        (r) => r.children,
        (e: unknown) => (readError(e).reason === 'NO_NODE' ? [] : undefined),
      );
      return children !== undefined;
    },
    60_000,
    'a linearizable List of /r',
  );
  const have = new Set(children!.map((name) => `/r/${name}`));
  return acked.filter((p) => !have.has(p));
}

async function coordinatorRun(mode: string) {
  process.env[ENV] = mode;
  const c = await CoordinatorCluster.start({ size: 3 });
  started.push(c);
  for (const m of c.members.values()) expect(c.logCount(m.id, FAULTS_LINE)).toBe(1);
  const acked = await createFor(c, 4_000);
  expect(acked.length).toBeGreaterThan(50);
  const nemesis = new CrashLoseUnsyncedNemesis({ kind: 'coordinators', all: true });
  const target = targetOf(c);
  expect(await nemesis.start(target)).toMatchObject({ kind: 'coordinators', ids: [1, 2, 3] });
  expect(c.live()).toEqual([]);
  await nemesis.stop(target);
  return { acked, lost: await lostPaths(c, acked) };
}

describe('coordinators', () => {
  it('all 3 killed -9 at once with lose-unsynced: every acknowledged create survives', async () => {
    const { acked, lost } = await coordinatorRun('lose-unsynced');
    console.log(`coordinators: ${acked.length} acknowledged creates, ${lost.length} lost`);
    expect(lost).toEqual([]);
  });

  it('planted ignore-sync: the same check reports lost acknowledged creates', async () => {
    const { acked, lost } = await coordinatorRun('lose-unsynced,ignore-sync');
    console.log(`coordinators, ignore-sync: ${acked.length} acknowledged, ${lost.length} lost`);
    expect(lost.length).toBeGreaterThan(0);
  });
});

/** Every record of `topic`/0 from offset 0 on its leader: value by offset (gaps stay empty). */
async function readAll(admin: Admin, brokers: BrokerCluster, topic: string, end: number) {
  const got = new Map<number, string>();
  await eventually(
    async () => {
      const [t] = await admin.describeTopics([topic]);
      const leader = t!.partitions[0]!.leader;
      if (!(leader > 0)) return false;
      let at = 0;
      for (;;) {
        const r = await call<any>(brokers.client(leader), 'Fetch', {
          topic,
          partition: 0,
          offset: at,
          max_bytes: 4 << 20,
        }).catch((e: unknown) => readError(e));
        if (r.reason === 'OFFSET_OUT_OF_RANGE') return true; // nothing (more) there
        if (r.reason) return false; // not a leader yet: ask again
        if (r.batches.length === 0) return true;
        for (const b of r.batches) {
          for (const rec of await decodeBatchRecords(b))
            got.set(Number(b.base_offset) + rec.offsetDelta, String(rec.value));
          at = Number(b.base_offset) + Number(b.record_count);
        }
        if (at >= end) return true;
      }
    },
    60_000,
    `a leader of ${topic} to answer Fetch`,
  );
  return got;
}

async function brokerRun(mode: string) {
  const coordinators = await CoordinatorCluster.start({ size: 3 });
  started.push(coordinators);
  process.env[ENV] = mode; // brokers only: the coordinators keep their metadata
  const brokers = await BrokerCluster.start({ coordinators, size: 3 });
  started.push(brokers);
  for (const b of brokers.brokers.values()) expect(brokers.logCount(b.id, FAULTS_LINE)).toBe(1);
  const bootstrap = brokers.live().map((b) => b.address);
  const admin = new Admin({ bootstrap });
  started.push({ shutdown: async () => admin.close() });
  const topic = 'crash';
  await admin.createTopic(topic, {
    partitions: 1,
    replicationFactor: 3,
    configs: { 'min.insync.replicas': '2' },
  });
  const producer = new Producer({ bootstrap, acks: 'all', lingerMs: 2 });
  const sends: Array<Promise<RecordMetadata>> = [];
  for (let i = 0; i < 5_000; i++) sends.push(producer.send({ topic, value: `v${i}` }));
  const results = await Promise.allSettled(sends);
  await producer.close();
  const acked = new Map<number, string>();
  results.forEach((r, i) => r.status === 'fulfilled' && acked.set(r.value.offset, `v${i}`));
  expect(acked.size).toBe(5_000);

  const nemesis = new CrashLoseUnsyncedNemesis({ kind: 'brokers', all: true });
  const target = targetOf(coordinators, brokers);
  expect(await nemesis.start(target)).toMatchObject({ kind: 'brokers', ids: [1, 2, 3] });
  await nemesis.stop(target);
  const got = await readAll(admin, brokers, topic, Math.max(...acked.keys()) + 1);
  const lost = [...acked].filter(([offset, value]) => got.get(offset) !== value);
  return { acked, lost };
}

describe('brokers', () => {
  it('all 3 killed -9 at once with lose-unsynced: every acks=all record is read at its offset', async () => {
    const { acked, lost } = await brokerRun('lose-unsynced');
    console.log(`brokers: ${acked.size} acknowledged records, ${lost.length} lost`);
    expect(lost).toEqual([]);
  });

  it('planted ignore-sync: the same check reports lost acknowledged records', async () => {
    const { acked, lost } = await brokerRun('lose-unsynced,ignore-sync');
    console.log(`brokers, ignore-sync: ${acked.size} acknowledged, ${lost.length} lost`);
    expect(lost.length).toBeGreaterThan(0);
  });
});
