// The plan of `trib partitions rebalance` (ReassignPartitions with no explicit moves): few
// moves, not a fresh placement. Topic by topic: replicas on brokers that are not live move to
// live ones; then replicas move one at a time from the most loaded broker to the least loaded
// until no two brokers hold more than one apart; then preferred leaders (the first replica)
// are spread the same way by reordering replicas, which moves no data. Deterministic: every
// replica of the state machine computes the same plan from the same state.

import type { PlacementBroker } from './placement';

export interface PlannedPartition {
  topic: string;
  partition: number;
  /** Preferred leader first. */
  replicas: readonly number[];
  /** Already being reassigned: left alone, but its replicas count as load. */
  busy: boolean;
}

export interface PlannedMove {
  topic: string;
  partition: number;
  replicas: number[];
}

/** The moves that balance `partitions` over `brokers` (only partitions whose replicas change). */
export function rebalancePlan(
  brokers: readonly PlacementBroker[],
  partitions: readonly PlannedPartition[],
): PlannedMove[] {
  const ids = brokers.map((b) => b.id).sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const assign = partitions.map((p) => [...p.replicas]);
  const all = assign.map((_, i) => i);
  const plan: Plan = {
    ids,
    rackOf: new Map(brokers.map((b) => [b.id, b.rack])),
    assign,
    movable: (i) => !partitions[i]!.busy && assign[i]!.length <= ids.length,
    clusterLoad: counts(ids, assign, all, false),
    clusterLeads: counts(ids, assign, all, true),
  };
  // Topic by topic, so that each topic's partitions spread over every broker; ties go to the
  // brokers with less load over all topics, which keeps the cluster even too.
  const topics = new Map<string, number[]>();
  partitions.forEach((p, i) => topics.set(p.topic, [...(topics.get(p.topic) ?? []), i]));
  for (const group of topics.values()) balanceTopic(plan, group);

  const out: PlannedMove[] = [];
  partitions.forEach((p, i) => {
    const next = assign[i]!;
    if (next.some((b, k) => p.replicas[k] !== b))
      out.push({ topic: p.topic, partition: p.partition, replicas: next });
  });
  return out;
}

interface Plan {
  ids: readonly number[];
  rackOf: ReadonlyMap<number, string>;
  /** Replicas per partition, changed in place as moves are planned. */
  assign: number[][];
  movable: (i: number) => boolean;
  clusterLoad: Map<number, number>;
  clusterLeads: Map<number, number>;
}

/** The moves for one topic's partitions (indices into plan.assign). */
function balanceTopic(plan: Plan, group: readonly number[]): void {
  const { ids, assign, movable } = plan;
  const load = counts(ids, assign, group, false);
  const moveReplica = (i: number, k: number, to: number) => {
    const from = assign[i]![k]!;
    for (const m of [load, plan.clusterLoad]) {
      if (m.has(from)) m.set(from, m.get(from)! - 1);
      m.set(to, m.get(to)! + 1);
    }
    assign[i]![k] = to;
  };

  // Off brokers that are gone, onto the least loaded live broker the partition lacks.
  for (const i of group) {
    if (!movable(i)) continue;
    assign[i]!.forEach((b, k) => {
      if (!load.has(b)) moveReplica(i, k, leastLoaded(plan, load, assign[i]!));
    });
  }

  // Replicas: the most loaded broker gives one to the least loaded that can take it.
  for (;;) {
    const move = nextReplicaMove(plan, load, group);
    if (move === undefined) break;
    moveReplica(move.i, move.k, move.to);
  }

  // Preferred leaders: swap a less-leading replica to the front while that evens the counts.
  const leads = counts(ids, assign, group, true);
  for (;;) {
    const swaps = nextLeaderSwaps(plan, leads, group);
    if (swaps === undefined) break;
    for (const { i, k } of swaps) {
      const replicas = assign[i]!;
      const [from, to] = [replicas[0]!, replicas[k]!];
      [replicas[0], replicas[k]] = [to, from];
      for (const m of [leads, plan.clusterLeads]) {
        m.set(from, m.get(from)! - 1);
        m.set(to, m.get(to)! + 1);
      }
    }
  }
}

