// MetadataService on a real 3-member coordinator cluster, with simulated brokers: plain gRPC
// clients that open a session, keep it alive and register. A broker whose keep-alives stop
// loses its partitions' leadership within the session TTL; the controller's failover survives
// a kill -9 of the coordinator leader in the middle; bad input is refused with nothing changed.
import type * as grpc from '@grpc/grpc-js';
import { readError } from '@tributary/rpc';
import { call, callRetrying, CoordinatorCluster, eventually } from '@tributary/testkit';

jest.setTimeout(180_000);

// Long enough that a loaded test machine does not expire a live broker by mistake.
const TTL_MS = 3000;
let cluster: CoordinatorCluster;

/** A client of some live member (the first that answers; callRetrying moves on). */
let next = 0;
const anyMember = () => cluster.live()[next++ % cluster.live().length]!.id;
const metadata = () => cluster.metadata(anyMember());
const md = <R = any>(method: string, request: object) =>
  callRetrying<R>(metadata, method, request, 20_000);

/** A broker stand-in: a session kept alive over a KeepAlive stream, and a registration. */
class SimBroker {
  session = 0;
  epoch = 0;
  private stream: grpc.ClientDuplexStream<any, any> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly id: number) {}

  async start(): Promise<void> {
    const r = await callRetrying<any>(() => cluster.coord(anyMember()), 'OpenSession', {
      ttl_ms: TTL_MS,
    });
    this.session = Number(r.session_id);
    this.timer = setInterval(() => this.keepAlive(), 300);
    const reg = await md('RegisterBroker', {
      broker_id: this.id,
      address: `127.0.0.1:${19000 + this.id}`,
      rack: `rack-${this.id % 2}`,
      session_id: this.session,
    });
    this.epoch = Number(reg.broker_epoch);
  }

  private keepAlive(): void {
    if (!this.stream) {
      const s = (cluster.coord(anyMember()) as any).KeepAlive() as grpc.ClientDuplexStream<
        any,
        any
      >;
      s.on('data', () => undefined);
      s.on('error', () => (this.stream = undefined));
      this.stream = s;
    }
    this.stream.write({ session_id: this.session });
  }

  /** Stops keeping the session alive, as a broker that died would. */
  stop(): void {
    clearInterval(this.timer);
    this.stream?.cancel();
    this.stream = undefined;
  }
}

const brokers = [1, 2, 3].map((id) => new SimBroker(id));

/**
 * A client's metadata cache fed only by WatchMetadata, as a broker's would be: it resumes from
 * the last revision it applied on another member when its stream breaks.
 */
class MetadataCache {
  revision = 0;
  brokers = new Map<number, any>();
  topics = new Map<string, any>();
  snapshots = 0;
  private stream: grpc.ClientReadableStream<any> | undefined;
  private closed = false;

  breaks = 0;

  /** Opens on `member` (default: any live one). */
  open(member?: number): void {
    if (this.closed) return;
    const s = (cluster.metadata(member ?? anyMember()) as any).WatchMetadata({
      from_revision: this.revision,
    }) as grpc.ClientReadableStream<any>;
    s.on('data', (m: any) => this.apply(m));
    s.on('error', () => {
      this.breaks++;
      setTimeout(() => this.open(), 200);
    });
    this.stream = s;
  }

  private apply(m: any): void {
    const revision = Number(m.header.revision);
    expect(revision).toBeGreaterThanOrEqual(this.revision); // never back in time
    if (m.snapshot) {
      this.snapshots++;
      this.brokers.clear();
      this.topics.clear();
    }
    for (const b of m.brokers) this.brokers.set(b.broker_id, b);
    for (const id of m.removed_broker_ids) this.brokers.delete(id);
    for (const t of m.topics) {
      const old = this.topics.get(t.name);
      const partitions = old && old.topic_id === t.topic_id ? [...old.partitions] : [];
      for (const p of t.partitions) partitions[p.partition] = p;
      this.topics.set(t.name, { ...t, partitions });
    }
    for (const u of m.partitions)
      this.topics.get(u.topic).partitions[u.partition.partition] = u.partition;
    for (const name of m.deleted_topics) this.topics.delete(name);
    this.revision = revision;
  }

  close(): void {
    this.closed = true;
    this.stream?.cancel();
  }
}
const cache = new MetadataCache();

async function describe1(topic: string): Promise<any> {
  const r = await md('DescribeTopics', { names: [topic] });
  return r.topics[0];
}

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
  await cluster.waitForPublished();
  // On the leader, which a later test kills: the cache must resume on another member.
  cache.open(await cluster.waitForLeader());
  for (const b of brokers) await b.start();
});

