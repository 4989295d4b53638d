// What a machine scrapes from a real cluster (3 coordinators, 3 brokers with a consumer fetch
// quota), read before, during and after a workload on the SDK: an acks=all producer, a consumer
// group committing offsets, a coordination session with an ephemeral node, writes, reads and a
// watch. Every series named in docs/operations-draft.md exists on every process it belongs to
// and moves the way it should: counters and histogram counts grow, gauges take the values the
// workload implies (sessions and watches up by one while open, group lag > 0 while the member
// is paused and 0 once it has caught up and committed). Then the faults an operator alerts on:
// kill -9 of a broker makes partitions under-replicated, and the RF-1 partition it held
// offline, in the metrics and in `trib cluster status`; two coordinators killed leave the
// third live but not ready, without a leader, which `trib cluster status` says.
import * as http from 'node:http';
import { Admin, Consumer, CoordinationClient, Producer, type WatchEvent } from '@tributary/client';
import {
  BrokerCluster,
  CoordinatorCluster,
  eventually,
  runTrib,
  scrapeMetrics,
  type Scrape,
} from '@tributary/testkit';

jest.setTimeout(180_000);

const TOPIC = 'orders';
/** Replication factor 1: its partitions go offline with their one broker. */
const SOLO = 'solo';
const GROUP = 'billing';
const PARTITIONS = 3;
const VALUE = Buffer.alloc(1024, 'v');
const FIRST = 300;
const SECOND = 150;
/** Bytes/s a consumer may fetch from each broker: the first catch-up (~100 KiB each) exceeds it. */
const FETCH_QUOTA = 50_000;

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let bootstrap: string[];
let before: Scrapes;
let after: Scrapes;

interface Scrapes {
  coordinators: Map<number, Scrape>;
  brokers: Map<number, Scrape>;
}

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 3 });
  brokers = await BrokerCluster.start({
    coordinators,
    size: 3,
    extraArgs: ['--quota-fetch-bytes', `*=${FETCH_QUOTA}`],
  });
  bootstrap = brokers.live().map((b) => b.address);
  before = await scrapeAll();
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

async function scrapeAll(): Promise<Scrapes> {
  const scrape = async <M extends { id: number; metricsAddress: string }>(list: M[]) =>
    new Map(
      await Promise.all(
        list.map(async (m) => [m.id, await scrapeMetrics(m.metricsAddress)] as const),
      ),
    );
  return {
    coordinators: await scrape(coordinators.live()),
    brokers: await scrape(brokers.live()),
  };
}

const all = (m: Map<number, Scrape>) => [...m.values()];
const sumOver = (m: Map<number, Scrape>, name: string, match: Record<string, string> = {}) =>
  all(m).reduce((n, s) => n + s.sum(name, match), 0);
const maxOver = (m: Map<number, Scrape>, name: string, match: Record<string, string> = {}) =>
  Math.max(...all(m).flatMap((s) => s.values(name, match)));

/** Per partition of TOPIC: leader's high watermark − the group's committed offset. */
function groupLag(s: Scrapes): number[] {
  return Array.from({ length: PARTITIONS }, (_, p) => {
    const partition = String(p);
    const hw = maxOver(s.brokers, 'tributary_broker_partition_high_watermark', {
      topic: TOPIC,
      partition,
    });
    const committed = maxOver(s.coordinators, 'tributary_group_committed_offset', {
      group: GROUP,
      topic: TOPIC,
      partition,
    });
    return hw - committed;
  });
}

async function produce(count: number, tag: string): Promise<void> {
  const producer = new Producer({ bootstrap, acks: 'all', lingerMs: 5 });
  try {
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        producer.send({ topic: TOPIC, partition: i % PARTITIONS, key: `${tag}${i}`, value: VALUE }),
      ),
    );
  } finally {
    await producer.close();
  }
}

async function consume(consumer: Consumer, count: number): Promise<void> {
  let got = 0;
  const deadline = Date.now() + 30_000;
  while (got < count && Date.now() < deadline) got += (await consumer.poll()).length;
  expect(got).toBe(count);
  await consumer.commit();
}

