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

export class CoordinationOps {
  constructor(
    private readonly node: ConsensusNode,
    private readonly header: () => w.ResponseHeader,
    private readonly locks: LockWaiters,
  ) {}

  private async write<V extends cs.CommandValue>(cmd: cs.Command): Promise<V> {
    const output = await this.node.propose(cmd);
    return unwrap(output.result) as V;
  }

  private async readBarrier(consistency: string): Promise<void> {
    if (consistency !== 'CONSISTENCY_SERIALIZABLE') await this.node.linearizableRead();
  }

  async openSession(r: w.OpenSessionRequest): Promise<w.OpenSessionResponse> {
    const v = await this.write<cs.OpenSessionValue>({ op: 'open-session', ttlMs: r.ttl_ms });
    return { header: this.header(), session_id: v.sessionId, ttl_ms: v.ttlMs };
  }

  async closeSession(r: w.CloseSessionRequest): Promise<w.CloseSessionResponse> {
    await this.write({ op: 'close-session', sessionId: r.session_id });
    return { header: this.header() };
  }

  async create(r: w.CreateRequest): Promise<w.CreateResponse> {
    const v = await this.write<cs.CreateValue>(createCommand(r));
    return { header: this.header(), path: v.path, stat: statToWire(v.stat) };
  }

  async set(r: w.SetRequest): Promise<w.SetResponse> {
    const v = await this.write<cs.SetValue>(setCommand(r));
    return { header: this.header(), stat: statToWire(v.stat) };
  }

  async delete(r: w.DeleteRequest): Promise<w.DeleteResponse> {
    await this.write(deleteCommand(r));
    return { header: this.header() };
  }

  async get(r: w.GetRequest): Promise<w.GetResponse> {
    await this.readBarrier(r.consistency);
    const v = unwrap(this.node.sm.get(r.path));
    return {
      header: this.header(),
      data: Buffer.from(v.data),
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
    if (readOnly) {
      // Only reads whichever branch runs: served like a linearizable Get, with no Raft write.
      await this.node.linearizableRead();
      v = unwrap(this.node.sm.readTxn(req) as cs.Result<cs.TxnValue>);
    } else {
      v = await this.write<cs.TxnValue>({ op: 'txn', ...req });
    }
    const header = this.header();
    const revision = this.node.sm.revision;
    return {
      header,
      succeeded: v.succeeded,
      results: v.results.map((x) => txnResultToWire(x, header, revision)),
      revision,
    };
  }

  async lock(r: w.LockRequest): Promise<w.LockResponse> {
    const v = await this.write<cs.LockValue>({ op: 'lock', name: r.name, sessionId: r.session_id });
    if (v.acquired) return { header: this.header(), key: v.key, fencing_token: v.fencingToken };
    const waitMs = r.wait_ms > 0 ? r.wait_ms : 30_000;
    const granted = await this.locks.wait(r.name, v.key, waitMs);
    if (granted) return { header: this.header(), key: v.key, fencing_token: granted.fencingToken };
    // Withdraw from the queue so the lock does not pass to a caller who gave up.
    await this.write({ op: 'unlock', key: v.key }).catch(() => undefined);
    throw tributaryError(
      'LOCK_TIMEOUT',
      `lock '${r.name}' was not acquired within ${waitMs} ms; retry or raise wait_ms`,
    );
  }

  async unlock(r: w.UnlockRequest): Promise<w.UnlockResponse> {
    await this.write({ op: 'unlock', key: r.key });
    return { header: this.header() };
  }
}
