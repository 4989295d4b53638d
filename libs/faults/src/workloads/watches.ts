/**
 * Watches: one client writes a few keys with unique values while several others watch their
 * prefix from one starting revision, each through its own SDK watch that resumes by itself
 * across connection losses and leader changes. Every watcher must see every change, once, in
 * revision order, and nothing that was not written (checkers/watch-checker.ts).
 *
 * Ground truth is the writer's acknowledged writes with the revisions the coordinator gave
 * them. A write whose answer was lost (info) has no known revision; if a watcher reports its
 * unique value, that is where it landed.
 */
import * as path from 'node:path';
import { CoordinationClient, CoordinationError, type Watch } from '@tributary/client';
import { checkWatches, type KeyChange, type WatchObservation } from '@tributary/testkit';
import { History } from '../history';
import {
  sleep,
  writeOutcome,
  coordinationClient,
  ensurePath,
  loopUntil,
  type Workload,
  type WorkloadContext,
  type WorkloadVerdict,
} from './workload';

export interface WatchWorkloadOptions {
  watchers?: number;
  keys?: number;
  requestTimeoutMs?: number;
  /** Longest pause between two writes (uniform from 0). */
  thinkMs?: number;
  /** How long the check waits for watchers to catch up with the last write. */
  catchUpMs?: number;
}

type WriteRecord = {
  type: 'write';
  key: string;
  value: string;
  outcome: 'ok' | 'fail' | 'info';
  revision?: number;
  invoke: number;
  complete: number;
};
type EventRecord = {
  type: 'event';
  process: string;
  key: string;
  revision: number;
  kind: 'put' | 'delete';
  value: string;
  at: number;
};
type WatchHistoryOp = WriteRecord | EventRecord;

const ROOT = '/faults/watch';

export class WatchWorkload implements Workload {
  readonly name = 'watches';
  readonly needsBrokers = false;
  private readonly opts: Required<WatchWorkloadOptions>;
  private history: History<WatchHistoryOp> | undefined;
  private readonly clients: CoordinationClient[] = [];
  private readonly watchers: {
    process: string;
    watch: Watch;
    events: KeyChange[];
    done: Promise<void>;
  }[] = [];
  private readonly stopping = new AbortController();
  private writer: Promise<void> | undefined;
  private from = 0;

  constructor(options: WatchWorkloadOptions = {}) {
    this.opts = {
      watchers: 3,
      keys: 4,
      requestTimeoutMs: 3_000,
      thinkMs: 30,
      catchUpMs: 30_000,
      ...options,
    };
  }

  async start(ctx: WorkloadContext): Promise<void> {
    this.history = new History(path.join(ctx.dir, 'watches.jsonl'));
    const writer = this.client(ctx, 0);
    await ensurePath(writer, ROOT);
    const created = await writer.get(ROOT);
    this.from = created.header.revision;
    for (let w = 0; w < this.opts.watchers; w++) {
      const process = `w${w}`;
      const watch = this.client(ctx, w + 1).watch(ROOT, { prefix: true, startRevision: this.from });
      const events: KeyChange[] = [];
      const done = (async () => {
        for await (const e of watch) {
          const change: KeyChange = {
            key: e.path,
            revision: e.revision,
            kind: e.type === 'deleted' ? 'delete' : 'put',
            value: e.data.toString(),
          };
          events.push(change);
          this.history!.add({
            type: 'event',
            process,
            ...change,
            value: change.value!,
            at: ctx.clock.now(),
          });
        }
      })();
      this.watchers.push({ process, watch, events, done });
    }
    this.writer = this.write(ctx, writer);
  }

  private client(ctx: WorkloadContext, c: number): CoordinationClient {
    const client = coordinationClient(ctx, c, this.opts.requestTimeoutMs);
    this.clients.push(client);
    return client;
  }

  private async write(ctx: WorkloadContext, client: CoordinationClient) {
    let n = 0;
    await loopUntil(
      this.stopping.signal,
      async () => {
        await sleep(ctx.random.int(this.opts.thinkMs + 1));
        const key = `${ROOT}/k${ctx.random.int(this.opts.keys)}`;
        const value = `v${++n}`;
        const invoke = ctx.clock.now();
        try {
          // The first write of a key creates it; later ones set it. Either is one change.
          const stat = await client
            .set(key, value)
            .then((r) => r.stat)
            .catch(async (error: unknown) => {
              if (error instanceof CoordinationError && error.reason === 'NO_NODE')
                return (await client.create(key, value)).stat;
              throw error;
            });
          this.history!.add({
            type: 'write',
            key,
            value,
            outcome: 'ok',
            revision: stat.modRevision,
            invoke,
            complete: ctx.clock.now(),
          });
        } catch (error) {
          const outcome = writeOutcome(error);
          this.history!.add({
            type: 'write',
            key,
            value,
            outcome,
            invoke,
            complete: ctx.clock.now(),
          });
        }
      },
      () => undefined,
    );
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.writer;
  }

  async check(ctx: WorkloadContext): Promise<WorkloadVerdict> {
    const reader = this.clients[0]!;
    const last = await reader.get(ROOT).then(
      (r) => r.header.revision,
      () => 0,
    );
    const deadline = Date.now() + this.opts.catchUpMs;
    while (this.watchers.some((w) => w.watch.revision < last) && Date.now() < deadline)
      await sleep(100);
    const observations: WatchObservation[] = [];
    for (const w of this.watchers) {
      const upTo = w.watch.revision;
      w.watch.close();
      await w.done.catch(() => undefined);
      observations.push({
        process: w.process,
        key: `${ROOT}/`,
        prefix: true,
        from: this.from,
        upTo,
        events: w.events,
      });
    }
    await Promise.all(this.clients.splice(0).map((c) => c.close()));
    const history = this.history!;
    history.close();

    const writes = history.ops.filter((op): op is WriteRecord => op.type === 'write');
    const truth: KeyChange[] = writes
      .filter((w) => w.outcome === 'ok')
      .map((w) => ({ key: w.key, revision: w.revision!, kind: 'put', value: w.value }));
    const pending = new Map(writes.filter((w) => w.outcome === 'info').map((w) => [w.value, w]));
    const placed = new Set<string>();
    for (const w of this.watchers) {
      for (const e of w.events) {
        const write = pending.get(e.value ?? '');
        if (write && write.key === e.key && !placed.has(write.value)) {
          placed.add(write.value);
          truth.push({ key: e.key, revision: e.revision, kind: 'put', value: e.value });
        }
      }
    }
    const result = checkWatches(truth, observations);
    const behind = this.watchers.filter((w) => w.watch.revision < last).map((w) => w.process);
    const counts = {
      writes: writes.length,
      acknowledged: truth.length - placed.size,
      events: this.watchers.reduce((n, w) => n + w.events.length, 0),
      ...result.counts,
      'watchers-behind': behind.length,
    };
    const ok = result.ok && behind.length === 0 && counts.acknowledged > 0;
    const anomalies = Object.entries(result.counts)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${v} ${k}`);
    if (behind.length) anomalies.push(`${behind.join(', ')} never reached revision ${last}`);
    ctx.log(`watches: ${counts.events} events checked against ${truth.length} writes`);
    return {
      workload: this.name,
      ok,
      counts,
      summary: `${this.watchers.length} watchers, ${counts.acknowledged} acknowledged writes, ${counts.events} events: ${anomalies.length ? anomalies.join(', ') : 'no anomaly'}`,
      examples: ok ? undefined : result.examples,
    };
  }
}
