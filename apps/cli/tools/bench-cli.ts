/**
 * `npm run bench` (Tributary alone: coordination grid, produce/consume/e2e tables) and
 * `npm run bench:peers` (`--peers`: the same workloads side by side with etcd, ZooKeeper and
 * NATS JetStream, ratios ours / theirs, reports/bench/<time>.jsonl, docs/benchmarks.md and its
 * SVG plot). Every server is started here on loopback and stopped on exit, failure or Ctrl-C.
 * Tributary: `trib dev` with 3 coordinators and 1 broker (topics RF 1, to compare with
 * JetStream R1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runGrid } from '../src/bench/coord';
import { EtcdSystem } from '../src/bench/etcd';
import { runJetStream, startNatsServer } from '../src/bench/jetstream';
import { missingPeers, startEtcd, startZooKeeper } from '../src/bench/peer-servers';
import {
  jsonLines,
  ratios,
  renderMarkdown,
  renderSvg,
  type ResultRow,
} from '../src/bench/peers-report';
import {
  benchTopic,
  createBenchTopic,
  deleteBenchTopic,
  runProduce,
  type ProduceWorkload,
} from '../src/bench/produce';
import { startBenchCluster } from '../src/bench/produce-cluster';
import { median } from '../src/bench/produce-report';
import { renderLogTable } from '../src/bench/produce-report';
import { renderTable, type BenchReport } from '../src/bench/report';
import { runSuite } from '../src/bench/produce-suite';
import { TributarySystem } from '../src/bench/tributary';
import { ZooKeeperSystem } from '../src/bench/zookeeper';
import type { BenchSystem } from '../src/bench/system';
import type { LatencySummary } from '../src/bench/latency';

const REPO = path.resolve(__dirname, '../../..');
const RATES = [2000, 5000, 10000, 0];
const POINT_S = 2;
const RUNS = 3;
const RECORD_BYTES = 100;
const COORD = { clients: [1, 16], durationS: 3, warmupS: 1, valueBytes: 256, keys: 200 };

const cleanups: (() => Promise<void>)[] = [];
const progress = (line: string) => process.stderr.write(line);

async function cleanup(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));

async function main(): Promise<void> {
  const peers = process.argv.includes('--peers');
  if (peers) {
    const missing = missingPeers();
    if (missing.length > 0) {
      throw new Error(
        `missing peer(s): ${missing.join(', ')}; install with ` +
          '`apt-get install nats-server etcd-server zookeeper`',
      );
    }
  }
  const loadAtStart = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const cluster = await startBenchCluster(3, progress, 1);
  cleanups.push(cluster.stop);
  if (!peers) return ownTables(cluster.bootstrap, cluster.coordinators);
  const etcd = await startEtcd();
  cleanups.push(etcd.stop);
  const zk = await startZooKeeper();
  cleanups.push(zk.stop);
  const nats = await startNatsServer();
  cleanups.push(nats.stop);

  const rows: ResultRow[] = [];
  const grid = await runGrid({
    systems: [
      {
        system: new TributarySystem(cluster.coordinators, ['execute'], 10_000),
        ops: ['set', 'get'],
      },
      { system: new EtcdSystem(etcd.endpoints) as BenchSystem, ops: ['set', 'get'] },
      { system: new ZooKeeperSystem(zk.endpoints) as BenchSystem, ops: ['set', 'get'] },
    ],
    ...COORD,
    progress,
  });
  process.stdout.write(renderTable(grid));
  rows.push(...coordRows(grid));

  const w: ProduceWorkload = {
    bootstrap: cluster.bootstrap,
    recordBytes: RECORD_BYTES,
    partitions: 8,
    replicationFactor: 1,
    acks: 'leader',
    records: undefined,
    durationS: POINT_S,
    rate: 0,
    lingerMs: 5,
    batchBytesMax: 256 * 1024,
    compression: 'none',
    idempotent: true,
  };
  for (const rate of RATES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const topic = benchTopic('produce');
      await createBenchTopic({ ...w, rate }, topic);
      try {
        runs.push(await runProduce({ ...w, rate }, topic));
      } finally {
        await deleteBenchTopic(w.bootstrap, topic);
      }
    }
    rows.push(...sweepRows('tributary', 'acks=leader RF1 8p idempotent linger 5 ms', rate, runs));
    progress(
      `tributary produce @${rate}/s: ${Math.round(median(runs.map((r) => r.msgs_per_s)))} msgs/s\n`,
    );
  }
  for (const rate of RATES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(
        await runJetStream(nats.url, {
          recordBytes: RECORD_BYTES,
          records: Number.MAX_SAFE_INTEGER,
          window: 256,
          rate,
          durationS: POINT_S,
        }),
      );
    }
    rows.push(...sweepRows('jetstream', 'file storage R1, async publish window 256', rate, runs));
    progress(
      `jetstream produce @${rate}/s: ${Math.round(median(runs.map((r) => r.msgs_per_s)))} msgs/s\n`,
    );
  }
  await cleanup();

  const stamp = new Date().toISOString();
  const reportDir = path.join(REPO, 'reports/bench');
  fs.mkdirSync(reportDir, { recursive: true });
  const jsonl = path.join(reportDir, `${stamp.replace(/[:.]/g, '-')}.jsonl`);
  fs.writeFileSync(jsonl, jsonLines(rows));
  const svgName = 'benchmarks-throughput-latency.svg';
  fs.writeFileSync(path.join(REPO, 'docs', svgName), renderSvg(rows));
  const cpus = os.cpus();
  const md = renderMarkdown({
    date: stamp,
    machine: [
      `CPU: ${cpus[0]?.model ?? '?'}, ${cpus.length} cores`,
      `RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
      `kernel: ${os.type()} ${os.release()}`,
    ],
    versions: [
      `node ${process.version}`,
      `nats-server ${nats.version}`,
      `etcd ${etcd.version}`,
      `zookeeper ${zk.version}`,
      `tributary ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO }).toString().trim()}`,
    ],
    conditions: [
      `load average at start ${loadAtStart}, at end ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} (the machine was shared with other jobs)`,
      'Tributary: `trib dev` with 3 coordinators and 1 broker, fresh data dir; coordination through one SDK CoordinationClient (execute mode, pipelined stream)',
      'etcd: single member, its defaults (WAL fsync per commit), npm etcd3 client; ZooKeeper: standalone, forceSync=yes, npm node-zookeeper-client; NATS: nats-server -js, file storage, stream R1, npm nats client',
      `coordination: ${COORD.clients.join(' and ')} closed-loop workers on one client, ${COORD.durationS} s per cell after ${COORD.warmupS} s warm-up, ${COORD.valueBytes}-byte values over ${COORD.keys} keys; set = put/setData, get = Tributary linearizable get, etcd linearizable range, ZooKeeper getData (a local read, not linearizable: ZooKeeper favours it)`,
      `produce: ${RECORD_BYTES}-byte records, target rates ${RATES.join(', ')} msgs/s (0 = as fast as possible), ${POINT_S} s per point, median of ${RUNS} runs; latency send to acknowledgement (HdrHistogram, no coordinated-omission correction); the first record of each run is a warm-up outside the measurement`,
      'all clients in one node process on the same machine as the servers',
      'not like for like on coordination: etcd and ZooKeeper run a single member, Tributary 3 coordinators (every write replicates to a quorum of 2 of 3); see README "Speed" for 3-member peers',
      `raw rows: reports/bench/${path.basename(jsonl)} (local, git-ignored)`,
    ],
    rows,
    svgFile: svgName,
  });
  fs.writeFileSync(path.join(REPO, 'docs/benchmarks.md'), md);
  // The repository's format check covers docs/: write it as prettier would.
  execFileSync(path.join(REPO, 'node_modules/.bin/prettier'), ['--write', 'docs/benchmarks.md'], {
    cwd: REPO,
  });
  for (const r of ratios(rows)) {
    process.stdout.write(
      `${r.workload} ${r.key} vs ${r.peer}: throughput ×${r.throughput_ratio.toFixed(2)}` +
        (r.p99_ratio === undefined ? '' : `, p99 ×${r.p99_ratio.toFixed(2)}`) +
        '\n',
    );
  }
  process.stdout.write(`wrote ${jsonl}, docs/benchmarks.md, docs/${svgName}\n`);
}

/** Tributary alone: the coordination grid and the broker suite, as tables. */
async function ownTables(bootstrap: string[], coordinators: string[]): Promise<void> {
  const grid = await runGrid({
    systems: [
      {
        system: new TributarySystem(coordinators, ['execute', 'unary'], 10_000),
        ops: ['set', 'get', 'sget'],
      },
    ],
    ...COORD,
    progress,
  });
  process.stdout.write(renderTable(grid));
  for (const workload of ['produce', 'consume', 'e2e'] as const) {
    const report = await runSuite({
      workload,
      base: {
        partitions: 8,
        replicationFactor: 1,
        acks: 'leader',
        records: workload === 'e2e' ? 10_000 : 200_000,
        durationS: undefined,
        rate: workload === 'e2e' ? 2000 : 0,
        lingerMs: 5,
        batchBytesMax: 256 * 1024,
        compression: 'none',
        idempotent: true,
      },
      bootstrap,
      recordBytes: [RECORD_BYTES],
      runs: RUNS,
      warmupRuns: 1,
      startCluster: undefined,
      jetstream: false,
      jetstreamWindow: 256,
      jetstreamAwaitRecords: 0,
      progress,
    });
    process.stdout.write(renderLogTable(report));
  }
}

