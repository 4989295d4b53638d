/**
 * A coordination session kept alive by a KeepAlive stream to the leader (coordination.proto,
 * KeepAlive): a heartbeat every ttl/3; each answer renews the local deadline to
 * (time the heartbeat was sent + granted ttl), a conservative view of the server's.
 *
 * The stream must reach the leader: the session asks ClusterService.Status where the leader is
 * before it connects; a follower ends the stream NOT_LEADER naming the leader, and the session
 * reconnects there at once. A heartbeat unanswered for ttl/6 (100–2000 ms) or any other failure
 * makes it look for the leader again (else the next endpoint), with backoff after two tries.
 * The session is 'expired' when the server answers ttl 0 or SESSION_EXPIRED, or when the local
 * deadline passes without a renewal (the server may then still hold it for up to a TTL, so a
 * best-effort CloseSession follows). Events: 'expired' (CoordinationError), 'closed'.
 */
import { EventEmitter } from 'node:events';
import { status as Code, type ClientDuplexStream } from '@grpc/grpc-js';
import type { Backoff } from './backoff';
import type { TimerHandle } from './clock';
import { CoordinationError, fromCallError } from './errors';
import type { Router } from './router';
import type { KeepAliveRequest, KeepAliveResponse } from './wire';

export type SessionState = 'alive' | 'expired' | 'closed';

/** Heartbeats sent and unanswered on one stream, at most (the answer timer then decides). */
const MAX_UNANSWERED = 4;
/** Leader redirects followed at once before backing off. */
const MAX_FREE_REDIRECTS = 2;

export interface SessionInit {
  id: number;
  /** Granted TTL. */
  ttlMs: number;
  /** Clock reading when OpenSession was sent: the TTL counts from no later than this. */
  openedAtMs: number;
  /** Budget of the CloseSession call on close(). */
  requestTimeoutMs: number;
}

