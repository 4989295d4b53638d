/**
 * `trib bench produce|consume|e2e|jetstream`: the broker benchmarks (bench/produce-suite.ts):
 * producer throughput and publish latency, consumer catch-up, end-to-end latency at a fixed
 * rate, each against `--bootstrap` brokers or a cluster it starts, with NATS JetStream measured
 * in the same run when asked (`--jetstream`, or `trib bench jetstream` alone).
 *
 * `trib bench coord`: the coordination benchmark. Runs a grid of ops × modes × client counts
 * against the coordinators, and the same grid against etcd (`--etcd`) and ZooKeeper
 * (`--zookeeper`) when given, and prints ops/s, latency percentiles and MB/s per cell.
 *
 * The benchmark's modules (and their devDependencies: hdr-histogram-js, etcd3,
 * node-zookeeper-client) are loaded only when it runs, never by other `trib` commands: each by a
 * `require` with its literal path where it is used, which the bundler follows (a dynamic
 * `import()` would miss the `.ts` files when trib runs from source through tsx's CommonJS hook).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { Option, type Command } from 'commander';
import type { Acks, CompressionName, Mode } from '@tributary/client';
import { withCoordinationOptions, type CoordinationOptions } from '../coordination';
import { listOf, oneOf, parseAddresses, parseNonNegativeInt, parsePositiveInt } from '../options';
import { BENCH_OPS, type BenchOp, type BenchSystem } from '../bench/system';
import { sdkTls, withClientTlsOptions, type TlsFlags } from '../tls-options';

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
  jsonl?: boolean;
}

interface LogBenchOpts extends TlsFlags {
  bootstrap: string[];
  startCluster?: number;
  recordBytes: number[];
  partitions: number;
  replicationFactor: number;
  acks: Acks;
  records?: number;
  durationS?: number;
  rate: number;
  lingerMs: number;
  batchBytes: number;
  compression: CompressionName;
  idempotent: boolean;
  runs: number;
  warmupRuns: number;
  jetstream: boolean;
  jetstreamWindow: number;
  jetstreamAwaitRecords: number;
  json?: boolean;
  jsonl?: boolean;
}

const LOG_WORKLOADS = {
  produce: 'producer throughput and publish latency (OpenMessaging Benchmark style)',
  consume: 'consumer catch-up: records/s reading back --records records from the start',
  e2e: 'end-to-end latency (send to consumer) at a fixed --rate',
  jetstream: 'only the NATS JetStream peer (nats-server -js, file storage, R1)',
} as const;

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('built-in load generators');
  for (const [name, description] of Object.entries(LOG_WORKLOADS)) {
    registerLogBench(bench, name as keyof typeof LOG_WORKLOADS, description);
  }
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
        .argParser(listOf(parsePositiveInt)),
    )
    .addOption(
      option('--duration-s <s>', 'DURATION_S', 'measured seconds per cell')
        .default(10)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option('--warmup-s <s>', 'WARMUP_S', 'unmeasured seconds before each cell')
        .default(2)
        .argParser(parseNonNegativeInt),
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
        .argParser(parsePositiveInt),
    )
    .addOption(
      option('--keys <n>', 'KEYS', 'keys created up front; workers cycle through them')
        .default(1000)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option('--etcd <list>', 'ETCD', 'also measure etcd at host:port,… (put, get)').argParser(
        parseAddresses,
      ),
    )
    .addOption(
      option(
        '--zookeeper <list>',
        'ZOOKEEPER',
        'also measure ZooKeeper at host:port,… (setData, getData)',
      ).argParser(parseAddresses),
    )
    .addOption(
      option('--peer-ops <list>', 'PEER_OPS', 'ops run against etcd and ZooKeeper')
        .default(['set', 'get'], 'set,get')
        .argParser(listOf(oneOf(BENCH_OPS))),
    )
    .addOption(new Option('--no-tributary', 'measure only the peers'))
    .option('--json', 'print the report as JSON (progress still goes to stderr)')
    .option('--jsonl', 'print one JSON object per result row (JSON lines)')
    .action(async (opts: CoordBenchOpts) => {
      const { runGrid } = require('../bench/coord') as typeof import('../bench/coord');
      const { renderTable } = require('../bench/report') as typeof import('../bench/report');
      const report = await runGrid({
        systems: systemsOf(opts),
        clients: opts.clients,
        durationS: opts.durationS,
        warmupS: opts.warmupS,
        valueBytes: opts.valueBytes,
        keys: opts.keys,
        progress: (line) => process.stderr.write(line),
      });
      if (opts.jsonl) process.stdout.write(jsonLinesOf(report.results));
      else if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(renderTable(report));
      const failed = report.results.filter((r) => r.ops === 0);
      if (failed.length > 0) {
        process.stderr.write(`trib: ${failed.length} cell(s) completed no operation\n`);
        process.exitCode = 1;
      }
    });
}

function registerLogBench(
  bench: Command,
  name: keyof typeof LOG_WORKLOADS,
  description: string,
): void {
  const option = (flags: string, env: string, text: string) =>
    new Option(flags, text).env(`TRIBUTARY_BENCH_${env}`);
  const command = bench
    .command(name)
    .description(description)
    .addOption(
      new Option('--bootstrap <list>', 'broker addresses, host:port,…')
        .env('TRIBUTARY_BOOTSTRAP')
        .default(['127.0.0.1:9101'], '127.0.0.1:9101')
        .argParser(parseAddresses),
    )
    .addOption(
      new Option(
        '--start-cluster <n>',
        'start n coordinators + n brokers (1 or 3) with trib dev',
      ).argParser((v) => Number(oneOf(['1', '3'])(v))),
    )
    .addOption(
      option('--record-bytes <list>', 'RECORD_BYTES', 'record value sizes, n,…')
        .default([100, 1024], '100,1024')
        .argParser(listOf(parsePositiveInt)),
    )
    .addOption(
      option('--partitions <n>', 'PARTITIONS', 'partitions of the topic')
        .default(8)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option('--replication-factor <n>', 'REPLICATION_FACTOR', 'replicas per partition')
        .default(1)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option('--acks <acks>', 'ACKS', 'none, leader or all')
        .default('leader')
        .argParser(oneOf(['none', 'leader', 'all'] as const)),
    )
    .addOption(
      option('--records <n>', 'RECORDS', 'records per run (consume: records read back)').argParser(
        parsePositiveInt,
      ),
    )
    .addOption(
      option('--duration-s <s>', 'DURATION_S', 'seconds per run instead of --records').argParser(
        parsePositiveInt,
      ),
    )
    .addOption(
      option('--rate <n>', 'RATE', 'records per second; 0 = unthrottled')
        .default(name === 'e2e' ? 5000 : 0)
        .argParser(parseNonNegativeInt),
    )
    .addOption(
      option('--linger-ms <ms>', 'LINGER_MS', 'producer linger')
        .default(5)
        .argParser(parseNonNegativeInt),
    )
    .addOption(
      option('--batch-bytes <n>', 'BATCH_BYTES', 'producer batch_bytes_max')
        .default(256 * 1024)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option('--compression <codec>', 'COMPRESSION', 'none, gzip, zstd or lz4')
        .default('none')
        .argParser(oneOf(['none', 'gzip', 'zstd', 'lz4'] as const)),
    )
    .addOption(new Option('--no-idempotent', 'plain producer: no producer id, no sequence numbers'))
    .addOption(
      option('--runs <n>', 'RUNS', 'runs per row; the table shows medians')
        .default(3)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option(
        '--warmup-runs <n>',
        'WARMUP_RUNS',
        'runs per row made first and not counted (JIT, connections, fresh memory), as the OpenMessaging Benchmark warms up',
      )
        .default(1)
        .argParser(parseNonNegativeInt),
    )
    .addOption(new Option('--jetstream', 'also measure NATS JetStream in the same run'))
    .addOption(
      option('--jetstream-window <n>', 'JETSTREAM_WINDOW', 'JetStream async publishes in flight')
        .default(256)
        .argParser(parsePositiveInt),
    )
    .addOption(
      option(
        '--jetstream-await-records <n>',
        'JETSTREAM_AWAIT_RECORDS',
        'records per publish-and-await run',
      )
        .default(50_000)
        .argParser(parsePositiveInt),
    )
    .option('--json', 'print the report as JSON (progress still goes to stderr)')
    .option('--jsonl', 'print one JSON object per result row (medians; JSON lines)');
  withClientTlsOptions(command).action(async (opts: LogBenchOpts) => {
    // The cluster it starts is plaintext: TLS flags would describe some other cluster.
    if (opts.startCluster && opts.tlsCa)
      command.error('error: --start-cluster runs a plaintext cluster: drop the --tls-* flags');
    const jetstream = name === 'jetstream' || opts.jetstream === true;
    // Before any Tributary run, not minutes later when the peer's turn comes.
    const peers = require('../bench/peer-servers') as typeof import('../bench/peer-servers');
    if (jetstream && !peers.natsServerBinary()) command.error(`error: ${peers.NATS_MISSING}`);
    const { runSuite } =
      require('../bench/produce-suite') as typeof import('../bench/produce-suite');
    const { renderLogTable } =
      require('../bench/produce-report') as typeof import('../bench/produce-report');
    const records =
      opts.records ?? (opts.durationS ? undefined : name === 'e2e' ? 50_000 : 1_000_000);
    const report = await runSuite({
      workload: name === 'jetstream' ? undefined : name,
      base: {
        partitions: opts.partitions,
        replicationFactor: opts.replicationFactor,
        acks: opts.acks,
        records,
        durationS: opts.durationS,
        rate: opts.rate,
        lingerMs: opts.lingerMs,
        batchBytesMax: opts.batchBytes,
        compression: opts.compression,
        idempotent: opts.idempotent && opts.acks !== 'none',
        ...sdkTls(opts),
      },
      bootstrap: opts.bootstrap,
      recordBytes: opts.recordBytes,
      runs: opts.runs,
      warmupRuns: opts.warmupRuns,
      startCluster: opts.startCluster,
      jetstream,
      jetstreamWindow: opts.jetstreamWindow,
      jetstreamAwaitRecords: opts.jetstreamAwaitRecords,
      progress: (line) => process.stderr.write(line),
    });
    if (opts.jsonl) process.stdout.write(jsonLinesOf(report.results));
    else if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(renderLogTable(report));
    if (report.results.some((r) => r.errors > 0 || r.records === 0)) process.exitCode = 1;
  });
}

/** One line per row, `median: true` where the row is a median over `runs` (the log benches). */
function jsonLinesOf(rows: object[]): string {
  return rows
    .map((r) => `${JSON.stringify({ ...r, median: 'per_run_msgs_per_s' in r })}\n`)
    .join('');
}

function systemsOf(opts: CoordBenchOpts): { system: BenchSystem; ops: readonly BenchOp[] }[] {
  const systems: { system: BenchSystem; ops: readonly BenchOp[] }[] = [];
  if (opts.tributary) {
    const { TributarySystem } =
      require('../bench/tributary') as typeof import('../bench/tributary');
    const system = new TributarySystem(opts.coordinators, opts.mode, opts.timeoutMs, sdkTls(opts));
    systems.push({ system, ops: opts.ops });
  }
  if (opts.etcd) {
    const { EtcdSystem } = require('../bench/etcd') as typeof import('../bench/etcd');
    systems.push({ system: new EtcdSystem(opts.etcd), ops: opts.peerOps });
  }
  if (opts.zookeeper) {
    const { ZooKeeperSystem } =
      require('../bench/zookeeper') as typeof import('../bench/zookeeper');
    systems.push({ system: new ZooKeeperSystem(opts.zookeeper), ops: opts.peerOps });
  }
  if (systems.length === 0) {
    throw new Error('nothing to measure: --no-tributary and no --etcd or --zookeeper');
  }
  return systems;
}
