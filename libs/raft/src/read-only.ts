import type { Message, NodeId } from './types';

/** A ReadIndex request waiting for a quorum to confirm our leadership. */
export interface ReadIndexStatus {
  /** The original request (from = requester; local requests have from = leader). */
  req: Message;
  /** Leader's commit index when the request arrived: the read index. */
  index: number;
  acks: Set<NodeId>;
}

/**
 * Pending safe ReadIndex requests in arrival order. A heartbeat round carries the context of
 * the newest request; a quorum of acks for it releases it and every older request.
 * Bounded by the caller (`maxPendingReads`).
 */
export class ReadOnly {
  private readonly pending = new Map<string, ReadIndexStatus>();
  private queue: string[] = [];

  size(): number {
    return this.queue.length;
  }

  has(context: string): boolean {
    return this.pending.has(context);
  }

  add(index: number, req: Message): void {
    if (this.pending.has(req.context)) return;
    this.pending.set(req.context, { req, index, acks: new Set() });
    this.queue.push(req.context);
  }

  /** Records an ack; returns the ack count for that context (0 if unknown). */
  recvAck(id: NodeId, context: string): number {
    const st = this.pending.get(context);
    if (!st) return 0;
    st.acks.add(id);
    return st.acks.size;
  }

  acks(context: string): Set<NodeId> | undefined {
    return this.pending.get(context)?.acks;
  }

  /** Removes and returns every request up to and including `context`. */
  advance(context: string): ReadIndexStatus[] {
    const at = this.queue.indexOf(context);
    if (at < 0) return [];
    const done = this.queue.slice(0, at + 1);
    this.queue = this.queue.slice(at + 1);
    const out: ReadIndexStatus[] = [];
    for (const c of done) {
      out.push(this.pending.get(c) as ReadIndexStatus);
      this.pending.delete(c);
    }
    return out;
  }

  lastContext(): string | undefined {
    return this.queue[this.queue.length - 1];
  }

  clear(): void {
    this.pending.clear();
    this.queue = [];
  }
}
