/**
 * Option and argument parsers shared by every command. Each throws commander's
 * InvalidArgumentError, so a bad value is a usage error (exit code 2) whose message names the
 * option and says what was expected.
 */
import { InvalidArgumentError } from 'commander';
import { parseHostPort, parseQuota, type QuotaSpec } from '@tributary/rpc';

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected an integer ≥ 1');
  return n;
}

export function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected an integer ≥ 0');
  return n;
}

export function parseRatio(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError('expected a ratio in [0, 1)');
  return n;
}

/** A node version for `--expected-version`: ≥ 0, or -1 for any. */
export function parseVersion(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < -1) {
    throw new InvalidArgumentError('expected a version (≥ 0, or -1 = any)');
  }
  return n;
}

/** One of `allowed`. */
export function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

/** A comma-separated list, each item parsed, duplicates dropped. */
export function listOf<T>(parse: (value: string) => T): (value: string) => T[] {
  return (value) => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list');
    return [...new Set(items.map(parse))];
  };
}

/** `host:port,…`, each checked. */
export const parseAddresses = listOf((address: string) => {
  try {
    parseHostPort(address);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return address;
});

/** `k=v,k2=v2`; repeatable, later lists add to earlier ones. */
export function parseKeyValues(
  value: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const out = { ...previous };
  for (const item of value.split(',').filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`'${item}' is not key=value`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** A repeatable list option: `--x a --x b,c` → ['a', 'b', 'c']. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

/** `--quota-…` values (`alice=1048576,*=10485760`), as commander argument parsers. */
export function quotaOf(flag: string): (value: string) => QuotaSpec {
  return (value) => {
    try {
      return parseQuota(flag, value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}
