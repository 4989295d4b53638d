// Replica placement for new partitions: deterministic (every replica of the state machine
// computes the same answer), leaders spread evenly, followers spread over racks.
//
// Brokers are first put in rack-alternating order (a1 b1 c1 a2 b2 c2 …), so neighbours in the
// list are in different racks. Partition p's leader is the broker at position start + p; its
// followers are found by walking the list from the leader with a stride that changes every
// full turn of the list (so the followers of one leader differ from partition to partition,
// as in Kafka), preferring at each step a broker whose rack holds no replica yet.

import { assert } from '../assert';

export interface PlacementBroker {
  id: number;
  rack: string;
}

/** Brokers ordered by id, interleaved across racks (racks in name order; '' is a rack too). */
export function rackAlternating(brokers: readonly PlacementBroker[]): number[] {
  const byRack = new Map<string, number[]>();
  for (const b of [...brokers].sort((x, y) => x.id - y.id)) {
    const list = byRack.get(b.rack) ?? [];
    list.push(b.id);
    byRack.set(b.rack, list);
  }
  const racks = [...byRack.keys()].sort().map((r) => byRack.get(r)!);
  const out: number[] = [];
  for (let k = 0; out.length < brokers.length; k++)
    for (const list of racks) if (k < list.length) out.push(list[k]!);
  return out;
}

/**
 * Replica lists (preferred leader first) for `partitions` new partitions with `rf` replicas
 * each. `start` rotates the first leader, so that successive topics start on different brokers.
 */
export function placeReplicas(
  brokers: readonly PlacementBroker[],
  partitions: number,
  rf: number,
  start: number,
): number[][] {
  const order = rackAlternating(brokers);
  const n = order.length;
  assert(rf >= 1 && rf <= n, 'placement needs 1 <= rf <= live brokers');
  const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
  const out: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    const first = (start + p) % n;
    const stride = n > 1 ? 1 + (Math.floor((start + p) / n) % (n - 1)) : 1;
    const replicas = [order[first]!];
    const racks = new Set([rackOf.get(order[first]!)]);
    const rackCount = new Set(rackOf.values()).size;
    // Candidates in walk order; the first pass takes only new racks, the second fills up.
    const walk: number[] = [];
    for (let k = 1; k < n; k++) walk.push(order[(first + stride * k) % n]!);
    const seen = new Set(replicas);
    const candidates = [...new Set(walk.concat(order))].filter((b) => !seen.has(b));
    for (const pass of [0, 1])
      for (const b of candidates) {
        if (replicas.length === rf) break;
        if (replicas.includes(b)) continue;
        if (pass === 0 && racks.size < rackCount && racks.has(rackOf.get(b))) continue;
        replicas.push(b);
        racks.add(rackOf.get(b));
      }
    out.push(replicas);
  }
  return out;
}
