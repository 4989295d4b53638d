/**
 * `trib cluster status`: every coordinator's view of the Raft group, as one table. Each node
 * reports its own term and commit/applied index; match index and lag (leader commit index −
 * match index) come from the leader, the only node that knows them.
 */
import type { Command } from 'commander';
import Table from 'cli-table3';
import type { ClusterStatus, CoordinationClient, CoordinationError } from '@tributary/client';
import {
  coordinationAction,
  withClient,
  withCoordinationOptions,
  type CoordinationOptions,
} from '../coordination';

export function registerCluster(program: Command): void {
  const cluster = program.command('cluster').description('operate the coordinator Raft group');
  withCoordinationOptions(
    cluster
      .command('status')
      .description('members, roles, terms, commit/applied/match indexes and lag')
      .option('--json', 'print every node view as JSON'),
  ).action(
    coordinationAction(async (opts: CoordinationOptions & { json?: boolean }) => {
      const views = await withClient(opts, (client) =>
        gather(client, opts.coordinators, opts.timeoutMs),
      );
      const answered = [...views.values()].some((v) => 'status' in v);
      const first = [...views.values()][0];
      if (!answered && first && 'error' in first) throw first.error;
      if (opts.json) process.stdout.write(`${JSON.stringify(jsonOf(views), null, 2)}\n`);
      else process.stdout.write(render(views));
    }),
  );
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
    };
  });
  out.sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || a.address.localeCompare(b.address));
  return { rows: out, leader };
}

function render(views: Map<string, View>): string {
  const { rows: list, leader } = rows(views);
  const table = new Table({
    head: ['id', 'address', 'role', 'term', 'commit', 'applied', 'match', 'lag'],
    style: { head: [], border: [], compact: true },
  });
  const cell = (n: number | undefined) => (n === undefined ? '-' : String(n));
  for (const r of list) {
    table.push([
      cell(r.id),
      r.address,
      r.role,
      cell(r.term),
      cell(r.commitIndex),
      cell(r.appliedIndex),
      cell(r.matchIndex),
      cell(r.lag),
    ]);
  }
  const summary = leader
    ? `cluster ${leader.clusterId || '?'}: leader ${leader.nodeId} at ${leader.address}, term ${leader.term}, revision ${leader.revision}`
    : 'no leader known to any reachable coordinator';
  const errors = [...views.values()].flatMap((v) =>
    'error' in v ? [`${v.error.message} (${v.error.label})`] : [],
  );
  return [summary, table.toString(), ...errors].join('\n') + '\n';
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
