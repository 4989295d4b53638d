/**
 * Registers on the coordination tree: clients read, write and compare-and-set a few keys with
 * linearizable operations, and the history must be linearizable key by key (Wing–Gong/Lowe,
 * checkers/linearizability.ts).
 *
 * - read: a linearizable Get (an absent key reads null);
 * - write: a put, as one transaction (create if missing, else set);
 * - cas: a transaction comparing the data with the value this client last read.
 * A write whose answer is lost (the SDK marks it indeterminate and never resends it) is `info`:
 * it may take effect at any later time. Keys rotate every `keyLifetimeMs`, as Jepsen's
 * independent keys do, so the search on any one key stays small however long the run.
 */
import * as path from 'node:path';
import { Cmp, CoordinationClient, CoordinationError, Op } from '@tributary/client';
import { checkLinearizable, type RegisterOp, type RegisterValue } from '@tributary/testkit';
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

export interface RegisterWorkloadOptions {
  clients?: number;
  keys?: number;
  keyLifetimeMs?: number;
  /** Time budget of one operation; past it the operation is `info`. */
  requestTimeoutMs?: number;
  /** Longest pause between one client's operations (uniform from 0). */
  thinkMs?: number;
}

const ROOT = '/faults/register';

export class RegisterWorkload implements Workload {
  readonly name = 'register';
  readonly needsBrokers = false;
  private readonly opts: Required<RegisterWorkloadOptions>;
  private history: History<RegisterOp> | undefined;
  private readonly clients: CoordinationClient[] = [];
  private readonly stopping = new AbortController();
  private running: Promise<void>[] = [];
  private nextValue = 1;

  constructor(options: RegisterWorkloadOptions = {}) {
    this.opts = {
      clients: 5,
      keys: 3,
      keyLifetimeMs: 20_000,
      requestTimeoutMs: 3_000,
      thinkMs: 40,
      ...options,
    };
  }

  async start(ctx: WorkloadContext): Promise<void> {
    this.history = new History(path.join(ctx.dir, 'register.jsonl'));
    for (let c = 0; c < this.opts.clients; c++) {
      const client = coordinationClient(ctx, c, this.opts.requestTimeoutMs);
      this.clients.push(client);
      if (c === 0) await ensurePath(client, ROOT);
      this.running.push(this.runClient(ctx, client, c));
    }
  }

  private async runClient(ctx: WorkloadContext, client: CoordinationClient, c: number) {
    const history = this.history!;
    const lastRead = new Map<string, RegisterValue>();
    // A client whose operation is left pending (info) continues as a new process, as in Jepsen:
    // the old one may still be "running" that operation.
    let generation = 0;
    await loopUntil(
      this.stopping.signal,
      async () => {
        await sleep(ctx.random.int(this.opts.thinkMs + 1));
        const key = `${ROOT}/g${Math.floor(ctx.clock.now() / this.opts.keyLifetimeMs)}-k${ctx.random.int(this.opts.keys)}`;
        const process = `c${c}.${generation}`;
        const dice = ctx.random.int(4);
        const invoke = ctx.clock.now();
        if (dice < 2) {
          const value = await this.read(client, key).catch(() => undefined);
          const complete = ctx.clock.now();
          if (value === undefined) {
            history.add({ op: 'read', process, key, invoke, complete, outcome: 'fail' });
          } else {
            lastRead.set(key, value);
            history.add({ op: 'read', process, key, invoke, complete, outcome: 'ok', value });
          }
          return;
        }
        const value = this.nextValue++;
        const outcome = await (
          dice === 2
            ? this.write(client, key, value)
            : this.cas(client, key, lastRead.get(key) ?? null, value)
        ).catch(writeOutcome);
        const complete = ctx.clock.now();
        if (outcome === 'info') generation++;
        if (dice === 2) {
          history.add({ op: 'write', process, key, invoke, complete, outcome, value });
        } else {
          const expected = lastRead.get(key) ?? null;
          history.add({ op: 'cas', process, key, invoke, complete, outcome, expected, new: value });
        }
      },
      () => undefined,
    );
  }

  private async read(client: CoordinationClient, key: string): Promise<RegisterValue> {
    try {
      const got = await client.get(key);
      return Number(got.data.toString());
    } catch (error) {
      if (error instanceof CoordinationError && error.reason === 'NO_NODE') return null;
      throw error;
    }
  }

  private async write(client: CoordinationClient, key: string, value: number) {
    const data = String(value);
    await client.txn({
      compares: [Cmp.missing(key)],
      success: [Op.create(key, data)],
      failure: [Op.set(key, data)],
    });
    return 'ok' as const;
  }

  private async cas(
    client: CoordinationClient,
    key: string,
    expected: RegisterValue,
    value: number,
  ) {
    const compares = [expected === null ? Cmp.missing(key) : Cmp.data(key, '=', String(expected))];
    const success = [
      expected === null ? Op.create(key, String(value)) : Op.set(key, String(value)),
    ];
    const result = await client.txn({ compares, success });
    return result.succeeded ? ('ok' as const) : ('fail' as const);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.running);
    this.running = [];
  }

  async check(): Promise<WorkloadVerdict> {
    await Promise.all(this.clients.splice(0).map((c) => c.close()));
    const history = this.history!;
    history.close();
    const counts = { ok: 0, fail: 0, info: 0 };
    for (const op of history.ops) counts[op.outcome]++;
    const result = checkLinearizable(history.ops, { initial: null });
    const keys = new Set(history.ops.map((op) => op.key)).size;
    const seen = `${history.ops.length} operations on ${keys} keys (${counts.ok} ok, ${counts.fail} fail, ${counts.info} info)`;
    if (result.ok) {
      return { workload: this.name, ok: true, counts, summary: `linearizable: ${seen}` };
    }
    const why =
      result.verdict === 'unknown'
        ? `checker gave up on ${result.key}: ${result.message}`
        : `key ${result.key}: ${result.explanation.message}`;
    return {
      workload: this.name,
      ok: false,
      counts,
      summary: `${result.verdict}: ${why}; ${seen}`,
      examples: result.verdict === 'not-linearizable' ? result.explanation : undefined,
    };
  }
}
