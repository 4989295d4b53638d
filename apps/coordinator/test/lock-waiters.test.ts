// LockWaiters over a real state machine, without processes: a wait ends once, by the first of
// grant, timeout, cancel (its caller's signal) and removal of its key.
import { CoordStateMachine, type Command, type LockValue } from '@tributary/coord-state';
import { LockWaiters } from '../src/services/lock-waiters';

class Driver {
  readonly sm = new CoordStateMachine();
  readonly waiters = new LockWaiters(() => this.sm);
  private index = 0;

  apply(cmd: Command) {
    const out = this.sm.apply(++this.index, cmd);
    this.waiters.applied(out);
    if (!out.result.ok) throw new Error(`${cmd.op}: ${out.result.error.message}`);
    return out.result.value;
  }

  /** /l with a holder; returns a second session's queued key and the holder's key. */
  contended(): { holderKey: string; waiterKey: string; waiter: number } {
    const session = () =>
      (this.apply({ op: 'open-session', ttlMs: 10_000 }) as { sessionId: number }).sessionId;
    const holder = session();
    const waiter = session();
    const lock = (sessionId: number) =>
      (this.apply({ op: 'lock', name: '/l', sessionId }) as LockValue).key;
    return { holderKey: lock(holder), waiterKey: lock(waiter), waiter };
  }
}

it('resolves granted when the key reaches the head of the queue', async () => {
  const d = new Driver();
  const { holderKey, waiterKey } = d.contended();
  const wait = d.waiters.wait('/l', waiterKey, Infinity);
  d.apply({ op: 'unlock', key: holderKey });
  await expect(wait).resolves.toMatchObject({
    outcome: 'granted',
    holder: { key: waiterKey },
  });
});

it('resolves cancelled when the signal aborts, and leaves the key for the caller to withdraw', async () => {
  const d = new Driver();
  const { holderKey, waiterKey } = d.contended();
  const gone = new AbortController();
  const wait = d.waiters.wait('/l', waiterKey, Infinity, gone.signal);
  gone.abort();
  await expect(wait).resolves.toEqual({ outcome: 'cancelled' });
  expect(d.sm.lockQueue('/l')).toEqual([holderKey, waiterKey]);
  // A later grant finds nobody waiting.
  d.apply({ op: 'unlock', key: holderKey });
});

it('resolves cancelled at once for a signal aborted before the wait', async () => {
  const d = new Driver();
  const { waiterKey } = d.contended();
  const gone = new AbortController();
  gone.abort();
  await expect(d.waiters.wait('/l', waiterKey, Infinity, gone.signal)).resolves.toEqual({
    outcome: 'cancelled',
  });
});

it('resolves timeout after waitMs', async () => {
  const d = new Driver();
  const { waiterKey } = d.contended();
  await expect(d.waiters.wait('/l', waiterKey, 10)).resolves.toEqual({ outcome: 'timeout' });
});

it('rejects SESSION_EXPIRED when the key leaves the queue, and a later abort changes nothing', async () => {
  const d = new Driver();
  const { waiterKey, waiter } = d.contended();
  const gone = new AbortController();
  const wait = d.waiters.wait('/l', waiterKey, Infinity, gone.signal);
  d.apply({ op: 'close-session', sessionId: waiter });
  await expect(wait).rejects.toMatchObject({ reason: 'SESSION_EXPIRED' });
  gone.abort();
});
