// The coordination recipes against a real 3-node cluster (`trib coordinator` ×3 on loopback):
// leader election handed over on resign and on a leader process killed -9 (its session
// expires), locks handed over by `await using` with increasing fencing tokens, a config map
// that stays exact while it is written during its read, and a service registry whose
// instance disappears with its process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { CoordinatorCluster, eventually, REPO_ROOT } from '@tributary/testkit';
import {
  ConfigMap,
  CoordinationClient,
  Election,
  ServiceRegistry,
  type ConfigChange,
  type Leader,
} from '../src';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
let endpoints: string[];
let client: CoordinationClient;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3, leaderTimeoutMs: 80_000 });
  endpoints = [...cluster.members.values()].map((m) => m.address);
  client = new CoordinationClient({ endpoints, requestTimeoutMs: 15_000 });
}, 90_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await client?.close();
  await cluster?.shutdown();
});

/** Starts recipe-child.ts and resolves with the key it prints once it campaigns or registers. */
async function startChild(what: 'campaign' | 'register', at: string, value: string) {
  const script = path.join(__dirname, 'recipe-child.ts');
  const child = spawn(
    process.execPath,
    ['-r', 'tsx/cjs', script, endpoints.join(','), what, at, value],
    { cwd: REPO_ROOT },
  );
  children.push(child);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await eventually(() => /^ready /m.test(out) || child.exitCode !== null, 30_000, 'the child');
  const key = /^ready (\S+)$/m.exec(out)?.[1];
  if (!key) throw new Error(`the child failed:\n${out}`);
  return { child, key };
}

/** Collects what an async iterable yields into `into`, until it ends. */
async function collect<T>(iterable: AsyncIterable<T>, into: T[]): Promise<void> {
  for await (const item of iterable) into.push(item);
}
describe('Election', () => {
  it('hands leadership over on resign, in campaign order; observe sees each leader', async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => client.openSession({ ttlMs: 5_000 })));
    const [a, b, c] = sessions.map((session) => new Election(client, '/elect/resign', { session }));
    const observer = new Election(client, '/elect/resign', { session: sessions[0]! });
    const seen: Leader[] = [];
    const stopObserving = new AbortController();
    const observed = collect(observer.observe({ signal: stopObserving.signal }), seen);

    await a!.campaign('a');
    expect(a!.isLeader).toBe(true);
    const bWins = b!.campaign('b');
    await eventually(
      async () => (await client.list('/elect/resign')).children.length === 2,
      10_000,
      'b queued',
    );
    const cWins = c!.campaign('c');
    await eventually(
      async () => (await client.list('/elect/resign')).children.length === 3,
      10_000,
      'c queued',
    );
    expect((await a!.leader())?.value.toString()).toBe('a');
    await a!.proclaim('a2');

    await a!.resign();
    await bWins;
    expect([a!.isLeader, b!.isLeader, c!.isLeader]).toEqual([false, true, false]);
    await b!.resign();
    await cWins;
    expect(c!.isLeader).toBe(true);
    await eventually(() => seen.length === 4, 10_000, 'four observations');
    stopObserving.abort();
    await observed;

    expect(seen.map((l) => l.value.toString())).toEqual(['a', 'a2', 'b', 'c']);
    const tokens = seen.map((l) => l.createRevision);
    expect(tokens[0]).toBe(tokens[1]); // same leader, new value
    expect(tokens[2]).toBeGreaterThan(tokens[1]!);
    expect(tokens[3]).toBeGreaterThan(tokens[2]!);
    expect((await c!.leader())?.key).toBe(c!.key);
    await c!.resign();
    expect(await c!.leader()).toBeUndefined();
    await Promise.all(sessions.map((s) => s.close()));
  });

  it('a leader killed -9 is replaced once its session expires', async () => {
    const { child, key } = await startChild('campaign', '/elect/crash', 'child');
    const session = await client.openSession({ ttlMs: 5_000 });
    const election = new Election(client, '/elect/crash', { session });
    expect((await election.leader())?.key).toBe(key);
    const winning = election.campaign('parent');
    let won = false;
    void winning.then(() => (won = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(won).toBe(false);

    const killedAt = Date.now();
    child.kill('SIGKILL');
    await winning;
    // The child's session has a 2 s TTL; a new leader needs no more than that and a round trip.
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(election.isLeader).toBe(true);
    expect((await election.leader())?.value.toString()).toBe('parent');
    await session.close();
    expect(election.isLeader).toBe(false);
    expect(await election.leader()).toBeUndefined();
  });

  it('a campaign given up, or on an expired session, withdraws its node', async () => {
    const [holder, waiter] = await Promise.all([1, 2].map(() => client.openSession()));
    await new Election(client, '/elect/quit', { session: holder! }).campaign('holder');
    const controller = new AbortController();
    const quitting = new Election(client, '/elect/quit', { session: waiter! });
    const campaign = quitting.campaign('waiter', { signal: controller.signal });
    await eventually(
      async () => (await client.list('/elect/quit')).children.length === 2,
      10_000,
      'queued',
    );
    controller.abort();
    await expect(campaign).rejects.toMatchObject({ reason: 'ABANDONED' });
    expect((await client.list('/elect/quit')).children).toHaveLength(1);

    const expiring = quitting.campaign('waiter');
    await eventually(
      async () => (await client.list('/elect/quit')).children.length === 2,
      10_000,
      'queued',
    );
    await waiter!.close();
    await expect(expiring).rejects.toMatchObject({ reason: 'SESSION_EXPIRED' });
    expect((await client.list('/elect/quit')).children).toHaveLength(1);
    await holder!.close();
  });
});

