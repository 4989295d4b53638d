/**
 * A watch that survives its server: events of `path` (or its subtree) in revision order, none
 * repeated, none skipped, across reconnects (coordination.proto, Watch).
 *
 * `revision` is the resume point: every event up to it has been received. It advances with
 * what the server tells: the first message of each stream (no events; for a watch from now,
 * its revision is where the watch starts), events (each WatchResponse holds whole revisions)
 * and progress marks (later messages without events, sent with progress_notify). So a stream
 * that breaks before its first event still resumes where it started. When the stream fails for
 * a transient reason, the watch reopens on the next endpoint with start_revision = `revision`,
 * and drops anything at or below it defensively.
 * COMPACTED and other definitive errors end the iteration by throwing.
 *
 * Bounded: at most `maxBufferedEvents` events wait for the consumer; beyond that the stream
 * is paused, which pushes back on the server through HTTP/2 flow control.
 * Events: 'open' (the revision the stream starts after, each time one starts),
 * 'reconnecting' ({ address, error, delayMs }).
 */
import { EventEmitter } from 'node:events';
import { status as Code, type ClientReadableStream } from '@grpc/grpc-js';
import type { Backoff } from './backoff';
import type { TimerHandle } from './clock';
import { clientError, CoordinationError, fromCallError, provesNotApplied } from './errors';
import type { Router } from './router';
import { toWatchEvent, type WatchEvent } from './types';
import type { WatchResponse } from './wire';

export interface WatchOptions {
  /** Also watch every descendant of `path`. */
  prefix?: boolean;
  /** Deliver events after this revision; default 0 = from now on. */
  startRevision?: number;
  /** Events buffered for a slow consumer before the stream is paused; default 10000. */
  maxBufferedEvents?: number;
  /** Ask for progress marks, so that an idle watch's resume point advances; default true. */
  progressNotify?: boolean;
}

export interface ReconnectInfo {
  address: string;
  error: CoordinationError;
  delayMs: number;
}

export const DEFAULT_MAX_BUFFERED_EVENTS = 10_000;

type Waiter = { resolve: (r: IteratorResult<WatchEvent>) => void; reject: (e: unknown) => void };

