/**
 * Real coordinator processes on loopback for tests: each member is `trib coordinator` in its own
 * process with its own RocksDB directory. Members can be killed with any signal (kill -9 for
 * crashes), restarted on the same data, and new members can join. `shutdown()` kills every
 * process this cluster started and removes its directories.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import { channelOptions, contract, createClient, freePorts } from '@tributary/rpc';
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import type { MetadataServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/MetadataService';
import type { ClusterServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/ClusterService';
import type { StatusResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/StatusResponse';
import { call } from './calls';
import { eventually } from './eventually';
import { countLogLines, exitWithin, killAndWait, rssBytesOf, waitForLogLines } from './processes';
import type { NetworkLab } from './faults/network-lab';
import type { TestCertificates } from './certificates';

const REPO = path.resolve(__dirname, '../../..');
const TRIB = path.join(REPO, 'apps/cli/bin/trib.js');

export interface ClusterOptions {
  size: number;
  /** Raft tick (default 100 ms: elections take 1–2 s, and survive a loaded test machine). */
  tickMs?: number;
  electionTicks?: number;
  snapshotEveryEntries?: number;
  /** Entries kept behind a snapshot (default 10,000; 0 makes any lagging follower need one). */
  snapshotKeepEntries?: number;
  /** How long `start` waits for the first leader (default 30 s; a loaded machine may need more). */
  leaderTimeoutMs?: number;
  /** Linearizable reads by ReadIndex ('safe', the default) or leader lease. */
  readMode?: 'safe' | 'lease';
  /** More `trib coordinator` flags for every member. */
  extraArgs?: string[];
  /** Runs member i in lab node `nodeOffset + i`, on its address (default: loopback, no lab). */
  network?: NetworkLab;
  /** Lab node of member i is `nodeOffset + i` (default 0). */
  nodeOffset?: number;
  /** Members serve and dial with these certificates' member certificate; so do our clients. */
  tls?: TestCertificates;
}

export interface Member {
  id: number;
  address: string;
  metricsAddress: string;
  dataDir: string;
  logFile: string;
  process: ChildProcess | null;
  join: boolean;
  /** The network lab node it runs in, when the cluster has a lab. */
  labNode?: number;
}

export class CoordinatorCluster {
  readonly members = new Map<number, Member>();
  private readonly ownClients: grpc.Client[] = [];
  private readonly clients = new Map<
    string,
    {
      coord: CoordinationServiceClient;
      cluster: ClusterServiceClient;
      metadata: MetadataServiceClient;
    }
  >();

  private constructor(
    readonly root: string,
    private readonly opts: Required<Omit<ClusterOptions, 'network' | 'tls'>> & {
      network?: NetworkLab;
      tls?: TestCertificates;
    },
  ) {}

  /** Plaintext, or the member certificate when the cluster has TLS. */
  get credentials(): grpc.ChannelCredentials {
    return this.opts.tls?.credentials(this.opts.tls.member) ?? grpc.credentials.createInsecure();
  }

  static async start(options: ClusterOptions): Promise<CoordinatorCluster> {
    const defaults = {
      tickMs: 100,
      electionTicks: 10,
      snapshotEveryEntries: 20_000,
      snapshotKeepEntries: 10_000,
      readMode: 'safe' as const,
      extraArgs: [] as string[],
      nodeOffset: 0,
    };
    const opts = { ...defaults, leaderTimeoutMs: 30_000, ...options };
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-cluster-'));
    const cluster = new CoordinatorCluster(root, opts);
    const ports = await freePorts(opts.size * 2);
    for (let id = 1; id <= opts.size; id++)
      cluster.define(id, ports[2 * id - 2]!, ports[2 * id - 1]!, false);
    for (const id of cluster.members.keys()) cluster.spawnMember(id);
    try {
      await cluster.waitForLeader(opts.leaderTimeoutMs);
      await cluster.waitForPublished(opts.leaderTimeoutMs);
    } catch (error) {
      // Nobody else can stop these processes; the files stay for the logs the error points to.
      await Promise.all([...cluster.members.keys()].map((id) => cluster.kill(id)));
      throw error;
    }
    return cluster;
  }

