// Session liveness on the Raft leader (not replicated, etcd lease semantics). Deadlines are
// leader-local: KeepAlive renews a session to a full TTL from `nowMs`; `expired(nowMs)` lists
// sessions whose deadline has passed, which the shell proposes as one expire-sessions command.
// A new leader calls `resetAll`, giving every session a full TTL from its own clock, so a
// leader change never expires a session that was being kept alive. Time is an argument (ms from
// any monotonic clock); nothing here reads a clock.

import { assert } from './assert';

interface Tracked {
  ttlMs: number;
  deadlineMs: number;
}

export class SessionTracker {
  private readonly byId = new Map<number, Tracked>();

  get size(): number {
    return this.byId.size;
  }

  /** Starts tracking a session (after its open-session is applied) with a full TTL. */
  track(id: number, ttlMs: number, nowMs: number): void {
    assert(Number.isSafeInteger(id) && id > 0 && ttlMs > 0, 'track a valid session');
    this.byId.set(id, { ttlMs, deadlineMs: nowMs + ttlMs });
  }

  /** Stops tracking (after close-session or expire-sessions is applied). */
  forget(id: number): void {
    this.byId.delete(id);
  }

  /**
   * Renews a session. Returns the granted TTL in ms, or 0 when the session is unknown or its
   * deadline has already passed (coordination.proto KeepAliveResponse: it cannot be renewed).
   */
  keepAlive(id: number, nowMs: number): number {
    const t = this.byId.get(id);
    if (t === undefined || nowMs >= t.deadlineMs) return 0;
    t.deadlineMs = nowMs + t.ttlMs;
    return t.ttlMs;
  }

  /** Milliseconds left before the session expires, 0 if unknown or past its deadline. */
  remainingMs(id: number, nowMs: number): number {
    const t = this.byId.get(id);
    return t === undefined ? 0 : Math.max(0, t.deadlineMs - nowMs);
  }

  /**
   * Ids whose deadline is at or before `nowMs`, ascending, at most `max`. They stay tracked
   * (and are listed again) until `forget`, so a lost proposal is simply proposed again.
   */
  expired(nowMs: number, max = 10_000): number[] {
    const out: number[] = [];
    for (const [id, t] of this.byId) {
      if (t.deadlineMs <= nowMs) out.push(id);
    }
    out.sort((a, b) => a - b);
    return out.length > max ? out.slice(0, max) : out;
  }

  /** On becoming leader: track exactly `sessions`, each with a full TTL from `nowMs`. */
  resetAll(sessions: ReadonlyArray<{ id: number; ttlMs: number }>, nowMs: number): void {
    this.byId.clear();
    for (const s of sessions) this.track(s.id, s.ttlMs, nowMs);
    assert(this.byId.size === sessions.length, 'session ids are unique');
  }
}
