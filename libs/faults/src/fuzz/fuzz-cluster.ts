// One fuzz campaign on a fresh cluster (3 coordinators, 2 brokers on loopback) and its
// verdict: before the fuzzer, acknowledged writes are made through the SDK (coordination
// nodes, and acks=all records on an RF 2 topic); after it, every process must still be
// running, under a memory bound, every call must have ended in a status the server chose, and
// every acknowledged write must read back unchanged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Admin, CoordinationClient, Producer } from '@tributary/client';
import { BrokerCluster, CoordinatorCluster, REPO_ROOT, topicRecords } from '@tributary/testkit';
import { fuzz, type FuzzOptions, type FuzzReport } from './fuzzer';

export interface FuzzClusterOptions extends FuzzOptions {
  /** A process whose resident memory is above this after the campaign fails it. */
  rssBytesMax: number;
}

export interface FuzzVerdict {
  ok: boolean;
  problems: string[];
  report: FuzzReport;
  /** Resident memory of each process after the campaign, by name. */
  rssBytes: Record<string, number>;
  guarded: { nodes: number; records: number };
}

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
  const coordinators = await CoordinatorCluster.start({ size: 3 });
  let brokers: BrokerCluster | undefined;
  try {
    brokers = await BrokerCluster.start({ coordinators, size: 2 });
    const coordAddresses = coordinators.live().map((m) => m.address);
    const brokerAddresses = brokers.live().map((b) => b.address);
    const guard = `fuzz-guard-${o.seed}-${process.pid}`;
    const written = await writeGuard(guard, coordAddresses, brokerAddresses);
    o.progress?.(`fuzz: guarded ${written.nodes.size} nodes and ${written.records.size} records`);

    const report = await fuzz(
      { coord: coordAddresses, raft: coordAddresses, broker: brokerAddresses },
      o,
    );

    const problems = report.findings.map(
      (f) => `${f.method} (${f.kind}, request ${f.request}): ${f.code} ${f.message}`,
    );
    const rssBytes: Record<string, number> = {};
    for (const m of coordinators.members.values()) {
      const name = `coordinator ${m.id}`;
      if (!m.process || m.process.exitCode !== null || m.process.signalCode !== null) {
        problems.push(`${name} is not running after the campaign`);
        continue;
      }
      rssBytes[name] = coordinators.rssBytes(m.id);
    }
    for (const id of [1, 2]) {
      const child = brokers.broker(id).process;
      const name = `broker ${id}`;
      if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
        problems.push(`${name} is not running after the campaign`);
        continue;
      }
      rssBytes[name] = brokers.rssBytes(id);
    }
    for (const [name, bytes] of Object.entries(rssBytes))
      if (bytes > o.rssBytesMax)
        problems.push(
          `${name} holds ${(bytes / 2 ** 20).toFixed(0)} MiB resident, above the bound`,
        );
    o.progress?.('fuzz: reading the guarded writes back');
    problems.push(
      ...(await withTimeout(
        checkGuard(guard, written, coordAddresses, brokers, o.progress),
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
      guarded: { nodes: written.nodes.size, records: written.records.size },
    };
  } finally {
    await brokers?.shutdown();
    await coordinators.shutdown();
  }
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
}

async function writeGuard(guard: string, coord: string[], bootstrap: string[]): Promise<Guarded> {
  const client = new CoordinationClient({ endpoints: coord });
  const nodes = new Map<string, string>();
  try {
    await client.create(`/${guard}`);
    for (let i = 0; i < GUARD_NODES; i++) {
      const path = `/${guard}/k${i}`;
      await client.create(path, `value ${i}`);
      nodes.set(path, `value ${i}`);
    }
  } finally {
    await client.close();
  }
  const admin = new Admin({ bootstrap });
  try {
    await admin.createTopic(guard, { partitions: 4, replicationFactor: 2 });
  } finally {
    admin.close();
  }
  const producer = new Producer({ bootstrap, acks: 'all', idempotent: true });
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
  return { nodes, records };
}

async function checkGuard(
  guard: string,
  written: Guarded,
  coord: string[],
  brokers: BrokerCluster,
  progress?: (line: string) => void,
): Promise<string[]> {
  const problems: string[] = [];
  const client = new CoordinationClient({ endpoints: coord });
  try {
    for (const [path, value] of written.nodes) {
      const got = await client.get(path).then(
        (r) => r.data.toString(),
        (e: Error) => `(${e.message})`,
      );
      if (got !== value) problems.push(`node ${path} reads ${got}, was written ${value}`);
    }
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
