/**
 * One `Execute` bidi stream with many requests in flight (coordination.proto, Execute): each
 * request gets a fresh `request_id` (never reused on the stream), its answer settles the
 * promise waiting under that id, in whatever order answers come.
 *
 * Bounds: at most `maxInFlight` requests are sent and unanswered; further ones wait, FIFO, up
 * to `maxQueued`, then fail QUEUE_FULL. Every request carries a deadline, also while it waits.
 *
 * When the stream fails, every sent request fails with the stream's error, marked
 * indeterminate if it was a write (it may have been applied); waiting requests were never sent
 * and fail with the plain error, safe to retry. A failed stream stays failed: the owner opens a
 * new one.
 */
import { status as Code } from '@grpc/grpc-js';
import type { Clock, TimerHandle } from './clock';
import {
  clientError,
  CoordinationError,
  fromCallError,
  fromStatusDetails,
  outcomeOf,
} from './errors';
import {
  isRead,
  type ExecuteRequest,
  type ExecuteResponse,
  type OpKind,
  type OpRequests,
  type OpResponses,
} from './wire';

/** The part of a grpc-js ClientDuplexStream this module uses. */
export interface DuplexCall {
  write(message: ExecuteRequest): boolean;
  end(): void;
  cancel(): void;
  on(event: 'data', listener: (response: ExecuteResponse) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

export interface ExecuteStreamOptions {
  /** Requests sent and not yet answered, at most. */
  maxInFlight: number;
  /** Requests waiting for an in-flight slot, at most. */
  maxQueued: number;
  clock: Clock;
}

export const DEFAULT_MAX_IN_FLIGHT = 4096;
export const DEFAULT_MAX_QUEUED = 65_536;

interface Pending {
  kind: OpKind;
  resolve: (response: never) => void;
  reject: (error: CoordinationError) => void;
  timer: TimerHandle | undefined;
}

interface Waiter {
  start: () => void;
  fail: (error: CoordinationError) => void;
  timer: TimerHandle | undefined;
}

export class ExecuteStream {
  private call: DuplexCall | undefined;
  private nextRequestId = 1;
  /** Sent, unanswered requests by id. Invariant: size ≤ maxInFlight. */
  private readonly pending = new Map<number, Pending>();
  /** Requests waiting for a slot, oldest first. Invariant: length ≤ maxQueued. */
  private readonly waiting: Waiter[] = [];
  private failure: CoordinationError | undefined;
  /** Answers whose id matched nothing (late answers to timed-out requests). */
  unmatchedAnswers = 0;

  constructor(
    private readonly open: () => DuplexCall,
    private readonly options: ExecuteStreamOptions,
  ) {
    if (!(options.maxInFlight >= 1 && options.maxQueued >= 0)) {
      throw new Error(`maxInFlight must be ≥ 1 and maxQueued ≥ 0`);
    }
  }

  /** Whether the stream has failed or been closed; a new one is needed. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Sends one operation; `timeoutMs` (may be Infinity) counts from now, waiting included. */
  send<K extends OpKind>(
    kind: K,
    request: OpRequests[K],
    timeoutMs: number,
  ): Promise<OpResponses[K]> {
    if (this.failure) return Promise.reject(this.failure.asUnsent());
    return new Promise<OpResponses[K]>((resolve, reject) => {
      const deadlineMs = this.options.clock.nowMs() + timeoutMs;
      const start = () => this.write(kind, request, deadlineMs, resolve, reject);
      if (this.pending.size < this.options.maxInFlight && this.waiting.length === 0) {
        start();
      } else if (this.waiting.length >= this.options.maxQueued) {
        reject(clientError('QUEUE_FULL', `${this.waiting.length} requests already wait`));
      } else {
        this.enqueue(start, reject, timeoutMs);
      }
    });
  }

  /** Fails everything pending with CLIENT_CLOSED and cancels the stream. */
  close(): void {
    this.fail(clientError('CLIENT_CLOSED', 'the client was closed'));
    this.call?.cancel();
  }

  private enqueue(start: () => void, reject: (e: CoordinationError) => void, timeoutMs: number) {
    const waiter: Waiter = { start, fail: reject, timer: undefined };
    if (Number.isFinite(timeoutMs)) {
      waiter.timer = this.options.clock.setTimer(() => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(deadlineError(timeoutMs, 'while waiting for an in-flight slot', false).asUnsent());
      }, timeoutMs);
    }
    this.waiting.push(waiter);
  }

  private write<K extends OpKind>(
    kind: K,
    request: OpRequests[K],
    deadlineMs: number,
    resolve: (response: OpResponses[K]) => void,
    reject: (error: CoordinationError) => void,
  ): void {
    if (this.failure) return reject(this.failure.asUnsent());
    const call = this.ensureCall();
    const requestId = this.nextRequestId++;
    const remainingMs = deadlineMs - this.options.clock.nowMs();
    const entry: Pending = {
      kind,
      resolve: resolve as (r: never) => void,
      reject,
      timer: undefined,
    };
    if (Number.isFinite(remainingMs)) {
      entry.timer = this.options.clock.setTimer(() => {
        if (this.pending.get(requestId) !== entry) return;
        this.settle(requestId);
        reject(deadlineError(remainingMs, 'waiting for the answer', !isRead(kind)));
      }, remainingMs);
    }
    this.pending.set(requestId, entry);
    call.write({ request_id: requestId, [kind]: request });
  }

  private ensureCall(): DuplexCall {
    if (this.call) return this.call;
    const call = this.open();
    this.call = call;
    call.on('data', (response) => this.onAnswer(response));
    call.on('error', (error) => this.fail(fromCallError(error)));
    call.on('end', () =>
      this.fail(
        new CoordinationError({
          code: Code.UNAVAILABLE,
          message: 'the server ended the Execute stream',
          retriable: true,
        }),
      ),
    );
    return call;
  }

  private onAnswer(response: ExecuteResponse): void {
    const entry = this.pending.get(response.request_id);
    if (!entry) {
      this.unmatchedAnswers += 1;
      return;
    }
    this.settle(response.request_id);
    if (response.response === 'status_details') {
      const error = fromStatusDetails(response.status_details ?? Buffer.alloc(0));
      entry.reject(outcomeOf(!isRead(entry.kind), error));
      return;
    }
    const answer = response.response === entry.kind ? response[entry.kind] : undefined;
    if (!answer) {
      const got = response.response ?? 'nothing';
      entry.reject(clientError('PROTOCOL', `asked ${entry.kind}, the server answered ${got}`));
      return;
    }
    if (!answer.header && response.header) answer.header = response.header;
    entry.resolve(answer as never);
  }

  /** Forgets an answered (or timed-out) request and hands its slot to the oldest waiter. */
  private settle(requestId: number): void {
    const entry = this.pending.get(requestId);
    if (entry?.timer !== undefined) this.options.clock.clearTimer(entry.timer);
    this.pending.delete(requestId);
    const next = this.waiting.shift();
    if (next) {
      if (next.timer !== undefined) this.options.clock.clearTimer(next.timer);
      next.start();
    }
  }

  private fail(error: CoordinationError): void {
    if (this.failure) return;
    this.failure = error;
    const pending = [...this.pending.values()];
    const waiting = this.waiting.splice(0);
    this.pending.clear();
    for (const entry of pending) {
      if (entry.timer !== undefined) this.options.clock.clearTimer(entry.timer);
      entry.reject(isRead(entry.kind) ? error : error.asIndeterminate());
    }
    for (const waiter of waiting) {
      if (waiter.timer !== undefined) this.options.clock.clearTimer(waiter.timer);
      waiter.fail(error.asUnsent());
    }
  }
}

function deadlineError(ms: number, what: string, indeterminate: boolean): CoordinationError {
  return new CoordinationError({
    code: Code.DEADLINE_EXCEEDED,
    message: `no answer within ${Math.round(ms)} ms (${what})`,
    indeterminate,
  });
}
