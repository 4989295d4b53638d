/**
 * Real broker processes on loopback for tests: each broker is `trib broker` in its own process
 * with its own data directory, registered with a coordinator cluster (CoordinatorCluster or any
 * list of coordinator addresses). Brokers can be killed with any signal (kill -9 for crashes),
 * stopped cleanly (SIGTERM: leadership handed over, exit 0), restarted on the same data and
 * ports, and new ones added. `shutdown()` kills every process this cluster started, closes its
 * clients and removes its directories.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import { contract, createClient, freePorts } from '@tributary/rpc';
import type { BrokerServiceClient } from '@tributary/rpc/src/generated/tributary/broker/v1/BrokerService';
import type { ReplicationServiceClient } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicationService';
import type { CoordinatorCluster } from './coordinator-cluster';
import { countLogLines, exitWithin, killAndWait, rssBytesOf, waitForLogLines } from './processes';
import type { NetworkLab } from './faults/network-lab';
import type { TestCertificates } from './certificates';
import { TRIB_BIN, REPO_ROOT } from './trib';

export interface BrokerClusterOptions {
  /** The coordinators to register with: a test cluster, or `host:port` addresses. */
  coordinators: CoordinatorCluster | string[];
  /** Brokers started at once, ids 1..size. */
  size: number;
  /** Session TTL of each broker (default 3000: a killed broker's leaderships move within it). */
  sessionTtlMs?: number;
  /** How long `start`/`waitReady` wait for /readyz (default 60 s). */
  readyTimeoutMs?: number;
  /** More `trib broker` flags for every broker. */
  extraArgs?: string[];
  /** Log level of the broker processes (default info). */
  logLevel?: string;
  /** Runs broker j in lab node `nodeOffset + j`, on its address (default: loopback, no lab). */
  network?: NetworkLab;
  /** Lab node of broker j is `nodeOffset + j` (default: the number of coordinators). */
  nodeOffset?: number;
  /** Brokers serve and dial with these certificates' member certificate; so do our clients. */
  tls?: TestCertificates;
}

export interface BrokerMember {
  id: number;
  address: string;
  metricsAddress: string;
  dataDir: string;
  logFile: string;
  process: ChildProcess | null;
  /** Flags added for this broker only (on top of `extraArgs`), kept across restarts. */
  args: string[];
  /** The network lab node it runs in, when the cluster has a lab. */
  labNode?: number;
}

export class BrokerCluster {
  readonly brokers = new Map<number, BrokerMember>();
  private readonly clients = new Map<
    number,
    { broker: BrokerServiceClient; replication: ReplicationServiceClient }
  >();

  private constructor(
    readonly root: string,
    private readonly opts: Required<
      Omit<BrokerClusterOptions, 'coordinators' | 'network' | 'tls'>
    > & {
      coordinators: string[];
      network?: NetworkLab;
      tls?: TestCertificates;
    },
  ) {}

  /** Plaintext, or the member certificate when the cluster has TLS. */
  private credentials(): grpc.ChannelCredentials {
    return this.opts.tls?.credentials(this.opts.tls.member) ?? grpc.credentials.createInsecure();
  }

  /** Starts brokers 1..size and waits until every one is ready (registered, metadata loaded). */
  static async start(options: BrokerClusterOptions): Promise<BrokerCluster> {
    const coordinators = Array.isArray(options.coordinators)
      ? options.coordinators
      : [...options.coordinators.members.values()].map((m) => m.address);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-brokers-'));
    const cluster = new BrokerCluster(root, {
      sessionTtlMs: 3_000,
      readyTimeoutMs: 60_000,
      extraArgs: [],
      logLevel: 'info',
      nodeOffset: coordinators.length,
      ...options,
      coordinators,
    });
    try {
      for (let id = 1; id <= options.size; id++) await cluster.add(id, { wait: false });
      await Promise.all([...cluster.brokers.keys()].map((id) => cluster.waitReady(id)));
    } catch (error) {
      // Nobody else can stop these processes; the files stay for the logs the error points to.
      await Promise.all([...cluster.brokers.keys()].map((id) => cluster.kill(id)));
      throw error;
    }
    return cluster;
  }

  /** The coordinator addresses the brokers register with. */
  get coordinators(): string[] {
    return this.opts.coordinators;
  }

