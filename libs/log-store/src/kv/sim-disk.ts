/**
 * A disk for the simulator, behind the same `KvStore` port as RocksDB, that is honest about
 * durability: a write is visible once it completes, but survives a crash only once a synced
 * write has completed after it (a synced RocksDB write syncs the whole WAL before it). A crash
 * keeps what was synced plus a random prefix of the completed, unsynced batches — each batch
 * whole or not at all, as RocksDB's WAL recovery does — and loses every write still in flight.
 * Writes complete only when the simulator says so, one at a time, in submission order.
 */
import type { Random } from '@tributary/raft';
import type { BatchOp, KvStore } from './kv-store';

type Op =
  { kind: 'batch'; ops: BatchOp[]; sync: boolean } | { kind: 'clear'; gte: string; lt: string };

interface InFlight {
  op: Op;
  resolve: () => void;
}

const hex = (b: Buffer) => b.toString('hex');

export class SimDisk {
  private durable = new Map<string, Buffer>();
  private visible = new Map<string, Buffer>();
  /** Completed since the last sync, oldest first: what a crash may or may not keep. */
  private unsynced: Op[] = [];
  private inflight: InFlight[] = [];
  private generation = 0;
  /** Synced batches completed, for the report. */
  syncs = 0;

  /** A handle for one process lifetime; a crash makes every older handle inert. */
  open(): KvStore {
    const generation = this.generation;
    const alive = () => generation === this.generation;
    const submit = (op: Op) =>
      alive()
        ? new Promise<void>((resolve) => this.inflight.push({ op, resolve }))
        : new Promise<void>(() => undefined);
    return {
      batch: (ops, sync) =>
        ops.length === 0 ? Promise.resolve() : submit({ kind: 'batch', ops, sync }),
      clear: (gte, lt) => submit({ kind: 'clear', gte: hex(gte), lt: hex(lt) }),
      get: async (key) => (alive() ? this.visible.get(hex(key)) : undefined),
      scan: async (gte, lt, limit) =>
        alive() ? this.range(hex(gte), hex(lt)).slice(0, limit ?? Infinity) : [],
      close: async () => undefined,
    };
  }

  get pendingWrites(): number {
    return this.inflight.length;
  }

  /** Completes the oldest write in flight; false when there is none. */
  completeOne(): boolean {
    const next = this.inflight.shift();
    if (!next) return false;
    apply(this.visible, next.op);
    if (next.op.kind === 'batch' && next.op.sync) {
      this.durable = new Map(this.visible);
      this.unsynced = [];
      this.syncs++;
    } else {
      this.unsynced.push(next.op);
    }
    next.resolve();
    return true;
  }

  /** The process dies: in-flight writes are lost, and some unsynced ones with them. */
  crash(random: Random): { lostBatches: number } {
    this.generation++;
    this.inflight = [];
    const kept = random.int(this.unsynced.length + 1);
    const state = new Map(this.durable);
    for (const op of this.unsynced.slice(0, kept)) apply(state, op);
    const lostBatches = this.unsynced.length - kept;
    this.visible = state;
    this.durable = new Map(state);
    this.unsynced = [];
    return { lostBatches };
  }

  /** Every key/value currently visible (for damage tests). */
  keys(): string[] {
    return [...this.visible.keys()].sort();
  }

  private range(gte: string, lt: string): Array<[Buffer, Buffer]> {
    return [...this.visible.keys()]
      .filter((k) => k >= gte && k < lt)
      .sort()
      .map((k) => [Buffer.from(k, 'hex'), Buffer.from(this.visible.get(k) as Buffer)]);
  }
}

function apply(state: Map<string, Buffer>, op: Op): void {
  if (op.kind === 'clear') {
    for (const k of [...state.keys()]) if (k >= op.gte && k < op.lt) state.delete(k);
    return;
  }
  for (const o of op.ops) {
    if (o.type === 'put') state.set(hex(o.key), Buffer.from(o.value));
    else state.delete(hex(o.key));
  }
}
