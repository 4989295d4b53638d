// Waiters for a monotone offset (a high watermark, a log end) to pass a threshold: acks=ALL
// produces, Fetch long-polls, Subscribe, and followers' long-polling ReplicaFetch.
import type { SetTimer, Timer } from './timer';

interface Waiter {
  above: number;
  timer: Timer | undefined;
  settle(reached: boolean): void;
  fail(error: Error): void;
}

export interface Wait {
  /** True once the value passed the threshold; false at the timeout or when cancelled. */
  promise: Promise<boolean>;
  cancel(): void;
}

/** Bounded so that a flood of long-polls cannot grow memory without limit. */
const WAITERS_MAX = 100_000;

export class ProgressWaiters {
  /** Sorted by `above`, so an advance settles a prefix. */
  private waiters: Waiter[] = [];

  constructor(private readonly setTimer: SetTimer) {}

  get size(): number {
    return this.waiters.length;
  }

  /** Waits for `advance(v)` with v > above, for at most timeoutMs (Infinity: no timeout). */
  wait(above: number, timeoutMs: number): Wait {
    if (this.waiters.length >= WAITERS_MAX)
      return { promise: Promise.resolve(false), cancel: () => undefined };
    let waiter!: Waiter;
    const promise = new Promise<boolean>((resolve, reject) => {
      waiter = {
        above,
        timer: undefined,
        settle: (reached) => {
          waiter.timer?.cancel();
          resolve(reached);
        },
        fail: (error) => {
          waiter.timer?.cancel();
          reject(error);
        },
      };
    });
    this.insert(waiter);
    if (Number.isFinite(timeoutMs))
      waiter.timer = this.setTimer(Math.max(0, timeoutMs), () => this.remove(waiter, false));
    return { promise, cancel: () => this.remove(waiter, false) };
  }

  /** The value is now `value`: settles every waiter below it. */
  advance(value: number): void {
    let n = 0;
    while (n < this.waiters.length && this.waiters[n].above < value) n++;
    if (n === 0) return;
    const done = this.waiters.splice(0, n);
    for (const w of done) w.settle(true);
  }

  /** Rejects every waiter (leadership moved, partition deleted, shutdown). */
  failAll(error: Error): void {
    const all = this.waiters;
    this.waiters = [];
    for (const w of all) w.fail(error);
  }

  /** Settles every waiter as not reached (wakes long-polls to re-check their state). */
  wakeAll(): void {
    const all = this.waiters;
    this.waiters = [];
    for (const w of all) w.settle(false);
  }

  private insert(w: Waiter): void {
    let lo = 0;
    let hi = this.waiters.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.waiters[mid].above <= w.above) lo = mid + 1;
      else hi = mid;
    }
    this.waiters.splice(lo, 0, w);
  }

  private remove(w: Waiter, reached: boolean): void {
    const i = this.waiters.indexOf(w);
    if (i < 0) return;
    this.waiters.splice(i, 1);
    w.settle(reached);
  }
}
