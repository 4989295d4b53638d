// Test doubles for the client's inputs: a manual clock and grpc-js-like streams driven by hand.
import { EventEmitter } from 'node:events';
import type { Clock, TimerHandle } from '../src/clock';
import { Router } from '../src/router';

export class ManualClock implements Clock {
  private now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  nowMs(): number {
    return this.now;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + Math.max(0, delayMs), callback });
    return id as unknown as TimerHandle;
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle as unknown as number);
  }

  /** Moves time forward, firing due timers in order (timers set meanwhile included). */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}

/** A duplex or readable call: records writes; the test emits data, errors and ends. */
export class FakeCall<Req, Res> extends EventEmitter {
  readonly written: Req[] = [];
  ended = false;
  cancelled = false;
  paused = false;

  write(message: Req): boolean {
    this.written.push(message);
    return true;
  }

  end(): void {
    this.ended = true;
  }

  cancel(): void {
    this.cancelled = true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  answer(response: Res): void {
    this.emit('data', response);
  }

  failWith(error: Error): void {
    this.emit('error', error);
  }
}

/** Lets pending promise callbacks run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Three loopback endpoints, as a cluster's bootstrap list. */
export const ENDPOINTS = ['127.0.0.1:7101', '127.0.0.1:7102', '127.0.0.1:7103'];

/** A Router over ENDPOINTS with short backoffs, driven by `clock`; tests stub its I/O. */
export function testRouter(clock: ManualClock): Router {
  return new Router({
    endpoints: ENDPOINTS,
    mode: 'execute',
    limits: {},
    connectTimeoutMs: 1000,
    backoff: { baseMs: 10, maxMs: 100 },
    reconnectBackoffMs: { initial: 10, max: 100 },
    maxInFlight: 16,
    maxQueued: 16,
    clock,
    random: () => 0,
  });
}
