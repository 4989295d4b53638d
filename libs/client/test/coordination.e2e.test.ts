// End to end against a real 3-node cluster (`trib coordinator` ×3 on loopback, from
// @tributary/testkit): the SDK in both modes, and the `trib kv|lock|cluster` commands as a user
// runs them.
// Tests may use testkit (type:testing); the boundary matrix has no test-only rule yet, hence:
import { CoordinatorCluster, eventually, runTrib, spawnTrib } from '@tributary/testkit';
import { CoordinationClient, Cmp, CoordinationError, Op, type Mode, type WatchEvent } from '../src';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
/** Every member's address, in id order. */
let endpoints: string[];

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3, leaderTimeoutMs: 80_000 });
  endpoints = [...cluster.members.values()].map((m) => m.address);
}, 90_000);

afterAll(async () => {
  await cluster?.shutdown();
});

function client(mode: Mode = 'execute', addresses = endpoints) {
  return new CoordinationClient({ endpoints: addresses, mode, requestTimeoutMs: 15_000 });
}

async function take(iterator: AsyncIterator<WatchEvent>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  while (out.length < n) {
    const r = await iterator.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe.each(['execute', 'unary'] as const)('SDK (%s mode)', (mode) => {
  let c: CoordinationClient;
  const root = `/sdk-${mode}`;
  beforeAll(async () => {
    c = client(mode);
    await c.create(root);
  });
  afterAll(async () => {
    await c.delete(root, { recursive: true }).catch(() => undefined);
    await c.close();
  });

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await c.create(`${root}/a`, 'one');
    expect(created.path).toBe(`${root}/a`);
    expect(created.stat.version).toBe(0);
    const got = await c.get(`${root}/a`);
    expect(got.data.toString()).toBe('one');
    expect(got.stat.modRevision).toBe(created.header.revision);
    const set = await c.set(`${root}/a`, 'two', { expectedVersion: 0 });
    expect(set.stat.version).toBe(1);
    await expect(c.set(`${root}/a`, 'three', { expectedVersion: 0 })).rejects.toMatchObject({
      reason: 'VERSION_MISMATCH',
    });
    const serial = await c.get(`${root}/a`, { consistency: 'serializable' });
    expect(serial.stat.version).toBeLessThanOrEqual(1);
    const seq = await c.create(`${root}/q-`, '', { sequential: true });
    expect(seq.path).toMatch(new RegExp(`^${root}/q-\\d{10}$`));
    expect((await c.list(root)).children).toEqual(['a', seq.path.split('/').pop()]);
    await c.delete(`${root}/a`);
    const missing = await c.get(`${root}/a`).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CoordinationError);
    expect(missing).toMatchObject({ reason: 'NO_NODE', indeterminate: false });
  });

  it('runs a compare-and-swap transaction', async () => {
    const path = `${root}/cas`;
    await c.create(path, 'v0');
    const swap = (expected: number, value: string) =>
      c
        .txn()
        .if(Cmp.version(path, '=', expected))
        .then(Op.set(path, value))
        .else(Op.get(path))
        .commit();
    const first = await swap(0, 'v1');
    expect(first.succeeded).toBe(true);
    expect(first.results[0]).toMatchObject({ kind: 'set', stat: { version: 1 } });
    const second = await swap(0, 'v2');
    expect(second.succeeded).toBe(false);
    expect(second.results[0]).toMatchObject({ kind: 'get', stat: { version: 1 } });
    expect((second.results[0] as { data: Buffer }).data.toString()).toBe('v1');
    const plain = await c.txn({
      compares: [Cmp.missing(`${root}/nope`)],
      success: [Op.create(`${root}/nope`)],
    });
    expect(plain.succeeded).toBe(true);
  });

  it('pipelines many requests on one stream, beyond the in-flight bound', async () => {
    const small = new CoordinationClient({ endpoints, mode, maxInFlight: 16 });
    await small.create(`${root}/many`);
    const n = 300;
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) => small.create(`${root}/many/k${i}`, String(i))),
    );
    // Every create is its own write transaction: distinct revisions.
    const revisions = created.map((r) => r.stat.createRevision);
    expect(new Set(revisions).size).toBe(n);
    const read = await Promise.all(
      Array.from({ length: n }, (_, i) => small.get(`${root}/many/k${i}`)),
    );
    expect(read.map((r) => r.data.toString())).toEqual(
      Array.from({ length: n }, (_, i) => String(i)),
    );
    await small.close();
  });

  it('watches a subtree from a revision, in order', async () => {
    const base = `${root}/w`;
    const start = (await c.create(base)).header.revision;
    const watch = c.watch(base, { prefix: true, startRevision: start });
    const it = watch[Symbol.asyncIterator]();
    await c.create(`${base}/x`, '1');
    await c.set(`${base}/x`, '2');
    await c.delete(`${base}/x`);
    const events = await take(it, 3);
    expect(events.map((e) => [e.type, e.path, e.data.toString()])).toEqual([
      ['created', `${base}/x`, '1'],
      ['updated', `${base}/x`, '2'],
      ['deleted', `${base}/x`, ''],
    ]);
    expect(events[0]!.revision).toBeGreaterThan(start);
    expect(events[2]!.revision).toBeGreaterThan(events[1]!.revision);
    watch.close();
  });

  it('removes an ephemeral node when its session closes', async () => {
    const session = await c.openSession({ ttlMs: 5_000 });
    const node = await c.create(`${root}/eph`, 'x', { ephemeral: true, session });
    expect(node.stat.ephemeralOwner).toBe(session.id);
    await session.close();
    await expect(c.get(`${root}/eph`)).rejects.toMatchObject({ reason: 'NO_NODE' });
  });

  it('grants locks in order with increasing fencing tokens; LOCK_TIMEOUT when held', async () => {
    const name = `${root}/lock`;
    const s1 = await c.openSession({ ttlMs: 10_000 });
    const s2 = await c.openSession({ ttlMs: 10_000 });
    const first = await c.lock(name, { session: s1, waitMs: 5_000 });
    await expect(c.lock(name, { session: s2, waitMs: 300 })).rejects.toMatchObject({
      reason: 'LOCK_TIMEOUT',
    });
    const waiting = c.lock(name, { session: s2, waitMs: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    await first.unlock();
    const second = await waiting;
    expect(second.fencingToken).toBeGreaterThan(first.fencingToken);
    await second.unlock();
    await Promise.all([s1.close(), s2.close()]);
  });

  it('reports cluster status with one leader', async () => {
    const views = await Promise.all(endpoints.map((address) => c.status({ address })));
    const leaders = new Set(views.map((v) => v.leaderId));
    expect(leaders.size).toBe(1);
    expect([1, 2, 3]).toContain([...leaders][0]); // a member's id, not 0 nor a missing field
    expect(views[0]!.members.map((m) => m.id)).toEqual([1, 2, 3]);
  });
});

