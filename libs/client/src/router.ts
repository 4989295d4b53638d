/**
 * Where requests go and how they are retried. Every coordinator serves every operation (writes
 * are forwarded to the leader), so requests go to one current endpoint; it changes when it
 * cannot be reached (next in the list) or when a server names the leader (NOT_LEADER).
 *
 * Retry rule (DESIGN §6 and the SDK contract): within the request's time budget,
 * - a request that was never sent (the channel did not become ready) is retried elsewhere;
 * - NO_LEADER and NOT_LEADER prove nothing was applied: any request is retried;
 * - a read is also retried after UNAVAILABLE and connection failures;
 * - everything else surfaces at once, and a write whose outcome is unknown is never resent.
 * Waits between attempts follow a capped, jittered exponential backoff.
 */
import { status as Code } from '@grpc/grpc-js';
import { parseHostPort } from '@tributary/rpc';
import { Backoff, type BackoffOptions } from './backoff';
import { sleepUnless, type Clock, type Random } from './clock';
import { Connection, type ConnectionOptions } from './connection';
import {
  clientError,
  CoordinationError,
  fromCallError,
  provesNotApplied,
  readMayRetry,
} from './errors';
import {
  isRead,
  type OpKind,
  type OpRequests,
  type OpResponses,
  type WireHeader,
  type WireStatus,
} from './wire';

export interface RouterOptions extends ConnectionOptions {
  endpoints: string[];
  /** Longest wait for one endpoint to connect before trying the next. */
  connectTimeoutMs: number;
  backoff: BackoffOptions;
  random: Random;
}

/** Leader redirects followed in a row before backing off (a stale hint must not spin). */
const MAX_FREE_REDIRECTS = 2;
/** Distinct addresses (endpoints plus leader hints) kept connected, at most. */
const MAX_CONNECTIONS = 16;

export class Router {
  readonly endpoints: readonly string[];
  private readonly connections = new Map<string, Connection>();
  private current: string;
  private clusterId: string | undefined;
  private leaderLookup: Promise<unknown> | undefined;
  private readonly closing = new AbortController();

  constructor(private readonly options: RouterOptions) {
    this.endpoints = normalizeEndpoints(options.endpoints);
    this.current = this.endpoints[0]!;
  }

  get closed(): boolean {
    return this.closing.signal.aborted;
  }

