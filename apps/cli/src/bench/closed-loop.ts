/**
 * One grid cell: N closed-loop workers share one connection; each sends its next operation as
 * soon as the previous one is answered. After `warmupMs` the measurement window opens for
 * `durationMs`; an operation counts (throughput and latency) when it both starts and ends inside
 * the window. Latency is what the worker waited (closed loop, no coordinated-omission
 * correction): the same rule for every system measured.
 */
import type { BenchOp, Connection } from './system';
import { LatencyRecorder, type LatencySummary } from './latency';

export interface CellOptions {
  connection: Connection;
  op: BenchOp;
  clients: number;
  keys: number;
  warmupMs: number;
  durationMs: number;
}

export interface CellResult {
  ops: number;
  errors: number;
  first_error: string | undefined;
  elapsed_s: number;
  ops_per_s: number;
  latency: LatencySummary;
}

/** Pause after a failed operation so a broken cluster is not hammered in a tight loop. */
const ERROR_PAUSE_MS = 10;

export async function runCell(options: CellOptions): Promise<CellResult> {
  const { connection, op, clients, keys } = options;
  if (!(clients >= 1 && keys >= 1)) throw new Error('clients and keys must be ≥ 1');
  const recorder = new LatencyRecorder();
  const window = { startNs: -1n, endNs: -1n, stopping: false };
  let errors = 0;
  let firstError: string | undefined;
  let nextKey = 0;

  const worker = async () => {
    while (!window.stopping) {
      const key = nextKey;
      nextKey = (nextKey + 1) % keys;
      const t0 = process.hrtime.bigint();
      let failed: unknown;
      try {
        await connection.run(op, key);
      } catch (error) {
        failed = error;
      }
      const t1 = process.hrtime.bigint();
      const inWindow = window.startNs >= 0n && t0 >= window.startNs && window.endNs < 0n;
      if (failed === undefined) {
        if (inWindow) recorder.recordNs(t1 - t0);
        continue;
      }
      if (inWindow) errors++;
      firstError ??= failed instanceof Error ? failed.message : String(failed);
      await sleep(ERROR_PAUSE_MS);
    }
  };

  const workers = Array.from({ length: clients }, worker);
  await sleep(options.warmupMs);
  window.startNs = process.hrtime.bigint();
  await sleep(options.durationMs);
  window.endNs = process.hrtime.bigint();
  window.stopping = true;
  await Promise.all(workers);

  const elapsed_s = Number(window.endNs - window.startNs) / 1e9;
  const ops = recorder.count;
  return {
    ops,
    errors,
    first_error: firstError,
    elapsed_s,
    ops_per_s: ops / elapsed_s,
    latency: recorder.summary(),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
