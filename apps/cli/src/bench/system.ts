/**
 * What `trib bench coord` needs from a system under test (Tributary, etcd, ZooKeeper): create the
 * keys once, open a connection per grid cell, run one operation on key number `k`, clean up.
 */

/** Operations of the grid: set = write a value; get = linearizable read; sget = serializable. */
export type BenchOp = 'set' | 'get' | 'sget';
export const BENCH_OPS: readonly BenchOp[] = ['set', 'get', 'sget'];

export type SystemName = 'tributary' | 'etcd' | 'zookeeper';

export interface Connection {
  /** Runs one operation on key number `key` (0 ≤ key < keys); rejects on failure. */
  run(op: BenchOp, key: number): Promise<void>;
  close(): Promise<void>;
}

export interface BenchSystem {
  readonly name: SystemName;
  /** Connection modes this system is measured in, e.g. ['execute', 'unary']. */
  readonly modes: readonly string[];
  /** Operations it supports. */
  readonly ops: readonly BenchOp[];
  /** What `op` is on this system, for the table ("put", "getData (local read)"). */
  describe(op: BenchOp): string;
  /** Creates `keys` keys holding `value` (once, before the grid). */
  setup(keys: number, value: Buffer): Promise<void>;
  /** A connection shared by every worker of one cell. */
  connect(mode: string): Promise<Connection>;
  /** Deletes the keys and closes what `setup` opened. */
  teardown(): Promise<void>;
  /** One line about the cluster (leader, endpoints) for the report, if known. */
  info(): Promise<string>;
}

/** A unique key-space name per run, so runs never collide: `bench-<time>-<pid>`. */
export function runName(): string {
  return `bench-${Date.now().toString(36)}-${process.pid}`;
}

export function keyName(key: number): string {
  return `k${String(key).padStart(6, '0')}`;
}

/** Runs `body(i)` for i in [0, n) with at most `parallel` in flight. */
export async function forEachLimited(
  n: number,
  parallel: number,
  body: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < n) await body(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, lane));
}
