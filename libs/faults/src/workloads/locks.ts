/**
 * Locks, sessions and ephemeral nodes. Clients, each with its own session, take one fair lock in
 * turn, write to a resource it guards with their fencing token, and release it; the history is
 * checked by checkers/lock-checker.ts: tokens strictly increase, no two definite holders
 * overlap, and the resource never accepts an older token after a newer one.
 *
 * The guarded resource is a node of the tree written by a transaction that refuses a token
 * lower than the one stored — what a storage service guarded by the lock would do — so a lock
 * or fencing bug anywhere (grant, token, transaction) shows up as an accepted stale write.
 *
 * Ephemeral nodes: every session owns one, and it must vanish only once its session is gone.
 * A client that finds its node missing asks the server whether its session still lives (by
 * creating a second ephemeral node on it): if that succeeds, the node vanished early. After the
 * run, with every session closed, no ephemeral node may remain.
 */
import * as path from 'node:path';
import {
  Cmp,
  CoordinationClient,
  CoordinationError,
  Op,
  type Lock,
  type Session,
} from '@tributary/client';
import { checkLockHistory, type LockOp } from '@tributary/testkit';
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

export interface LockWorkloadOptions {
  clients?: number;
  sessionTtlMs?: number;
  requestTimeoutMs?: number;
  /** Longest a client holds the lock (uniform from 0). */
  holdMs?: number;
}

const LOCK = '/faults/locks/lock';
const RESOURCE = '/faults/locks/resource';
const EPHEMERALS = '/faults/locks/ephemeral';
const TOKEN_DIGITS = 16;

export class LockWorkload implements Workload {
  readonly name = 'locks';
  readonly needsBrokers = false;
  private readonly opts: Required<LockWorkloadOptions>;
  private history: History<LockOp> | undefined;
  private readonly clients: CoordinationClient[] = [];
  private readonly sessions = new Set<Session>();
  private readonly stopping = new AbortController();
  private running: Promise<void>[] = [];
  /** Ephemeral nodes found missing while their session provably lived. */
  private readonly vanishedEarly: string[] = [];

  constructor(options: LockWorkloadOptions = {}) {
    this.opts = {
      clients: 4,
      sessionTtlMs: 3_000,
      requestTimeoutMs: 3_000,
      holdMs: 100,
      ...options,
    };
  }

  async start(ctx: WorkloadContext): Promise<void> {
    this.history = new History(path.join(ctx.dir, 'locks.jsonl'));
    const admin = this.client(ctx, 0);
    await ensurePath(admin, EPHEMERALS);
    await admin.txn({
      compares: [Cmp.missing(RESOURCE)],
      success: [Op.create(RESOURCE, pad(0))],
    });
    for (let c = 0; c < this.opts.clients; c++) {
      this.running.push(this.runClient(ctx, this.client(ctx, c), `c${c}`));
    }
  }

  private client(ctx: WorkloadContext, c: number): CoordinationClient {
    const client = coordinationClient(ctx, c, this.opts.requestTimeoutMs);
    this.clients.push(client);
    return client;
  }

  private async runClient(ctx: WorkloadContext, client: CoordinationClient, name: string) {
    const history = this.history!;
    let session: Session | undefined;
    let marker = '';
    let pending = '';
    let held: Lock | undefined;
    let sessions = 0;
    await loopUntil(
      this.stopping.signal,
      async () => {
        if (!session || session.state !== 'alive') {
          session = await client.openSession({ ttlMs: this.opts.sessionTtlMs });
          this.sessions.add(session);
          const mine = session;
          mine.once('expired', () => {
            if (held && held.session === mine) {
              const now = ctx.clock.now();
              history.add({
                type: 'lost',
                process: name,
                lock: LOCK,
                token: held.fencingToken,
                invoke: now,
                complete: now,
              });
              held = undefined;
            }
          });
          marker = '';
          pending = `${EPHEMERALS}/${name}-${++sessions}`;
        }
        if (!marker) {
          // Until its creation is known, the session's ephemeral node is not checked.
          await client.create(pending, '', { ephemeral: true, session }).catch((error: unknown) => {
            if (!(error instanceof CoordinationError && error.reason === 'NODE_EXISTS'))
              throw error;
          });
          marker = pending;
        }
        const process = name;
        const invoke = ctx.clock.now();
        let lock: Lock;
        try {
          lock = await client.lock(LOCK, { session, waitMs: 2_000 });
        } catch (error) {
          const outcome = writeOutcome(error);
          history.add({
            type: 'acquire',
            process,
            lock: LOCK,
            outcome,
            invoke,
            complete: ctx.clock.now(),
          });
          return;
        }
        const granted = ctx.clock.now();
        history.add({
          type: 'acquire',
          process,
          lock: LOCK,
          token: lock.fencingToken,
          outcome: 'ok',
          invoke,
          complete: granted,
        });
        held = lock;
        await this.checkEphemeral(client, session, marker, name);
        await this.writeResource(ctx, client, name, lock.fencingToken);
        await sleep(ctx.random.int(this.opts.holdMs + 1));
        if (held !== lock) return; // the session expired meanwhile: 'lost' is recorded
        held = undefined;
        const releaseAt = ctx.clock.now();
        try {
          await client.delete(lock.key);
          history.add({
            type: 'release',
            process,
            lock: LOCK,
            token: lock.fencingToken,
            outcome: 'ok',
            invoke: releaseAt,
            complete: ctx.clock.now(),
          });
        } catch (error) {
          if (error instanceof CoordinationError && error.reason === 'NO_NODE') {
            // The lock was gone before we let go (the session expired behind our back): when
            // it ended is unknown, so the definite interval is empty.
            history.add({
              type: 'lost',
              process,
              lock: LOCK,
              token: lock.fencingToken,
              invoke: granted,
              complete: granted,
            });
          } else {
            history.add({
              type: 'release',
              process,
              lock: LOCK,
              token: lock.fencingToken,
              outcome: 'info',
              invoke: releaseAt,
              complete: ctx.clock.now(),
            });
          }
        }
      },
      () => undefined,
    );
  }