export class Watch
  extends EventEmitter<{ open: [number]; reconnecting: [ReconnectInfo] }>
  implements AsyncIterable<WatchEvent>
{
  private revisionValue: number;
  private readonly buffer: WatchEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private call: ClientReadableStream<WatchResponse> | undefined;
  /** start_revision of the current stream, and whether its start message has come. */
  private openedFrom = 0;
  private started = false;
  private address: string;
  private paused = false;
  private done = false;
  private failure: CoordinationError | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private readonly backoff: Backoff;
  private readonly maxBuffered: number;

  constructor(
    private readonly router: Router,
    readonly path: string,
    private readonly options: WatchOptions = {},
  ) {
    super();
    this.revisionValue = options.startRevision ?? 0;
    this.maxBuffered = options.maxBufferedEvents ?? DEFAULT_MAX_BUFFERED_EVENTS;
    this.address = router.currentEndpoint;
    this.backoff = router.newBackoff({ maxMs: 2_000 });
    if (!(this.revisionValue >= 0) || !(this.maxBuffered >= 1)) {
      throw new Error('startRevision must be ≥ 0 and maxBufferedEvents ≥ 1');
    }
  }

  /** Every event up to this revision has been received (0 before the first answer). */
  get revision(): number {
    return this.revisionValue;
  }

  /** Opens the stream; called once by the client. */
  start(): void {
    this.open(this.address);
  }

  /** Ends the watch: the iteration finishes after the buffered events. */
  close(): void {
    if (this.done) return;
    this.done = true;
    this.stopStream();
    this.flushWaiters();
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        this.close();
        this.buffer.length = 0;
        return { done: true, value: undefined };
      },
    };
  }

  private next(): Promise<IteratorResult<WatchEvent>> {
    const event = this.buffer.shift();
    if (event) {
      if (this.paused && this.buffer.length <= this.maxBuffered / 2) {
        this.paused = false;
        this.call?.resume();
      }
      return Promise.resolve({ done: false, value: event });
    }
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.done) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private open(address: string): void {
    if (this.done || this.router.closed) return this.close();
    this.address = address;
    const request = {
      path: this.path,
      prefix: this.options.prefix ?? false,
      start_revision: this.revisionValue,
      progress_notify: this.options.progressNotify ?? true,
    };
    this.openedFrom = this.revisionValue;
    this.started = false;
    const call = this.router.connection(address).coord.Watch(request);
    this.call = call;
    call.on('data', (response: WatchResponse) => this.onResponse(call, response));
    call.on('error', (error: Error) => this.onFailure(call, fromCallError(error)));
    call.on('end', () =>
      this.onFailure(
        call,
        new CoordinationError({ code: Code.UNAVAILABLE, message: 'the server ended the watch' }),
      ),
    );
  }

  private onResponse(call: unknown, response: WatchResponse): void {
    if (call !== this.call || this.done) return;
    try {
      this.router.checkHeader(response.header);
    } catch (error) {
      return this.fail(fromCallError(error));
    }
    this.backoff.reset();
    const events = response.events ?? [];
    const first = !this.started;
    this.started = true;
    if (first && events.length === 0) {
      // The start message: a watch from now starts after its revision; one from a revision
      // starts there (the member may be further on: the events in between follow).
      if (this.openedFrom === 0) this.revisionValue = response.header?.revision ?? 0;
      this.emit('open', this.revisionValue);
      return;
    }
    let last = this.revisionValue;
    let fresh: WatchEvent[];
    try {
      // At or below `revision`: already delivered before a reconnect.
      fresh = events.filter((e) => e.revision > this.revisionValue).map(toWatchEvent);
    } catch (error) {
      return this.fail(clientError('PROTOCOL', (error as Error).message));
    }
    for (const event of fresh) {
      this.push(event);
      last = Math.max(last, event.revision);
    }
    // A later message without events is a progress mark: nothing up to header.revision is
    // left to send. With events, only their revisions are known complete.
    this.revisionValue = events.length > 0 ? last : Math.max(last, response.header?.revision ?? 0);
    if (!this.paused && this.buffer.length >= this.maxBuffered) {
      this.paused = true;
      this.call?.pause();
    }
  }

  private push(event: WatchEvent): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve({ done: false, value: event });
    else this.buffer.push(event);
  }

  private onFailure(call: unknown, error: CoordinationError): void {
    if (call !== this.call || this.done) return;
    this.stopStream();
    if (!mayResume(error)) return this.fail(error);
    const next = this.nextAddress(error);
    const delayMs = this.backoff.next(error.retryDelayMs);
    this.emit('reconnecting', { address: next, error, delayMs });
    this.reconnectTimer = this.router.clock.setTimer(() => {
      this.reconnectTimer = undefined;
      this.open(next);
    }, delayMs);
  }

  private nextAddress(error: CoordinationError): string {
    if (error.reason === 'NOT_LEADER' && error.leader) return error.leader;
    const endpoints = this.router.endpoints;
    return endpoints.includes(this.address)
      ? this.router.nextEndpoint(this.address)
      : endpoints[0]!;
  }

  private fail(error: CoordinationError): void {
    this.failure = error;
    this.done = true;
    this.stopStream();
    this.flushWaiters();
  }

  private flushWaiters(): void {
    for (const waiter of this.waiters.splice(0)) {
      if (this.failure) {
        waiter.reject(this.failure);
        this.failure = undefined;
      } else waiter.resolve({ done: true, value: undefined });
    }
  }

  private stopStream(): void {
    if (this.reconnectTimer !== undefined) this.router.clock.clearTimer(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const call = this.call;
    this.call = undefined;
    this.paused = false;
    call?.cancel();
  }
}

/**
 * Transient failures reopen the watch elsewhere: the stream ended or was reset, the node is
 * unreachable or has no leader. A definitive answer (COMPACTED, bad path, permission) ends it.
 */
function mayResume(error: CoordinationError): boolean {
  if (provesNotApplied(error) || error.code === Code.UNAVAILABLE) return true;
  if (error.reason !== undefined) return false;
  return [Code.CANCELLED, Code.INTERNAL, Code.UNKNOWN, Code.DEADLINE_EXCEEDED].includes(error.code);
}