/** Replicas (or preferred leaders, with `firstOnly`) per live broker, over `group`. */
function counts(
  ids: readonly number[],
  assign: readonly number[][],
  group: readonly number[],
  firstOnly: boolean,
): Map<number, number> {
  const out = new Map(ids.map((id) => [id, 0]));
  for (const i of group)
    for (const b of firstOnly ? assign[i]!.slice(0, 1) : assign[i]!)
      if (out.has(b)) out.set(b, out.get(b)! + 1);
  return out;
}

/** Least loaded first: in the topic, then over the cluster, then by id. */
const byLoad =
  (local: ReadonlyMap<number, number>, cluster: ReadonlyMap<number, number>) =>
  (a: number, b: number) =>
    local.get(a)! - local.get(b)! || cluster.get(a)! - cluster.get(b)! || a - b;

/** The least loaded broker not in `replicas`, preferring a rack the partition lacks. */
function leastLoaded(plan: Plan, load: ReadonlyMap<number, number>, replicas: readonly number[]) {
  const racks = new Set(replicas.filter((b) => load.has(b)).map((b) => plan.rackOf.get(b)));
  const free = plan.ids.filter((b) => !replicas.includes(b)).sort(byLoad(load, plan.clusterLoad));
  return free.find((b) => !racks.has(plan.rackOf.get(b))) ?? free[0]!;
}

/**
 * One replica of the most loaded broker that can give one, to a broker holding at least two
 * fewer: a follower before a leader (leaders are evened later by reordering), and a move that
 * keeps the partition's racks as spread as they were before one that does not.
 */
function nextReplicaMove(
  plan: Plan,
  load: ReadonlyMap<number, number>,
  group: readonly number[],
): { i: number; k: number; to: number } | undefined {
  const { assign, rackOf } = plan;
  const ascending = [...plan.ids].sort(byLoad(load, plan.clusterLoad));
  for (const from of [...ascending].reverse()) {
    for (const to of ascending) {
      if (load.get(from)! - load.get(to)! < 2) break;
      let best: { i: number; k: number; score: number } | undefined;
      for (const i of group) {
        const replicas = assign[i]!;
        const k = replicas.indexOf(from);
        if (k < 0 || replicas.includes(to) || !plan.movable(i)) continue;
        const racks = new Set(replicas.map((b) => rackOf.get(b))).size;
        const after = new Set(replicas.map((b) => rackOf.get(b === from ? to : b))).size;
        const score = (after < racks ? 2 : 0) + (k === 0 ? 1 : 0);
        if (best === undefined || score < best.score) best = { i, k, score };
      }
      if (best !== undefined) return { i: best.i, k: best.k, to };
    }
  }
  return undefined;
}

/**
 * Preferred-leader swaps that move one leadership from the broker leading the most to one
 * leading at least two fewer: a single swap when a partition holds both, else a chain through
 * brokers in between (each gives one and takes one), found breadth-first.
 */
function nextLeaderSwaps(
  plan: Plan,
  leads: ReadonlyMap<number, number>,
  group: readonly number[],
): Array<{ i: number; k: number }> | undefined {
  for (const from of [...plan.ids].sort(byLoad(leads, plan.clusterLeads)).reverse()) {
    const via = new Map<number, { by: number; i: number; k: number }>();
    const queue = [from];
    for (let at = 0; at < queue.length; at++) {
      const u = queue[at]!;
      for (const i of group) {
        const replicas = plan.assign[i]!;
        if (replicas[0] !== u || !plan.movable(i)) continue;
        for (let k = 1; k < replicas.length; k++) {
          const v = replicas[k]!;
          if (v === from || via.has(v) || !leads.has(v)) continue;
          via.set(v, { by: u, i, k });
          if (leads.get(from)! - leads.get(v)! >= 2) {
            const path: Array<{ i: number; k: number }> = [];
            for (let w = v; w !== from; w = via.get(w)!.by) path.push(via.get(w)!);
            return path;
          }
          queue.push(v);
        }
      }
    }
  }
  return undefined;
}