describe('trib CLI', () => {
  const env = () => ({ TRIBUTARY_COORDINATORS: endpoints.join(',') });

  it('kv create/get/set/ls/delete round trip, with errors as one line and a REASON', async () => {
    const run = (...args: string[]) => runTrib(['kv', ...args], { env: env() });
    expect(await run('create', '/cli', 'hello')).toMatchObject({ code: 0, stdout: '/cli\n' });
    expect(await run('get', '/cli')).toMatchObject({ code: 0, stdout: 'hello' });
    const json = JSON.parse((await run('get', '/cli', '--json', '--serializable')).stdout);
    expect(json).toMatchObject({ path: '/cli', data: 'hello', stat: { version: 0 } });
    expect(
      (await runTrib(['kv', 'set', '/cli', '-'], { env: env(), input: 'from stdin' })).code,
    ).toBe(0);
    expect((await run('get', '/cli')).stdout).toBe('from stdin');
    const mismatch = await run('set', '/cli', 'x', '--expected-version', '0');
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/^trib: .+ \(VERSION_MISMATCH\)\n$/);
    expect((await run('create', '/cli/a')).code).toBe(0);
    expect((await run('create', '/cli/s-', '--sequential')).stdout).toMatch(/^\/cli\/s-\d{10}\n$/);
    expect((await run('ls', '/cli')).stdout).toMatch(/^a\ns-\d{10}\n$/);
    const notEmpty = await run('delete', '/cli');
    expect(notEmpty.stderr).toMatch(/\(NOT_EMPTY\)\n$/);
    expect((await run('delete', '/cli', '--recursive')).code).toBe(0);
    const gone = await run('get', '/cli');
    expect([gone.code, gone.stdout]).toEqual([1, '']);
    expect(gone.stderr).toMatch(/^trib: .+ \(NO_NODE\)\n$/);
  });

  it('kv watch prints one line per event until interrupted', async () => {
    const c = client();
    const child = spawnTrib(['kv', 'watch', '/cliw', '--prefix'], { env: env() });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    // The watch starts "from now": write until the first event shows it is established.
    await eventually(
      async () => {
        await c.set('/cliw', 'ping').catch(() => c.create('/cliw', 'ping'));
        return out.includes('/cliw');
      },
      30_000,
      'the watch to print its first event',
    );
    await c.create('/cliw/child', 'two\nlines');
    await c.delete('/cliw', { recursive: true });
    await eventually(() => out.includes('DELETED /cliw '), 10_000, 'the delete events');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d+ CREATED \/cliw\/child "two\\nlines"$/),
    );
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/^\d+ DELETED \/cliw\/child ""$/),
      expect.stringMatching(/^\d+ DELETED \/cliw ""$/),
    ]);
    await c.close();
  });

  it('lock runs CMD with the fencing token and key, and exits with its code', async () => {
    const result = await runTrib(
      [
        'lock',
        '/clilock',
        '--wait-ms',
        '5000',
        '--',
        'sh',
        '-c',
        'echo "$TRIBUTARY_FENCING_TOKEN $TRIBUTARY_LOCK_KEY"; exit 7',
      ],
      { env: env() },
    );
    expect(result.code).toBe(7);
    const [token, key] = result.stdout.trim().split(' ');
    expect(Number(token)).toBeGreaterThan(0);
    expect(key).toMatch(/^\/clilock\/lock-\d{10}$/);
    const c = client();
    expect((await c.list('/clilock')).children).toEqual([]); // released
    await c.close();
  });

  it('kv watch says on stderr when it is live, and --max-events exits 0 after that many', async () => {
    const c = client();
    const child = spawnTrib(['kv', 'watch', '/cliw2', '--max-events', '2'], { env: env() });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await eventually(() => err.includes('watching /cliw2 after revision'), 30_000, 'the watch');
    await c.create('/cliw2', 'a');
    await c.set('/cliw2', 'b');
    expect(await exited).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      expect.stringMatching(/^\d+ CREATED \/cliw2 "a"$/),
      expect.stringMatching(/^\d+ UPDATED \/cliw2 "b"$/),
    ]);
    await c.close();
  });

  it('an ephemeral node outlives its creator only by the session TTL', async () => {
    const child = spawnTrib(['kv', 'create', '/clieph', 'x', '--ephemeral', '--ttl-ms', '2000'], {
      env: env(),
    });
    const c = client();
    await eventually(
      () =>
        c.get('/clieph').then(
          () => true,
          () => false,
        ),
      30_000,
      'the ephemeral node',
    );
    await new Promise((r) => setTimeout(r, 3_000)); // beyond the TTL: kept alive by the session
    expect((await c.get('/clieph')).stat.ephemeralOwner).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await eventually(
      () =>
        c.get('/clieph').then(
          () => false,
          (e: CoordinationError) => e.reason === 'NO_NODE',
        ),
      10_000,
      'the node to go with its session',
    );
    await c.close();
  });

  it('cluster status prints a table with one leader', async () => {
    const result = await runTrib(['cluster', 'status'], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/leader \d at 127\.0\.0\.1:\d+/);
    expect(result.stdout.match(/│ leader /g)).toHaveLength(1);
    expect(result.stdout.match(/│ follower /g)).toHaveLength(2);
  });
});

