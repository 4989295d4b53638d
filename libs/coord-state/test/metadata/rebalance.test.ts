// The rebalance plan (metadata/rebalance.ts): as few replica moves as the even share needs,
// preferred leaders evened by reordering only, racks kept apart, nothing moved when balanced.
import { Xoshiro128 } from '@tributary/raft';
import { placeReplicas, type PlacementBroker } from '../../src/metadata/placement';
import { type PlannedPartition, rebalancePlan } from '../../src/metadata/rebalance';

const brokers = (n: number, racks = 1): PlacementBroker[] =>
  Array.from({ length: n }, (_, k) => ({ id: k + 1, rack: racks > 1 ? `r${k % racks}` : '' }));

/** A topic placed as CreateTopic places it on `on` brokers. */
function topic(on: PlacementBroker[], partitions: number, rf: number): PlannedPartition[] {
  return placeReplicas(on, partitions, rf, 0).map((replicas, partition) => ({
    topic: 't',
    partition,
    replicas,
    busy: false,
  }));
}

/** The assignment after the plan, and per-broker replica and leader counts. */
function apply(parts: PlannedPartition[], plan: ReturnType<typeof rebalancePlan>) {
  const after = parts.map((p) => [...p.replicas]);
  for (const m of plan) after[m.partition] = m.replicas;
  const replicas = new Map<number, number>();
  const leaders = new Map<number, number>();
  for (const r of after) {
    for (const b of r) replicas.set(b, (replicas.get(b) ?? 0) + 1);
    leaders.set(r[0]!, (leaders.get(r[0]!) ?? 0) + 1);
  }
  const moved = parts.reduce(
    (n, p, i) => n + after[i]!.filter((b) => !p.replicas.includes(b)).length,
    0,
  );
  return { after, replicas, leaders, moved };
}

const spread = (counts: Map<number, number>, ids: number[]) => {
  const n = ids.map((id) => counts.get(id) ?? 0);
  return Math.max(...n) - Math.min(...n);
};

it('spreads 24 partitions × RF 2 from 3 brokers over 5 with the fewest moves', () => {
  const parts = topic(brokers(3), 24, 2);
  const plan = rebalancePlan(brokers(5), parts);
  const { after, replicas, leaders, moved } = apply(parts, plan);
  // 48 replicas over 5 brokers: 9 or 10 each, so the three old brokers give 6 each.
  expect(moved).toBe(18);
  expect(spread(replicas, [1, 2, 3, 4, 5])).toBeLessThanOrEqual(1);
  // 24 leaders: 4 or 5 each.
  for (const id of [1, 2, 3, 4, 5]) expect([4, 5]).toContain(leaders.get(id));
  for (const r of after) expect(new Set(r).size).toBe(2);
});

it('moves nothing when the cluster is already balanced, and is stable when run again', () => {
  const parts = [
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 1],
  ].map((replicas, partition) => ({
    topic: 't',
    partition,
    replicas,
    busy: false,
  }));
  expect(rebalancePlan(brokers(4), parts)).toEqual([]);
  const grown = topic(brokers(3), 10, 3);
  const plan = rebalancePlan(brokers(6), grown);
  const once = apply(grown, plan).after.map((replicas, partition) => ({
    topic: 't',
    partition,
    replicas,
    busy: false,
  }));
  expect(rebalancePlan(brokers(6), once)).toEqual([]);
});

it('evens preferred leaders by reordering replicas alone', () => {
  // Every partition prefers broker 1; each holds all three brokers.
  const parts: PlannedPartition[] = Array.from({ length: 6 }, (_, partition) => ({
    topic: 't',
    partition,
    replicas: [1, 2, 3],
    busy: false,
  }));
  const plan = rebalancePlan(brokers(3), parts);
  const { leaders, moved, after } = apply(parts, plan);
  expect(moved).toBe(0);
  expect([...leaders.values()]).toEqual([2, 2, 2]);
  for (const r of after) expect([...r].sort()).toEqual([1, 2, 3]);
});

it('spreads each topic over the new brokers, and the cluster as a whole', () => {
  const parts = ['a', 'b', 'c'].flatMap((name) =>
    topic(brokers(2), 4, 1).map((p) => ({ ...p, topic: name })),
  );
  const plan = rebalancePlan(brokers(4), parts);
  const after = parts.map((p) => [...p.replicas]);
  for (const m of plan)
    after[parts.findIndex((p) => p.topic === m.topic && p.partition === m.partition)] = m.replicas;
  for (const name of ['a', 'b', 'c']) {
    const held = new Set(after.filter((_, i) => parts[i]!.topic === name).map((r) => r[0]));
    expect([name, [...held].sort()]).toEqual([name, [1, 2, 3, 4]]);
  }
  const total = new Map<number, number>();
  for (const r of after) total.set(r[0]!, (total.get(r[0]!) ?? 0) + 1);
  expect([...total.values()]).toEqual([3, 3, 3, 3]);
});

it('moves replicas off brokers that are gone, and leaves partitions being reassigned alone', () => {
  const parts: PlannedPartition[] = [
    { topic: 't', partition: 0, replicas: [1, 4], busy: false },
    { topic: 't', partition: 1, replicas: [4, 2], busy: false },
    { topic: 't', partition: 2, replicas: [3, 4], busy: true },
  ];
  const plan = rebalancePlan(brokers(3), parts);
  expect(plan.map((m) => m.partition).sort()).toEqual([0, 1]);
  for (const m of plan) expect(m.replicas).not.toContain(4);
});

it('keeps replicas in different racks when it moves them', () => {
  const racks = brokers(6, 3);
  const parts = topic(racks.slice(0, 3), 12, 3); // one broker per rack: each rack holds every partition
  const { after, replicas } = apply(parts, rebalancePlan(racks, parts));
  const rackOf = new Map(racks.map((b) => [b.id, b.rack]));
  for (const r of after) expect(new Set(r.map((b) => rackOf.get(b))).size).toBe(3);
  expect(spread(replicas, [1, 2, 3, 4, 5, 6])).toBeLessThanOrEqual(1);
});

it('on random clusters: valid replicas, an even spread, and the fewest replica moves', () => {
  const random = new Xoshiro128(11);
  for (let run = 0; run < 300; run++) {
    const before = 1 + random.int(5);
    const after = before + random.int(4);
    const rf = 1 + random.int(Math.min(3, before));
    const parts = topic(brokers(before), 1 + random.int(40), rf);
    const ids = brokers(after).map((b) => b.id);
    const {
      after: placed,
      replicas,
      leaders,
      moved,
    } = apply(parts, rebalancePlan(brokers(after), parts));
    const what = `run ${run}: ${parts.length} partitions × RF ${rf}, ${before} → ${after} brokers`;
    for (const r of placed) {
      expect([what, new Set(r).size]).toEqual([what, rf]);
      for (const b of r) expect(ids).toContain(b);
    }
    expect([what, spread(replicas, ids) <= 1]).toEqual([what, true]);
    expect([what, spread(leaders, ids) <= 1]).toEqual([what, true]);
    // Fewest moves: brokers end with floor or ceil of the even share, so at least what the
    // loaded hold over the ceil leaves, and at least what the light lack under the floor comes.
    const share = (parts.length * rf) / after;
    const held = ids.map((id) => apply(parts, []).replicas.get(id) ?? 0);
    const over = held.reduce((n, c) => n + Math.max(0, c - Math.ceil(share)), 0);
    const under = held.reduce((n, c) => n + Math.max(0, Math.floor(share) - c), 0);
    expect([what, moved]).toEqual([what, Math.max(over, under)]);
  }
});
