// One fuzz campaign on a fresh cluster (3 coordinators, 2 brokers on loopback) and its
// verdict: before the fuzzer, acknowledged writes are made through the SDK (coordination
// nodes, and acks=all records on an RF 2 topic); after it, every process must still be
// running, every call must have ended in a status the server chose, and every acknowledged
// write must read back unchanged. Resident memory is sampled all through the campaign, and
// every sample must stay under the bound: a leak shows as a rising series, not only at the end.
//
// `secure`: the cluster runs mTLS with bearer tokens and ACLs, and the fuzzer calls as a token
// principal the ACLs let read and write every topic, group and node but never alter the
// cluster — so the authentication and authorization paths are fuzzed too, and so are the
// membership methods, which the ACLs then refuse it.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import {
  Admin,
  channelCredentials,
  CoordinationClient,
  Producer,
  type ClusterStatus,
  type SecureOptions,
} from '@tributary/client';
import type { AclEntry } from '@tributary/coord-state';
import {
  BrokerCluster,
  CoordinatorCluster,
  REPO_ROOT,
  SecureCluster,
  topicRecords,
} from '@tributary/testkit';
import { fuzz, type FuzzOptions, type FuzzReport } from './fuzzer';

export interface FuzzClusterOptions extends Omit<FuzzOptions, 'credentials' | 'membership'> {
  /** A process whose resident memory is above this in any sample fails the campaign. */
  rssBytesMax: number;
  /** How often resident memory is sampled during the campaign; default 10 s. */
  memorySampleMs?: number;
  /** mTLS, tokens and ACLs, the fuzzer a principal without cluster rights. */
  secure?: boolean;
}

const FUZZER = 'fuzzer';
const FUZZER_TOKEN = 'trib_fuzzer-campaign-token';
const FUZZER_ACLS: AclEntry[] = [
  { resourceType: 'topic', patternType: 'literal', name: '*' },
  { resourceType: 'group', patternType: 'literal', name: '*' },
  { resourceType: 'path', patternType: 'prefix', name: '/' },
].map((r) => ({ ...r, principal: FUZZER, operation: 'all', permission: 'allow' }) as AclEntry);

/** The processes of a campaign, how the guard's SDK clients and the fuzzer reach them. */
interface Target {
  coordinators: CoordinatorCluster;
  brokers: BrokerCluster;
  /** The SDK options of a super-user (the guard's writes and reads). */
  sdk: SecureOptions;
  fuzzer?: grpc.ChannelCredentials;
  shutdown(): Promise<void>;
}

async function startTarget(secure: boolean): Promise<Target> {
  if (secure) {
    const cluster = await SecureCluster.start({
      coordinators: 3,
      brokers: 2,
      tokens: { [FUZZER]: FUZZER_TOKEN },
    });
    const target = {
      coordinators: cluster.coordinators,
      brokers: cluster.brokers,
      sdk: cluster.client(),
      fuzzer: channelCredentials(cluster.as(FUZZER)),
      shutdown: () => cluster.shutdown(),
    };
    const admin = new Admin({ bootstrap: cluster.bootstrap, ...target.sdk });
    try {
      await admin.addAcls(FUZZER_ACLS);
    } catch (error) {
      await cluster.shutdown();
      throw error;
    } finally {
      admin.close();
    }
    return target;
  }
  const coordinators = await CoordinatorCluster.start({ size: 3 });
  try {
    const brokers = await BrokerCluster.start({ coordinators, size: 2 });
    return {
      coordinators,
      brokers,
      sdk: {},
      shutdown: async () => {
        await brokers.shutdown();
        await coordinators.shutdown();
      },
    };
  } catch (error) {
    await coordinators.shutdown();
    throw error;
  }
}

export interface FuzzVerdict {
  ok: boolean;
  problems: string[];
  report: FuzzReport;
  /** Resident memory of each process after the campaign, by name. */
  rssBytes: Record<string, number>;
  /** Resident memory by name, sampled from the fuzzer's start (`atS`) to after the campaign. */
  memory: MemorySample[];
  guarded: { nodes: number; records: number };
}

