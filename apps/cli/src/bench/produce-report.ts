/**
 * The results of `trib bench produce|consume|e2e|jetstream`: one row per system × workload ×
 * record size, each figure the median over `--runs` runs, as a table or as JSON.
 */
import * as os from 'node:os';
import Table from 'cli-table3';
import type { LatencySummary } from './latency';

export interface LogBenchRow {
  system: 'tributary' | 'jetstream';
  workload: 'produce' | 'consume' | 'e2e';
  /** Settings that distinguish the row: acks, replicas, window, rate. */
  mode: string;
  record_bytes: number;
  runs: number;
  /** Records per run (median). */
  records: number;
  /** Acknowledged (produce), read (consume) or received (e2e) records per second, median. */
  msgs_per_s: number;
  mb_per_s: number;
  /** Publish latency (produce), end-to-end latency (e2e); absent for consume. */
  latency: LatencySummary | undefined;
  errors: number;
  first_error: string | undefined;
  /** Every run's msgs/s, to see the spread. */
  per_run_msgs_per_s: number[];
}

export interface LogBenchReport {
  conditions: {
    host_cpus: number;
    load_average_at_start: number[];
    cluster: string;
    latency: string;
    notes: string[];
  };
  results: LogBenchRow[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One row from several runs' figures: medians of each. */
export function medianRow(
  base: Pick<LogBenchRow, 'system' | 'workload' | 'mode' | 'record_bytes'>,
  runs: {
    records: number;
    msgs_per_s: number;
    mb_per_s: number;
    latency?: LatencySummary;
    errors: number;
    first_error?: string | undefined;
  }[],
): LogBenchRow {
  const lat = runs.map((r) => r.latency).filter((l): l is LatencySummary => l !== undefined);
  const pick = (f: (l: LatencySummary) => number) => median(lat.map(f));
  return {
    ...base,
    runs: runs.length,
    records: median(runs.map((r) => r.records)),
    msgs_per_s: median(runs.map((r) => r.msgs_per_s)),
    mb_per_s: median(runs.map((r) => r.mb_per_s)),
    latency:
      lat.length === 0
        ? undefined
        : {
            p50_ms: pick((l) => l.p50_ms),
            p99_ms: pick((l) => l.p99_ms),
            p999_ms: pick((l) => l.p999_ms),
            max_ms: pick((l) => l.max_ms),
            mean_ms: pick((l) => l.mean_ms),
          },
    errors: runs.reduce((n, r) => n + r.errors, 0),
    first_error: runs.find((r) => r.first_error)?.first_error,
    per_run_msgs_per_s: runs.map((r) => Math.round(r.msgs_per_s)),
  };
}

export function progressLine(row: LogBenchRow): string {
  const l = row.latency;
  const lat = l
    ? ` p50 ${fmt(l.p50_ms, 2)} p99 ${fmt(l.p99_ms, 2)} p99.9 ${fmt(l.p999_ms, 2)} ms`
    : '';
  const errors = row.errors > 0 ? ` errors ${row.errors} (${row.first_error})` : '';
  return (
    `${row.system} ${row.workload} ${row.record_bytes} B ${row.mode}: ` +
    `${fmt(row.msgs_per_s, 0)} msgs/s ${fmt(row.mb_per_s, 1)} MB/s${lat} ` +
    `(runs ${row.per_run_msgs_per_s.join(', ')})${errors}\n`
  );
}

export function renderLogTable(report: LogBenchReport): string {
  const table = new Table({
    head: ['system', 'workload', 'bytes', 'mode', 'runs', 'msgs/s', 'MB/s'].concat([
      'p50 ms',
      'p99 ms',
      'p99.9 ms',
      'errors',
    ]),
    style: { head: [], border: [] },
  });
  for (const r of report.results) {
    const l = r.latency;
    table.push(
      [
        r.system,
        r.workload,
        r.record_bytes,
        r.mode,
        r.runs,
        fmt(r.msgs_per_s, 0),
        fmt(r.mb_per_s, 1),
        l ? fmt(l.p50_ms, 2) : '',
        l ? fmt(l.p99_ms, 2) : '',
        l ? fmt(l.p999_ms, 2) : '',
        r.errors,
      ].map(String),
    );
  }
  const c = report.conditions;
  return (
    `${table.toString()}\n` +
    `Medians over the runs. Cluster: ${c.cluster}. ${c.latency}.\n` +
    c.notes.map((n) => `${n}\n`).join('') +
    `host: ${c.host_cpus} CPUs, load average at start ${c.load_average_at_start.join(' ')}\n`
  );
}

export function loadAverage(): number[] {
  return os.loadavg().map((n) => Math.round(n * 100) / 100);
}

function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
