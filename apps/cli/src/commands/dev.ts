/**
 * `trib dev`: a local cluster for development, run as child processes of this one.
 *
 * Every server is one `trib <kind> …` child described by a `ServerSpec`: its name, arguments and
 * log file. A `Supervisor` starts the children, copies their output to their log files and
 * (unless --quiet) to stdout, each line prefixed with the child's name (dev-output.ts), reports a child that dies unexpectedly (with the
 * tail of its log) and restarts it, giving up on a child after MAX_RESTARTS crashes in a row; on
 * SIGINT/SIGTERM it sends each child SIGTERM, waits STOP_GRACE_MS, then SIGKILL, and exits 0.
 *
 * Layout under --data-dir (kept between runs): `coordinator-N/` (Raft log and state),
 * `broker-N/` (partition logs), `logs/<name>.log` (appended to), `dev.json` (this cluster's
 * shape and the pids of the running processes, so a second `trib dev` can say what holds the
 * ports). Brokers start once the coordinators have a leader, on the coordinators' base port
 * + 2000 (9101, 9102, … by default). Once they are ready (/readyz) the summary is printed: the
 * table of addresses and the `export TRIBUTARY_…` lines. With --tls every server runs mTLS on
 * the certificates in `tls/` (dev-tls.ts), and the summary adds the TRIBUTARY_TLS_* lines.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Option, type Command } from 'commander';
import { CoordinationClient, type ClusterStatus } from '@tributary/client';
import { findUp, portFree } from '@tributary/rpc';
import { parseNonNegativeInt } from '../coordination';
import { ChildOutput, type Echo } from './dev-output';
import { clientExports, clientPem, devTls, serverTlsArgs, type DevTls } from '../dev-tls';

/** The `trib` command the children run (apps/cli/bin/trib.js, from the sources or the bundle). */
const TRIB_JS = findUp(__dirname, 'bin/trib.js');
const DEFAULT_BASE_PORT = 7101;
/** Broker N listens on the base port + this + N - 1 (9101 with the default base port). */
const BROKER_PORT_OFFSET = 2000;
/** Metrics and health listen on the gRPC port + this (DESIGN §2). */
const METRICS_PORT_OFFSET = 80;
const COORDINATOR_COUNTS = [1, 3, 5];
/** A child that crashes this many times in a row is given up. */
const MAX_RESTARTS = 3;
/** A child that ran this long before crashing is not crash-looping: its count starts over. */
const STABLE_RUN_MS = 30_000;
const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 10_000;
const LEADER_TIMEOUT_MS = 60_000;
/** Brokers not ready this long after their start are reported, and the summary printed. */
const READY_TIMEOUT_MS = 60_000;
const LOG_TAIL_LINES = 15;

interface DevFlags {
  coordinators: number;
  brokers: number;
  dataDir: string;
  basePort: number;
  quiet?: boolean;
  tls?: boolean;
}

export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('run a local cluster as child processes; Ctrl-C stops it, data is kept')
    .addOption(
      new Option('--coordinators <n>', 'coordinators to run: 1, 3 or 5')
        .env('TRIBUTARY_DEV_COORDINATORS')
        .default(3)
        .argParser(parseCoordinatorCount),
    )
    .addOption(
      new Option('--brokers <n>', 'brokers to run')
        .env('TRIBUTARY_DEV_BROKERS')
        .default(3)
        .argParser(parseNonNegativeInt),
    )
    .addOption(
      new Option('--data-dir <dir>', 'data and logs of every process, kept between runs')
        .env('TRIBUTARY_DATA_DIR')
        .default('.tributary'),
    )
    .addOption(
      new Option('--base-port <port>', 'gRPC port of coordinator 1; the others follow, metrics +80')
        .env('TRIBUTARY_DEV_BASE_PORT')
        .default(DEFAULT_BASE_PORT)
        .argParser(parsePort),
    )
    .option('--quiet', "print only the summary, not the processes' logs (still in the log files)")
    .addOption(
      new Option(
        '--tls',
        'mTLS on every process, with throw-away certificates made by openssl in <data-dir>/tls',
      ).env('TRIBUTARY_DEV_TLS'),
    )
    .addHelpText(
      'after',
      '\nThe count flags have their own env twins (TRIBUTARY_DEV_COORDINATORS, TRIBUTARY_DEV_BROKERS)' +
        '\nso that an exported TRIBUTARY_COORDINATORS address list does not reach them.',
    )
    .action(async (flags: DevFlags) => {
      process.exit(await runDev(flags));
    });
}