const trib = (...args: string[]) =>
  runTrib(
    [
      ...args,
      '--coordinators',
      coordinators
        .live()
        .map((m) => m.address)
        .join(','),
      '--bootstrap',
      brokers
        .live()
        .map((b) => b.address)
        .join(','),
    ],
    { timeoutMs: 30_000 },
  );

function get(address: string, route: string): Promise<number> {
  return new Promise((resolve, reject) =>
    http
      .get(`http://${address}${route}`, { timeout: 5000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject),
  );
}

it('serves every named series on every process, and they move under a workload', async () => {
  const admin = new Admin({ bootstrap });
  await admin.createTopic(TOPIC, { partitions: PARTITIONS, replicationFactor: 3 });
  await admin.createTopic(SOLO, { partitions: PARTITIONS, replicationFactor: 1 });
  await eventually(
    async () =>
      (await admin.describeTopics([TOPIC, SOLO])).every((t) =>
        t.partitions.every((p) => p.leader > 0 && p.isr.length === p.replicas.length),
      ),
    30_000,
    'leaders and full ISRs for both topics',
  );
  admin.close();

  // Coordination: a session holding an ephemeral node, a watch, writes and linearizable reads.
  const coord = new CoordinationClient({ endpoints: coordinators.live().map((m) => m.address) });
  const session = await coord.openSession({ ttlMs: 10_000 });
  await coord.create('/ops');
  const watch = coord.watch('/ops', { prefix: true });
  const events: WatchEvent[] = [];
  const watching = (async () => {
    for await (const e of watch) events.push(e);
  })();
  await coord.create('/ops/worker', 'up', { ephemeral: true, session });
  for (let i = 0; i < 20; i++) {
    await coord.set('/ops/worker', `beat ${i}`);
    await coord.get('/ops/worker');
  }

  await produce(FIRST, 'a');
  const consumer = new Consumer({ bootstrap, fetchWaitMsMax: 100 });
  await consumer.subscribe([TOPIC], { groupId: GROUP, autoCommit: false, fromBeginning: true });
  await consume(consumer, FIRST);

  // During: the session, the watch and the group member show; the group has caught up.
  const sessionsBefore = maxOver(before.coordinators, 'tributary_coord_sessions');
  await eventually(
    async () => {
      const during = await scrapeAll();
      const sessions = all(during.coordinators).map((s) => s.one('tributary_coord_sessions'));
      return (
        sessions.every((n) => n === sessionsBefore + 1) &&
        sumOver(during.coordinators, 'tributary_coord_watches') ===
          sumOver(before.coordinators, 'tributary_coord_watches') + 1 &&
        maxOver(during.coordinators, 'tributary_group_members', { group: GROUP }) === 1 &&
        groupLag(during).every((lag) => lag === 0)
      );
    },
    15_000,
    'sessions and watches up by one, one group member, group lag 0',
  );
  expect(events.length).toBeGreaterThanOrEqual(21);

  // A paused member falls behind by what is produced meanwhile, then catches up.
  consumer.pause(consumer.assignment());
  await produce(SECOND, 'b');
  let behind: number[] = [];
  await eventually(
    async () => {
      behind = groupLag(await scrapeAll());
      return behind.reduce((a, b) => a + b, 0) === SECOND;
    },
    15_000,
    `group lag of ${SECOND} records while paused`,
  );
  expect(behind.every((lag) => lag > 0)).toBe(true);
  consumer.resume(consumer.assignment());
  await consume(consumer, SECOND);
  await eventually(
    async () => groupLag(await scrapeAll()).every((lag) => lag === 0),
    15_000,
    'group lag back to 0 once caught up and committed',
  );

  watch.close();
  await watching.catch(() => undefined);
  await session.close();
  await coord.close();
  await consumer.close();
  await eventually(
    async () => {
      after = await scrapeAll();
      return (
        sumOver(after.coordinators, 'tributary_coord_watches') ===
          sumOver(before.coordinators, 'tributary_coord_watches') &&
        all(after.coordinators).every((s) => s.one('tributary_coord_sessions') === sessionsBefore)
      );
    },
    15_000,
    'sessions and watches back to where they were',
  );

  checkCoordinators(before.coordinators, after.coordinators);
  checkBrokers(before.brokers, after.brokers);
});

function checkCoordinators(was: Map<number, Scrape>, now: Map<number, Scrape>): void {
  for (const [id, s] of now) {
    const b = was.get(id)!;
    // Raft: one term, a leader known, the indexes moved, fsyncs and applied proposals timed.
    expect(s.one('tributary_raft_term')).toBeGreaterThanOrEqual(1);
    expect(s.one('tributary_raft_has_leader')).toBe(1);
    expect(s.one('tributary_raft_commit_index')).toBeGreaterThan(
      b.one('tributary_raft_commit_index'),
    );
    expect(s.one('tributary_raft_applied_index')).toBeGreaterThan(
      b.one('tributary_raft_applied_index'),
    );
    expect(s.one('tributary_raft_apply_lag_entries')).toBeLessThan(100);
    expect(s.one('tributary_raft_persist_seconds_count')).toBeGreaterThan(
      b.one('tributary_raft_persist_seconds_count'),
    );
    expect(s.one('tributary_raft_persisted_entries_total')).toBeGreaterThan(
      b.one('tributary_raft_persisted_entries_total'),
    );
    expect(s.one('tributary_raft_undecodable_entries_total')).toBe(0);
    expect(s.types.get('tributary_raft_refused_peer_batches_total')).toBe('counter');
    expect(s.one('tributary_raft_leader_changes_total')).toBeGreaterThanOrEqual(1);
    expect(s.one('tributary_raft_proposals_pending')).toBeGreaterThanOrEqual(0);
    expect(s.one('tributary_coord_nodes')).toBeGreaterThan(b.one('tributary_coord_nodes'));
    expect(s.one('tributary_coord_revision')).toBeGreaterThan(b.one('tributary_coord_revision'));
    // The cluster as every member's state has it: healthy.
    expect(s.one('tributary_cluster_brokers')).toBe(3);
    expect(s.one('tributary_cluster_partitions')).toBe(2 * PARTITIONS);
    expect(s.one('tributary_cluster_offline_partitions')).toBe(0);
    expect(s.one('tributary_cluster_under_replicated_partitions')).toBe(0);
    expect(s.one('tributary_cluster_under_min_isr_partitions')).toBe(0);
    expect(s.one('tributary_groups')).toBe(1);
    expect(s.select('tributary_group_committed_offset', { group: GROUP })).toHaveLength(PARTITIONS);
    expect(s.one('tributary_group_committed_offset_series_omitted')).toBe(0);
    expect(s.one('tributary_coord_sessions_expired_total')).toBe(0);
    // Declared, with no sample until a quota or an ACL refuses something.
    expect(s.types.get('tributary_throttled_total')).toBe('counter');
    expect(s.types.get('tributary_authorization_denied_total')).toBe('counter');
    expect(s.types.get('tributary_raft_proposals_failed_total')).toBe('counter');
  }
  const leaders = all(now).filter((s) => s.one('tributary_raft_is_leader') === 1);
  expect(leaders).toHaveLength(1);
  const leader = leaders[0]!;
  expect(new Set(all(now).map((s) => s.one('tributary_raft_term'))).size).toBe(1);
  // Only the leader knows how far its peers are; every client write was proposed and applied.
  expect(leader.select('tributary_raft_peer_lag_entries')).toHaveLength(2);
  expect(
    all(now).filter((s) => s.select('tributary_raft_peer_lag_entries').length > 0),
  ).toHaveLength(1);
  // At least: 2 topics, a session opened and closed, 2 creates and 20 sets.
  const writes = 2 + 2 + 2 + 20;
  expect(sumOver(now, 'tributary_raft_proposals_total')).toBeGreaterThanOrEqual(
    sumOver(was, 'tributary_raft_proposals_total') + writes,
  );
  expect(sumOver(now, 'tributary_raft_proposal_seconds_count')).toBeGreaterThanOrEqual(
    sumOver(was, 'tributary_raft_proposal_seconds_count') + writes,
  );
  expect(sumOver(now, 'tributary_raft_proposal_seconds_sum')).toBeGreaterThan(0);
  expect(sumOver(now, 'tributary_raft_proposal_batch_size_count')).toBeGreaterThan(
    sumOver(was, 'tributary_raft_proposal_batch_size_count'),
  );
}

function checkBrokers(was: Map<number, Scrape>, now: Map<number, Scrape>): void {
  const records = FIRST + SECOND;
  const delta = (name: string, match: Record<string, string> = {}) =>
    sumOver(now, name, match) - sumOver(was, name, match);
  // Produce and fetch: rates and latencies.
  expect(delta('tributary_broker_produce_requests_total', { outcome: 'ok' })).toBeGreaterThan(0);
  expect(delta('tributary_broker_produced_records_total')).toBeGreaterThanOrEqual(records);
  expect(delta('tributary_broker_produced_bytes_total')).toBeGreaterThanOrEqual(
    records * VALUE.length,
  );
  expect(delta('tributary_broker_produce_seconds_count', { acks: 'all' })).toBeGreaterThan(0);
  expect(delta('tributary_broker_produce_seconds_sum', { acks: 'all' })).toBeGreaterThan(0);
  expect(
    delta('tributary_broker_fetch_requests_total', { kind: 'consumer', outcome: 'ok' }),
  ).toBeGreaterThan(0);
  expect(
    delta('tributary_broker_fetched_bytes_total', { kind: 'consumer' }),
  ).toBeGreaterThanOrEqual(records * VALUE.length);
  expect(delta('tributary_broker_fetch_seconds_count', { kind: 'consumer' })).toBeGreaterThan(0);
  expect(delta('tributary_broker_fetch_seconds_count', { kind: 'replica' })).toBeGreaterThan(0);
  // The consumer's catch-up ran into the fetch quota, and was held back rather than refused.
  expect(delta('tributary_throttled_total', { quota: 'fetch bytes' })).toBeGreaterThan(0);
  // Per partition: every replica has every record; one leader each, with the full ISR.
  for (let p = 0; p < PARTITIONS; p++) {
    const match = { topic: TOPIC, partition: String(p) };
    const ends = all(now).flatMap((s) =>
      s.values('tributary_broker_partition_log_end_offset', match),
    );
    const hws = all(now).flatMap((s) =>
      s.values('tributary_broker_partition_high_watermark', match),
    );
    const isrs = all(now).flatMap((s) => s.values('tributary_broker_partition_isr_size', match));
    expect(ends).toEqual([records / PARTITIONS, records / PARTITIONS, records / PARTITIONS]);
    expect(hws).toEqual([records / PARTITIONS]);
    expect(isrs).toEqual([3]);
  }
  expect(sumOver(now, 'tributary_broker_replicas')).toBe(PARTITIONS * 3 + PARTITIONS);
  expect(sumOver(now, 'tributary_broker_partitions_led')).toBe(2 * PARTITIONS);
  expect(sumOver(now, 'tributary_broker_under_replicated_partitions')).toBe(0);
  for (const s of now.values()) {
    expect(s.types.get('tributary_authorization_denied_total')).toBe('counter');
    expect(s.one('tributary_broker_malformed_requests_total')).toBe(0);
    expect(s.one('tributary_broker_subscribe_streams')).toBe(0);
    expect(s.one('tributary_broker_acl_entries')).toBe(0);
  }
  for (const [id, s] of now)
    expect(s.one('tributary_broker_metadata_revision')).toBeGreaterThan(
      was.get(id)!.one('tributary_broker_metadata_revision'),
    );
}

it('kill -9 of a broker: under-replicated and offline partitions, flagged by trib cluster status', async () => {
  const healthy = await trib('cluster', 'status');
  expect(healthy).toMatchObject({ code: 0, stderr: '' });
  expect(healthy.stdout).toMatch(/brokers: 3 live \(1,2,3\), 6 partition\(s\)/);
  expect(healthy.stdout).toMatch(/^problems: none found$/m);

  const admin = new Admin({ bootstrap });
  const [solo] = await admin.describeTopics([SOLO]);
  admin.close();
  const victim = solo!.partitions[0]!.replicas[0]!;
  const lost = solo!.partitions.filter((p) => p.replicas[0] === victim).map((p) => p.partition);
  await brokers.kill(victim, 'SIGKILL');
  let s: Scrapes = before;
  await eventually(
    async () => {
      s = await scrapeAll();
      return (
        maxOver(s.coordinators, 'tributary_cluster_brokers') === 2 &&
        maxOver(s.coordinators, 'tributary_cluster_offline_partitions') === lost.length &&
        sumOver(s.brokers, 'tributary_broker_under_replicated_partitions') === PARTITIONS
      );
    },
    30_000,
    `broker ${victim} gone from the metadata, its solo partitions offline, ${TOPIC} under-replicated`,
  );
  // Every orders partition lost a replica: under-replicated, and led with an ISR of 2 (still
  // above min.insync.replicas 1). An offline partition keeps its last ISR (Kafka's rule).
  expect(maxOver(s.coordinators, 'tributary_cluster_under_replicated_partitions')).toBe(PARTITIONS);
  expect(maxOver(s.coordinators, 'tributary_cluster_under_min_isr_partitions')).toBe(0);
  expect(maxOver(s.coordinators, 'tributary_coord_sessions_expired_total')).toBeGreaterThanOrEqual(
    1,
  );
  for (let p = 0; p < PARTITIONS; p++)
    expect(
      all(s.brokers).flatMap((x) =>
        x.values('tributary_broker_partition_isr_size', { topic: TOPIC, partition: String(p) }),
      ),
    ).toEqual([2]);

  const sick = await trib('cluster', 'status');
  expect(sick).toMatchObject({ code: 1, stderr: '' }); // problems found: exit 1
  expect(sick.stdout).toMatch(/brokers: 2 live/);
  const offline = lost.map((p) => `${SOLO}/${p}`).join(', ');
  expect(sick.stdout).toContain(
    `  - ${lost.length} partition(s) offline (no leader: no in-sync replica is live): ${offline}\n`,
  );
  expect(sick.stdout).toMatch(
    new RegExp(`  - ${PARTITIONS} partition\\(s\\) under-replicated .*: ${TOPIC}/0, ${TOPIC}/1`),
  );
  const json = await trib('cluster', 'status', '--json');
  const out = JSON.parse(json.stdout);
  expect(out.partitions.offline).toEqual(lost.map((p) => `${SOLO}/${p}`));
  expect(out.problems).toHaveLength(2); // offline, under-replicated
});

it('a coordinator alone is live but not ready, without a leader, and cluster status says so', async () => {
  await coordinators.kill(2, 'SIGKILL');
  await coordinators.kill(3, 'SIGKILL');
  const lone = coordinators.member(1);
  await eventually(
    async () => {
      const s = await scrapeMetrics(lone.metricsAddress);
      return s.one('tributary_raft_has_leader') === 0 && s.one('tributary_raft_is_leader') === 0;
    },
    15_000,
    'coordinator 1 to know no leader (check-quorum)',
  );
  expect(await get(lone.metricsAddress, '/healthz')).toBe(200);
  expect(await get(lone.metricsAddress, '/readyz')).toBe(503);
  const status = await trib('cluster', 'status', '--json');
  expect(status.code).toBe(1);
  const problems: string[] = JSON.parse(status.stdout).problems;
  expect(problems[0]).toMatch(/^no Raft leader: no reachable coordinator knows one/);
  expect(problems).toEqual(
    expect.arrayContaining([expect.stringMatching(/^coordinator [23] at .* is unreachable$/)]),
  );
});
