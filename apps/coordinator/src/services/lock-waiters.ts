/**
 * Lock RPCs waiting for their key to reach the head of its queue. Grants arrive in apply order
 * (`ApplyOutput.lockGrants`); a waiter also checks current state when it registers, because
 * its key may have been granted by a later entry of the same applied batch.
 */
import type { ApplyOutput, CoordStateMachine, LockHolder } from '@tributary/coord-state';
import { tributaryError } from '@tributary/rpc';

interface Waiter {
  name: string;
  resolve: (grant: LockHolder | undefined) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

export class LockWaiters {
  private readonly waiters = new Map<string, Waiter>();

  constructor(private readonly state: () => CoordStateMachine) {}

  /**
   * Resolves with the grant, or undefined after `waitMs` (Infinity: no limit); rejects if the
   * key leaves the queue (its session ended).
   */
  wait(name: string, key: string, waitMs: number): Promise<LockHolder | undefined> {
    return new Promise((resolve, reject) => {
      // setTimeout's limit is 2^31-1 ms (~24.8 days); beyond that the wait is unbounded.
      const timer =
        Number.isFinite(waitMs) && waitMs < 2 ** 31
          ? setTimeout(
              () => {
                this.waiters.delete(key);
                resolve(undefined);
              },
              Math.max(0, waitMs),
            )
          : undefined;
      this.waiters.set(key, { name, resolve, reject, timer });
      this.recheck(key);
    });
  }

  applied(output: ApplyOutput): void {
    if (this.waiters.size === 0) return;
    for (const g of output.lockGrants)
      this.settle(g.key, { key: g.key, sessionId: g.sessionId, fencingToken: g.fencingToken });
    for (const key of output.lockKeysRemoved) this.settle(key, undefined, true);
  }

  /** After the state machine was replaced by a snapshot: settle from state. */
  restored(): void {
    for (const key of [...this.waiters.keys()]) this.recheck(key);
  }

  close(): void {
    for (const key of [...this.waiters.keys()]) this.settle(key, undefined, true);
  }

  private recheck(key: string): void {
    const w = this.waiters.get(key);
    if (!w) return;
    const sm = this.state();
    const holder = sm.lockHolder(w.name);
    if (holder?.key === key) this.settle(key, holder);
    else if (!sm.lockQueue(w.name).includes(key)) this.settle(key, undefined, true);
  }

  private settle(key: string, grant: LockHolder | undefined, removed = false): void {
    const w = this.waiters.get(key);
    if (!w) return;
    this.waiters.delete(key);
    clearTimeout(w.timer);
    if (removed)
      w.reject(
        tributaryError(
          'SESSION_EXPIRED',
          `lock key ${key} left the queue before it was granted (its session ended or it was unlocked)`,
        ),
      );
    else w.resolve(grant);
  }
}
