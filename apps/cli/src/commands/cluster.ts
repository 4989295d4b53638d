/**
 * `trib cluster status`: every coordinator's view of the Raft group, as one table. Each node
 * reports its own term and commit/applied index; match index and lag (leader commit index −
 * match index) come from the leader, the only node that knows them. The controller runs on the
 * Raft leader. Below, the live brokers with the partitions each leads and holds, when a
 * `--bootstrap` broker answers, then the problems found (cluster-health.ts): no Raft leader, a
 * coordinator out of reach or without a leader, partitions offline, under-replicated or below
 * min.insync.replicas. Any problem makes the exit code 1 (after the whole status is printed),
 * so that scripts and probes can act on it; a healthy cluster exits 0.
 */
import type { Command } from 'commander';
import type {
  ClusterStatus,
  CoordinationClient,
  CoordinationError,
  TopicDescription,
} from '@tributary/client';
import { bootstrapOption, ids, table, withAdmin } from '../brokers';
import {
  coordinatorProblems,
  partitionHealth,
  partitionProblems,
  type PartitionHealth,
} from '../cluster-health';
import {
  coordinationAction,
  withClient,
  withCoordinationOptions,
  type CoordinationOptions,
} from '../coordination';

/** A cluster without brokers is normal (coordination only): don't wait long for them. */
const BROKER_PROBE_MS_MAX = 3_000;

type StatusOpts = CoordinationOptions & { bootstrap: string[]; json?: boolean };

