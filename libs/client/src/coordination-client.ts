/**
 * `CoordinationClient`: the coordination half of the SDK (DESIGN §3). Node operations go over
 * one pipelined Execute stream per connection (mode 'execute', the default) or plain unary
 * calls (mode 'unary', for comparison); sessions, locks and watches ride on top.
 */
import { status as Code } from '@grpc/grpc-js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@tributary/rpc';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { systemClock, systemRandom, type Clock, type Random } from './clock';
import type { Mode } from './connection';
import { clientError, CoordinationError } from './errors';
import { DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED } from './execute-stream';
import { Lock, type LockOptions } from './lock';
import { Router } from './router';
import { Session } from './session';
import {
  TxnBuilder,
  toTxnResult,
  toWireCompare,
  toWireOp,
  type TxnResult,
  type TxnSpec,
} from './txn';
import {
  sessionIdOf,
  toBytes,
  toHeader,
  toStat,
  wireConsistency,
  type CreateOptions,
  type CreateResult,
  type Data,
  type DeleteOptions,
  type DeleteResult,
  type GetOptions,
  type GetResult,
  type ListOptions,
  type ListResult,
  type SetOptions,
  type SetResult,
} from './types';
import { Watch, type WatchOptions } from './watch';
import type { OpKind, OpRequests, OpResponses, WireStatus } from './wire';
import { channelCredentials, type SecureOptions } from './tls';

export interface CoordinationClientOptions extends SecureOptions {
  /** Coordinator addresses, `host:port`; any of them will do. */
  endpoints: string[];
  /** Time budget of one request, retries included; default 10000. */
  requestTimeoutMs?: number;
  /** Largest message sent or received; default 16 MiB (DESIGN §6). */
  maxMessageBytes?: number;
  /** 'execute' (default): one pipelined Execute stream; 'unary': one call per request. */
  mode?: Mode;
  /** Requests in flight per Execute stream; default 4096. */
  maxInFlight?: number;
  /** Requests waiting for an in-flight slot; default 65536. */
  maxQueued?: number;
  /** Longest wait for one endpoint to connect before trying the next; default 2000. */
  connectTimeoutMs?: number;
  /** Backoff between retries; default 25 ms doubling to 1 s, jittered. */
  backoff?: BackoffOptions;
  clock?: Clock;
  random?: Random;
}

export interface OpenSessionOptions {
  /** Requested TTL; 0 or absent = the server's default. The granted TTL is `session.ttlMs`. */
  ttlMs?: number;
}

/** One member row of ClusterService.Status. */
export interface ClusterMember {
  id: number;
  address: string;
  /** 'leader', 'follower', 'pre-candidate', 'candidate', 'learner' or 'unknown'. */
  role: string;
  /** Known only on the leader (0 elsewhere). */
  matchIndex: number;
}

/** ClusterService.Status: one coordinator's view of the Raft group. */
export interface ClusterStatus {
  /** The address asked. */
  address: string;
  nodeId: number;
  /** 0 when this node knows no leader. */
  leaderId: number;
  term: number;
  commitIndex: number;
  appliedIndex: number;
  revision: number;
  members: ClusterMember[];
  clusterId: string;
}

export class CoordinationClient {
  private readonly router: Router;
  private readonly requestTimeoutMs: number;
  private readonly sessions = new Set<Session>();
  private readonly watches = new Set<Watch>();