afterAll(async () => {
  cache.close();
  for (const b of brokers) b.stop();
  await cluster.shutdown();
});

it('lists registered brokers and refuses a second live broker with the same id', async () => {
  const r = await md('ListBrokers', {});
  expect(r.brokers.map((b: any) => b.broker_id)).toEqual([1, 2, 3]);
  const other = await callRetrying<any>(() => cluster.coord(anyMember()), 'OpenSession', {
    ttl_ms: TTL_MS,
  });
  const err = await md('RegisterBroker', {
    broker_id: 1,
    address: 'h:1',
    session_id: other.session_id,
  }).catch(readError);
  expect(err.reason).toBe('BROKER_EXISTS');
  expect(err.code).toBe(6); // ALREADY_EXISTS
  // Readable as plain nodes for debugging.
  const node = await call<any>(cluster.coord(1), 'Get', { path: '/tributary/brokers/2' });
  expect(JSON.parse(node.data.toString()).address).toBe('127.0.0.1:19002');
});

it('creates a topic with leaders spread over the brokers, and describes it from any member', async () => {
  const created = await md('CreateTopic', {
    name: 'orders',
    partitions: 6,
    replication_factor: 3,
    configs: { 'retention.ms': '60000' },
  });
  expect(created.topic.partitions).toHaveLength(6);
  const leaders = created.topic.partitions.map((p: any) => p.leader);
  for (const id of [1, 2, 3]) expect(leaders.filter((l: number) => l === id)).toHaveLength(2);
  for (const m of [1, 2, 3]) {
    const r = await call<any>(cluster.metadata(m), 'DescribeTopics', { names: ['orders'] });
    expect(r.topics[0].partitions).toEqual(created.topic.partitions);
  }
  expect((await md('ListTopics', {})).names).toEqual(['orders']);
});

it.each([
  ['an empty name', { name: '' }, 'INVALID_NAME'],
  ['..', { name: '..' }, 'INVALID_NAME'],
  ['250 characters', { name: 'x'.repeat(250) }, 'INVALID_NAME'],
  ['a bad character', { name: 'a/b' }, 'INVALID_NAME'],
  ['partitions < 0', { partitions: -2 }, 'INVALID_ARGUMENT'],
  ['0 partitions', { partitions: 0 }, 'INVALID_ARGUMENT'],
  ['rf > live brokers', { replication_factor: 4 }, 'INVALID_REPLICATION_FACTOR'],
  ['an unknown config key', { configs: { 'retention.msec': '1' } }, 'INVALID_CONFIG'],
  ['an out-of-range value', { configs: { 'min.insync.replicas': '9' } }, 'INVALID_CONFIG'],
])('refuses a topic with %s (INVALID_ARGUMENT), creating nothing', async (_what, over, reason) => {
  const before = (await md('ListTopics', {})).names;
  const err = await md('CreateTopic', {
    name: 'fine',
    partitions: 1,
    replication_factor: 1,
    ...over,
  }).catch(readError);
  expect(err.reason).toBe(reason);
  expect(err.code).toBe(3);
  expect((await md('ListTopics', {})).names).toEqual(before);
});

it('fences a stale AlterIsr and answers unknown topics with NOT_FOUND', async () => {
  const t = await describe1('orders');
  const p = t.partitions[0];
  const leader = brokers.find((b) => b.id === p.leader)!;
  const follower = p.replicas.find((r: number) => r !== p.leader);
  const req = {
    topic: 'orders',
    partition: 0,
    broker_id: leader.id,
    broker_epoch: leader.epoch,
    leader_epoch: p.leader_epoch,
    partition_epoch: p.partition_epoch,
    isr: [p.leader, follower],
  };
  const shrunk = await md('AlterIsr', req);
  expect(shrunk.partition.isr).toHaveLength(2);
  const stale = await md('AlterIsr', req).catch(readError);
  expect(stale.reason).toBe('FENCED');
  expect(stale.code).toBe(9); // FAILED_PRECONDITION
  const unknown = await md('DescribeTopics', { names: ['nope'] }).catch(readError);
  expect(unknown.reason).toBe('UNKNOWN_TOPIC');
  expect(unknown.code).toBe(5);
});

