// `trib produce`, `trib consume` and `trib group list|describe` as a user runs them: spawned
// processes against a real cluster (1 coordinator, 1 broker), checking stdout and exit codes.
// Lines from stdin go in and come back as text and as JSON; headers, keys and partitions are
// kept; --dlq shows where a dead-lettered record came from; a group's lag is the high watermark
// minus its committed offset; `consume --group` commits what it printed and the next run goes
// on from there; a running group consumer shows as a member and leaves on Ctrl-C.
import {
  BrokerCluster,
  call,
  CoordinatorCluster,
  eventually,
  runTrib,
  spawnTrib,
} from '@tributary/testkit';

jest.setTimeout(180_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let env: Record<string, string>;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1 });
  brokers = await BrokerCluster.start({ coordinators, size: 1 });
  env = { TRIBUTARY_BOOTSTRAP: brokers.broker(1).address };
  const created = await trib(['topic', 'create', 'lines', '--partitions', '2']);
  expect(created.code).toBe(0);
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

const trib = (args: string[], input?: string) => runTrib(args, { env, input, timeoutMs: 60_000 });

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

it('produces stdin lines with one key to one partition and reads them back as text', async () => {
  const produced = await trib(['produce', 'lines', '--key', 'k1'], 'alpha\nbeta\ngamma\n');
  expect(produced).toMatchObject({ code: 0, stderr: '' });
  expect(produced.stdout).toMatch(/^produced 3 records to lines: partition [01] offsets 0\.\.2\n$/);
  const partition = Number(/partition (\d)/.exec(produced.stdout)![1]);

  const consumed = await trib([
    'consume',
    'lines',
    '--from-beginning',
    '--partition',
    String(partition),
    '--max-messages',
    '3',
    '--print-key',
  ]);
  expect(consumed).toMatchObject({ code: 0, stdout: 'k1\talpha\nk1\tbeta\nk1\tgamma\n' });
});

it('produces argument values with headers to a chosen partition and reads them as JSON', async () => {
  const produced = await trib([
    'produce',
    'lines',
    'one',
    'two',
    '--partition',
    '1',
    '--headers',
    'source=cli,trace=7',
    '--json',
  ]);
  expect(produced.code).toBe(0);
  const acks = jsonLines(produced.stdout);
  expect(acks.map((a) => [a.topic, a.partition])).toEqual([
    ['lines', 1],
    ['lines', 1],
  ]);
  const [first, second] = acks.map((a) => a.offset as number);
  expect(second).toBe(first! + 1);

  const consumed = await trib([
    'consume',
    'lines',
    '--partition',
    '1',
    '--offset',
    String(first),
    '--max-messages',
    '2',
    '--format',
    'json',
  ]);
  expect(consumed.code).toBe(0);
  const records = jsonLines(consumed.stdout);
  expect(records.map((r) => r.value)).toEqual(['one', 'two']);
  expect(records[0]).toMatchObject({
    topic: 'lines',
    partition: 1,
    offset: first,
    key: null,
    headers: { source: 'cli', trace: '7' },
  });
  expect(typeof records[0]!.timestampMs).toBe('number');
});

it('splits key and value at --key-separator and reads every partition', async () => {
  await trib(['topic', 'create', 'keyed', '--partitions', '3']);
  const produced = await trib(['produce', 'keyed', '-K', ':'], 'a:1\nb:2\nc:3\nd:4\n');
  expect(produced.code).toBe(0);
  const consumed = await trib(['consume', 'keyed', '--from-beginning', '-n', '4', '--json']);
  expect(consumed.code).toBe(0);
  const pairs = jsonLines(consumed.stdout).map((r) => `${r.key as string}=${r.value as string}`);
  expect(pairs.sort()).toEqual(['a=1', 'b=2', 'c=3', 'd=4']);
});

it('produces a long stdin feed in batches: every line lands once', async () => {
  await trib(['topic', 'create', 'bulk', '--partitions', '3']);
  const lines = Array.from({ length: 20_000 }, (_, i) => `line-${i}`).join('\n');
  const produced = await trib(['produce', 'bulk'], `${lines}\n`);
  expect(produced.code).toBe(0);
  expect(produced.stdout).toMatch(/^produced 20000 records to bulk: /);
  const [topic] = JSON.parse((await trib(['topic', 'describe', 'bulk', '--json'])).stdout);
  const total = topic.offsets.reduce(
    (sum: number, o: { highWatermark: number }) => sum + o.highWatermark,
    0,
  );
  expect(total).toBe(20_000);
});

it('consume --dlq reads <topic>.dlq and shows where each record came from and why', async () => {
  await trib(['topic', 'create', 'lines.dlq', '--partitions', '1']);
  const headers = 'dlq.topic=lines,dlq.partition=0,dlq.offset=2,dlq.attempts=3,dlq.error=boom';
  expect((await trib(['produce', 'lines.dlq', 'gamma', '-H', headers])).code).toBe(0);
  const text = await trib(['consume', 'lines', '--dlq', '--from-beginning', '-n', '1']);
  expect(text).toMatchObject({ code: 0, stdout: 'gamma\t(from lines/0@2, 3 attempts: boom)\n' });
  const json = await trib(['consume', 'lines', '--dlq', '--from-beginning', '-n', '1', '--json']);
  expect(jsonLines(json.stdout)[0]).toMatchObject({
    topic: 'lines.dlq',
    value: 'gamma',
    headers: { 'dlq.topic': 'lines', 'dlq.attempts': '3', 'dlq.error': 'boom' },
  });
});