  /** A write at the guarded resource: accepted unless it holds a higher token already. */
  private async writeResource(
    ctx: WorkloadContext,
    client: CoordinationClient,
    process: string,
    token: number,
  ) {
    const invoke = ctx.clock.now();
    let outcome: 'ok' | 'fail' | 'info';
    try {
      const r = await client.txn({
        compares: [Cmp.data(RESOURCE, '>', pad(token))],
        failure: [Op.set(RESOURCE, pad(token))],
      });
      outcome = r.succeeded ? 'fail' : 'ok';
    } catch (error) {
      outcome = writeOutcome(error);
    }
    this.history!.add({
      type: 'write',
      process,
      lock: LOCK,
      token,
      outcome,
      invoke,
      complete: ctx.clock.now(),
    });
  }

  private async checkEphemeral(
    client: CoordinationClient,
    session: Session,
    marker: string,
    name: string,
  ) {
    try {
      await client.get(marker);
      return;
    } catch (error) {
      if (!(error instanceof CoordinationError && error.reason === 'NO_NODE')) return;
    }
    // Missing: does the session still live on the server? Creating on it succeeds only if so.
    try {
      await client.create(`${marker}-probe`, '', { ephemeral: true, session });
      this.vanishedEarly.push(`${marker} (${name}, session ${session.id})`);
    } catch {
      // The session is gone: the node went with it, as it should.
    }
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.running);
    this.running = [];
  }

  async check(ctx: WorkloadContext): Promise<WorkloadVerdict> {
    await Promise.all([...this.sessions].map((s) => s.close().catch(() => undefined)));
    const reader = this.clients[0]!;
    // Sessions closed or expired: their ephemeral nodes must all go (an expiry takes a TTL).
    let left: string[] = [];
    const deadline = Date.now() + 3 * this.opts.sessionTtlMs + 10_000;
    do {
      left = await reader.list(EPHEMERALS).then(
        (r) => r.children,
        () => ['(list failed)'],
      );
      if (left.length > 0) await sleep(200);
    } while (left.length > 0 && Date.now() < deadline);
    await Promise.all(this.clients.splice(0).map((c) => c.close()));
    const history = this.history!;
    history.close();
    const result = checkLockHistory(history.ops);
    const grants = history.ops.filter((op) => op.type === 'acquire' && op.outcome === 'ok').length;
    const counts = {
      grants,
      writesAccepted: history.ops.filter((op) => op.type === 'write' && op.outcome === 'ok').length,
      ...result.counts,
      'ephemeral-vanished-early': this.vanishedEarly.length,
      'ephemeral-outlived-session': left.length,
    };
    const ok = result.ok && this.vanishedEarly.length === 0 && left.length === 0 && grants > 0;
    const anomalies = Object.entries(counts)
      .filter(([k, v]) => k !== 'grants' && k !== 'writesAccepted' && v > 0)
      .map(([k, v]) => `${v} ${k}`);
    ctx.log(`locks: ${grants} grants checked`);
    return {
      workload: this.name,
      ok,
      counts,
      summary:
        grants === 0
          ? 'no lock was ever granted: nothing was checked'
          : `${grants} grants, ${counts.writesAccepted} fenced writes: ${anomalies.length ? anomalies.join(', ') : 'no anomaly'}`,
      examples: ok ? undefined : { ...result.examples, vanishedEarly: this.vanishedEarly, left },
    };
  }
}

/** Tokens as fixed-width decimal, so the byte comparison of the resource's data orders them. */
function pad(token: number): string {
  return String(token).padStart(TOKEN_DIGITS, '0');
}