export interface MemorySample {
  atS: number;
  rssBytes: Record<string, number>;
}

const MEMORY_SAMPLE_MS = 10_000;

const GUARD_NODES = 200;
const GUARD_RECORDS = 2_000;
/** Reading them back takes seconds; a cluster the campaign wedged would take forever. */
const GUARD_READ_TIMEOUT_MS = 120_000;

/** `work`'s problems, or one saying it did not finish in time. */
function withTimeout(work: Promise<string[]>, ms: number, what: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([`${what} did not finish within ${ms / 1000} s`]), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function fuzzCluster(o: FuzzClusterOptions): Promise<FuzzVerdict> {
  const target = await startTarget(o.secure === true);
  const { coordinators, brokers, sdk } = target;
  try {
    const coordAddresses = coordinators.live().map((m) => m.address);
    const brokerAddresses = brokers.live().map((b) => b.address);
    const guard = `fuzz-guard-${o.seed}-${process.pid}`;
    const written = await writeGuard(guard, coordAddresses, brokerAddresses, sdk);
    o.progress?.(`fuzz: guarded ${written.nodes.size} nodes and ${written.records.size} records`);

    const started = performance.now();
    const elapsedS = () => Math.round((performance.now() - started) / 1000);
    const memory: MemorySample[] = [];
    const sample = () => {
      try {
        const atS = elapsedS();
        memory.push({ atS, rssBytes: residentMemory(coordinators, brokers).rssBytes });
      } catch {
        // A process exited between the check and the read: the check after the campaign says so.
      }
    };
    sample();
    const sampler = setInterval(sample, o.memorySampleMs ?? MEMORY_SAMPLE_MS);
    let report: FuzzReport;
    try {
      report = await fuzz(
        { coord: coordAddresses, raft: coordAddresses, broker: brokerAddresses },
        {
          ...o,
          ...(target.fuzzer && { credentials: target.fuzzer, membership: true }),
        },
      );
    } finally {
      clearInterval(sampler);
    }

    const problems = report.findings.map(
      (f) => `${f.method} (${f.kind}, request ${f.request}): ${f.code} ${f.message}`,
    );
    const after = residentMemory(coordinators, brokers);
    const rssBytes = after.rssBytes;
    for (const name of after.stopped) problems.push(`${name} is not running after the campaign`);
    memory.push({ atS: elapsedS(), rssBytes });
    const over = new Set<string>();
    for (const { atS, rssBytes: sampled } of memory)
      for (const [name, bytes] of Object.entries(sampled))
        if (bytes > o.rssBytesMax && !over.has(name)) {
          over.add(name);
          problems.push(
            `${name} held ${(bytes / 2 ** 20).toFixed(0)} MiB resident ${atS} s into the campaign, above the bound of ${(o.rssBytesMax / 2 ** 20).toFixed(0)} MiB`,
          );
        }
    o.progress?.('fuzz: reading the guarded writes back');
    problems.push(
      ...(await withTimeout(
        checkGuard(guard, written, coordAddresses, brokers, sdk, o.progress),
        GUARD_READ_TIMEOUT_MS,
        'reading the guarded writes back',
      )),
    );
    if (problems.length > 0) keepLogs(coordinators, brokers, o.seed, problems);
    return {
      ok: problems.length === 0,
      problems,
      report,
      rssBytes,
      memory,
      guarded: { nodes: written.nodes.size, records: written.records.size },
    };
  } finally {
    await target.shutdown();
  }
}

/** Resident memory of every process still running, and the names of those that are not. */
function residentMemory(c: CoordinatorCluster, b: BrokerCluster) {
  const rssBytes: Record<string, number> = {};
  const stopped: string[] = [];
  const running = (p: ChildProcess | null | undefined) =>
    p?.pid !== undefined && p.exitCode === null && p.signalCode === null;
  for (const m of c.members.values()) {
    const name = `coordinator ${m.id}`;
    if (running(m.process)) rssBytes[name] = c.rssBytes(m.id);
    else stopped.push(name);
  }
  for (const id of [1, 2]) {
    const name = `broker ${id}`;
    if (running(b.broker(id).process)) rssBytes[name] = b.rssBytes(id);
    else stopped.push(name);
  }
  return { rssBytes, stopped };
}

/** A failed campaign's process logs, kept under reports/fuzz/ (the cluster's own go with it). */
function keepLogs(c: CoordinatorCluster, b: BrokerCluster, seed: number, problems: string[]) {
  const dir = path.join(REPO_ROOT, 'reports', 'fuzz', `seed-${seed}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const m of c.members.values())
    if (fs.existsSync(m.logFile))
      fs.copyFileSync(m.logFile, path.join(dir, `coordinator-${m.id}.log`));
  for (const id of [1, 2]) {
    const log = b.broker(id).logFile;
    if (fs.existsSync(log)) fs.copyFileSync(log, path.join(dir, `broker-${id}.log`));
  }
  problems.push(`process logs kept in ${path.relative(REPO_ROOT, dir)}`);
}

interface Guarded {
  nodes: Map<string, string>;
  /** `partition/offset` → value. */
  records: Map<string, string>;
  /** The Raft group, `id=address,…`: no fuzzed call may change it. */
  members: string;
}

function membersOf(status: ClusterStatus): string {
  return status.members
    .map((m) => `${m.id}=${m.address}`)
    .sort()
    .join(',');
}

async function writeGuard(
  guard: string,
  coord: string[],
  bootstrap: string[],
  sdk: SecureOptions,
): Promise<Guarded> {
  const client = new CoordinationClient({ endpoints: coord, ...sdk });
  const nodes = new Map<string, string>();
  let members: string;
  try {
    members = membersOf(await client.status());
    await client.create(`/${guard}`);
    for (let i = 0; i < GUARD_NODES; i++) {
      const path = `/${guard}/k${i}`;
      await client.create(path, `value ${i}`);
      nodes.set(path, `value ${i}`);
    }
  } finally {
    await client.close();
  }
  const admin = new Admin({ bootstrap, ...sdk });
  try {
    await admin.createTopic(guard, { partitions: 4, replicationFactor: 2 });
  } finally {
    admin.close();
  }
  const producer = new Producer({ bootstrap, acks: 'all', idempotent: true, ...sdk });
  const records = new Map<string, string>();
  try {
    await Promise.all(
      Array.from({ length: GUARD_RECORDS }, async (_, i) => {
        const m = await producer.send({ topic: guard, value: `record ${i}` });
        records.set(`${m.partition}/${m.offset}`, `record ${i}`);
      }),
    );
  } finally {
    await producer.close();
  }
  return { nodes, records, members };
}

async function checkGuard(
  guard: string,
  written: Guarded,
  coord: string[],
  brokers: BrokerCluster,
  sdk: SecureOptions,
  progress?: (line: string) => void,
): Promise<string[]> {
  const problems: string[] = [];
  const client = new CoordinationClient({ endpoints: coord, ...sdk });
  try {
    for (const [path, value] of written.nodes) {
      const got = await client.get(path).then(
        (r) => r.data.toString(),
        (e: Error) => `(${e.message})`,
      );
      if (got !== value) problems.push(`node ${path} reads ${got}, was written ${value}`);
    }
    const members = membersOf(await client.status());
    if (members !== written.members)
      problems.push(`the Raft group is now ${members}, was ${written.members}`);
  } finally {
    await client.close();
  }
  progress?.('fuzz: guarded nodes read');
  let stored = new Map<string, string>();
  try {
    stored = await topicRecords(brokers, guard);
  } catch (error) {
    problems.push(`reading the guarded records failed: ${(error as Error).message}`);
  }
  const lost = [...written.records].filter(([at, value]) => stored.get(at) !== value);
  if (lost.length > 0)
    problems.push(`${lost.length} acknowledged records lost or changed (first at ${lost[0]![0]})`);
  return problems;
}