it('group list and describe show committed offsets and lag per partition', async () => {
  await trib(['topic', 'create', 'billing', '--partitions', '2']);
  expect((await trib(['produce', 'billing', '-p', '0'], 'a\nb\nc\nd\n')).code).toBe(0);
  expect((await trib(['produce', 'billing', '-p', '1'], 'e\n')).code).toBe(0);
  // An admin commit (no member, generation -1), as a consumer that read 1 record of partition 0.
  await call(brokers.client(1), 'CommitOffsets', {
    group: 'payments',
    member_id: '',
    generation: -1,
    offsets: [{ topic: 'billing', partition: 0, offset: 1 }],
  });

  const list = await trib(['group', 'list']);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/payments\s+│ empty\s+│ 0/);

  const described = await trib(['group', 'describe', 'payments']);
  expect(described.code).toBe(0);
  expect(described.stdout).toMatch(
    /^group payments: empty, generation \d+, 0 member\(s\), total lag 3\n/,
  );
  expect(described.stdout).toMatch(/billing\s+│ 0\s+│ 1\s+│ 4\s+│ 3\s+│ -/);
  expect(described.stdout).toMatch(/billing\s+│ 1\s+│ -\s+│ 1\s+│ -\s+│ -/);

  const json = JSON.parse((await trib(['group', 'describe', 'payments', '--json'])).stdout);
  expect(json).toMatchObject({ groupId: 'payments', state: 'empty', totalLag: 3 });
  expect(json.partitions).toEqual([
    expect.objectContaining({ partition: 0, committedOffset: 1, highWatermark: 4, lag: 3 }),
    expect.objectContaining({ partition: 1, committedOffset: -1, highWatermark: 1, lag: null }),
  ]);

  const unknown = await trib(['group', 'describe', 'nobody']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/no group 'nobody'.*trib group list/);
});

it('consume --group commits what it printed: the next run goes on from there, lag falls to 0', async () => {
  await trib(['topic', 'create', 'jobs', '--partitions', '1']);
  expect((await trib(['produce', 'jobs'], 'a\nb\nc\nd\ne\n')).code).toBe(0);
  const group = ['--group', 'workers', '--from-beginning'];
  const first = await trib(['consume', 'jobs', ...group, '--max-messages', '3']);
  expect(first).toMatchObject({ code: 0, stdout: 'a\nb\nc\n' });
  const after = JSON.parse((await trib(['group', 'describe', 'workers', '--json'])).stdout);
  expect(after).toMatchObject({ state: 'empty', members: [], totalLag: 2 });
  expect(after.partitions).toEqual([
    expect.objectContaining({ topic: 'jobs', partition: 0, committedOffset: 3, highWatermark: 5 }),
  ]);

  const second = await trib(['consume', 'jobs', ...group, '--max-messages', '2']);
  expect(second).toMatchObject({ code: 0, stdout: 'd\ne\n' });
  const done = await trib(['group', 'describe', 'workers']);
  expect(done.stdout).toMatch(/total lag 0\n/);
  expect(done.stdout).toMatch(/jobs\s+│ 0\s+│ 5\s+│ 5\s+│ 0\s+│ -/);
});

it('a running group consumer is a member owning its partitions, and Ctrl-C commits and leaves', async () => {
  await trib(['topic', 'create', 'events', '--partitions', '2']);
  const child = spawnTrib(['consume', 'events', '--group', 'watchers', '--from-beginning'], {
    env,
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  try {
    let described: { state: string; members: { owned: unknown[] }[] } | undefined;
    await eventually(
      async () => {
        const r = await trib(['group', 'describe', 'watchers', '--json']);
        described = r.code === 0 ? JSON.parse(r.stdout) : undefined;
        return described?.state === 'stable' && described.members[0]?.owned.length === 2;
      },
      60_000,
      'the consumer to own both partitions',
    );
    expect(described!.members).toHaveLength(1);
    expect((await trib(['produce', 'events', 'x', 'y', '-p', '1'])).code).toBe(0);
    await eventually(() => out === 'x\ny\n', 30_000, 'the consumer to print x and y');
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  const left = JSON.parse((await trib(['group', 'describe', 'watchers', '--json'])).stdout);
  expect(left).toMatchObject({ state: 'empty', members: [], totalLag: 0 });
  expect(left.partitions.find((p: { partition: number }) => p.partition === 1)).toMatchObject({
    committedOffset: 2,
  });
});

it('a consumer whose reader goes away (| head) commits and exits 0', async () => {
  await trib(['topic', 'create', 'piped', '--partitions', '1']);
  const child = spawnTrib(['consume', 'piped', '--group', 'heads', '--from-beginning'], { env });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  // Like `head -1`: read the first line, then close the pipe.
  const first = new Promise<string>((resolve) =>
    child.stdout.once('data', (c: Buffer) => {
      child.stdout.destroy();
      resolve(c.toString());
    }),
  );
  await trib(['produce', 'piped', 'one']);
  expect(await first).toBe('one\n');
  // The next write finds the pipe closed.
  await trib(['produce', 'piped', 'two', 'three']);
  expect([await exited, stderr]).toEqual([0, '']);
  const described = JSON.parse((await trib(['group', 'describe', 'heads', '--json'])).stdout);
  expect(described).toMatchObject({ state: 'empty', members: [] });
  expect(described.partitions[0].committedOffset).toBeGreaterThanOrEqual(1);
});

it('consume --group of a topic that does not exist fails instead of waiting', async () => {
  const result = await trib(['consume', 'nosuch', '--group', 'g', '-n', '1']);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/\(UNKNOWN_TOPIC\)/);
});

it('producing to a topic that does not exist fails and says how to create it', async () => {
  const result = await trib(['produce', 'missing', 'x']);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^trib: .*missing.* \(UNKNOWN_TOPIC\)\n/);
  expect(result.stderr).toMatch(/trib topic create (missing|NAME)`/);
});
