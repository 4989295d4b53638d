/**
 * Capped exponential backoff with jitter, for retries and reconnects. The delay before attempt n
 * (n ≥ 1) is drawn from [d/2, d] with d = min(maxMs, baseMs · 2^(n-1)); a server's RetryInfo
 * hint raises the floor, never above `maxMs`.
 */
import type { Random } from './clock';

export interface BackoffOptions {
  /** First delay, before jitter. */
  baseMs: number;
  /** Upper bound of every delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 25, maxMs: 1_000 };

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions,
    private readonly random: Random,
  ) {
    if (!(options.baseMs > 0 && options.maxMs >= options.baseMs)) {
      throw new Error(`backoff needs 0 < baseMs ≤ maxMs, got ${options.baseMs}, ${options.maxMs}`);
    }
  }

  /** The delay before the next attempt; `hintMs` is the server's suggested wait, if any. */
  next(hintMs?: number): number {
    this.attempt += 1;
    const exp = Math.min(this.attempt - 1, 30);
    const ceiling = Math.min(this.options.maxMs, this.options.baseMs * 2 ** exp);
    const jittered = ceiling / 2 + (ceiling / 2) * this.random();
    const floor = Math.min(hintMs ?? 0, this.options.maxMs);
    return Math.round(Math.max(jittered, floor));
  }

  /** Back to the first delay, after a success. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
