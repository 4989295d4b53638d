/**
 * The grid of `trib bench coord`: for each system, op, mode and client count, one cell (fresh
 * connection, warm-up, measured window), one after another so no two cells compete for the CPU.
 */
import * as os from 'node:os';
import { randomBytes } from 'node:crypto';
import { runCell } from './closed-loop';
import { mbPerSecond, progressLine, type BenchReport, type CellRow } from './report';
import type { BenchOp, BenchSystem } from './system';

export interface GridOptions {
  systems: { system: BenchSystem; ops: readonly BenchOp[] }[];
  clients: number[];
  durationS: number;
  warmupS: number;
  valueBytes: number;
  keys: number;
  progress: (line: string) => void;
}

export async function runGrid(options: GridOptions): Promise<BenchReport> {
  const value = randomBytes(options.valueBytes);
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const cells = options.systems.flatMap(({ system, ops }) =>
    ops
      .filter((op) => system.ops.includes(op))
      .flatMap((op) =>
        system.modes.flatMap((mode) =>
          options.clients.map((clients) => ({ system, op, mode, clients })),
        ),
      ),
  );
  const results: CellRow[] = [];
  const infos: Record<string, string> = {};
  for (const { system } of options.systems) {
    const mine = cells.filter((c) => c.system === system);
    if (mine.length === 0) continue;
    options.progress(
      `${system.name}: creating ${options.keys} keys of ${options.valueBytes} bytes\n`,
    );
    await system.setup(options.keys, value);
    try {
      infos[system.name] = await system.info();
      for (const cell of mine) {
        const connection = await system.connect(cell.mode);
        try {
          const result = await runCell({
            connection,
            op: cell.op,
            clients: cell.clients,
            keys: options.keys,
            warmupMs: options.warmupS * 1000,
            durationMs: options.durationS * 1000,
          });
          const row: CellRow = {
            system: system.name,
            mode: cell.mode,
            op: cell.op,
            op_label: system.describe(cell.op),
            clients: cell.clients,
            ...result,
            mb_per_s: mbPerSecond(cell.op, result.ops_per_s, options.valueBytes),
            load_avg_1m: Math.round(os.loadavg()[0]! * 100) / 100,
          };
          results.push(row);
          options.progress(progressLine(row, results.length, cells.length));
        } finally {
          await connection.close();
        }
      }
    } finally {
      await system.teardown();
    }
  }
  return {
    conditions: {
      host_cpus: os.cpus().length,
      load_average_at_start: loadAverage,
      duration_s: options.durationS,
      warmup_s: options.warmupS,
      value_bytes: options.valueBytes,
      keys: options.keys,
      workers:
        'N closed-loop workers in this one process share one client per cell ' +
        '(Tributary: one CoordinationClient; etcd: one Etcd3; ZooKeeper: one session)',
      latency:
        'HdrHistogram of each completed operation in the window, no coordinated-omission correction',
      systems: infos,
    },
    results,
  };
}
