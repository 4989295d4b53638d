/**
 * Group commit: every write of every partition of a store is queued here; one synced KV batch
 * carries everything queued while the previous one was in flight, plus the state of every
 * partition it touches (so a partition's state is atomic with its data). A failed write leaves
 * memory ahead of disk, so the committer refuses everything after it; the process must reopen.
 */
import type { BatchOp, KvStore } from './kv/kv-store';

/** What a partition contributes to a write: its state as of the ops queued so far. */
export interface StateSource {
  /** The state put for this write, and what to do once it is durable. */
  snapshot(): { op: BatchOp; onDurable: () => void };
}

/** Test-only faults, to show the fuzz test finds them. */
export type Plant = 'state-before-data';

export class GroupCommitter {
  private ops: BatchOp[] = [];
  private dirty = new Set<StateSource>();
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private inflight = false;
  private scheduled = false;
  private failed: unknown;
  /** Synced KV batches written, for benchmarks. */
  writes = 0;

  constructor(
    private readonly kv: KvStore,
    private readonly plant?: Plant,
    /** Called once, with the error of the first write that failed. */
    private readonly onFailed?: (error: unknown) => void,
  ) {}

  /** Queues `ops` (and the state of `source`); resolves once they are durable. */
  submit(ops: readonly BatchOp[], source?: StateSource): Promise<void> {
    if (this.failed !== undefined) return Promise.reject(this.failed);
    for (const op of ops) this.ops.push(op);
    if (source) this.dirty.add(source);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule();
    return done;
  }

  /** Resolves once everything queued so far is durable. */
  barrier(): Promise<void> {
    if (!this.inflight && this.waiters.length === 0) return Promise.resolve();
    return this.submit([]);
  }

  // A microtask lets every append made in the same turn join the batch.
  private schedule(): void {
    if (this.inflight || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inflight || this.waiters.length === 0) return;
    this.inflight = true;
    const ops = this.ops;
    const waiters = this.waiters;
    const states = [...this.dirty].map((s) => s.snapshot());
    this.ops = [];
    this.waiters = [];
    this.dirty = new Set();
    try {
      if (this.plant === 'state-before-data') {
        await this.kv.batch(
          states.map((s) => s.op),
          true,
        );
        await this.kv.batch(ops, true);
      } else {
        for (const s of states) ops.push(s.op);
        await this.kv.batch(ops, true);
      }
      this.writes++;
    } catch (err) {
      this.failed = err;
      this.onFailed?.(err);
      for (const w of waiters) w.reject(err);
      for (const w of this.waiters) w.reject(err);
      this.waiters = [];
      return;
    } finally {
      this.inflight = false;
    }
    for (const s of states) s.onDurable();
    for (const w of waiters) w.resolve();
    this.schedule();
  }
}
