// A real 3-coordinator cluster on loopback for e2e tests: `trib coordinator` ×3 as child
// processes, data under os.tmpdir(), ports from a range derived from the process id and jest
// worker so parallel runs do not collide. (To move to libs/testkit.)
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { CoordinationClient, type ClusterStatus } from '../src';

export const repo = path.resolve(__dirname, '../../..');
export const trib = path.join(repo, 'node_modules/.bin/trib');

export interface Member {
  id: number;
  address: string;
  metricsAddress: string;
  dataDir: string;
  process: ChildProcess | undefined;
  /** Everything the process wrote to stdout and stderr, for failure messages. */
  output: string[];
}

export interface TestCluster {
  members: Member[];
  /** `host:port,host:port,host:port` as `--coordinators` wants it. */
  coordinators: string;
  endpoints: string[];
  /** Stops one member (SIGKILL by default) and waits for it to exit. */
  stop(id: number, signal?: NodeJS.Signals): Promise<void>;
  /** Restarts a stopped member on the same address and data. */
  start(id: number): void;
  /** Waits until every running member reports the same leader; returns the leader's status. */
  waitForLeader(timeoutMs?: number): Promise<ClusterStatus>;
  /** Kills every child and removes the data. */
  shutdown(): Promise<void>;
}

/** Ports base..base+9 for this worker: 3 gRPC, 3 metrics. */
async function pickBasePort(): Promise<number> {
  const worker = Number(process.env['JEST_WORKER_ID'] ?? 1);
  for (let attempt = 0; attempt < 50; attempt++) {
    const slot = (process.pid + worker * 37 + attempt * 101) % 2000;
    const base = 20000 + slot * 10;
    const free = await Promise.all(Array.from({ length: 6 }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free port range found for the test cluster');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function startCluster(size = 3): Promise<TestCluster> {
  const base = await pickBasePort();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-e2e-'));
  const members: Member[] = Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    address: `127.0.0.1:${base + i}`,
    metricsAddress: `127.0.0.1:${base + 3 + i}`,
    dataDir: path.join(root, `c${i + 1}`),
    process: undefined,
    output: [],
  }));
  const peers = members.map((m) => `${m.id}=${m.address}`).join(',');
  const endpoints = members.map((m) => m.address);

  const start = (id: number) => {
    const member = members.find((m) => m.id === id)!;
    fs.mkdirSync(member.dataDir, { recursive: true });
    const child = spawn(
      trib,
      [
        'coordinator',
        '--id',
        String(id),
        '--listen',
        member.address,
        '--peers',
        peers,
        '--data-dir',
        member.dataDir,
        '--metrics-listen',
        member.metricsAddress,
      ],
      {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TRIBUTARY_LOG_LEVEL: 'warn' },
      },
    );
    const keep = (chunk: Buffer) => {
      member.output.push(chunk.toString());
      if (member.output.length > 200) member.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    member.process = child;
  };

  const stop = async (id: number, signal: NodeJS.Signals = 'SIGKILL') => {
    const member = members.find((m) => m.id === id)!;
    const child = member.process;
    member.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  };

  const waitForLeader = async (timeoutMs = 30_000): Promise<ClusterStatus> => {
    const client = new CoordinationClient({ endpoints, requestTimeoutMs: 1_000 });
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        const running = members.filter((m) => m.process);
        const views = await Promise.all(
          running.map((m) =>
            client.status({ address: m.address, timeoutMs: 1_000 }).catch(() => undefined),
          ),
        );
        const leaders = new Set(views.map((v) => v?.leaderId ?? 0));
        const leaderId = [...leaders][0] ?? 0;
        if (leaders.size === 1 && leaderId !== 0) {
          const leader = views.find((v) => v?.nodeId === leaderId);
          if (leader) return leader;
        }
        if (Date.now() > deadline) {
          const logs = members
            .map((m) => `--- c${m.id}\n${m.output.join('').slice(-2000)}`)
            .join('\n');
          throw new Error(`no agreed leader within ${timeoutMs} ms\n${logs}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await client.close();
    }
  };

  const shutdown = async () => {
    await Promise.all(members.map((m) => stop(m.id, 'SIGTERM')));
    fs.rmSync(root, { recursive: true, force: true });
  };

  for (const member of members) start(member.id);
  return {
    members,
    coordinators: endpoints.join(','),
    endpoints,
    stop,
    start,
    waitForLeader,
    shutdown,
  };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `trib ARGS` to completion (stdin from `input`, if given). */
export function runTrib(
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(trib, args, {
      cwd: repo,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Polls `probe` until it returns true, or throws after `timeoutMs`. */
export async function eventually(
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