function parseCoordinatorCount(value: string): number {
  const n = Number(value);
  if (!COORDINATOR_COUNTS.includes(n)) throw new Error(`'${value}' is not 1, 3 or 5`);
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`'${value}' is not a port`);
  return n;
}

/** What runs where; the same shape must be used again on the same data dir. */
interface Layout {
  dataDir: string;
  coordinators: number;
  brokers: number;
  basePort: number;
  /** Certificates every server runs mTLS with; none: plaintext. */
  tls?: DevTls;
}

export interface ServerSpec {
  name: string;
  address: string;
  metricsAddress: string;
  dataDir: string;
  logFile: string;
  /** Arguments after `trib`. */
  args: string[];
}

export function coordinatorSpecs(layout: Layout): ServerSpec[] {
  const ids = Array.from({ length: layout.coordinators }, (_, i) => i + 1);
  const address = (id: number) => `127.0.0.1:${layout.basePort + id - 1}`;
  const peers = ids.map((id) => `${id}=${address(id)}`).join(',');
  return ids.map((id) => {
    const name = `coordinator-${id}`;
    const metricsAddress = `127.0.0.1:${layout.basePort + METRICS_PORT_OFFSET + id - 1}`;
    const dataDir = path.join(layout.dataDir, name);
    return {
      name,
      address: address(id),
      metricsAddress,
      dataDir,
      logFile: path.join(layout.dataDir, 'logs', `${name}.log`),
      args: ['coordinator', '--id', String(id), '--listen', address(id), '--peers', peers].concat([
        '--data-dir',
        dataDir,
        '--metrics-listen',
        metricsAddress,
        ...(layout.tls ? serverTlsArgs(layout.tls) : []),
      ]),
    };
  });
}

export function brokerSpecs(layout: Layout): ServerSpec[] {
  const coordinators = coordinatorSpecs(layout)
    .map((s) => s.address)
    .join(',');
  return Array.from({ length: layout.brokers }, (_, i) => {
    const id = i + 1;
    const name = `broker-${id}`;
    const port = layout.basePort + BROKER_PORT_OFFSET + i;
    const address = `127.0.0.1:${port}`;
    const metricsAddress = `127.0.0.1:${port + METRICS_PORT_OFFSET}`;
    const dataDir = path.join(layout.dataDir, name);
    return {
      name,
      address,
      metricsAddress,
      dataDir,
      logFile: path.join(layout.dataDir, 'logs', `${name}.log`),
      args: [
        'broker',
        '--id',
        String(id),
        '--listen',
        address,
        '--coordinators',
        coordinators,
      ].concat(
        ['--data-dir', dataDir, '--metrics-listen', metricsAddress],
        layout.tls ? serverTlsArgs(layout.tls) : [],
      ),
    };
  });
}

