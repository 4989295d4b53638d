// `trib topic …`, `trib cluster status` with brokers and `trib partitions rebalance` as a user
// runs them: spawned processes against a real cluster (1 coordinator, 2 brokers, then a third
// added), checking stdout, stderr and exit codes.
import { Producer } from '@tributary/client';
import { BrokerCluster, CoordinatorCluster, eventually, runTrib } from '@tributary/testkit';

jest.setTimeout(240_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let env: Record<string, string>;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1 });
  brokers = await BrokerCluster.start({ coordinators, size: 2 });
  env = {
    TRIBUTARY_BOOTSTRAP: brokers.broker(1).address,
    TRIBUTARY_COORDINATORS: coordinators.member(1).address,
  };
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

const trib = (...args: string[]) => runTrib(args, { env, timeoutMs: 60_000 });
const json = async (...args: string[]) => {
  const result = await trib(...args, '--json');
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
};

it('creates a topic and refuses a second one of the same name, unless --if-not-exists', async () => {
  const created = await trib(
    'topic',
    'create',
    'orders',
    '-p',
    '4',
    '-r',
    '2',
    '-c',
    'retention.ms=3600000',
  );
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(/^created topic orders: 4 partition\(s\), replication factor 2\n/);
  expect(created.stdout).toMatch(/configs: retention\.ms=3600000\n/);
  expect(created.stdout.match(/│ [12],[12] /g)?.length).toBeGreaterThanOrEqual(4);

  const again = await trib('topic', 'create', 'orders', '-p', '4');
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(
    /^trib: .*orders.* \(TOPIC_EXISTS\)\n {2}See it with `trib topic describe (orders|NAME)`\.\n$/,
  );
  expect((await trib('topic', 'create', 'orders', '-p', '4', '--if-not-exists')).code).toBe(0);

  const tooMany = await trib('topic', 'create', 'wide', '-r', '3');
  expect(tooMany.code).toBe(1);
  expect(tooMany.stderr).toMatch(
    /^trib: replication factor 3 is more than the 2 live broker\(s\).* \(INVALID_REPLICATION_FACTOR\)\n$/,
  );
});

it('lists and describes topics as tables and as JSON, with offsets', async () => {
  await trib('topic', 'create', 'audit', '-p', '1', '-r', '1');
  const list = await trib('topic', 'list');
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/topic\s+│ partitions\s+│ rf\s+│ under-replicated\s+│ offline/);
  expect(list.stdout).toMatch(/audit\s+│ 1\s+│ 1\s+│ 0\s+│ 0/);
  expect(list.stdout).toMatch(/orders\s+│ 4\s+│ 2\s+│ 0\s+│ 0/);
  expect(await json('topic', 'list')).toEqual([
    { name: 'audit', partitions: 1, replicationFactor: 1, underReplicated: 0, offline: 0 },
    { name: 'orders', partitions: 4, replicationFactor: 2, underReplicated: 0, offline: 0 },
  ]);

  await trib('produce', 'audit', 'a', 'b');
  const text = await trib('topic', 'describe', 'audit');
  expect(text.stdout).toMatch(
    /partition\s+│ leader\s+│ epoch\s+│ replicas\s+│ isr\s+│ log-start\s+│ high-watermark/,
  );
  expect(text.stdout).toMatch(/│ 0\s+│ [12]\s+│ \d+\s+│ [12]\s+│ [12]\s+│ 0\s+│ 2\s+│/);
  const [described] = await json('topic', 'describe', 'audit');
  expect(described).toMatchObject({
    name: 'audit',
    partitions: [{ partition: 0, replicas: [expect.any(Number)] }],
    offsets: [{ partition: 0, logStartOffset: 0, highWatermark: 2 }],
  });
});

it('shows and changes configuration overrides', async () => {
  expect(await trib('topic', 'config', 'orders')).toMatchObject({
    code: 0,
    stdout: 'retention.ms=3600000\n',
  });
  const changed = await trib(
    'topic',
    'config',
    'orders',
    '--set',
    'cleanup.policy=compact,min.insync.replicas=2',
    '--delete',
    'retention.ms',
  );
  expect(changed).toMatchObject({
    code: 0,
    stdout: 'cleanup.policy=compact\nmin.insync.replicas=2\n',
  });
  expect(await json('topic', 'config', 'orders')).toEqual({
    'cleanup.policy': 'compact',
    'min.insync.replicas': '2',
  });
  const bad = await trib('topic', 'config', 'orders', '--set', 'no.such.key=1');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/no\.such\.key/);
});