  constructor(options: CoordinationClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    if (!(this.requestTimeoutMs > 0)) throw new Error('requestTimeoutMs must be > 0');
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.router = new Router({
      endpoints: options.endpoints,
      mode: options.mode ?? 'execute',
      limits: { maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
      credentials: channelCredentials(options),
      connectTimeoutMs: options.connectTimeoutMs ?? 2_000,
      backoff,
      reconnectBackoffMs: { initial: backoff.baseMs * 4, max: backoff.maxMs },
      maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
      maxQueued: options.maxQueued ?? DEFAULT_MAX_QUEUED,
      clock: options.clock ?? systemClock,
      random: options.random ?? systemRandom,
    });
  }

  get endpoints(): readonly string[] {
    return this.router.endpoints;
  }

  async create(path: string, data?: Data, options: CreateOptions = {}): Promise<CreateResult> {
    const response = await this.run('create', {
      path,
      data: toBytes(data),
      ephemeral: options.ephemeral ?? false,
      sequential: options.sequential ?? false,
      session_id: sessionIdOf(options.session),
    });
    return { path: response.path, stat: toStat(response.stat), header: toHeader(response.header) };
  }

  async get(path: string, options: GetOptions = {}): Promise<GetResult> {
    const consistency = wireConsistency(options.consistency);
    const response = await this.run('get', { path, consistency });
    return {
      data: response.data ?? Buffer.alloc(0),
      stat: toStat(response.stat),
      revision: response.revision,
      header: toHeader(response.header),
    };
  }

  async set(path: string, data: Data, options: SetOptions = {}): Promise<SetResult> {
    const expected_version = options.expectedVersion ?? -1;
    const response = await this.run('set', { path, data: toBytes(data), expected_version });
    return { stat: toStat(response.stat), header: toHeader(response.header) };
  }

  async delete(path: string, options: DeleteOptions = {}): Promise<DeleteResult> {
    const response = await this.run('delete', {
      path,
      expected_version: options.expectedVersion ?? -1,
      recursive: options.recursive ?? false,
    });
    return { header: toHeader(response.header) };
  }

  async list(path: string, options: ListOptions = {}): Promise<ListResult> {
    const consistency = wireConsistency(options.consistency);
    const response = await this.run('list', { path, consistency });
    return {
      children: response.children ?? [],
      stat: toStat(response.stat),
      header: toHeader(response.header),
    };
  }

  /** A transaction: `txn(spec)` sends it; `txn()` returns a builder (`.if().then().else().commit()`). */
  txn(): TxnBuilder;
  txn(spec: TxnSpec): Promise<TxnResult>;
  txn(spec?: TxnSpec): TxnBuilder | Promise<TxnResult> {
    if (!spec) return new TxnBuilder((s) => this.sendTxn(s));
    return this.sendTxn(spec);
  }

  /** Opens a session and starts its KeepAlive stream. */
  async openSession(options: OpenSessionOptions = {}): Promise<Session> {
    const openedAtMs = this.router.clock.nowMs();
    const response = await this.run('open_session', { ttl_ms: options.ttlMs ?? 0 });
    if (!(response.session_id >= 1 && response.ttl_ms > 0)) {
      throw clientError(
        'PROTOCOL',
        `OpenSession granted id ${response.session_id}, ttl ${response.ttl_ms}`,
      );
    }
    const session = new Session(this.router, {
      id: response.session_id,
      ttlMs: response.ttl_ms,
      openedAtMs,
      requestTimeoutMs: this.requestTimeoutMs,
    });
    this.sessions.add(session);
    session.once('closed', () => this.sessions.delete(session));
    session.once('expired', () => this.sessions.delete(session));
    session.start();
    return session;
  }

  /**
   * Takes the lock `name` for `session` (fair, FIFO). Fails LOCK_TIMEOUT after `waitMs`,
   * SESSION_EXPIRED if the session ends first, ABANDONED when `signal` aborts. The wait is a
   * call of its own, cancelled whenever this gives up, so the server withdraws its queue key
   * at once rather than leaving it in front of a retry.
   */
  async lock(name: string, options: LockOptions): Promise<Lock> {
    const { session, waitMs, signal } = options;
    if (signal?.aborted) throw abandoned(name);
    if (session.state !== 'alive') {
      throw new CoordinationError({
        code: Code.FAILED_PRECONDITION,
        message: `session ${session.id} is ${session.state}`,
        reason: 'SESSION_EXPIRED',
      });
    }
    if (waitMs !== undefined && !(waitMs >= 0)) throw new Error('waitMs must be ≥ 0');
    const budget = waitMs === undefined ? Infinity : waitMs + this.requestTimeoutMs;
    const request = { name, session_id: session.id, wait_ms: waitMs ?? 0 };
    const abandon = new AbortController();
    const giveUp = () => abandon.abort();
    signal?.addEventListener('abort', giveUp, { once: true });
    const acquire = this.router.run('lock', request, budget, abandon.signal);
    const response = await raceSessionEnd(session, acquire)
      .catch((error: unknown) => {
        throw signal?.aborted ? abandoned(name) : error;
      })
      .finally(() => {
        signal?.removeEventListener('abort', giveUp);
        abandon.abort();
      });
    this.router.checkHeader(response.header);
    const lock = new Lock(name, response.key, response.fencing_token, session, (key) =>
      this.run('unlock', { key }),
    );
    if (signal?.aborted) {
      // Granted as the caller gave up: nobody will use it.
      await lock.unlock().catch(() => undefined);
      throw abandoned(name);
    }
    return lock;
  }

  /** Watches `path` (or its subtree with `prefix`): an async iterable of events that resumes by itself. */
  watch(path: string, options: WatchOptions = {}): Watch {
    const watch = new Watch(this.router, path, options);
    this.watches.add(watch);
    watch.start();
    return watch;
  }

  /** ClusterService.Status of `address`, or of the first endpoint that answers. */
  async status(options: { address?: string; timeoutMs?: number } = {}): Promise<ClusterStatus> {
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
    const { address, status } = await this.router.status(timeoutMs, options.address);
    return toClusterStatus(address, status);
  }

  /** Closes every session (CloseSession, best effort), watch and stream. */
  async close(): Promise<void> {
    for (const watch of this.watches) watch.close();
    this.watches.clear();
    const sessions = [...this.sessions];
    await Promise.allSettled(sessions.map((s) => s.close()));
    this.router.close();
  }

  private run<K extends OpKind>(kind: K, request: OpRequests[K]): Promise<OpResponses[K]> {
    return this.router.run(kind, request, this.requestTimeoutMs);
  }

  private async sendTxn(spec: TxnSpec): Promise<TxnResult> {
    const response = await this.run('txn', {
      compares: (spec.compares ?? []).map(toWireCompare),
      success: (spec.success ?? []).map(toWireOp),
      failure: (spec.failure ?? []).map(toWireOp),
    });
    return toTxnResult(response);
  }
}

function abandoned(name: string): CoordinationError {
  return clientError('ABANDONED', `the wait for lock '${name}' was given up (signal aborted)`);
}

function raceSessionEnd<T>(session: Session, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExpired = (error: CoordinationError) => reject(error);
    session.once('expired', onExpired);
    work.then(resolve, reject).finally(() => session.off('expired', onExpired));
  });
}

const ROLES: Record<string, string> = {
  MEMBER_ROLE_LEADER: 'leader',
  MEMBER_ROLE_FOLLOWER: 'follower',
  MEMBER_ROLE_PRE_CANDIDATE: 'pre-candidate',
  MEMBER_ROLE_CANDIDATE: 'candidate',
  MEMBER_ROLE_LEARNER: 'learner',
};

function toClusterStatus(address: string, status: WireStatus): ClusterStatus {
  return {
    address,
    nodeId: status.node_id,
    leaderId: status.leader_id,
    term: status.term,
    commitIndex: status.commit_index,
    appliedIndex: status.applied_index,
    revision: status.revision,
    clusterId: status.header?.cluster_id ?? '',
    members: (status.members ?? []).map((m) => ({
      id: m.id,
      address: m.address,
      role: ROLES[m.role] ?? 'unknown',
      matchIndex: m.match_index,
    })),
  };
}
