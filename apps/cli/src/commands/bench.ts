/**
 * `trib bench coord`: the coordination benchmark. Runs a grid of ops × modes × client counts
 * against the coordinators, and the same grid against etcd (`--etcd`) and ZooKeeper
 * (`--zookeeper`) when given, and prints ops/s, latency percentiles and MB/s per cell.
 *
 * The benchmark's modules (and their devDependencies: hdr-histogram-js, etcd3,
 * node-zookeeper-client) are loaded only when it runs, never by other `trib` commands.
 */
import { Option, type Command } from 'commander';
import type { Mode } from '@tributary/client';
import { parseHostPort } from '@tributary/rpc';
import { withCoordinationOptions, type CoordinationOptions } from '../coordination';
import { BENCH_OPS, type BenchOp, type BenchSystem } from '../bench/system';

const MODES: readonly Mode[] = ['execute', 'unary'];

interface CoordBenchOpts extends CoordinationOptions {
  clients: number[];
  durationS: number;
  warmupS: number;
  ops: BenchOp[];
  mode: Mode[];
  valueBytes: number;
  keys: number;
  etcd?: string[];
  zookeeper?: string[];
  peerOps: BenchOp[];
  tributary: boolean;
  json?: boolean;
}

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('built-in load generators');
  const coord = withCoordinationOptions(
    bench
      .command('coord')
      .description(
        'coordination benchmark: ops/s and latency of set/get/sget against the coordinators, ' +
          'and of the same grid against etcd and ZooKeeper when given',
      ),
  );
  const option = (flags: string, env: string, description: string) =>
    new Option(flags, description).env(`TRIBUTARY_BENCH_${env}`);
  coord
    .addOption(
      option('--clients <list>', 'CLIENTS', 'concurrent workers per cell, n,…')
        .default([1, 16, 128], '1,16,128')
        .argParser(listOf(positiveInt)),
    )
    .addOption(
      option('--duration-s <s>', 'DURATION_S', 'measured seconds per cell')
        .default(10)
        .argParser(positiveInt),
    )
    .addOption(
      option('--warmup-s <s>', 'WARMUP_S', 'unmeasured seconds before each cell')
        .default(2)
        .argParser(nonNegativeInt),
    )
    .addOption(
      option('--ops <list>', 'OPS', 'set, get (linearizable), sget (serializable)')
        .default(['set', 'get', 'sget'], 'set,get,sget')
        .argParser(listOf(oneOf(BENCH_OPS))),
    )
    .addOption(
      option('--mode <list>', 'MODE', 'SDK modes: execute (pipelined stream), unary')
        .default([...MODES], 'execute,unary')
        .argParser(listOf(oneOf(MODES))),
    )
    .addOption(
      option('--value-bytes <n>', 'VALUE_BYTES', 'bytes per value written')
        .default(256)
        .argParser(positiveInt),
    )
    .addOption(
      option('--keys <n>', 'KEYS', 'keys created up front; workers cycle through them')
        .default(1000)
        .argParser(positiveInt),
    )
    .addOption(
      option('--etcd <list>', 'ETCD', 'also measure etcd at host:port,… (put, get)').argParser(
        addresses,
      ),
    )
    .addOption(
      option(
        '--zookeeper <list>',
        'ZOOKEEPER',
        'also measure ZooKeeper at host:port,… (setData, getData)',
      ).argParser(addresses),
    )
    .addOption(
      option('--peer-ops <list>', 'PEER_OPS', 'ops run against etcd and ZooKeeper')
        .default(['set', 'get'], 'set,get')
        .argParser(listOf(oneOf(BENCH_OPS))),
    )
    .addOption(new Option('--no-tributary', 'measure only the peers'))
    .option('--json', 'print the report as JSON (progress still goes to stderr)')
    .action(async (opts: CoordBenchOpts) => {
      const { runGrid } = load<typeof import('../bench/coord')>('../bench/coord');
      const { renderTable } = load<typeof import('../bench/report')>('../bench/report');
      const report = await runGrid({
        systems: systemsOf(opts),
        clients: opts.clients,
        durationS: opts.durationS,
        warmupS: opts.warmupS,
        valueBytes: opts.valueBytes,
        keys: opts.keys,
        progress: (line) => process.stderr.write(line),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(renderTable(report));
      const failed = report.results.filter((r) => r.ops === 0);
      if (failed.length > 0) {
        process.stderr.write(`trib: ${failed.length} cell(s) completed no operation\n`);
        process.exitCode = 1;
      }
    });
}

function systemsOf(opts: CoordBenchOpts): { system: BenchSystem; ops: readonly BenchOp[] }[] {
  const systems: { system: BenchSystem; ops: readonly BenchOp[] }[] = [];
  if (opts.tributary) {
    const { TributarySystem } = load<typeof import('../bench/tributary')>('../bench/tributary');
    const system = new TributarySystem(opts.coordinators, opts.mode, opts.timeoutMs);
    systems.push({ system, ops: opts.ops });
  }
  if (opts.etcd) {
    const { EtcdSystem } = load<typeof import('../bench/etcd')>('../bench/etcd');
    systems.push({ system: new EtcdSystem(opts.etcd), ops: opts.peerOps });
  }
  if (opts.zookeeper) {
    const { ZooKeeperSystem } = load<typeof import('../bench/zookeeper')>('../bench/zookeeper');
    systems.push({ system: new ZooKeeperSystem(opts.zookeeper), ops: opts.peerOps });
  }
  if (systems.length === 0) {
    throw new Error('nothing to measure: --no-tributary and no --etcd or --zookeeper');
  }
  return systems;
}

/**
 * `require` on first use: `trib` runs its sources through tsx's CommonJS hook, under which a
 * dynamic `import()` would go to Node's ESM loader and miss the `.ts` files.
 */
function load<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(module) as T;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`'${value}' is not a positive integer`);
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`'${value}' is not an integer ≥ 0`);
  return n;
}

function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new Error(`'${value}' is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

function listOf<T>(parse: (value: string) => T): (value: string) => T[] {
  return (value) => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) throw new Error(`'${value}' is an empty list`);
    return [...new Set(items.map(parse))];
  };
}

function addresses(value: string): string[] {
  const list = listOf((s) => s)(value);
  for (const address of list) parseHostPort(address);
  return list;
}