export class Session extends EventEmitter<{ expired: [CoordinationError]; closed: [] }> {
  readonly id: number;
  readonly ttlMs: number;
  private stateValue: SessionState = 'alive';
  private expiresAtMs: number;
  private call: ClientDuplexStream<KeepAliveRequest, KeepAliveResponse> | undefined;
  private callAddress: string | undefined;
  /** Send times of unanswered heartbeats on `call`, oldest first (answers come in order). */
  private sentAt: number[] = [];
  private heartbeatTimer: TimerHandle | undefined;
  private expiryTimer: TimerHandle | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private answerTimer: TimerHandle | undefined;
  /** A leader lookup is under way (between reconnectTimer and connect). */
  private connecting = false;
  /** How long a heartbeat may go unanswered before the stream is given up: ttl/6, 100–2000 ms. */
  private readonly answerTimeoutMs: number;
  private readonly backoff: Backoff;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly router: Router,
    private readonly init: SessionInit,
  ) {
    super();
    this.id = init.id;
    this.ttlMs = init.ttlMs;
    this.expiresAtMs = init.openedAtMs + init.ttlMs;
    this.backoff = router.newBackoff({ maxMs: Math.max(50, Math.floor(init.ttlMs / 4)) });
    this.answerTimeoutMs = Math.min(2_000, Math.max(100, Math.floor(init.ttlMs / 6)));
  }

  get state(): SessionState {
    return this.stateValue;
  }

  get expired(): boolean {
    return this.stateValue === 'expired';
  }

  /** Milliseconds until the local deadline (≤ 0 once passed). */
  get remainingMs(): number {
    return this.expiresAtMs - this.router.clock.nowMs();
  }

  /** Starts heartbeats; called once by the client after OpenSession. */
  start(): void {
    this.armExpiry();
    this.reconnectSoon(undefined, 0);
    this.scheduleHeartbeat();
  }

  /** Stops heartbeats and expires the session on the server (CloseSession). Idempotent. */
  close(): Promise<void> {
    if (!this.closing) this.closing = this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    const wasAlive = this.stateValue === 'alive';
    this.stateValue = 'closed';
    this.stop();
    try {
      if (wasAlive && !this.router.closed) {
        await this.router.run('close_session', { session_id: this.id }, this.init.requestTimeoutMs);
      }
    } catch (error) {
      const err = fromCallError(error);
      // Already gone is what close wants.
      if (err.code !== Code.NOT_FOUND && err.reason !== 'SESSION_EXPIRED') throw err;
    } finally {
      this.emit('closed');
    }
  }

  private connect(address: string): void {
    if (this.stateValue !== 'alive' || this.router.closed) return;
    this.dropCall();
    const call = this.router.connection(address).coord.KeepAlive();
    this.call = call;
    this.callAddress = address;
    this.sentAt = [];
    call.on('data', (answer: KeepAliveResponse) => this.onAnswer(call, answer));
    call.on('error', (error: Error) => this.onStreamFailure(call, fromCallError(error)));
    call.on('end', () =>
      this.onStreamFailure(
        call,
        new CoordinationError({ code: Code.UNAVAILABLE, message: 'KeepAlive stream ended' }),
      ),
    );
    this.heartbeat();
  }

  private heartbeat(): void {
    if (!this.call) return;
    if (this.sentAt.length >= MAX_UNANSWERED) return; // The answer timer is already running.
    this.sentAt.push(this.router.clock.nowMs());
    this.call.write({ session_id: this.id });
    if (this.answerTimer === undefined) this.armAnswerTimer();
  }

  /** Fails the stream when its oldest heartbeat goes unanswered for `answerTimeoutMs`. */
  private armAnswerTimer(): void {
    const clock = this.router.clock;
    const oldest = this.sentAt[0];
    if (oldest === undefined) return;
    this.answerTimer = clock.setTimer(
      () => {
        this.answerTimer = undefined;
        const call = this.call;
        if (!call || this.sentAt[0] === undefined) return;
        if (clock.nowMs() - this.sentAt[0] < this.answerTimeoutMs) return this.armAnswerTimer();
        const message = `${this.callAddress} did not answer a heartbeat within ${this.answerTimeoutMs} ms`;
        this.onStreamFailure(call, new CoordinationError({ code: Code.UNAVAILABLE, message }));
      },
      oldest + this.answerTimeoutMs - clock.nowMs(),
    );
  }

  private onAnswer(call: unknown, answer: KeepAliveResponse): void {
    if (call !== this.call || answer.session_id !== this.id) return;
    const sentAt = this.sentAt.shift() ?? this.router.clock.nowMs();
    this.router.checkHeader(answer.header);
    if (answer.ttl_ms <= 0) {
      return this.expire('the server no longer knows this session');
    }
    this.backoff.reset();
    this.expiresAtMs = Math.max(this.expiresAtMs, sentAt + answer.ttl_ms);
    this.armExpiry();
  }

  private onStreamFailure(call: unknown, error: CoordinationError): void {
    if (call !== this.call || this.stateValue !== 'alive') return;
    const failed = this.callAddress;
    this.dropCall();
    if (error.reason === 'SESSION_EXPIRED') return this.expire(error.message);
    const free = this.backoff.attempts < MAX_FREE_REDIRECTS;
    const delayMs = this.backoff.next(error.retryDelayMs);
    if (error.reason === 'NOT_LEADER' && error.leader && error.leader !== failed) {
      this.router.noteLeader(error.leader);
      return this.reconnectSoon(error.leader, free ? 0 : delayMs);
    }
    this.reconnectSoon(undefined, free ? 0 : delayMs, failed);
  }

  /**
   * Reopens the stream after `delayMs`: to `address`, or else to the leader some coordinator
   * names (ClusterService.Status), or else to the endpoint after `failed`.
   */
  private reconnectSoon(address: string | undefined, delayMs: number, failed?: string): void {
    this.dropCall();
    if (this.reconnectTimer !== undefined || this.connecting) return;
    this.reconnectTimer = this.router.clock.setTimer(() => {
      this.reconnectTimer = undefined;
      if (address) return this.connect(address);
      this.connecting = true;
      void this.findLeader(failed)
        .then((target) => this.connect(target))
        .finally(() => (this.connecting = false));
    }, delayMs);
  }

  private async findLeader(failed: string | undefined): Promise<string> {
    const timeoutMs = Math.max(100, Math.min(this.answerTimeoutMs, 1_000));
    const leader = await this.router.leaderAddress(timeoutMs).catch(() => undefined);
    if (leader && leader !== failed) return leader;
    return this.nextAfter(failed);
  }

  private nextAfter(address: string | undefined): string {
    const endpoints = this.router.endpoints;
    if (address && endpoints.includes(address)) return this.router.nextEndpoint(address);
    return address ? endpoints[0]! : this.router.currentEndpoint;
  }

  private scheduleHeartbeat(): void {
    const intervalMs = Math.max(10, Math.floor(this.ttlMs / 3));
    this.heartbeatTimer = this.router.clock.setTimer(() => {
      this.heartbeatTimer = undefined;
      if (this.stateValue !== 'alive') return;
      this.heartbeat();
      this.scheduleHeartbeat();
    }, intervalMs);
  }

  private armExpiry(): void {
    const clock = this.router.clock;
    if (this.expiryTimer !== undefined) clock.clearTimer(this.expiryTimer);
    this.expiryTimer = clock.setTimer(() => {
      this.expiryTimer = undefined;
      if (this.remainingMs <= 0) {
        this.expire(`no KeepAlive answer within the ${this.ttlMs} ms TTL`);
        this.router.run('close_session', { session_id: this.id }, this.ttlMs).catch(() => {});
      } else this.armExpiry();
    }, this.remainingMs);
  }

  private expire(why: string): void {
    if (this.stateValue !== 'alive') return;
    this.stateValue = 'expired';
    this.stop();
    const error = new CoordinationError({
      code: Code.FAILED_PRECONDITION,
      message: `session ${this.id} expired: ${why}`,
      reason: 'SESSION_EXPIRED',
    });
    this.emit('expired', error);
  }

  private stop(): void {
    const clock = this.router.clock;
    for (const timer of [this.heartbeatTimer, this.expiryTimer, this.reconnectTimer]) {
      if (timer !== undefined) clock.clearTimer(timer);
    }
    this.heartbeatTimer = this.expiryTimer = this.reconnectTimer = undefined;
    this.dropCall();
  }

  private dropCall(): void {
    const call = this.call;
    this.call = undefined;
    this.sentAt = [];
    if (this.answerTimer !== undefined) this.router.clock.clearTimer(this.answerTimer);
    this.answerTimer = undefined;
    if (call) {
      call.end();
      call.cancel();
    }
  }
}
