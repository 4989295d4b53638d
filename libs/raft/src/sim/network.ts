import type { Xoshiro128 } from '../random';
import type { Message, NodeId } from '../types';

export interface InFlight {
  /** Tick at which the message may be delivered. */
  at: number;
  m: Message;
}

export type PartitionKind = 'symmetric' | 'asymmetric' | 'leader-isolated' | 'bridge';

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
  send(m: Message, now: number, dropRate: number, dupRate: number, maxDelay: number): boolean {
    if (dropRate > 0 && this.rng.chance(dropRate)) return false;
    this.queue.push({ at: now + this.rng.int(maxDelay + 1), m });
    if (dupRate > 0 && this.rng.chance(dupRate)) {
      this.queue.push({ at: now + this.rng.int(maxDelay + 2), m });
    }
    return true;
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
    if (kind === 'asymmetric') {
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
