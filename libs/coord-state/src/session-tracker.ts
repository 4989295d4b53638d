// Liveness on the Raft leader (not replicated, etcd lease semantics), of sessions (by id) and
// of consumer group members (by group and member id). Deadlines are
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

export class DeadlineTracker<K extends string | number> {
  private readonly byId = new Map<K, Tracked>();

  get size(): number {
    return this.byId.size;
  }

  /** Starts tracking a session (after its open-session is applied) with a full TTL. */
  track(id: K, ttlMs: number, nowMs: number): void {
    assert(
      typeof id === 'string' || (Number.isSafeInteger(id) && (id as number) > 0),
      'track a valid id',
    );
    assert(ttlMs > 0, 'track with a positive TTL');
    this.byId.set(id, { ttlMs, deadlineMs: nowMs + ttlMs });
  }

  /** Stops tracking (after close-session or expire-sessions is applied). */
  forget(id: K): void {
    this.byId.delete(id);
  }

  /**
   * Renews a session. Returns the granted TTL in ms, or 0 when the session is unknown or its
   * deadline has already passed (coordination.proto KeepAliveResponse: it cannot be renewed).
   */
  keepAlive(id: K, nowMs: number): number {
    const t = this.byId.get(id);
    if (t === undefined || nowMs >= t.deadlineMs) return 0;
    t.deadlineMs = nowMs + t.ttlMs;
    return t.ttlMs;
  }

  /** Milliseconds left before the session expires, 0 if unknown or past its deadline. */
  remainingMs(id: K, nowMs: number): number {
    const t = this.byId.get(id);
    return t === undefined ? 0 : Math.max(0, t.deadlineMs - nowMs);
  }

  /**
   * Ids whose deadline is at or before `nowMs`, ascending, at most `max`. They stay tracked
   * (and are listed again) until `forget`, so a lost proposal is simply proposed again.
   */
  expired(nowMs: number, max = 10_000): K[] {
    const out: K[] = [];
    for (const [id, t] of this.byId) {
      if (t.deadlineMs <= nowMs) out.push(id);
    }
    out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return out.length > max ? out.slice(0, max) : out;
  }

  /** On becoming leader: track exactly `sessions`, each with a full TTL from `nowMs`. */
  resetAll(sessions: ReadonlyArray<{ id: K; ttlMs: number }>, nowMs: number): void {
    this.byId.clear();
    for (const s of sessions) this.track(s.id, s.ttlMs, nowMs);
    assert(this.byId.size === sessions.length, 'tracked ids are unique');
  }
}

export class SessionTracker extends DeadlineTracker<number> {}
