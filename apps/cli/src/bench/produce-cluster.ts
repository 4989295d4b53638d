/**
 * `--start-cluster N` of the broker benchmarks: runs `trib dev` (N coordinators and N brokers,
 * its supervisor and layout) as a child on free loopback ports with a fresh data dir, waits
 * until every broker is in the metadata, and stops it (SIGTERM, which `trib dev` passes on to
 * its children) and deletes the data afterwards. So a benchmark can run alone on a machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Admin } from '@tributary/client';
import { findUp, freePortBase } from '@tributary/rpc';

/** The `trib` command the children run (apps/cli/bin/trib.js, from the sources or the bundle). */
const TRIB_JS = findUp(__dirname, 'bin/trib.js');
/** As commands/dev.ts lays ports out: brokers at base + 2000, metrics at + 80. */
const BROKER_PORT_OFFSET = 2000;
const METRICS_PORT_OFFSET = 80;
const READY_TIMEOUT_MS = 90_000;

export interface BenchCluster {
  bootstrap: string[];
  /** Client addresses of the coordinators (dev.ts: base port + i). */
  coordinators: string[];
  brokers: number;
  stop(): Promise<void>;
}

export async function startBenchCluster(
  size: number,
  progress: (line: string) => void,
  /** Brokers when not `size` (bench:peers runs 3 coordinators with 1 broker for R1). */
  brokerCount = size,
): Promise<BenchCluster> {
  const offsets: number[] = [];
  for (let i = 0; i < size; i++) {
    offsets.push(i, i + METRICS_PORT_OFFSET);
    offsets.push(i + BROKER_PORT_OFFSET, i + BROKER_PORT_OFFSET + METRICS_PORT_OFFSET);
  }
  const base = await freePortBase(offsets);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-bench-'));
  const args = ['dev', '--coordinators', String(size), '--brokers', String(brokerCount)];
  args.push('--data-dir', dataDir, '--base-port', String(base));
  progress(
    `starting ${size} coordinator(s) and ${brokerCount} broker(s) (trib dev, data ${dataDir}) …\n`,
  );
  const logFile = path.join(dataDir, 'dev.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [TRIB_JS, ...args], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const bootstrap = Array.from(
    { length: brokerCount },
    (_, i) => `127.0.0.1:${base + BROKER_PORT_OFFSET + i}`,
  );
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForBrokers(bootstrap, brokerCount, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  const coordinators = Array.from({ length: size }, (_, i) => `127.0.0.1:${base + i}`);
  return { bootstrap, coordinators, brokers: brokerCount, stop };
}

/** Until a Metadata answer lists `count` brokers (all registered with the coordinators). */
async function waitForBrokers(
  bootstrap: string[],
  count: number,
  child: ChildProcess,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const admin = new Admin({ bootstrap, requestTimeoutMs: 2_000 });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`trib dev exited; see ${logFile}`);
      const brokers = await admin.brokers().catch(() => []);
      if (brokers.length >= count) return;
      if (Date.now() > deadline) {
        throw new Error(
          `${count} broker(s) not up within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    admin.close();
  }
}

/** SIGTERM, then SIGKILL after 15 s (trib dev gives its children 10 s). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
