/**
 * The runs of `trib bench produce|consume|e2e|jetstream`: for each record size, `runs` runs of
 * the workload, each on a fresh topic (created, measured, deleted) of the cluster given by
 * `--bootstrap` or started by `--start-cluster`; then, with the JetStream peer, the same sizes
 * against a nats-server started here: async publish with a 256-message window and
 * publish-and-await. One after another, so no two measurements share the CPU.
 */
import * as os from 'node:os';
import { runConsume } from './consume';
import { runE2e } from './e2e';
import { runJetStream, startNatsServer } from './jetstream';
import {
  benchTopic,
  createBenchTopic,
  deleteBenchTopic,
  runProduce,
  type ProduceWorkload,
} from './produce';
import { startBenchCluster, type BenchCluster } from './produce-cluster';
import {
  loadAverage,
  medianRow,
  progressLine,
  type LogBenchReport,
  type LogBenchRow,
} from './produce-report';

export type LogWorkload = 'produce' | 'consume' | 'e2e';

export interface SuiteOptions {
  workload: LogWorkload | undefined;
  base: Omit<ProduceWorkload, 'recordBytes' | 'bootstrap'>;
  bootstrap: string[];
  recordBytes: number[];
  runs: number;
  /** Runs made before `runs` for each row and not counted. */
  warmupRuns: number;
  /** Start this many coordinators and brokers (1 or 3) instead of using `bootstrap`. */
  startCluster: number | undefined;
  jetstream: boolean;
  /** Async-publish window of the JetStream peer. */
  jetstreamWindow: number;
  /** Records per publish-and-await run (it is ~20× slower than the async runs). */
  jetstreamAwaitRecords: number;
  progress: (line: string) => void;
}

export async function runSuite(o: SuiteOptions): Promise<LogBenchReport> {
  const loadAtStart = loadAverage();
  const results: LogBenchRow[] = [];
  let cluster: BenchCluster | undefined;
  let clusterInfo = 'none (JetStream only)';
  try {
    if (o.workload) {
      if (o.startCluster) cluster = await startBenchCluster(o.startCluster, o.progress);
      const bootstrap = cluster?.bootstrap ?? o.bootstrap;
      clusterInfo = cluster
        ? `${cluster.brokers} broker(s) + ${cluster.brokers} coordinator(s) started by trib dev`
        : `brokers at ${bootstrap.join(',')}`;
      for (const recordBytes of o.recordBytes) {
        const w: ProduceWorkload = { ...o.base, recordBytes, bootstrap };
        const row = await tributaryRow(o.workload, w, o.warmupRuns, o.runs);
        results.push(row);
        o.progress(progressLine(row));
      }
    }
  } finally {
    await cluster?.stop();
  }
  let natsVersion = '';
  if (o.jetstream) {
    const nats = await startNatsServer();
    natsVersion = nats.version;
    try {
      for (const recordBytes of o.recordBytes) {
        for (const window of [o.jetstreamWindow, 1]) {
          const records = window > 1 ? (o.base.records ?? 500_000) : o.jetstreamAwaitRecords;
          const runs = await countedRuns(o.warmupRuns, o.runs, () =>
            runJetStream(nats.url, { recordBytes, records, window }),
          );
          const row = medianRow(
            {
              system: 'jetstream',
              workload: 'produce',
              mode: runs[0]!.mode,
              record_bytes: recordBytes,
            },
            runs,
          );
          results.push(row);
          o.progress(progressLine(row));
        }
      }
    } finally {
      await nats.stop();
    }
  }
  const b = o.base;
  return {
    conditions: {
      host_cpus: os.cpus().length,
      load_average_at_start: loadAtStart,
      cluster: clusterInfo,
      latency:
        'HdrHistogram per record: send to acknowledgement (produce), send to consumer (e2e); ' +
        'no coordinated-omission correction',
      notes: [
        `each row: ${o.warmupRuns} warm-up run(s) first, not counted, then the median of ${o.runs}`,
        `tributary: ${b.partitions} partitions, RF ${b.replicationFactor}, acks ${b.acks}, ` +
          `linger ${b.lingerMs} ms, batches ≤ ${b.batchBytesMax} B, compression ${b.compression}, ` +
          `idempotent ${b.idempotent}, one producer without keys (sticky partitions)` +
          (b.rate > 0 ? `, rate ${b.rate}/s` : ', unthrottled'),
        ...(o.jetstream
          ? [
              `jetstream: nats-server ${natsVersion} -js, file storage, R1, one stream, npm nats ` +
                `client (noAsyncTraces); async publish with ${o.jetstreamWindow} in flight, and publish-and-await`,
            ]
          : []),
      ],
    },
    results,
  };
}

/** `warmups` runs of `run`, left out, then `runs` more, kept: what a row's median is made of. */
async function countedRuns<T>(warmups: number, runs: number, run: () => Promise<T>): Promise<T[]> {
  const kept: T[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const figures = await run();
    if (i >= warmups) kept.push(figures);
  }
  return kept;
}

/** The median row of `workload` over `runs` runs after `warmups` left out. */
async function tributaryRow(
  workload: LogWorkload,
  w: ProduceWorkload,
  warmups: number,
  runs: number,
): Promise<LogBenchRow> {
  const mode =
    `acks=${w.acks} RF${w.replicationFactor} ${w.partitions}p` +
    (workload === 'e2e' ? ` @${w.rate}/s` : '');
  const figures = await countedRuns(warmups, runs, () => tributaryRun(workload, w));
  return medianRow({ system: 'tributary', workload, mode, record_bytes: w.recordBytes }, figures);
}

/** One run of `workload` on a topic of its own, deleted afterwards. */
async function tributaryRun(workload: LogWorkload, w: ProduceWorkload) {
  const topic = benchTopic(workload);
  await createBenchTopic(w, topic);
  try {
    if (workload === 'produce') return await runProduce(w, topic);
    if (workload === 'consume') {
      const r = await runConsume(w, topic);
      return { ...r, msgs_per_s: r.records_per_s, errors: 0 };
    }
    const r = await runE2e(w, topic);
    return {
      ...r,
      records: r.received,
      msgs_per_s: r.received / r.elapsed_s,
      mb_per_s: (r.received * w.recordBytes) / r.elapsed_s / 1e6,
    };
  } finally {
    await deleteBenchTopic(w.bootstrap, topic, w.tls);
  }
}
