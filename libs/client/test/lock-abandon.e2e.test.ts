// A lock wait the SDK gives up (its caller's AbortSignal, in both modes) is a cancelled call on
// a real cluster: the server withdraws its queue key at once, so the same session's retry is
// next in line instead of stuck behind its own orphan key.
// Tests may use testkit (type:testing); the boundary matrix has no test-only rule yet, hence:
import { CoordinatorCluster, eventually } from '@tributary/testkit';
import { CoordinationClient } from '../src';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
let endpoints: string[];

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 1 });
  endpoints = [...cluster.members.values()].map((m) => m.address);
}, 90_000);

afterAll(async () => {
  await cluster?.shutdown();
});

describe.each(['execute', 'unary'] as const)('SDK (%s mode)', (mode) => {
  it('withdraws the queue key of an abandoned wait; a retry by the same session gets the lock', async () => {
    const c = new CoordinationClient({ endpoints, mode, requestTimeoutMs: 15_000 });
    const name = `/abandon-${mode}`;
    await c.create(name);
    const holder = await c.openSession({ ttlMs: 60_000 });
    const waiter = await c.openSession({ ttlMs: 60_000 });
    const held = await c.lock(name, { session: holder });
    const queued = async (n: number) => (await c.list(name)).children.length === n;

    const giveUp = new AbortController();
    const abandoned = c.lock(name, { session: waiter, signal: giveUp.signal });
    await eventually(() => queued(2), 10_000, 'the waiter queued');
    giveUp.abort();
    await expect(abandoned).rejects.toMatchObject({ reason: 'ABANDONED' });
    await eventually(() => queued(1), 10_000, "the abandoned wait's key withdrawn");

    const retry = c.lock(name, { session: waiter, waitMs: 30_000 });
    await eventually(() => queued(2), 10_000, 'the retry queued');
    const [, retryKey] = (await c.list(name)).children;
    await held.unlock();
    const got = await retry;
    expect(got.key).toBe(`${name}/${retryKey}`);
    expect(got.fencingToken).toBeGreaterThan(held.fencingToken);
    await got.unlock();
    await c.close();
  });
});

it('rejects ABANDONED at once for a signal aborted before the call', async () => {
  const c = new CoordinationClient({ endpoints, requestTimeoutMs: 15_000 });
  const session = await c.openSession({ ttlMs: 60_000 });
  await expect(c.lock('/never', { session, signal: AbortSignal.abort() })).rejects.toMatchObject({
    reason: 'ABANDONED',
  });
  await c.close();
});
