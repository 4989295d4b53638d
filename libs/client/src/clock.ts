/**
 * Time and randomness as inputs (STYLE: no clocks or Math.random deep inside), so tests can drive
 * sessions, deadlines and backoff without real waiting.
 */

export type TimerHandle = { readonly __timer: unique symbol };

export interface Clock {
  /** Milliseconds on a monotonic scale. */
  nowMs(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Uniform in [0, 1). */
export type Random = () => number;

export const systemClock: Clock = {
  nowMs: () => performance.now(),
  setTimer: (callback, delayMs) => {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return timer as unknown as TimerHandle;
  },
  clearTimer: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout),
};

export const systemRandom: Random = () => Math.random();

/** Resolves after `delayMs` on `clock`. */
export function sleep(clock: Clock, delayMs: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(resolve, delayMs));
}

/** Like `sleep`, but resolves at once when `signal` aborts. */
export function sleepUnless(clock: Clock, delayMs: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clock.clearTimer(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimer(done, delayMs);
    signal.addEventListener('abort', done, { once: true });
  });
}