  /** Aborted when the client closes: long waits listen to it. */
  get signal(): AbortSignal {
    return this.closing.signal;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  /** The address requests currently go to. */
  get currentEndpoint(): string {
    return this.current;
  }

  newBackoff(overrides: Partial<BackoffOptions> = {}): Backoff {
    return new Backoff({ ...this.options.backoff, ...overrides }, this.options.random);
  }

  connection(address: string): Connection {
    if (this.closed) throw clientError('CLIENT_CLOSED', 'the client was closed');
    let conn = this.connections.get(address);
    if (!conn) {
      this.evictIfFull();
      conn = new Connection(address, this.options);
      this.connections.set(address, conn);
    }
    return conn;
  }

  /** The endpoint to try after `address` failed: the next one in the list. */
  nextEndpoint(address: string): string {
    const index = this.endpoints.indexOf(address);
    return this.endpoints[(index + 1) % this.endpoints.length]!;
  }

  /**
   * Every member serves every request, but the leader answers fastest: a write sent to a
   * follower takes an extra hop to the leader and another back with the commit. So the first
   * request (and the first after a leader change) asks where the leader is; concurrent requests
   * share that one lookup, and a failed lookup leaves the current endpoint in place.
   */
  private lookForLeader(): Promise<unknown> {
    this.leaderLookup ??= this.leaderAddress(this.options.connectTimeoutMs).catch(() => undefined);
    return this.leaderLookup;
  }

  /** Points requests at `leader` (a NOT_LEADER hint). */
  noteLeader(leader: string): void {
    try {
      parseHostPort(leader);
    } catch {
      return; // A malformed hint is ignored; the endpoint list still works.
    }
    this.current = leader;
  }

  /** Fails on an answer from another cluster than the first one seen (common.proto). */
  checkHeader(header: WireHeader | null | undefined): void {
    const id = header?.cluster_id;
    if (!id) return;
    if (this.clusterId === undefined) this.clusterId = id;
    else if (id !== this.clusterId) {
      throw clientError(
        'CLUSTER_MISMATCH',
        `node ${header.node_id} belongs to cluster ${id}, not ${this.clusterId}`,
      );
    }
  }

  /**
   * Runs one operation under the retry rule above, within `budgetMs` (may be Infinity). With a
   * `signal`, each attempt is a call of its own that the signal cancels, and an aborted signal
   * stops further attempts.
   */
  async run<K extends OpKind>(
    kind: K,
    request: OpRequests[K],
    budgetMs: number,
    signal?: AbortSignal,
  ): Promise<OpResponses[K]> {
    const clock = this.options.clock;
    const deadline = clock.nowMs() + budgetMs;
    await this.lookForLeader();
    const backoff = this.newBackoff();
    let redirects = 0;
    let lastError: CoordinationError | undefined;
    for (;;) {
      if (this.closed) throw clientError('CLIENT_CLOSED', 'the client was closed');
      if (signal?.aborted)
        throw lastError ?? clientError('CLIENT_CLOSED', 'the request was abandoned');
      const remaining = deadline - clock.nowMs();
      if (remaining <= 0) throw this.gaveUp(lastError, budgetMs);
      const address = this.current;
      const conn = this.connection(address);
      try {
        await conn.ready(Math.min(remaining, this.options.connectTimeoutMs));
      } catch (error) {
        lastError = fromCallError(error);
        this.advancePast(address);
        await this.pause(backoff, lastError, deadline);
        continue;
      }
      try {
        const response = await conn.call(kind, request, deadline - clock.nowMs(), signal);
        this.checkHeader((response as { header?: WireHeader | null }).header);
        return response;
      } catch (error) {
        const err = fromCallError(error);
        if (err.reason === 'LEADER_CHANGED') this.leaderLookup = undefined;
        if (err.reason === 'NOT_LEADER' && err.leader && err.leader !== address) {
          this.noteLeader(err.leader);
          lastError = err;
          if (++redirects <= MAX_FREE_REDIRECTS) continue;
        } else if (!(provesNotApplied(err) || (isRead(kind) && readMayRetry(err)))) {
          throw err;
        } else {
          lastError = err;
          if (err.reason === undefined || err.reason === 'NOT_LEADER') this.advancePast(address);
        }
        await this.pause(backoff, err, deadline);
      }
    }
  }

  /** ClusterService.Status of `address`, or of the first endpoint that answers. */
  async status(
    timeoutMs: number,
    address?: string,
  ): Promise<{ address: string; status: WireStatus }> {
    const candidates = address ? [address] : [this.current, ...this.endpoints];
    let lastError: CoordinationError | undefined;
    for (const candidate of new Set(candidates)) {
      try {
        return { address: candidate, status: await this.statusOf(candidate, timeoutMs) };
      } catch (error) {
        lastError = fromCallError(error);
      }
    }
    throw lastError ?? clientError('PROTOCOL', 'no endpoint to ask');
  }

  /**
   * The leader's address as some coordinator sees it (ClusterService.Status), or undefined
   * when none answers or none knows a leader. Remembered as the current endpoint.
   */
  async leaderAddress(timeoutMs: number): Promise<string | undefined> {
    const { status } = await this.status(timeoutMs);
    if (status.leader_id === 0) return undefined;
    const leader = status.members.find((m) => m.id === status.leader_id)?.address;
    if (leader) this.noteLeader(leader);
    return leader;
  }

  close(): void {
    if (this.closed) return;
    this.closing.abort();
    for (const conn of this.connections.values()) conn.close();
    this.connections.clear();
  }

  private statusOf(address: string, timeoutMs: number): Promise<WireStatus> {
    const conn = this.connection(address);
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      conn.cluster.Status({}, { deadline }, (error, response) => {
        if (error) reject(describeUnreachable(address, fromCallError(error)));
        else if (!response) reject(clientError('PROTOCOL', `${address} sent no status`));
        else resolve(response);
      });
    });
  }

  /** Moves off `address` if requests still go there. */
  private advancePast(address: string): void {
    if (this.current === address) {
      this.current = this.endpoints.includes(address)
        ? this.nextEndpoint(address)
        : this.endpoints[0]!;
    }
  }

  private async pause(backoff: Backoff, error: CoordinationError, deadline: number): Promise<void> {
    const delay = backoff.next(error.retryDelayMs);
    if (this.options.clock.nowMs() + delay >= deadline) throw this.gaveUp(error, undefined);
    await sleepUnless(this.options.clock, delay, this.closing.signal);
  }

  private gaveUp(
    error: CoordinationError | undefined,
    budgetMs: number | undefined,
  ): CoordinationError {
    if (!error) {
      return new CoordinationError({
        code: Code.DEADLINE_EXCEEDED,
        message: `no attempt fit in ${budgetMs} ms`,
      });
    }
    return error.withMessage(
      `${error.message} (gave up retrying; endpoints ${this.endpoints.join(', ')})`,
    );
  }

  private evictIfFull(): void {
    if (this.connections.size < MAX_CONNECTIONS) return;
    for (const [address, conn] of this.connections) {
      if (!this.endpoints.includes(address) && address !== this.current) {
        conn.close();
        this.connections.delete(address);
        return;
      }
    }
  }
}

/** Validated, de-duplicated `host:port` list; at least one. */
export function normalizeEndpoints(endpoints: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of endpoints) {
    const address = raw.trim();
    if (!address) continue;
    parseHostPort(address);
    if (!out.includes(address)) out.push(address);
  }
  if (out.length === 0) throw new Error('no coordinator endpoints; expected host:port,…');
  return out;
}

/** A transport failure names the address, without grpc-js's resolver notes. */
function describeUnreachable(address: string, error: CoordinationError): CoordinationError {
  if (error.reason !== undefined || error.code !== Code.UNAVAILABLE) return error;
  const detail = error.message.replace(/\s*Resolution note:.*$/s, '').replace(/\.$/, '');
  return error.withMessage(`cannot reach ${address}: ${detail}`);
}
