/**
 * Quotas per principal (DESIGN §7): produce and fetch bytes per second on brokers, requests per
 * second on coordinators, each a token bucket holding one second's worth. A call is admitted
 * while its principal's bucket is not empty and then charged in full, so one large batch may
 * take the bucket into debt; the next call waits until the debt is paid. A throttled call is
 * RESOURCE_EXHAUSTED (reason THROTTLED) with RetryInfo saying how long — the SDK waits that
 * long and resends — so a client is held to its rate while everyone else goes on.
 *
 * `--quota-… alice=1048576,*=10485760`: a rate per principal, `*` for every other one; an
 * unlisted principal without `*` is not limited. Cluster members and super-users never are.
 */
import { Counter, type Registry } from 'prom-client';
import { TributaryError, tributaryError } from './errors';

export interface QuotaSpec {
  /** Per second, for principals not listed; undefined: unlimited. */
  fallback: number | undefined;
  byPrincipal: ReadonlyMap<string, number>;
}

/** Who a quota is kept for when the cluster is open (no principals): everyone together. */
export const ANONYMOUS = 'anonymous';

/** Parses `principal=rate,…,*=rate`; throws naming the flag and what is wrong. */
export function parseQuota(flag: string, text: string): QuotaSpec {
  const byPrincipal = new Map<string, number>();
  let fallback: number | undefined;
  for (const part of text.split(',')) {
    const match = /^([^=\s]+)=(\d+)$/.exec(part.trim());
    const rate = match ? Number(match[2]) : NaN;
    if (!match || !Number.isSafeInteger(rate) || rate < 1)
      throw new Error(
        `${flag}: '${part}' is not principal=rate (a whole number ≥ 1 per second; '*' for every other principal)`,
      );
    if (match[1] === '*') fallback = rate;
    else byPrincipal.set(match[1]!, rate);
  }
  return { fallback, byPrincipal };
}

interface Bucket {
  level: number;
  atMs: number;
}

/** Buckets kept before idle, full ones are dropped. */
const BUCKETS_SWEEP_AT = 10_000;

export class RateQuota {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly name: string,
    private readonly spec: QuotaSpec | undefined,
    private readonly exempt: ReadonlySet<string>,
    private readonly onThrottled: (quota: string) => void = () => {},
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Milliseconds `principal` must wait before its next call; 0: go on. */
  delayMs(principal: string | undefined): number {
    const bucket = this.bucket(principal);
    if (!bucket || bucket.level > 0) return 0;
    return Math.ceil((-bucket.level / this.rateOf(principal)!) * 1000) + 1;
  }

  /** Takes `amount` (bytes, or 1 request) from `principal`'s bucket. */
  charge(principal: string | undefined, amount: number): void {
    const bucket = this.bucket(principal);
    if (bucket) bucket.level -= amount;
  }

  /** The THROTTLED error for a call of `principal` that must wait, or undefined. */
  refusal(principal: string | undefined): TributaryError | undefined {
    const delay = this.delayMs(principal);
    if (delay === 0) return undefined;
    this.onThrottled(this.name);
    const who = principal ?? ANONYMOUS;
    return tributaryError(
      'THROTTLED',
      `'${who}' is over its ${this.name} quota of ${this.rateOf(principal)}/s: retry in ${delay} ms`,
      { retryDelayMs: delay, metadata: { principal: who, quota: this.name } },
    );
  }

  private rateOf(principal: string | undefined): number | undefined {
    if (!this.spec || (principal !== undefined && this.exempt.has(principal))) return undefined;
    return this.spec.byPrincipal.get(principal ?? ANONYMOUS) ?? this.spec.fallback;
  }

  private bucket(principal: string | undefined): Bucket | undefined {
    const rate = this.rateOf(principal);
    if (rate === undefined) return undefined;
    const key = principal ?? ANONYMOUS;
    const now = this.nowMs();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= BUCKETS_SWEEP_AT) this.sweep(now);
      bucket = { level: rate, atMs: now };
      this.buckets.set(key, bucket);
    }
    bucket.level = Math.min(rate, bucket.level + (rate * (now - bucket.atMs)) / 1000);
    bucket.atMs = now;
    return bucket;
  }

  /** Drops buckets that have refilled: forgetting them changes nothing. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      const rate = this.rateOf(key) ?? 0;
      if (b.level + (rate * (now - b.atMs)) / 1000 >= rate) this.buckets.delete(key);
    }
  }
}

/** `onThrottled` of RateQuota as the `tributary_throttled_total` counter, by quota. */
export function countThrottles(registry: Registry): (quota: string) => void {
  const throttled = new Counter({
    name: 'tributary_throttled_total',
    help: 'Calls held back by a quota (THROTTLED, or a subscriber made to wait), by quota',
    labelNames: ['quota'],
    registers: [registry],
  });
  return (quota) => throttled.inc({ quota });
}
