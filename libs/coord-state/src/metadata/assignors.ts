// Server-side partition assignors: pure functions from the members' subscriptions (and, for
// sticky, the previous target) to each member's target partitions. Both balance per topic: of a
// topic's P partitions and its m subscribers, each gets ⌊P/m⌋ or ⌈P/m⌉.

/** topic → partitions, ascending. */
export type Assignment = Record<string, number[]>;

export interface AssignorMember {
  memberId: string;
  /** Static members sort by their instance id, so a restart keeps their place in the order. */
  instanceId?: string;
  topics: readonly string[];
  /** The previous target (used by sticky). */
  target: Assignment;
}

export type AssignorName = 'range' | 'sticky';
export const ASSIGNORS: readonly AssignorName[] = ['range', 'sticky'];

/** Subscribers of each topic, in member-id order (deterministic). */
function subscribers(members: readonly AssignorMember[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const key = (m: AssignorMember) => m.instanceId || m.memberId;
  for (const m of [...members].sort((a, b) => (key(a) < key(b) ? -1 : 1)))
    for (const t of new Set(m.topics)) out.set(t, [...(out.get(t) ?? []), m.memberId]);
  return out;
}

function emptyTargets(members: readonly AssignorMember[]): Map<string, Assignment> {
  return new Map(members.map((m) => [m.memberId, {}]));
}

function give(targets: Map<string, Assignment>, member: string, topic: string, p: number): void {
  const a = targets.get(member)!;
  (a[topic] ??= []).push(p);
}

function sorted(targets: Map<string, Assignment>): Map<string, Assignment> {
  for (const a of targets.values()) for (const list of Object.values(a)) list.sort((x, y) => x - y);
  return targets;
}

/** Kafka's range: each topic's partitions cut into contiguous runs, in member order. */
export function rangeAssign(
  members: readonly AssignorMember[],
  partitionsOf: (topic: string) => number,
): Map<string, Assignment> {
  const targets = emptyTargets(members);
  for (const [topic, subs] of subscribers(members)) {
    const total = partitionsOf(topic);
    const base = Math.floor(total / subs.length);
    const extra = total % subs.length;
    let p = 0;
    subs.forEach((member, k) => {
      for (let n = 0; n < base + (k < extra ? 1 : 0); n++) give(targets, member, topic, p++);
    });
  }
  return sorted(targets);
}

/**
 * Sticky: every member keeps what it had, up to its share; only the excess and the partitions
 * of departed members move, to the members furthest below their share.
 */
export function stickyAssign(
  members: readonly AssignorMember[],
  partitionsOf: (topic: string) => number,
): Map<string, Assignment> {
  const targets = emptyTargets(members);
  const previous = new Map(members.map((m) => [m.memberId, m.target]));
  for (const [topic, subs] of subscribers(members)) {
    const total = partitionsOf(topic);
    const base = Math.floor(total / subs.length);
    let extra = total % subs.length;
    // Members holding most keep their extra slot first, so the fewest partitions move.
    const held = (m: string) => (previous.get(m)?.[topic] ?? []).filter((p) => p < total);
    const byHeld = [...subs].sort((a, b) => held(b).length - held(a).length || (a < b ? -1 : 1));
    const quota = new Map<string, number>();
    for (const m of byHeld) quota.set(m, base + (extra-- > 0 ? 1 : 0));
    const taken = new Set<number>();
    for (const m of byHeld)
      for (const p of held(m).slice(0, quota.get(m)!))
        if (!taken.has(p)) {
          taken.add(p);
          give(targets, m, topic, p);
        }
    const count = (m: string) => targets.get(m)![topic]?.length ?? 0;
    for (let p = 0; p < total; p++) {
      if (taken.has(p)) continue;
      const m = byHeld.find((x) => count(x) < quota.get(x)!)!;
      give(targets, m, topic, p);
    }
  }
  return sorted(targets);
}

export function assign(
  name: AssignorName,
  members: readonly AssignorMember[],
  partitionsOf: (topic: string) => number,
): Map<string, Assignment> {
  return name === 'sticky'
    ? stickyAssign(members, partitionsOf)
    : rangeAssign(members, partitionsOf);
}
