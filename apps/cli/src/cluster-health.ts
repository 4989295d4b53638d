/**
 * What `trib cluster status` flags, as plain functions of what it gathered: coordinators
 * without a leader or out of reach, and partitions that are offline, led by a broker that is
 * not live, under-replicated or below min.insync.replicas. Each problem is one sentence an
 * operator can act on; none means the cluster looks healthy from here.
 */
import { topicConfig } from '@tributary/coord-state';
import type { TopicDescription } from '@tributary/client';

/** Partitions named per problem before "and N more". */
export const NAMED_PARTITIONS_MAX = 10;

export interface PartitionHealth {
  total: number;
  /** No leader: every ISR member is gone (unclean.leader.election off). */
  offline: string[];
  /** A leader the live brokers do not include. */
  leaderNotLive: string[];
  /** ISR smaller than the replica set. */
  underReplicated: string[];
  /** ISR below min.insync.replicas: acks=all produce is refused. */
  underMinIsr: string[];
}

export function partitionHealth(
  topics: readonly TopicDescription[],
  liveBrokers: readonly number[],
): PartitionHealth {
  const live = new Set(liveBrokers);
  const health: PartitionHealth = {
    total: 0,
    offline: [],
    leaderNotLive: [],
    underReplicated: [],
    underMinIsr: [],
  };
  for (const t of topics) {
    const minIsr = Number(topicConfig(t.configs, 'min.insync.replicas'));
    for (const p of t.partitions) {
      const name = `${t.name}/${p.partition}`;
      health.total++;
      if (p.leader < 0) health.offline.push(name);
      else if (!live.has(p.leader)) health.leaderNotLive.push(name);
      if (p.isr.length < p.replicas.length) health.underReplicated.push(name);
      if (p.isr.length < minIsr) health.underMinIsr.push(name);
    }
  }
  return health;
}

export function partitionProblems(h: PartitionHealth): string[] {
  const problems: string[] = [];
  const flag = (list: string[], what: string) => {
    if (list.length > 0) problems.push(`${list.length} partition(s) ${what}: ${named(list)}`);
  };
  flag(h.offline, 'offline (no leader: no in-sync replica is live)');
  flag(h.leaderNotLive, 'led by a broker that is not live');
  flag(h.underReplicated, 'under-replicated (ISR smaller than the replicas)');
  flag(h.underMinIsr, 'below min.insync.replicas (acks=all produce is refused)');
  return problems;
}

/** One coordinator as `trib cluster status` saw it. */
export interface CoordinatorSeen {
  id: number | undefined;
  address: string;
  reachable: boolean;
  /** The leader it knows (0: none); undefined when unreachable. */
  leaderId: number | undefined;
}

export function coordinatorProblems(seen: readonly CoordinatorSeen[]): string[] {
  const problems: string[] = [];
  const who = (c: CoordinatorSeen) => `coordinator ${c.id ?? '?'} at ${c.address}`;
  const reachable = seen.filter((c) => c.reachable);
  if (!reachable.some((c) => (c.leaderId ?? 0) !== 0))
    problems.push(
      'no Raft leader: no reachable coordinator knows one (no controller; writes, sessions and metadata changes wait)',
    );
  else
    for (const c of reachable)
      if (c.leaderId === 0)
        problems.push(`${who(c)} knows no leader (cut off from the quorum, or just restarted)`);
  for (const c of seen) if (!c.reachable) problems.push(`${who(c)} is unreachable`);
  return problems;
}

function named(list: string[]): string {
  const shown = list.slice(0, NAMED_PARTITIONS_MAX).join(', ');
  const more = list.length - NAMED_PARTITIONS_MAX;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