async function runDev(flags: DevFlags): Promise<number> {
  const { quiet, tls, ...shape } = flags;
  const layout: Layout = { ...shape, dataDir: path.resolve(flags.dataDir) };
  const lastPort = layout.basePort + BROKER_PORT_OFFSET + METRICS_PORT_OFFSET + layout.brokers;
  if (lastPort > 65535) return fail(`--base-port ${layout.basePort} leaves no room for the ports`);
  const state = new StateFile(layout);
  const ports = [...coordinatorSpecs(layout), ...brokerSpecs(layout)];
  const problem = state.mismatch() ?? (await portsProblem(ports, state));
  if (problem) return fail(problem);

  fs.mkdirSync(path.join(layout.dataDir, 'logs'), { recursive: true });
  if (tls) {
    try {
      layout.tls = devTls(layout.dataDir);
    } catch (error) {
      return fail(`--tls: ${(error as Error).message}`);
    }
  }
  const coordinators = coordinatorSpecs(layout);
  const brokers = brokerSpecs(layout);
  // --quiet: the summary alone on stdout; what goes wrong still reaches the terminal.
  const progress = quiet ? () => {} : out;
  const report = quiet ? (line: string) => process.stderr.write(`${line}\n`) : out;
  const echo = quiet ? undefined : echoTo(process.stdout, [...coordinators, ...brokers]);
  const supervisor = new Supervisor(report, state, echo);
  const stopping = stopOnSignals(supervisor, progress);
  progress(`starting ${coordinators.length} coordinator(s) in ${layout.dataDir} …`);
  supervisor.start(coordinators);

  const leader = await waitForLeader(coordinators, supervisor, layout.tls);
  if (!leader && supervisor.stopping) return stopping.then(() => 0);
  if (!leader) {
    if (supervisor.gaveUpOnAll) report('every coordinator keeps crashing; stopping.');
    else {
      report(`no leader within ${LEADER_TIMEOUT_MS / 1000} s; stopping.`);
      for (const spec of coordinators) report(tailReport(spec));
    }
    await supervisor.stop();
    return 1;
  }
  if (brokers.length > 0) {
    progress(`starting ${brokers.length} broker(s) …`);
    supervisor.start(brokers);
    const late = await waitForReady(brokers, supervisor);
    if (supervisor.stopping) return stopping.then(() => 0);
    for (const spec of late)
      report(`${spec.name} is not ready after ${READY_TIMEOUT_MS / 1000} s; see ${spec.logFile}`);
  }
  out(summary(coordinators, brokers, leader, layout));
  const gone = supervisor.allGaveUp.then(async () => {
    report('every process of the cluster has been given up; stopping.');
    await supervisor.stop();
    return 1;
  });
  return Promise.race([stopping.then(() => 0), gone]);
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): number {
  process.stderr.write(`trib dev: ${message}\n`);
  return 1;
}

