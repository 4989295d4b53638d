/** The results of `trib bench coord`: one row per cell, as a table or as JSON. */
import Table from 'cli-table3';
import type { CellResult } from './closed-loop';
import type { BenchOp, SystemName } from './system';

export interface CellRow extends CellResult {
  system: SystemName;
  mode: string;
  op: BenchOp;
  /** What the operation is on that system ("put", "getData (local read)"). */
  op_label: string;
  clients: number;
  /** Value payload written per second (sets only), 10^6 bytes. */
  mb_per_s: number | undefined;
  /** The host's 1-minute load average when the cell ended (the machine may be shared). */
  load_avg_1m: number;
}

export interface BenchReport {
  conditions: {
    host_cpus: number;
    load_average_at_start: number[];
    duration_s: number;
    warmup_s: number;
    value_bytes: number;
    keys: number;
    workers: string;
    latency: string;
    systems: Record<string, string>;
  };
  results: CellRow[];
}

export function mbPerSecond(op: BenchOp, opsPerS: number, valueBytes: number): number | undefined {
  return op === 'set' ? (opsPerS * valueBytes) / 1e6 : undefined;
}

/** One progress line per finished cell (stderr, so `--json` output stays clean). */
export function progressLine(row: CellRow, index: number, total: number): string {
  const l = row.latency;
  const errors = row.errors > 0 ? ` errors ${row.errors} (${row.first_error})` : '';
  return (
    `[${index}/${total}] ${row.system} ${row.mode} ${row.op_label} ×${row.clients}: ` +
    `${fmt(row.ops_per_s, 0)} ops/s p50 ${fmt(l.p50_ms, 2)} p99 ${fmt(l.p99_ms, 2)} ` +
    `p99.9 ${fmt(l.p999_ms, 2)} ms (load ${fmt(row.load_avg_1m, 2)})${errors}\n`
  );
}

export function renderTable(report: BenchReport): string {
  const c = report.conditions;
  const head = ['system', 'mode', 'op', 'clients', 'ops/s', 'p50 ms', 'p99 ms', 'p99.9 ms'];
  const table = new Table({
    head: [...head, 'MB/s', 'errors', 'load 1m'],
    style: { head: [], border: [] },
  });
  for (const r of report.results) {
    const l = r.latency;
    table.push(
      [
        r.system,
        r.mode,
        r.op_label,
        r.clients,
        fmt(r.ops_per_s, 0),
        fmt(l.p50_ms, 2),
        fmt(l.p99_ms, 2),
        fmt(l.p999_ms, 2),
        r.mb_per_s === undefined ? '' : fmt(r.mb_per_s, 2),
        r.errors,
        fmt(r.load_avg_1m, 1),
      ].map(String),
    );
  }
  const systems = Object.entries(c.systems).map(([name, info]) => `  ${name}: ${info}\n`);
  return (
    `${table.toString()}\n` +
    `${c.duration_s} s per cell after ${c.warmup_s} s warm-up; ${c.value_bytes}-byte values ` +
    `over ${c.keys} keys; ${c.workers}; ${c.latency}.\n` +
    `host: ${c.host_cpus} CPUs, load average at start ${c.load_average_at_start.join(' ')}\n` +
    systems.join('')
  );
}

function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
