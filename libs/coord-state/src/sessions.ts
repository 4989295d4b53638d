// Replicated sessions: id (the Raft index of the open-session entry), granted TTL, and the
// ephemeral nodes it owns (lock keys are ephemeral nodes too). Liveness (deadlines) is not
// replicated: the leader's SessionTracker decides expiry and proposes expire-sessions.

import { assert } from './assert';
import type { Journal } from './journal';

export interface Session {
  readonly id: number;
  readonly ttlMs: number;
  /** Paths of the ephemeral nodes this session owns. */
  readonly ephemerals: Set<string>;
}

/** What queries return about a session (paths sorted). */
export interface SessionInfo {
  id: number;
  ttlMs: number;
  ephemeralPaths: string[];
}

export class SessionTable {
  private readonly byId = new Map<number, Session>();

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Session | undefined {
    return this.byId.get(id);
  }

  /** Sessions in ascending id order (= open order, since ids are Raft indexes). */
  all(): Session[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  /** Sessions in table order, unsorted (the snapshot image's cheap capture). */
  values(): IterableIterator<Session> {
    return this.byId.values();
  }

  open(j: Journal, id: number, ttlMs: number): void {
    assert(Number.isSafeInteger(id) && id > 0, 'session ids are positive integers');
    assert(!this.byId.has(id), 'session ids are unique');
    this.byId.set(id, { id, ttlMs, ephemerals: new Set() });
    j.onUndo(() => this.byId.delete(id));
  }

  /** Removes a session that no longer owns anything. */
  close(j: Journal, id: number): void {
    const session = this.byId.get(id);
    assert(session !== undefined, 'close a live session');
    assert(session.ephemerals.size === 0, 'a session ends only after its ephemerals are gone');
    this.byId.delete(id);
    j.onUndo(() => this.byId.set(id, session));
  }

  attach(j: Journal, id: number, path: string): void {
    const session = this.byId.get(id);
    assert(session !== undefined, 'ephemeral owners are live sessions');
    assert(!session.ephemerals.has(path), 'an ephemeral is attached once');
    session.ephemerals.add(path);
    j.onUndo(() => session.ephemerals.delete(path));
  }

  detach(j: Journal, id: number, path: string): void {
    const session = this.byId.get(id);
    assert(session !== undefined, 'ephemeral owners are live sessions');
    assert(session.ephemerals.delete(path), 'a detached ephemeral was attached');
    j.onUndo(() => session.ephemerals.add(path));
  }

  /** Restore-only. */
  load(id: number, ttlMs: number): void {
    assert(!this.byId.has(id), 'snapshot lists each session once');
    this.byId.set(id, { id, ttlMs, ephemerals: new Set() });
  }
}

export function sessionInfo(s: Session): SessionInfo {
  return { id: s.id, ttlMs: s.ttlMs, ephemeralPaths: [...s.ephemerals].sort() };
}