  /** Defines and spawns a new broker on fresh ports and an empty directory. */
  async add(id: number, o: { args?: string[]; wait?: boolean } = {}): Promise<BrokerMember> {
    if (this.brokers.has(id)) throw new Error(`broker ${id} exists in this cluster`);
    const [port, metricsPort] = await freePorts(2);
    const dataDir = path.join(this.root, `b${id}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const lab = this.opts.network;
    const labNode = lab ? this.opts.nodeOffset + id : undefined;
    const host = lab ? lab.address(labNode!) : '127.0.0.1';
    const b: BrokerMember = {
      id,
      address: `${host}:${port}`,
      metricsAddress: `${host}:${metricsPort}`,
      dataDir,
      logFile: path.join(this.root, `b${id}.log`),
      process: null,
      args: o.args ?? [],
      ...(labNode !== undefined && { labNode }),
    };
    this.brokers.set(id, b);
    this.spawnBroker(id);
    if (o.wait !== false) await this.waitReady(id);
    return b;
  }

  broker(id: number): BrokerMember {
    const b = this.brokers.get(id);
    if (!b) throw new Error(`no broker ${id} in this cluster`);
    return b;
  }

  live(): BrokerMember[] {
    return [...this.brokers.values()].filter((b) => b.process !== null);
  }

  /** Sends `signal` (default SIGKILL) and waits for the exit; returns the exit code. */
  async kill(id: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    return killAndWait(this.broker(id).process, signal);
  }

  /**
   * A clean stop: SIGTERM, then the exit code (0 expected). Falls back to SIGKILL after
   * `timeoutMs` and throws, so a hung shutdown fails the test instead of leaking a process.
   */
  async stop(id: number, timeoutMs = 20_000): Promise<number | null> {
    const child = this.broker(id).process;
    if (!child) return null;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return outcome;
    child.kill('SIGKILL');
    await exited;
    throw new Error(
      `broker ${id} did not exit within ${timeoutMs} ms of SIGTERM; see ${this.broker(id).logFile}`,
    );
  }

  /** Starts a stopped broker on its data directory and ports; waits for it unless told not to. */
  async start(id: number, o: { wait?: boolean } = {}): Promise<void> {
    if (this.broker(id).process) throw new Error(`broker ${id} is running`);
    this.spawnBroker(id);
    if (o.wait !== false) await this.waitReady(id);
  }

  /** kill -9 then start again on the same data (a crash and a restart). */
  async restart(id: number, o: { wait?: boolean } = {}): Promise<void> {
    await this.kill(id);
    await this.start(id, o);
  }

  /** Resident set size of a running broker's process, from /proc/<pid>/status. */
  rssBytes(id: number): number {
    const pid = this.broker(id).process?.pid;
    if (!pid) throw new Error(`broker ${id} is not running`);
    return rssBytesOf(pid, `broker ${id}`);
  }

  /** Waits for a broker's process to exit by itself; returns its exit code. */
  exited(id: number, timeoutMs = 30_000): Promise<number | null> {
    return exitWithin(this.broker(id).process, timeoutMs, `broker ${id}`);
  }

  /** Waits until /readyz answers 200: registered and holding a metadata snapshot. */
  async waitReady(id: number, timeoutMs = this.opts.readyTimeoutMs): Promise<void> {
    const b = this.broker(id);
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      if (!b.process) throw new Error(`broker ${id} exited before it was ready; see ${b.logFile}`);
      const r = await httpGet(`http://${b.metricsAddress}/readyz`).catch((e: Error) => ({
        status: 0,
        body: e.message,
      }));
      if (r.status === 200) return;
      last = r.body.trim();
      if (Date.now() > deadline)
        throw new Error(
          `broker ${id} not ready within ${timeoutMs} ms (${last}); see ${b.logFile}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The text of a broker's /metrics. */
  async metrics(id: number): Promise<string> {
    return (await httpGet(`http://${this.broker(id).metricsAddress}/metrics`)).body;
  }

  /** A BrokerService client of broker `id` (one per broker, closed by `shutdown`). */
  client(id: number): BrokerServiceClient {
    return this.clientsOf(id).broker;
  }

  /** A ReplicationService client of broker `id`. */
  replication(id: number): ReplicationServiceClient {
    return this.clientsOf(id).replication;
  }

  /** How many lines of a broker's log (all its runs) match `pattern`. */
  logCount(id: number, pattern: RegExp): number {
    return countLogLines(this.broker(id).logFile, pattern);
  }

  /** Waits until a broker's log has more than `seen` lines matching `pattern`. */
  async waitForLog(id: number, pattern: RegExp, seen = 0, timeoutMs = 30_000): Promise<void> {
    const what = `broker ${id}`;
    await waitForLogLines(this.broker(id).logFile, pattern, seen, {
      timeoutMs,
      intervalMs: 20,
      what,
    });
  }

  /** Kills every broker this cluster started, closes clients and removes its files. */
  async shutdown(): Promise<void> {
    for (const c of this.clients.values()) {
      c.broker.close();
      c.replication.close();
    }
    this.clients.clear();
    await Promise.all([...this.brokers.keys()].map((id) => this.kill(id)));
    if (!process.env['TRIB_KEEP_TEST_DATA']) fs.rmSync(this.root, { recursive: true, force: true });
  }

  private clientsOf(id: number) {
    let c = this.clients.get(id);
    if (!c) {
      const v1 = contract().tributary.broker.v1;
      const address = this.broker(id).address;
      c = {
        broker: createClient(v1.BrokerService, address, {}, this.credentials()),
        replication: createClient(v1.ReplicationService, address, {}, this.credentials()),
      };
      this.clients.set(id, c);
    }
    return c;
  }

  private spawnBroker(id: number): void {
    const b = this.broker(id);
    const args = [TRIB_BIN, 'broker', '--id', String(id), '--listen', b.address];
    args.push('--coordinators', this.opts.coordinators.join(','));
    args.push('--data-dir', b.dataDir, '--metrics-listen', b.metricsAddress);
    args.push('--session-ttl-ms', String(this.opts.sessionTtlMs));
    args.push(...this.opts.extraArgs, ...(this.opts.tls?.serverArgs() ?? []), ...b.args);
    const log = fs.openSync(b.logFile, 'a');
    // In a lab, `ip netns exec` execs node in the broker's namespace: the pid is still node's.
    const [command, ...argv] = b.labNode
      ? this.opts.network!.wrap(b.labNode, [process.execPath, ...args])
      : [process.execPath, ...args];
    b.process = spawn(command!, argv, {
      cwd: REPO_ROOT,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        TRIBUTARY_LOG_LEVEL: this.opts.logLevel,
        TRIBUTARY_PARENT_PID: String(process.pid),
      },
    });
    fs.closeSync(log);
    const child = b.process;
    child.once('exit', (code, signal) => {
      if (b.process === child) b.process = null;
      // A crash leaves no line of its own (kill -9, a native fault): say how the process ended.
      fs.appendFileSync(
        b.logFile,
        `testkit: broker ${id} (pid ${child.pid}) exited with code ${code} signal ${signal}\n`,
      );
    });
  }
}

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}
