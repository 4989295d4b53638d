import type { Xoshiro128 } from '../random';
import type { Message, NodeId } from '../types';

export interface InFlight {
  /** Tick at which the message may be delivered. */
  at: number;
  m: Message;
  /**
   * Set when the message already reached its receiver's host and waits in its inbox: the
   * receiver incarnation it waits for (a crash loses it, a partition does not).
   */
  held?: number;
}

/** How one message fares on the wire. */
export interface LinkFaults {
  dropRate: number;
  dupRate: number;
  /** Normal delay is uniform in [0, maxDelayTicks]. */
  maxDelayTicks: number;
  /** Probability of a long delay, uniform in [longDelayTicksMin, 3·longDelayTicksMin]. */
  longDelayRate: number;
  longDelayTicksMin: number;
}

/**
 * 'leader-follower' cuts only the links between the leader and one follower, which then
 * campaigns among followers that still hear the leader: the case leases must survive.
 */
export type PartitionKind =
  'symmetric' | 'asymmetric' | 'leader-isolated' | 'bridge' | 'leader-follower';

/** The simulated wire: delay, loss, duplication, reordering, and link cuts. */
export class Network {
  private queue: InFlight[] = [];
  /** Cut one-way links, keyed by linkKey(from, to). */
  private blocked = new Set<number>();
  partition: { kind: PartitionKind; until: number; text: string } | null = null;

  constructor(private readonly rng: Xoshiro128) {}

  size(): number {
    return this.queue.length;
  }

  /** Queues `m`; returns false if it was dropped on the way. */
  send(m: Message, now: number, f: LinkFaults): boolean {
    if (f.dropRate > 0 && this.rng.chance(f.dropRate)) return false;
    this.queue.push({ at: now + this.delay(f), m });
    if (f.dupRate > 0 && this.rng.chance(f.dupRate)) {
      this.queue.push({ at: now + 1 + this.delay(f), m });
    }
    return true;
  }

  /** Puts a message that reached its receiver back in line until `at` (a slow inbox). */
  hold(m: Message, at: number, incarnation: number): void {
    this.queue.push({ at, m, held: incarnation });
  }

  private delay(f: LinkFaults): number {
    if (f.longDelayRate > 0 && this.rng.chance(f.longDelayRate)) {
      return f.longDelayTicksMin + this.rng.int(2 * f.longDelayTicksMin + 1);
    }
    return this.rng.int(f.maxDelayTicks + 1);
  }

  /** Removes and returns up to `max` messages to `to` deliverable at `now`, oldest first. */
  takeDueFor(to: NodeId, now: number, max: number): InFlight[] {
    const out: InFlight[] = [];
    if (max <= 0) return out;
    const keep: InFlight[] = [];
    for (const f of this.queue) {
      if (out.length < max && f.m.to === to && f.at <= now) out.push(f);
      else keep.push(f);
    }
    this.queue = keep;
    return out;
  }

  /** Removes and returns the messages deliverable at `now`, in random order. */
  takeDue(now: number): InFlight[] {
    const due: InFlight[] = [];
    const keep: InFlight[] = [];
    for (const f of this.queue) (f.at <= now ? due : keep).push(f);
    this.queue = keep;
    for (let k = due.length - 1; k > 0; k--) {
      const j = this.rng.int(k + 1);
      const t = due[k] as InFlight;
      due[k] = due[j] as InFlight;
      due[j] = t;
    }
    return due;
  }

  connected(from: NodeId, to: NodeId): boolean {
    return !this.blocked.has(linkKey(from, to));
  }

  /** Cuts links for a partition of the given kind among `ids`. */
  cut(kind: PartitionKind, ids: NodeId[], leader: NodeId, until: number): string {
    this.heal();
    const shuffled = ids.map((id) => ({ id, k: this.rng.float() }));
    shuffled.sort((a, b) => a.k - b.k);
    const order = shuffled.map((x) => x.id);
    let a: NodeId[];
    let b: NodeId[];
    let text: string;
    if (kind === 'leader-isolated' && leader !== 0) {
      a = [leader];
      b = ids.filter((id) => id !== leader);
    } else {
      const split = 1 + this.rng.int(Math.max(1, order.length - 1));
      a = order.slice(0, split);
      b = order.slice(split);
    }
    if (kind === 'leader-follower' && leader !== 0 && ids.length >= 2) {
      const follower = this.rng.pick(ids.filter((id) => id !== leader));
      this.cutBoth(leader, follower);
      text = `leader-follower: ${leader} x ${follower}`;
    } else if (kind === 'asymmetric') {
      for (const x of a) for (const y of b) this.blocked.add(linkKey(x, y));
      text = `asymmetric: ${a.join(',')} cannot send to ${b.join(',')}`;
    } else if (kind === 'bridge' && b.length >= 2) {
      const bridge = b[0] as NodeId;
      const rest = b.slice(1);
      for (const x of a) for (const y of rest) this.cutBoth(x, y);
      text = `bridge: ${a.join(',')} | ${bridge} | ${rest.join(',')}`;
    } else {
      for (const x of a) for (const y of b) this.cutBoth(x, y);
      text = `${kind}: ${a.join(',')} | ${b.join(',')}`;
    }
    this.partition = { kind, until, text };
    return text;
  }

  private cutBoth(x: NodeId, y: NodeId): void {
    this.blocked.add(linkKey(x, y));
    this.blocked.add(linkKey(y, x));
  }

  heal(): void {
    this.blocked.clear();
    this.partition = null;
  }
}

function linkKey(from: NodeId, to: NodeId): number {
  return from * 4096 + to;
}
