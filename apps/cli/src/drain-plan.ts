/**
 * The moves that empty one broker before it is removed (`trib broker drain ID`): each partition
 * with a replica on it keeps its other replicas, in order, and gains the live broker with the
 * fewest replicas (ties to the lowest id) that it does not already have. Only those partitions
 * move, each by one replica. Pure: the caller passes the placement in.
 */

export interface PlacedPartition {
  topic: string;
  partition: number;
  /** Preferred leader first. */
  replicas: number[];
}

export interface DrainMove {
  topic: string;
  partition: number;
  /** Target replicas, preferred leader first. */
  replicas: number[];
}

export type DrainPlan = { ok: true; moves: DrainMove[] } | { ok: false; error: string };

export function planDrain(
  partitions: PlacedPartition[],
  live: number[],
  drained: number,
): DrainPlan {
  const targets = [...new Set(live)].filter((id) => id !== drained).sort((a, b) => a - b);
  const load = new Map(targets.map((id) => [id, 0]));
  for (const p of partitions)
    for (const id of p.replicas) if (load.has(id)) load.set(id, load.get(id)! + 1);
  const moves: DrainMove[] = [];
  const ordered = [...partitions].sort(
    (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition,
  );
  for (const p of ordered) {
    if (!p.replicas.includes(drained)) continue;
    const kept = p.replicas.filter((id) => id !== drained);
    const candidates = targets.filter((id) => !kept.includes(id));
    if (candidates.length === 0)
      return {
        ok: false,
        error:
          `cannot drain broker ${drained}: ${p.topic}/${p.partition} has ${p.replicas.length} ` +
          `replicas and no other live broker can take one (live: ${targets.join(',') || 'none'})`,
      };
    const pick = candidates.reduce((best, id) => (load.get(id)! < load.get(best)! ? id : best));
    load.set(pick, load.get(pick)! + 1);
    // The drained broker's place goes last: leadership passes to a replica already in sync.
    moves.push({ topic: p.topic, partition: p.partition, replicas: [...kept, pick] });
  }
  return { ok: true, moves };
}