it('grows a topic to more partitions and deletes topics', async () => {
  const grown = await trib('topic', 'alter', 'orders', '--partitions', '6');
  expect(grown.code).toBe(0);
  expect(grown.stdout).toMatch(/^topic orders: 6 partition\(s\)/);
  expect((await trib('topic', 'delete', 'audit')).stdout).toBe('deleted audit\n');
  const gone = await trib('topic', 'describe', 'audit');
  expect(gone.code).toBe(1);
  expect(gone.stderr).toMatch(/\(UNKNOWN_TOPIC\)\n {2}List the topics with `trib topic list`/);
});

it('cluster status shows the coordinators, the controller and the brokers with their load', async () => {
  const status = await trib('cluster', 'status');
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/leader 1 at 127\.0\.0\.1:\d+ \(the controller\)/);
  expect(status.stdout).toMatch(/brokers: 2 live \(1,2\)/);
  expect(status.stdout).toMatch(/broker\s+│ address\s+│ rack\s+│ partitions led\s+│ replicas held/);
  const out = await json('cluster', 'status');
  expect(out.brokers.map((b: { brokerId: number }) => b.brokerId)).toEqual([1, 2]);
  // orders: 6 partitions × RF 2 over 2 brokers: each broker holds all 6.
  expect(out.brokers.map((b: { replicaOf: number }) => b.replicaOf)).toEqual([6, 6]);

  const noBrokers = await runTrib(['cluster', 'status', '--bootstrap', '127.0.0.1:1'], { env });
  expect(noBrokers.code).toBe(0);
  expect(noBrokers.stdout).toMatch(/brokers: none reachable at 127\.0\.0\.1:1 .*--bootstrap/);
});

it('partitions rebalance moves replicas onto a new broker and waits for the moves', async () => {
  await trib('topic', 'create', 'spread', '-p', '6', '-r', '1');
  await brokers.add(3);
  const result = await trib('partitions', 'rebalance');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/topic\s+│ partition\s+│ new replicas/);
  const moves = result.stdout.match(/│ 3 *│?\s*$/gm) ?? [];
  expect(moves.length).toBeGreaterThan(0);
  expect(result.stderr).toMatch(/moved (\d+)\/\1 partition\(s\)\n$/);
  const [spread] = await json('topic', 'describe', 'spread');
  const onThree = spread.partitions.filter((p: { replicas: number[] }) => p.replicas.includes(3));
  expect(onThree.length).toBeGreaterThan(0);
  for (const p of spread.partitions) {
    expect(p).toMatchObject({ addingReplicas: [], removingReplicas: [] });
    expect(p.isr).toEqual(p.replicas);
  }
});

it('partitions reassign moves one partition to the brokers given, and refuses a wrong count', async () => {
  const [before] = await json('topic', 'describe', 'spread');
  const current: number = before.partitions[0].replicas[0];
  const target = current === 3 ? 1 : 3;
  const result = await trib('partitions', 'reassign', 'spread', '0', '--replicas', String(target));
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(new RegExp(`spread\\s+│ 0\\s+│ ${target}\\s+│`));
  expect(result.stderr).toMatch(/moved 1\/1 partition\(s\)\n$/);
  const [after] = await json('topic', 'describe', 'spread');
  expect(after.partitions[0]).toMatchObject({ replicas: [target], isr: [target], leader: target });

  const wrong = await trib('partitions', 'reassign', 'spread', '0', '--replicas', '1,2');
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/^trib: .+ \(INVALID_[A-Z_]+\)\n/);
});

it('partitions reassign --throttle copies the new replica no faster than the rate given', async () => {
  await trib('topic', 'create', 'slow', '-p', '1', '-r', '1');
  const [created] = await json('topic', 'describe', 'slow');
  const from: number = created.partitions[0].replicas[0];
  const to = from === 1 ? 2 : 1;
  // 1 MiB of 4 KiB records, then a copy throttled to 256 KiB/s: about 4 s, never under 3.
  const producer = new Producer({ bootstrap: [brokers.broker(from).address], acks: 'leader' });
  const value = Buffer.alloc(4096, 7);
  await Promise.all(Array.from({ length: 256 }, () => producer.send({ topic: 'slow', value })));
  await producer.close();
  const started = Date.now();
  const moving = trib(
    'partitions',
    'reassign',
    'slow',
    '0',
    '--replicas',
    String(to),
    '--throttle',
    String(256 * 1024),
  );
  await eventually(
    async () =>
      (await json('topic', 'describe', 'slow'))[0].partitions[0].addingReplicas.length > 0,
    10_000,
    'the move to start',
  );
  const [during] = await json('topic', 'describe', 'slow');
  expect(during.partitions[0].reassignmentThrottleBytesPerSec).toBe(256 * 1024);
  const result = await moving;
  expect(result.code).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  const [after] = await json('topic', 'describe', 'slow');
  expect(after.partitions[0]).toMatchObject({
    replicas: [to],
    reassignmentThrottleBytesPerSec: 0,
  });
});
