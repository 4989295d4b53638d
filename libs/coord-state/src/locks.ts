// Fair (FIFO) mutexes on the node tree, the ZooKeeper recipe: `lock(name)` creates the
// ephemeral sequential node `/tributary/locks/<name>/lock-0000000007` owned by the session, and
// the lowest key holds the lock. Keys are visible and watchable like any node. This table is
// the index of those keys per name, in queue (= creation) order, so the holder is O(1).
//
// Fencing token = the holder key's create revision. Keys of one name are created in increasing
// revisions and acquire in queue order, so tokens strictly increase per name; `lastToken`
// records the last one granted and is asserted against at every grant.
//
// The `/tributary/locks/<name>` directory is never deleted by this module: its sequence counter
// must not restart, or a retried Unlock of an old key could delete a newer holder's key.

import { assert } from './assert';
import type { Journal } from './journal';
import { LOCKS_ROOT, childPath } from './paths';

export const LOCK_KEY_PREFIX = 'lock-';

export interface LockQueue {
  /** Keys in FIFO order; keys[0] holds the lock. */
  readonly keys: string[];
  /** Session id → its key (a session has at most one key per name). */
  readonly bySession: Map<number, string>;
  /** Fencing token of the last grant (0 = none yet). */
  lastToken: number;
}

/** A handoff (or immediate acquisition) the shell uses to complete a waiting Lock RPC. */
export interface LockGrant {
  name: string;
  key: string;
  fencingToken: number;
  sessionId: number;
}

export interface LockHolder {
  key: string;
  sessionId: number;
  fencingToken: number;
}

const KEY_RE = /^\/tributary\/locks\/([A-Za-z0-9._:-]+)\/lock-\d{10}$/;

/** The lock name of a lock key path, or undefined when `path` is not shaped like a lock key. */
export function lockNameOf(path: string): string | undefined {
  const m = KEY_RE.exec(path);
  return m === null ? undefined : m[1];
}

export function lockDir(name: string): string {
  return childPath(LOCKS_ROOT, name);
}

export class LockTable {
  private readonly queues = new Map<string, LockQueue>();

  queue(name: string): LockQueue | undefined {
    return this.queues.get(name);
  }

  /** Lock names in sorted order. */
  names(): string[] {
    return [...this.queues.keys()].sort();
  }

  holderKey(name: string): string | undefined {
    const q = this.queues.get(name);
    return q === undefined ? undefined : q.keys[0];
  }

  isKey(path: string): boolean {
    const name = lockNameOf(path);
    if (name === undefined) return false;
    const q = this.queues.get(name);
    return q !== undefined && q.keys.includes(path);
  }

  enqueue(j: Journal, name: string, key: string, sessionId: number): void {
    let q = this.queues.get(name);
    if (q === undefined) {
      const created: LockQueue = { keys: [], bySession: new Map(), lastToken: 0 };
      this.queues.set(name, created);
      j.onUndo(() => this.queues.delete(name));
      q = created;
    }
    assert(!q.bySession.has(sessionId), 'one key per session and name');
    assert(q.keys.length === 0 || q.keys[q.keys.length - 1] < key, 'keys enqueue in order');
    j.touchLock(name, q.keys[0]);
    const queue = q;
    queue.keys.push(key);
    queue.bySession.set(sessionId, key);
    j.onUndo(() => {
      queue.keys.pop();
      queue.bySession.delete(sessionId);
    });
  }

  /** Called for every removed ephemeral node; drops it from its queue if it is a lock key. */
  onRemoved(j: Journal, path: string, sessionId: number): void {
    const name = lockNameOf(path);
    if (name === undefined) return;
    const q = this.queues.get(name);
    if (q === undefined) return;
    const at = q.keys.indexOf(path);
    if (at < 0) return;
    assert(q.bySession.get(sessionId) === path, 'a lock key is indexed under its owner');
    j.touchLock(name, q.keys[0]);
    q.keys.splice(at, 1);
    q.bySession.delete(sessionId);
    j.onUndo(() => {
      q.keys.splice(at, 0, path);
      q.bySession.set(sessionId, path);
    });
  }

  /** Records a grant after commit; asserts fencing tokens strictly increase per name. */
  recordGrant(name: string, token: number): void {
    const q = this.queues.get(name);
    assert(q !== undefined, 'grants are for known lock names');
    assert(token > q.lastToken, 'fencing tokens strictly increase per lock name');
    q.lastToken = token;
  }

  /** Restore-only. */
  load(name: string, queue: LockQueue): void {
    assert(!this.queues.has(name), 'snapshot lists each lock name once');
    this.queues.set(name, queue);
  }
}