export function registerCluster(program: Command): void {
  const cluster = program.command('cluster').description('operate the coordinator Raft group');
  withCoordinationOptions(
    cluster
      .command('status')
      .description('coordinators (roles, terms, indexes, lag), the controller and the brokers')
      .addOption(bootstrapOption())
      .option('--json', 'print every node view and the brokers as JSON'),
  ).action(
    coordinationAction(async (opts: StatusOpts) => {
      const [views, brokers] = await Promise.all([
        withClient(opts, (client) => gather(client, opts.coordinators, opts.timeoutMs)),
        brokerView(opts),
      ]);
      const answered = [...views.values()].some((v) => 'status' in v);
      const first = [...views.values()][0];
      if (!answered && first && 'error' in first) throw first.error;
      const problems = [
        ...coordinatorProblems(
          rows(views).rows.map((r) => ({ ...r, reachable: r.role !== 'unreachable' })),
        ),
        ...('partitions' in brokers ? partitionProblems(brokers.partitions) : []),
      ];
      if (opts.json) {
        const out = {
          ...jsonOf(views),
          brokers: brokerJson(brokers),
          ...('partitions' in brokers && { partitions: brokers.partitions }),
          problems,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else
        process.stdout.write(
          render(views) + renderBrokers(brokers, opts.bootstrap) + renderProblems(problems),
        );
      if (problems.length > 0) process.exitCode = 1;
    }),
  );
}

interface BrokerRow {
  brokerId: number;
  address: string;
  rack: string;
  leaderOf: number;
  replicaOf: number;
}

type BrokerView =
  { brokers: BrokerRow[]; partitions: PartitionHealth } | { error: CoordinationError };

async function brokerView(opts: StatusOpts): Promise<BrokerView> {
  const timeoutMs = Math.min(opts.timeoutMs, BROKER_PROBE_MS_MAX);
  try {
    return await withAdmin({ ...opts, timeoutMs }, async (admin) => {
      const [cluster, topics] = await Promise.all([
        admin.describeCluster(),
        admin.describeTopics(),
      ]);
      return {
        brokers: cluster.brokers.map((b) => ({ ...b, ...load(b.brokerId, topics) })),
        partitions: partitionHealth(
          topics,
          cluster.brokers.map((b) => b.brokerId),
        ),
      };
    });
  } catch (error) {
    return { error: error as CoordinationError };
  }
}

function load(brokerId: number, topics: TopicDescription[]) {
  const partitions = topics.flatMap((t) => t.partitions);
  return {
    leaderOf: partitions.filter((p) => p.leader === brokerId).length,
    replicaOf: partitions.filter((p) => p.replicas.includes(brokerId)).length,
  };
}

function renderBrokers(view: BrokerView, bootstrap: string[]): string {
  if ('error' in view) {
    return (
      `brokers: none reachable at ${bootstrap.join(',')} (${view.error.label}); ` +
      'pass --bootstrap host:port or set TRIBUTARY_BOOTSTRAP\n'
    );
  }
  const rows = view.brokers.map((b) => [
    b.brokerId,
    b.address,
    b.rack || '-',
    b.leaderOf,
    b.replicaOf,
  ]);
  return (
    `brokers: ${view.brokers.length} live (${ids(view.brokers.map((b) => b.brokerId))}), ` +
    `${view.partitions.total} partition(s)\n` +
    `${table(['broker', 'address', 'rack', 'partitions led', 'replicas held'], rows)}\n`
  );
}

function renderProblems(problems: string[]): string {
  if (problems.length === 0) return 'problems: none found\n';
  return `problems: ${problems.length}\n${problems.map((p) => `  - ${p}\n`).join('')}`;
}

function brokerJson(view: BrokerView) {
  return 'error' in view
    ? { error: { message: view.error.message, reason: view.error.label } }
    : view.brokers;
}

type View = { status: ClusterStatus } | { error: CoordinationError };

/** Status of every address given and of every member any node names, by address. */
async function gather(
  client: CoordinationClient,
  addresses: string[],
  timeoutMs: number,
): Promise<Map<string, View>> {
  const views = new Map<string, View>();
  const ask = async (address: string) => {
    try {
      views.set(address, { status: await client.status({ address, timeoutMs }) });
    } catch (error) {
      views.set(address, { error: error as CoordinationError });
    }
  };
  await Promise.all(addresses.map(ask));
  const named = new Set<string>();
  for (const view of views.values()) {
    if ('status' in view) for (const m of view.status.members) named.add(m.address);
  }
  await Promise.all([...named].filter((a) => !views.has(a)).map(ask));
  return views;
}

interface Row {
  id: number | undefined;
  address: string;
  role: string;
  term: number | undefined;
  commitIndex: number | undefined;
  appliedIndex: number | undefined;
  matchIndex: number | undefined;
  lag: number | undefined;
  /** The leader this node knows (0: none); undefined when unreachable. */
  leaderId: number | undefined;
}

function rows(views: Map<string, View>): { rows: Row[]; leader: ClusterStatus | undefined } {
  const statuses = [...views.values()].flatMap((v) => ('status' in v ? [v.status] : []));
  const leader = statuses.find((s) => s.leaderId !== 0 && s.nodeId === s.leaderId);
  const members = leader?.members ?? statuses[0]?.members ?? [];
  const byAddress = new Map(members.map((m) => [m.address, m]));
  const addresses = [...new Set([...members.map((m) => m.address), ...views.keys()])];
  const out = addresses.map((address): Row => {
    const view = views.get(address);
    const own = view && 'status' in view ? view.status : undefined;
    const member = byAddress.get(address);
    const matchIndex = leader ? member?.matchIndex : undefined;
    const selfRole = own?.members.find((m) => m.id === own.nodeId)?.role;
    return {
      id: own?.nodeId ?? member?.id,
      address,
      role: own
        ? own.nodeId === own.leaderId
          ? 'leader'
          : (selfRole ?? 'unknown')
        : 'unreachable',
      term: own?.term,
      commitIndex: own?.commitIndex,
      appliedIndex: own?.appliedIndex,
      matchIndex,
      lag:
        leader && matchIndex !== undefined
          ? Math.max(0, leader.commitIndex - matchIndex)
          : undefined,
      leaderId: own?.leaderId,
    };
  });
  out.sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || a.address.localeCompare(b.address));
  return { rows: out, leader };
}

function render(views: Map<string, View>): string {
  const { rows: list, leader } = rows(views);
  const cell = (n: number | undefined) => (n === undefined ? '-' : String(n));
  const body = list.map((r) => [
    cell(r.id),
    r.address,
    r.role,
    cell(r.term),
    cell(r.commitIndex),
    cell(r.appliedIndex),
    cell(r.matchIndex),
    cell(r.lag),
  ]);
  const head = ['id', 'address', 'role', 'term', 'commit', 'applied', 'match', 'lag'];
  const summary = leader
    ? `cluster ${leader.clusterId || '?'}: leader ${leader.nodeId} at ${leader.address} (the controller), term ${leader.term}, revision ${leader.revision}`
    : 'no leader known to any reachable coordinator (no controller)';
  const errors = [...views.values()].flatMap((v) =>
    'error' in v ? [`${v.error.message} (${v.error.label})`] : [],
  );
  return [summary, table(head, body), ...errors].join('\n') + '\n';
}

function jsonOf(views: Map<string, View>) {
  const { rows: list, leader } = rows(views);
  return {
    leaderId: leader?.nodeId ?? 0,
    members: list,
    views: [...views.entries()].map(([address, v]) =>
      'status' in v
        ? { address, status: v.status }
        : { address, error: { message: v.error.message, reason: v.error.label } },
    ),
  };
}