  private define(id: number, port: number, metricsPort: number, join: boolean): Member {
    const dataDir = path.join(this.root, `n${id}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const lab = this.opts.network;
    const labNode = lab ? this.opts.nodeOffset + id : undefined;
    const host = lab ? lab.address(labNode!) : '127.0.0.1';
    const m: Member = {
      id,
      address: `${host}:${port}`,
      metricsAddress: `${host}:${metricsPort}`,
      dataDir,
      logFile: path.join(this.root, `n${id}.log`),
      process: null,
      join,
      ...(labNode !== undefined && { labNode }),
    };
    this.members.set(id, m);
    return m;
  }

  /** The founding `--peers` list, plus `extra` for a joining member. */
  private peersFlag(extra?: Member): string {
    const founding = [...this.members.values()].filter((m) => !m.join || m === extra);
    return founding.map((m) => `${m.id}=${m.address}`).join(',');
  }

  private spawnMember(id: number): void {
    const m = this.member(id);
    const args = [
      TRIB,
      'coordinator',
      '--id',
      String(id),
      '--listen',
      m.address,
      '--peers',
      this.peersFlag(m.join ? m : undefined),
    ];
    args.push('--data-dir', m.dataDir, '--metrics-listen', m.metricsAddress);
    args.push(
      '--tick-ms',
      String(this.opts.tickMs),
      '--election-ticks',
      String(this.opts.electionTicks),
    );
    args.push('--snapshot-every-entries', String(this.opts.snapshotEveryEntries));
    args.push('--snapshot-keep-entries', String(this.opts.snapshotKeepEntries));
    args.push('--read-mode', this.opts.readMode);
    args.push(...this.opts.extraArgs, ...(this.opts.tls?.serverArgs() ?? []));
    if (m.join) args.push('--join');
    const log = fs.openSync(m.logFile, 'a');
    // In a lab, `ip netns exec` execs node in the member's namespace: the pid is still node's.
    const [command, ...argv] = m.labNode
      ? this.opts.network!.wrap(m.labNode, [process.execPath, ...args])
      : [process.execPath, ...args];
    m.process = spawn(command!, argv, {
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        TRIBUTARY_LOG_LEVEL: 'info',
        TRIBUTARY_PARENT_PID: String(process.pid),
      },
    });
    fs.closeSync(log);
    const child = m.process;
    child.once('exit', () => {
      if (m.process === child) m.process = null;
    });
  }

  member(id: number): Member {
    const m = this.members.get(id);
    if (!m) throw new Error(`no member ${id} in this cluster`);
    return m;
  }

  live(): Member[] {
    return [...this.members.values()].filter((m) => m.process !== null);
  }

  /** Sends `signal` to a member and waits for its process to exit; returns its exit code. */
  async kill(id: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    return killAndWait(this.member(id).process, signal);
  }

  /** Waits until member `id`'s own state (a serializable List) has `count` children at `path`. */
  async waitForChildren(id: number, path: string, count: number, timeoutMs = 30_000) {
    await eventually(
      () =>
        call<{ children: string[] }>(this.coord(id), 'List', {
          path,
          consistency: 'CONSISTENCY_SERIALIZABLE',
        }).then(
          (local) => local.children.length === count,
          () => false,
        ),
      timeoutMs,
      `member ${id} to hold all ${count} children of ${path}`,
    );
  }

  /** Resident set size of a running member's process, from /proc/<pid>/status. */
  rssBytes(id: number): number {
    const pid = this.member(id).process?.pid;
    if (!pid) throw new Error(`member ${id} is not running`);
    return rssBytesOf(pid, `member ${id}`);
  }

  /** How many lines of a member's log (all its runs) match `pattern`. */
  logCount(id: number, pattern: RegExp): number {
    return countLogLines(this.member(id).logFile, pattern);
  }

  /** Waits until a member's log has more than `seen` lines matching `pattern`. */
  async waitForLog(id: number, pattern: RegExp, seen: number, timeoutMs = 30_000): Promise<void> {
    const what = `member ${id}`;
    await waitForLogLines(this.member(id).logFile, pattern, seen, {
      timeoutMs,
      intervalMs: 5,
      what,
    });
  }

  /** Waits for a member's process to exit by itself; returns its exit code. */
  exited(id: number, timeoutMs = 30_000): Promise<number | null> {
    return exitWithin(this.member(id).process, timeoutMs, `member ${id}`);
  }

  /** Starts a member that is not running, on its data directory (after a kill). */
  start(id: number): void {
    if (this.member(id).process) throw new Error(`member ${id} is running`);
    this.spawnMember(id);
  }

  async restart(id: number): Promise<void> {
    await this.kill(id);
    this.spawnMember(id);
  }

  /** Starts a brand-new member with `--join` (empty log); add it with ClusterService.AddMember. */
  async spawnJoiner(id: number): Promise<Member> {
    const [port, metricsPort] = await freePorts(2);
    const m = this.define(id, port!, metricsPort!, true);
    this.spawnMember(id);
    return m;
  }

  /** Forgets a member after it was removed from the cluster (kills it if running). */
  async drop(id: number): Promise<void> {
    await this.kill(id);
    this.members.delete(id);
  }

  clientsFor(address: string) {
    let c = this.clients.get(address);
    if (!c) {
      const v1 = contract().tributary.coord.v1;
      c = {
        coord: createClient(v1.CoordinationService, address, {}, this.credentials),
        cluster: createClient(v1.ClusterService, address, {}, this.credentials),
        metadata: createClient(v1.MetadataService, address, {}, this.credentials),
      };
      this.clients.set(address, c);
    }
    return c;
  }

  coord(id: number): CoordinationServiceClient {
    return this.clientsFor(this.member(id).address).coord;
  }

  metadata(id: number): MetadataServiceClient {
    return this.clientsFor(this.member(id).address).metadata;
  }

  /**
   * A CoordinationService client on a TCP connection of its own (grpc-js shares one connection
   * between equal channels otherwise), for tests of per-connection limits and slow readers.
   * Closed by `shutdown`.
   */
  ownConnection(id: number): CoordinationServiceClient {
    const Ctor = contract().tributary.coord.v1.CoordinationService;
    const client = new Ctor(this.member(id).address, this.credentials, {
      ...channelOptions(),
      'grpc.use_local_subchannel_pool': 1,
    });
    this.ownClients.push(client);
    return client;
  }

  status(id: number, timeoutMs = 1000): Promise<StatusResponse__Output> {
    return call(this.clientsFor(this.member(id).address).cluster, 'Status', {}, timeoutMs);
  }

  /** Waits until every live member reports the same live leader; returns its id. */
  async waitForLeader(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      // A joiner that has not been added yet knows no leader; it has no say until it does.
      const all = this.live();
      const known = await Promise.all(
        all.map((m) =>
          this.status(m.id).then(
            (s) => s.leader_id,
            () => 0,
          ),
        ),
      );
      const live = all.filter((m, k) => !m.join || known[k] !== 0);
      const views = await Promise.all(
        live.map((m) =>
          this.status(m.id).then(
            (s) => s.leader_id,
            () => 0,
          ),
        ),
      );
      last = views.join(',');
      const leader = views[0] ?? 0;
      const agreed = leader !== 0 && views.every((v) => v === leader);
      if (agreed && live.some((m) => m.id === leader)) return leader;
      await sleep(50);
    }
    throw new Error(
      `no agreed leader within ${timeoutMs} ms (views: ${last}); logs in ${this.root}`,
    );
  }

  /**
   * Waits until every member has recorded its address in the replicated tree (each does so once
   * it knows a leader), so that tests start on a quiet cluster whose revision moves only by
   * their own writes.
   */
  async waitForPublished(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const m of this.live()) {
      for (;;) {
        const leader = await this.waitForLeader(Math.max(1000, deadline - Date.now()));
        const got = await call<{ data: Buffer }>(this.coord(leader), 'Get', {
          path: `/tributary/members/${m.id}`,
        }).catch(() => undefined);
        if (got?.data.toString() === m.address) break;
        if (Date.now() > deadline)
          throw new Error(`member ${m.id} did not record its address within ${timeoutMs} ms`);
        await sleep(50);
      }
    }
  }

  /** Kills every process this cluster started, closes clients and removes its files. */
  async shutdown(): Promise<void> {
    for (const c of this.clients.values()) {
      c.coord.close();
      c.cluster.close();
      c.metadata.close();
    }
    this.clients.clear();
    for (const c of this.ownClients.splice(0)) c.close();
    await Promise.all([...this.members.keys()].map((id) => this.kill(id)));
    if (!process.env['TRIB_KEEP_TEST_DATA']) fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type { grpc };
