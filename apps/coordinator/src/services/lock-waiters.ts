/**
 * Lock RPCs waiting for their key to reach the head of its queue. Grants arrive in apply order
 * (`ApplyOutput.lockGrants`); a waiter also checks current state when it registers, because
 * its key may have been granted by a later entry of the same applied batch.
 */
import type { ApplyOutput, CoordStateMachine, LockHolder } from '@tributary/coord-state';
import { tributaryError } from '@tributary/rpc';

/** How a wait ended, unless its key left the queue (then it rejects SESSION_EXPIRED). */
export type LockWait =
  { outcome: 'granted'; holder: LockHolder } | { outcome: 'timeout' } | { outcome: 'cancelled' };

interface Waiter {
  name: string;
  resolve: (wait: LockWait) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout | undefined;
  /** Removes the abort listener of the caller's signal. */
  unlisten: () => void;
}

export class LockWaiters {
  private readonly waiters = new Map<string, Waiter>();

  constructor(private readonly state: () => CoordStateMachine) {}

  /**
   * Resolves with the grant, with 'timeout' after `waitMs` (Infinity: no limit), or with
   * 'cancelled' when `signal` aborts; rejects if the key leaves the queue (its session ended).
   * The key stays queued after 'timeout' and 'cancelled': withdrawing it is the caller's write.
   */
  wait(name: string, key: string, waitMs: number, signal?: AbortSignal): Promise<LockWait> {
    if (this.waiters.has(key)) throw new Error(`lock key ${key} is already waited for`);
    return new Promise((resolve, reject) => {
      // setTimeout's limit is 2^31-1 ms (~24.8 days); beyond that the wait is unbounded.
      const timer =
        Number.isFinite(waitMs) && waitMs < 2 ** 31
          ? setTimeout(() => this.end(key, { outcome: 'timeout' }), Math.max(0, waitMs))
          : undefined;
      const onAbort = () => this.end(key, { outcome: 'cancelled' });
      signal?.addEventListener('abort', onAbort, { once: true });
      const unlisten = () => signal?.removeEventListener('abort', onAbort);
      this.waiters.set(key, { name, resolve, reject, timer, unlisten });
      if (signal?.aborted) onAbort();
      else this.recheck(key);
    });
  }

  applied(output: ApplyOutput): void {
    if (this.waiters.size === 0) return;
    for (const g of output.lockGrants) {
      const holder = { key: g.key, sessionId: g.sessionId, fencingToken: g.fencingToken };
      this.end(g.key, { outcome: 'granted', holder });
    }
    for (const key of output.lockKeysRemoved) this.end(key, 'removed');
  }

  /** After the state machine was replaced by a snapshot: settle from state. */
  restored(): void {
    for (const key of [...this.waiters.keys()]) this.recheck(key);
  }

  close(): void {
    for (const key of [...this.waiters.keys()]) this.end(key, 'removed');
  }

  private recheck(key: string): void {
    const w = this.waiters.get(key);
    if (!w) return;
    const sm = this.state();
    const holder = sm.lockHolder(w.name);
    if (holder?.key === key) this.end(key, { outcome: 'granted', holder });
    else if (!sm.lockQueue(w.name).includes(key)) this.end(key, 'removed');
  }

  /** Ends the wait on `key` once: the first of grant, removal, timeout and cancel wins. */
  private end(key: string, how: LockWait | 'removed'): void {
    const w = this.waiters.get(key);
    if (!w) return;
    this.waiters.delete(key);
    clearTimeout(w.timer);
    w.unlisten();
    if (how === 'removed')
      w.reject(
        tributaryError(
          'SESSION_EXPIRED',
          `lock key ${key} left the queue before it was granted (its session ended or it was unlocked)`,
        ),
      );
    else w.resolve(how);
  }
}