/** Stops the supervisor on the first SIGINT/SIGTERM; a second one kills every child at once. */
function stopOnSignals(supervisor: Supervisor, progress: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (supervisor.stopping) {
        progress(`${signal} again: killing every process now.`);
        supervisor.killAll();
        return;
      }
      progress(`\n${signal}: stopping the cluster (SIGTERM to each process, kill -9 after 10 s) …`);
      void supervisor.stop().then(() => {
        progress('stopped; data kept.');
        resolve();
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Polls ClusterService.Status until a coordinator says it is the leader. */
async function waitForLeader(
  specs: ServerSpec[],
  supervisor: Supervisor,
  tls: DevTls | undefined,
): Promise<ClusterStatus | undefined> {
  const endpoints = specs.map((s) => s.address);
  const client = new CoordinationClient({
    endpoints,
    requestTimeoutMs: 1_000,
    ...(tls && { tls: clientPem(tls) }),
  });
  const deadline = Date.now() + LEADER_TIMEOUT_MS;
  try {
    while (Date.now() < deadline && !supervisor.stopping && !supervisor.gaveUpOnAll) {
      const views = await Promise.all(
        endpoints.map((address) =>
          client.status({ address, timeoutMs: 1_000 }).catch(() => undefined),
        ),
      );
      const leader = views.find((v) => v && v.leaderId !== 0 && v.nodeId === v.leaderId);
      if (leader) return leader;
      await new Promise((r) => setTimeout(r, 200));
    }
    return undefined;
  } finally {
    await client.close();
  }
}

/** Polls each broker's /readyz (registered, metadata received); returns those still not ready. */
async function waitForReady(specs: ServerSpec[], supervisor: Supervisor): Promise<ServerSpec[]> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let waiting = specs;
  while (waiting.length > 0 && Date.now() < deadline && !supervisor.stopping) {
    const ready = await Promise.all(
      waiting.map((s) =>
        fetch(`http://${s.metricsAddress}/readyz`, { signal: AbortSignal.timeout(1_000) }).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    waiting = waiting.filter((_, i) => !ready[i]);
    if (waiting.length > 0) await new Promise((r) => setTimeout(r, 200));
  }
  return waiting;
}

/** The addresses of every process and the lines to export, printed once the cluster is ready. */
function summary(
  coordinators: ServerSpec[],
  brokers: ServerSpec[],
  leader: ClusterStatus,
  layout: Layout,
): string {
  const { dataDir, tls } = layout;
  const list = (specs: ServerSpec[]) => specs.map((s) => s.address).join(',');
  const rows = [
    ['process', 'gRPC', 'metrics'],
    ...[...coordinators, ...brokers].map((s) => [
      s.name,
      s.address,
      `http://${s.metricsAddress}/metrics`,
    ]),
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map(([name, grpc, metrics]) =>
    `  ${name!.padEnd(widths[0]!)}  ${grpc!.padEnd(widths[1]!)}  ${metrics}`.trimEnd(),
  );
  const leaderName = coordinators.find((s) => s.address === leader.address)?.name ?? '?';
  return [
    '',
    `Tributary dev cluster is ready: ${coordinators.length} coordinator(s), leader ${leaderName} ` +
      `(term ${leader.term}), ${brokers.length} broker(s).`,
    '',
    ...table,
    '',
    ...(brokers.length > 0 ? [`export TRIBUTARY_BOOTSTRAP=${list(brokers)}`] : []),
    `export TRIBUTARY_COORDINATORS=${list(coordinators)}`,
    ...(tls ? clientExports(tls) : []),
    '',
    ...(tls
      ? [
          `mTLS on every port: certificates in ${tls.dir} (throw-away; delete the folder for new ones).`,
          'The TRIBUTARY_TLS_* lines make every trib command a client of this cluster; an SDK',
          'program passes tls: { ca, cert, key } with those files’ contents.',
          '',
        ]
      : []),
    'In another terminal, after the export lines:',
    '  npx trib kv create /hello world',
    '  npx trib kv get /hello',
    '  npx trib cluster status',
    '',
    `Data: ${dataDir} (kept between runs; delete it to start over)`,
    `Logs: ${path.join(dataDir, 'logs')}/`,
    'Ctrl-C stops the cluster.',
  ].join('\n');
}

/** The children's log lines on `stream`, each name padded to the longest. */
function echoTo(stream: NodeJS.WriteStream, specs: ServerSpec[]): Echo {
  return {
    width: Math.max(...specs.map((s) => s.name.length)),
    colour: stream.isTTY === true,
    write: (line) => stream.write(`${line}\n`),
  };
}

/** Why the ports cannot be used (which one, and what probably holds it), or undefined. */
async function portsProblem(specs: ServerSpec[], state: StateFile): Promise<string | undefined> {
  for (const spec of specs) {
    for (const address of [spec.address, spec.metricsAddress]) {
      const port = Number(address.split(':')[1]);
      if (await portFree(port)) continue;
      const holder = state.liveHolder();
      const how = holder
        ? `It is probably ${holder.what} (data in ${state.dataDir}): ` +
          `stop it with Ctrl-C in its terminal, or \`kill ${holder.pids.join(' ')}\`.`
        : `Another Tributary cluster is probably running: stop it with Ctrl-C in its terminal ` +
          `(find it with \`lsof -i :${port}\` or \`ss -ltnp 'sport = :${port}'\`).`;
      return (
        `port ${port} (${spec.name} ${address === spec.address ? 'gRPC' : 'metrics'}) is already in use.\n` +
        `  ${how}\n  Or run this cluster on other ports with --base-port N (and another --data-dir).`
      );
    }
  }
  return undefined;
}

interface StateRecord {
  coordinators: number;
  basePort: number;
  /** This `trib dev` process. */
  pid?: number;
  /** Running children by name. */
  children?: Record<string, number>;
}

/** `<data-dir>/dev.json`: the cluster's shape, and which processes run it right now. */
class StateFile {
  readonly file: string;
  private readonly previous: StateRecord | undefined;
  private readonly record: StateRecord;

  constructor(readonly layout: Layout) {
    this.file = path.join(layout.dataDir, 'dev.json');
    try {
      this.previous = JSON.parse(fs.readFileSync(this.file, 'utf8')) as StateRecord;
    } catch {
      this.previous = undefined;
    }
    this.record = { coordinators: layout.coordinators, basePort: layout.basePort, children: {} };
  }

  get dataDir(): string {
    return this.layout.dataDir;
  }

  /** The data dir holds a cluster of another shape: its members' addresses are in its Raft log. */
  mismatch(): string | undefined {
    const p = this.previous;
    if (!p || (p.coordinators === this.layout.coordinators && p.basePort === this.layout.basePort))
      return undefined;
    return (
      `${this.layout.dataDir} holds a cluster of ${p.coordinators} coordinator(s) on port ${p.basePort}+.\n` +
      `  Run \`trib dev --coordinators ${p.coordinators} --base-port ${p.basePort}\`, or use another ` +
      `--data-dir (or delete ${this.layout.dataDir} to start over).`
    );
  }

  /** Processes recorded by an earlier run that are still alive. */
  liveHolder(): { what: string; pids: number[] } | undefined {
    const p = this.previous;
    if (!p) return undefined;
    const alive = (pid: number | undefined) => {
      if (!pid) return false;
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (alive(p.pid)) return { what: `\`trib dev\` pid ${p.pid}`, pids: [p.pid!] };
    const orphans = Object.values(p.children ?? {}).filter(alive);
    if (orphans.length === 0) return undefined;
    return { what: 'the children of an earlier `trib dev` that did not stop them', pids: orphans };
  }

  update(name: string, pid: number | undefined): void {
    this.record.pid = process.pid;
    if (pid === undefined) delete this.record.children![name];
    else this.record.children![name] = pid;
    this.write();
  }

  /** Keeps the shape, forgets the processes. */
  close(): void {
    delete this.record.pid;
    this.record.children = {};
    this.write();
  }

  private write(): void {
    fs.writeFileSync(this.file, `${JSON.stringify(this.record, null, 2)}\n`);
  }
}

interface Supervised {
  spec: ServerSpec;
  process: ChildProcess | null;
  startedAt: number;
  /** Crashes in a row (reset by a run of STABLE_RUN_MS). */
  crashes: number;
  gaveUp: boolean;
  restartTimer: NodeJS.Timeout | undefined;
  /** Resolves when the running process has exited and its output is in its log file. */
  closed: Promise<void>;
}

/** Runs ServerSpecs as `node trib.js …` children: restarts the crashed, stops all on request. */
export class Supervisor {
  private readonly children: Supervised[] = [];
  private readonly groups: Supervised[][] = [];
  stopping = false;
  private resolveAllGaveUp: () => void = () => {};
  /** Resolves when every child has been given up (the cluster is gone). */
  readonly allGaveUp = new Promise<void>((r) => (this.resolveAllGaveUp = r));

  constructor(
    private readonly report: (line: string) => void,
    private readonly state: StateFile,
    /** Where the children's log lines are shown besides their files (none: --quiet). */
    private readonly echo: Echo | undefined,
  ) {}

  get gaveUpOnAll(): boolean {
    return this.children.length > 0 && this.children.every((c) => c.gaveUp);
  }

  /** Starts one group of children (coordinators, then brokers). */
  start(specs: ServerSpec[]): void {
    const group: Supervised[] = [];
    this.groups.push(group);
    for (const spec of specs) {
      fs.mkdirSync(spec.dataDir, { recursive: true });
      const child: Supervised = {
        spec,
        process: null,
        startedAt: 0,
        crashes: 0,
        gaveUp: false,
        restartTimer: undefined,
        closed: Promise.resolve(),
      };
      this.children.push(child);
      group.push(child);
      this.spawn(child);
    }
  }

  private spawn(c: Supervised): void {
    const output = new ChildOutput(
      c.spec.name,
      this.children.indexOf(c),
      c.spec.logFile,
      this.echo,
    );
    output.note(`--- trib dev: ${c.spec.name} starting at ${new Date().toISOString()}`);
    const child = spawn(process.execPath, [TRIB_JS, ...c.spec.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(),
    });
    output.follow(child.stdout);
    output.follow(child.stderr);
    c.process = child;
    c.startedAt = Date.now();
    this.state.update(c.spec.name, child.pid);
    // 'close': the process has exited and its output has been read to the end.
    c.closed = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        void output.close().then(() => {
          if (c.process === child) c.process = null;
          this.state.update(c.spec.name, undefined);
          resolve();
          if (!this.stopping) this.crashed(c, code, signal);
        });
      });
    });
  }

  private crashed(c: Supervised, code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ? `signal ${signal}` : `code ${code}`;
    this.report(`${c.spec.name} exited unexpectedly (${how}).\n${tailReport(c.spec)}`);
    if (Date.now() - c.startedAt >= STABLE_RUN_MS) c.crashes = 0;
    if (c.crashes >= MAX_RESTARTS) {
      c.gaveUp = true;
      this.report(
        `${c.spec.name} crashed ${MAX_RESTARTS + 1} times in a row: giving up on it. ` +
          `Fix the cause (see ${c.spec.logFile}) and restart trib dev.`,
      );
      if (this.gaveUpOnAll) this.resolveAllGaveUp();
      return;
    }
    c.crashes++;
    this.report(`restarting ${c.spec.name} (restart ${c.crashes} of ${MAX_RESTARTS}) …`);
    c.restartTimer = setTimeout(() => {
      c.restartTimer = undefined;
      if (!this.stopping) this.spawn(c);
    }, RESTART_DELAY_MS);
  }

  /**
   * SIGTERM to every child, SIGKILL to those still running after STOP_GRACE_MS; the groups in
   * the reverse order of their start: brokers hand their partitions over through the
   * coordinators as they stop, so the coordinators stop after them.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const group of [...this.groups].reverse())
      await Promise.all(group.map((c) => this.stopOne(c)));
    this.state.close();
  }

  private async stopOne(c: Supervised): Promise<void> {
    clearTimeout(c.restartTimer);
    const child = c.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => {
        this.report(`${c.spec.name} did not stop within ${STOP_GRACE_MS / 1000} s: kill -9`);
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      child.kill('SIGTERM');
      await c.closed;
      clearTimeout(timer);
    }
    await c.closed;
  }

  killAll(): void {
    for (const c of this.children) c.process?.kill('SIGKILL');
  }
}

/**
 * Our environment without TRIBUTARY_* settings (flags are explicit), except the log level and
 * running from source, plus TRIBUTARY_PARENT_PID so that children stop by themselves if `trib dev` is killed with -9.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { TRIBUTARY_PARENT_PID: String(process.pid) };
  const kept = ['TRIBUTARY_LOG_LEVEL', 'TRIBUTARY_FROM_SOURCE'];
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TRIBUTARY_') || kept.includes(key)) env[key] = value;
  }
  return env;
}

/** "last lines of <log>:" and up to LOG_TAIL_LINES indented lines. */
function tailReport(spec: ServerSpec): string {
  let text = '';
  try {
    const fd = fs.openSync(spec.logFile, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    fs.closeSync(fd);
    text = buffer.toString('utf8');
  } catch {
    return `  (no log at ${spec.logFile})`;
  }
  const lines = text.trimEnd().split('\n').slice(-LOG_TAIL_LINES);
  return [`  last lines of ${spec.logFile}:`, ...lines.map((l) => `    ${l}`)].join('\n');
}