describe('leader failover', () => {
  it('keeps sessions, resumes watches without gaps or repeats, and retries reads', async () => {
    const leaderId = await cluster.waitForLeader();
    const leaderAddress = cluster.member(leaderId).address;
    // Watch served by the leader, so killing it breaks the watch stream.
    const followers = endpoints.filter((a) => a !== leaderAddress);
    const c = client('execute', [leaderAddress, ...followers]);
    const other = client('execute', followers);
    const base = `/failover`;
    const start = (await c.create(base)).header.revision;
    const session = await c.openSession({ ttlMs: 10_000 });
    await c.create(`${base}/eph`, '', { ephemeral: true, session });
    const watch = c.watch(base, { prefix: true, startRevision: start });
    const it = watch[Symbol.asyncIterator]();
    for (let i = 0; i < 5; i++) await c.create(`${base}/before-${i}`);
    await cluster.kill(leaderId); // SIGKILL
    await cluster.waitForLeader();
    for (let i = 0; i < 5; i++) await other.create(`${base}/after-${i}`);
    const events = await take(it, 11);
    const paths = events.map((e) => e.path.slice(base.length + 1));
    expect(paths).toEqual([
      'eph',
      ...Array.from({ length: 5 }, (_, i) => `before-${i}`),
      ...Array.from({ length: 5 }, (_, i) => `after-${i}`),
    ]);
    const revisions = events.map((e) => e.revision);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(session.state).toBe('alive');
    expect((await c.get(`${base}/eph`)).stat.ephemeralOwner).toBe(session.id);
    watch.close();
    await session.close();
    await Promise.all([c.close(), other.close()]);
    await cluster.restart(leaderId);
    await cluster.waitForLeader();
  });
});