function coordRows(grid: BenchReport): ResultRow[] {
  return grid.results.map((r) => ({
    system: r.system,
    workload: `coord-${r.op}`,
    key: `×${r.clients} clients`,
    params: `${r.mode} ${r.op_label}`,
    per_s: r.ops_per_s,
    mb_per_s: r.mb_per_s,
    ...lat(r.latency),
    run: null,
    median: true,
  }));
}

function sweepRows(
  system: string,
  params: string,
  rate: number,
  runs: { msgs_per_s: number; mb_per_s: number; latency: LatencySummary }[],
): ResultRow[] {
  const base = {
    system,
    workload: 'produce',
    key: `${RECORD_BYTES} B @${rate || 'max'}`,
    params,
    target_rate: rate,
  };
  const perRun = runs.map((r, i) => ({
    ...base,
    per_s: r.msgs_per_s,
    mb_per_s: r.mb_per_s,
    ...lat(r.latency),
    run: i,
    median: false,
  }));
  const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  return [
    ...perRun,
    {
      ...base,
      per_s: m((r) => r.msgs_per_s),
      mb_per_s: m((r) => r.mb_per_s),
      p50_ms: m((r) => r.latency.p50_ms),
      p99_ms: m((r) => r.latency.p99_ms),
      p999_ms: m((r) => r.latency.p999_ms),
      max_ms: m((r) => r.latency.max_ms),
      run: null,
      median: true,
    },
  ];
}

function lat(l: LatencySummary) {
  return { p50_ms: l.p50_ms, p99_ms: l.p99_ms, p999_ms: l.p999_ms, max_ms: l.max_ms };
}

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