it('moves leadership off a broker whose session ends, within the session TTL', async () => {
  const before = await describe1('orders');
  const led = before.partitions.filter((p: any) => p.leader === 3);
  expect(led.length).toBeGreaterThan(0);
  const stoppedAt = Date.now();
  brokers[2]!.stop();
  await eventually(
    async () => {
      const t = await describe1('orders');
      return t.partitions.every((p: any) => p.leader !== 3 && !p.isr.includes(3));
    },
    TTL_MS * 4,
    'broker 3 to lose every leadership and leave every ISR',
  );
  const tookMs = Date.now() - stoppedAt;
  process.stdout.write(`broker 3 failed over ${tookMs} ms after its keep-alives stopped\n`);
  const after = await describe1('orders');
  for (const p of led) {
    const now = after.partitions[p.partition];
    expect(now.leader_epoch).toBe(p.leader_epoch + 1);
    expect(now.isr).toContain(now.leader);
  }
  expect((await md('ListBrokers', {})).brokers.map((b: any) => b.broker_id)).toEqual([1, 2]);
});

it('finishes a broker failover across a kill -9 of the coordinator leader', async () => {
  const leader = await cluster.waitForLeader();
  brokers[1]!.stop();
  await cluster.kill(leader); // SIGKILL, with broker 2's session still to expire
  await cluster.waitForLeader();
  await eventually(
    async () => {
      const t = await describe1('orders');
      return t.partitions.every((p: any) => p.leader !== 2 && !p.isr.includes(2));
    },
    30_000,
    'broker 2 to lose every leadership after the coordinator leader change',
  );
  // Broker 1 is the only live broker left: it leads everything it can.
  const t = await describe1('orders');
  for (const p of t.partitions) expect([1, -1]).toContain(p.leader);
  await cluster.restart(leader);
});

it('allocates producer ids that are never reused, across a leader change', async () => {
  const ids: number[] = [];
  for (let k = 0; k < 5; k++) ids.push(Number((await md('AllocateProducerId', {})).producer_id));
  const leader = await cluster.waitForLeader();
  await cluster.kill(leader);
  await cluster.waitForLeader();
  for (let k = 0; k < 5; k++) ids.push(Number((await md('AllocateProducerId', {})).producer_id));
  expect(new Set(ids).size).toBe(10);
  await cluster.restart(leader);
});

it('brings offline partitions back when their last in-sync broker registers again', async () => {
  // Brokers 2 and 3 are gone; partitions whose last in-sync replica was one of them are offline.
  const before = await describe1('orders');
  const offline = before.partitions.filter((p: any) => p.leader === -1);
  for (const b of brokers.slice(1)) await b.start();
  const after = await describe1('orders');
  for (const p of offline) {
    const now = after.partitions[p.partition];
    expect(now.leader).toBe(p.isr[0]);
    expect(now.leader_epoch).toBe(p.leader_epoch + 1);
  }
  expect(after.partitions.every((p: any) => p.leader !== -1)).toBe(true);
});

it('keeps a WatchMetadata cache equal to the described metadata, across member kills', async () => {
  const delete1 = await md('CreateTopic', {
    name: 'short-lived',
    partitions: 2,
    replication_factor: 1,
  });
  expect(delete1.topic.partitions).toHaveLength(2);
  await md('DeleteTopic', { name: 'short-lived' });
  await md('UpdateTopicConfig', { name: 'orders', set: { 'cleanup.policy': 'compact' } });
  const grown = await md('CreatePartitions', { name: 'orders', count: 8 });
  expect(grown.topic.partitions).toHaveLength(8);
  const want = await md('DescribeTopics', {});
  const wantBrokers = (await md('ListBrokers', {})).brokers;
  const revision = Number(want.header.revision);
  await eventually(() => cache.revision >= revision, 20_000, 'the cache to reach the revision');
  expect([...cache.brokers.values()]).toEqual(wantBrokers);
  expect([...cache.topics.keys()].sort()).toEqual(want.topics.map((t: any) => t.name));
  for (const t of want.topics) expect(cache.topics.get(t.name)).toEqual(t);
  expect(cache.breaks).toBeGreaterThan(0);
  expect(cache.snapshots).toBe(1); // resumed by revision after each kill, never re-read whole
});

it('refuses garbage on the metadata RPCs with a clear status', async () => {
  const bad = await md('AlterIsr', { topic: 'orders', partition: 0, isr: [] }).catch(readError);
  expect(bad.reason).toBe('FENCED');
  const reassign = await md('ReassignPartitions', {
    reassignments: [{ topic: 'orders', partition: 0, replicas: [1, 1, 1] }],
  }).catch(readError);
  expect(reassign.reason).toBe('INVALID_ARGUMENT');
  const config = await md('UpdateTopicConfig', {
    name: 'orders',
    set: { 'retention.ms': '-5' },
  }).catch(readError);
  expect(config.reason).toBe('INVALID_CONFIG');
});
