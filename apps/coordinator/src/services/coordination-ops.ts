/**
 * The operations of `CoordinationService`, one async method each, shared by the unary handlers
 * and the pipelined `Execute` stream. Writes are proposed through Raft (from any node: a
 * follower's proposal is forwarded to the leader inside Raft); linearizable reads wait for a
 * batched ReadIndex round; serializable reads are answered from local state at once.
 */
import type * as cs from '@tributary/coord-state';
import { tributaryError } from '@tributary/rpc';
import type * as w from './wire-types';
import type { ConsensusNode } from '../node/consensus-node';
import type { LockWaiters } from './lock-waiters';
import {
  createCommand,
  deleteCommand,
  setCommand,
  statToWire,
  txnRequest,
  txnResultToWire,
  unwrap,
} from './wire-mapping';

/** Unlock proposals tried for an abandoned lock key before giving up (its session's end frees it). */
const WITHDRAW_ATTEMPTS_MAX = 4;

export interface LockCallOptions {
  /** The call's deadline in epoch ms; Infinity (the default) for none. */
  deadlineMs?: number;
  /** Aborts when the caller is gone: its call was cancelled or its stream broke. */
  signal?: AbortSignal;
}

const cancelled = (name: string) =>
  tributaryError('CANCELLED', `the Lock call on '${name}' was cancelled; its key was withdrawn`);

export class CoordinationOps {
  constructor(
    private readonly node: ConsensusNode,
    private readonly header: (revision?: number) => w.ResponseHeader,
    private readonly locks: LockWaiters,
  ) {}

  /** Proposes a command; returns its value and the response header at its revision. */
  private async write<V extends cs.CommandValue>(
    cmd: cs.Command,
  ): Promise<{ v: V; header: w.ResponseHeader }> {
    const output = await this.node.propose(cmd);
    return { v: unwrap(output.result) as V, header: this.header(output.revision) };
  }

  private async readBarrier(consistency: string): Promise<void> {
    if (consistency !== 'CONSISTENCY_SERIALIZABLE') await this.node.linearizableRead();
  }

  /** Whether a session is open in this member's state (an ended one never comes back). */
  sessionOpen(sessionId: number): boolean {
    return this.node.sm.session(sessionId) !== undefined;
  }

  /** With a `principal` (an authenticating cluster) the session's owner is kept on record. */
  async openSession(r: w.OpenSessionRequest, principal?: string): Promise<w.OpenSessionResponse> {
    const { v, header } = await this.write<cs.OpenSessionValue | cs.OpenOwnedSessionValue>(
      principal === undefined
        ? { op: 'open-session', ttlMs: r.ttl_ms }
        : { op: 'open-owned-session', ttlMs: r.ttl_ms, owner: principal },
    );
    return { header, session_id: v.sessionId, ttl_ms: v.ttlMs };
  }

  async closeSession(r: w.CloseSessionRequest): Promise<w.CloseSessionResponse> {
    const { header } = await this.write({ op: 'close-session', sessionId: r.session_id });
    return { header };
  }

  async create(r: w.CreateRequest): Promise<w.CreateResponse> {
    const { v, header } = await this.write<cs.CreateValue>(createCommand(r));
    return { header, path: v.path, stat: statToWire(v.stat) };
  }

  async set(r: w.SetRequest): Promise<w.SetResponse> {
    const { v, header } = await this.write<cs.SetValue>(setCommand(r));
    return { header, stat: statToWire(v.stat) };
  }

  async delete(r: w.DeleteRequest): Promise<w.DeleteResponse> {
    const { header } = await this.write(deleteCommand(r));
    return { header };
  }

  async get(r: w.GetRequest): Promise<w.GetResponse> {
    await this.readBarrier(r.consistency);
    const v = unwrap(this.node.sm.get(r.path));
    return {
      header: this.header(),
      // A view, not a copy: node data is never changed in place (a Set stores a new array),
      // and answers an Execute stream holds back for a slow reader must not cost their size.
      data: Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength),
      stat: statToWire(v.stat),
      revision: this.node.sm.revision,
    };
  }

  async list(r: w.ListRequest): Promise<w.ListResponse> {
    await this.readBarrier(r.consistency);
    const v = unwrap(this.node.sm.list(r.path));
    return { header: this.header(), children: v.children, stat: statToWire(v.stat) };
  }

  async txn(r: w.TxnRequest): Promise<w.TxnResponse> {
    const req = txnRequest(r);
    const readOnly = [...req.success, ...req.failure].every(
      (o) => o.op === 'get' || o.op === 'list',
    );
    let v: cs.TxnValue;
    let header: w.ResponseHeader;
    if (readOnly) {
      // Only reads whichever branch runs: served like a linearizable Get, with no Raft write.
      await this.node.linearizableRead();
      v = unwrap(this.node.sm.readTxn(req) as cs.Result<cs.TxnValue>);
      header = this.header();
    } else {
      ({ v, header } = await this.write<cs.TxnValue>({ op: 'txn', ...req }));
    }
    const revision = Number(header.revision);
    return {
      header,
      succeeded: v.succeeded,
      results: v.results.map((x) => txnResultToWire(x, header, revision)),
      revision,
    };
  }

  /**
   * Queues for the lock and waits for the grant: up to `wait_ms` and the call's deadline
   * (`deadlineMs`, Infinity for none), whichever ends first, or with `wait_ms` 0 until the
   * deadline or the session's end. A caller who gives up (timeout, or `signal` aborts because
   * its call was cancelled or its stream broke) is withdrawn from the queue by a Raft write, and
   * so is a grant that arrives for a caller already gone: no key outlives its waiter.
   */
  async lock(r: w.LockRequest, opts: LockCallOptions = {}): Promise<w.LockResponse> {
    const { deadlineMs = Infinity, signal } = opts;
    const { v, header } = await this.write<cs.LockValue>({
      op: 'lock',
      name: r.name,
      sessionId: r.session_id,
    });
    if (signal?.aborted) return this.abandon(r.name, v.key, cancelled(r.name));
    if (v.acquired) return { header, key: v.key, fencing_token: v.fencingToken };
    const untilDeadlineMs = deadlineMs - Date.now();
    const waitMs = r.wait_ms > 0 ? Math.min(r.wait_ms, untilDeadlineMs) : untilDeadlineMs;
    const wait = await this.locks.wait(r.name, v.key, waitMs, signal);
    if (wait.outcome === 'granted' && !signal?.aborted)
      return { header: this.header(), key: v.key, fencing_token: wait.holder.fencingToken };
    if (wait.outcome === 'timeout') {
      const why = `lock '${r.name}' was not acquired within ${Math.round(waitMs)} ms; retry or raise wait_ms`;
      return this.abandon(r.name, v.key, tributaryError('LOCK_TIMEOUT', why));
    }
    return this.abandon(r.name, v.key, cancelled(r.name));
  }

  /**
   * Withdraws (or releases) a key nobody waits for any more, then fails with `error`. The
   * unlock is retried a bounded number of times while the key is still queued, so a leader
   * change in the middle does not leave an orphan key behind.
   */
  private async abandon(name: string, key: string, error: Error): Promise<never> {
    for (let attempt = 0; attempt < WITHDRAW_ATTEMPTS_MAX; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      const done = await this.write({ op: 'unlock', key }).then(
        () => true,
        () => !this.node.sm.lockQueue(name).includes(key),
      );
      if (done) break;
    }
    throw error;
  }

  async unlock(r: w.UnlockRequest): Promise<w.UnlockResponse> {
    const { header } = await this.write({ op: 'unlock', key: r.key });
    return { header };
  }
}