describe('Lock', () => {
  it('await using hands the lock over at scope end, fencing tokens strictly increasing', async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => client.openSession()));
    await client.create('/locks').catch(() => undefined);
    const name = '/locks/using';
    const tokens: number[] = [];
    const order: string[] = [];
    const holdBriefly = async (who: number) => {
      await using lock = await client.lock(name, { session: sessions[who]! });
      tokens.push(lock.fencingToken);
      order.push(`in ${who}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push(`out ${who}`);
    };
    await Promise.all([holdBriefly(0), holdBriefly(1), holdBriefly(2)]);
    // One holder at a time: every "in" is followed by its own "out".
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i + 1]).toBe(order[i]!.replace('in', 'out'));
    }
    expect(tokens).toHaveLength(3);
    expect([...tokens].sort((x, y) => x - y)).toEqual(tokens);
    expect(new Set(tokens).size).toBe(3);
    expect((await client.list(name)).children).toEqual([]);

    // A throw inside the scope releases it too.
    await expect(
      (async () => {
        await using _lock = await client.lock(name, { session: sessions[0]! });
        throw new Error('work failed');
      })(),
    ).rejects.toThrow('work failed');
    const next = await client.lock(name, { session: sessions[1]!, waitMs: 5_000 });
    expect(next.fencingToken).toBeGreaterThan(tokens[2]!);
    await next.unlock();
    await Promise.all(sessions.map((s) => s.close()));
  });
});

describe('ConfigMap', () => {
  it('reads a subtree and follows its changes in order', async () => {
    await client.create('/config');
    await client.create('/config/db', 'primary');
    await client.create('/config/db/url', 'pg://a');
    await client.create('/config/feature', 'off');
    const config = await ConfigMap.open(client, '/config');
    const changes: ConfigChange[] = [];
    config.on('change', (change) => changes.push(change));
    try {
      expect(config.entries().map(([k, v]) => [k, v.toString()])).toEqual([
        ['db', 'primary'],
        ['db/url', 'pg://a'],
        ['feature', 'off'],
      ]);
      await client.set('/config/feature', 'on');
      await client.create('/config/db/pool', '10');
      await client.delete('/config/db/url');
      await eventually(() => changes.length === 3, 10_000, 'three changes');
      expect(changes.map((c) => [c.type, c.key, c.value?.toString()])).toEqual([
        ['updated', 'feature', 'on'],
        ['created', 'db/pool', '10'],
        ['deleted', 'db/url', undefined],
      ]);
      const revisions = changes.map((c) => c.revision);
      expect([...revisions].sort((x, y) => x - y)).toEqual(revisions);
      expect(config.get('feature')?.toString()).toBe('on');
      expect(config.get('db/url')).toBeUndefined();
    } finally {
      config.close();
    }
  });

  it('is exact when the subtree is written while it is read', async () => {
    await client.create('/busy');
    for (let i = 0; i < 20; i++) await client.create(`/busy/k${i}`, 'v0');
    let writing = true;
    const writer = (async () => {
      for (let round = 1; writing; round++) {
        const i = round % 25;
        if (i < 20) await client.set(`/busy/k${i}`, `v${round}`);
        else
          await client
            .create(`/busy/new${round}`, `v${round}`)
            .then(() => client.delete(`/busy/new${round}`));
      }
    })();
    const config = await ConfigMap.open(client, '/busy');
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      writing = false;
      await writer;
      const last = (await client.get('/busy')).revision;
      await eventually(() => config.revision >= last, 10_000, 'the map to catch up');
      const expected = await Promise.all(
        (await client.list('/busy')).children.map(async (k) => [
          k,
          (await client.get(`/busy/${k}`)).data.toString(),
        ]),
      );
      expect(config.entries().map(([k, v]) => [k, v.toString()])).toEqual(expected.sort());
    } finally {
      config.close();
    }
  });
});

describe('ServiceRegistry', () => {
  it('lists and watches instances; one goes with its process, one with its session', async () => {
    const registry = new ServiceRegistry(client);
    const session = await client.openSession({ ttlMs: 5_000 });
    const watch = await registry.watch('billing');
    const changes: ConfigChange[] = [];
    watch.on('change', (change) => changes.push(change));
    try {
      const local = await registry.register('billing', {
        session,
        id: 'local',
        data: '127.0.0.1:8001',
      });
      const { child, key } = await startChild('register', 'billing', '127.0.0.1:8002');
      const childId = path.posix.basename(key);
      expect(childId).toMatch(/^instance-\d{10}$/);
      const listed = await registry.instances('billing');
      expect(listed.map((i) => [i.id, i.data.toString()])).toEqual(
        [
          [childId, '127.0.0.1:8002'],
          ['local', '127.0.0.1:8001'],
        ].sort(),
      );
      await expect(registry.register('billing', { session, id: 'local' })).rejects.toMatchObject({
        reason: 'NODE_EXISTS',
      });

      child.kill('SIGKILL');
      await eventually(
        async () => (await registry.instances('billing')).length === 1,
        10_000,
        'the killed instance to go',
      );
      await local.update('127.0.0.1:9001');
      await session.close(); // its instance goes with it
      await eventually(() => changes.length === 5, 10_000, 'five changes');
      expect(changes.map((c) => [c.type, c.key])).toEqual([
        ['created', 'local'],
        ['created', childId],
        ['deleted', childId],
        ['updated', 'local'],
        ['deleted', 'local'],
      ]);
      expect(watch.instances()).toEqual([]);
      expect(await registry.instances('billing')).toEqual([]);
      await local.deregister(); // already gone: fine
    } finally {
      watch.close();
    }
  });
});
