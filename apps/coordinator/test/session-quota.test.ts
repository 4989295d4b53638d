// SessionQuota (sessions per client connection) without processes: the bound counts sessions
// being opened, ended sessions stop counting, connections are independent, and the table of a
// connection whose sessions all ended is swept.
import { readError } from '@tributary/rpc';
import { SessionQuota } from '../src/services/session-quota';

class Sessions {
  private next = 1;
  readonly open = new Set<number>();
  /** An OpenSession that completes when `release` is called (or at once). */
  opener(wait?: Promise<void>) {
    return async () => {
      await wait;
      const id = this.next++;
      this.open.add(id);
      return { session_id: id };
    };
  }
}

function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

it('refuses the connection at its bound with TOO_MANY_SESSIONS and RetryInfo', async () => {
  const s = new Sessions();
  const quota = new SessionQuota(3, (id) => s.open.has(id));
  for (let k = 0; k < 3; k++) await quota.open('a:1', s.opener());
  const error = await quota.open('a:1', s.opener()).catch((e) => e);
  expect(readError(error)).toMatchObject({
    code: 8,
    reason: 'TOO_MANY_SESSIONS',
    retriable: true,
    retryDelayMs: 1000,
  });
  expect(readError(error).message).toMatch(/at most 3 are allowed per connection/);
  // Another connection has its own bound.
  await expect(quota.open('b:2', s.opener())).resolves.toMatchObject({ session_id: 4 });
});

it('counts sessions being opened, and frees the slot of one that failed to open', async () => {
  const s = new Sessions();
  const quota = new SessionQuota(2, (id) => s.open.has(id));
  const gate = deferred();
  const first = quota.open('a:1', s.opener(gate.promise));
  const failing = quota.open('a:1', () => Promise.reject(new Error('no leader'))).catch((e) => e);
  const refused = await quota.open('a:1', s.opener()).catch((e) => e);
  expect(readError(refused).reason).toBe('TOO_MANY_SESSIONS');
  expect((await failing).message).toBe('no leader');
  gate.release();
  await first;
  await expect(quota.open('a:1', s.opener())).resolves.toBeDefined();
});

it('stops counting a session once it has ended (closed or expired anywhere)', async () => {
  const s = new Sessions();
  const quota = new SessionQuota(2, (id) => s.open.has(id));
  const { session_id } = await quota.open('a:1', s.opener());
  await quota.open('a:1', s.opener());
  await expect(quota.open('a:1', s.opener())).rejects.toThrow(/at most 2/);
  s.open.delete(session_id);
  await expect(quota.open('a:1', s.opener())).resolves.toBeDefined();
});

it('sweeps connections whose sessions all ended, so the table follows the open sessions', async () => {
  const s = new Sessions();
  let checks = 0;
  const quota = new SessionQuota(1, (id) => (checks++, s.open.has(id)));
  // 5,000 connections open one session each, which then ends: each is forgotten by a sweep.
  for (let k = 0; k < 5000; k++) {
    const { session_id } = await quota.open(`c:${k}`, s.opener());
    s.open.delete(session_id);
  }
  const table = (quota as unknown as { byPeer: Map<string, unknown> }).byPeer;
  expect(table.size).toBeLessThan(1024);
  // Sweeps double their threshold: the checks stay linear in the sessions opened.
  expect(checks).toBeLessThan(3 * 5000);
});
