// Fair (FIFO) mutexes on the node tree, the ZooKeeper recipe (coordination.proto `Lock`): the
// lock `name` is the path of a lock node, created persistent if missing; `lock` adds an
// ephemeral sequential child `<name>/lock-0000000007` owned by the session, and the lowest key
// holds the lock. Keys are ordinary nodes: List and Watch on the lock node show the queue, and
// deleting a key by any means (Unlock, Delete, session end) releases it. Not reentrant: a second
// Lock by the same session queues behind the first.
//
// This table indexes the keys created by lock commands, per lock node, in queue (= creation)
// order, so the holder is O(1). Fencing token = the holder key's create revision: keys of one
// name are created at increasing revisions and acquire in queue order, so tokens strictly
// increase per name; `lastToken` records the last grant and every grant is asserted against it.
// A queue that empties is dropped (tokens stay increasing: revisions are global).

import { assert } from './assert';
import type { Journal } from './journal';

export const LOCK_KEY_PREFIX = 'lock-';

export interface LockQueue {
  /** Key paths in FIFO order; keys[0] holds the lock. */
  readonly keys: string[];
  /** Fencing token of the last grant (0 = none yet). */
  lastToken: number;
}

/** A key that became the holder; the shell completes the Lock RPC waiting on it. */
export interface LockGrant {
  /** The lock node path (LockRequest.name). */
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

export class LockTable {
  private readonly queues = new Map<string, LockQueue>();
  /** Key path → lock node path, for every queued key. */
  private readonly keyToLock = new Map<string, string>();

  queue(name: string): LockQueue | undefined {
    return this.queues.get(name);
  }

  /** Lock node paths with a non-empty queue, sorted. */
  names(): string[] {
    return [...this.queues.keys()].sort();
  }

  /** [name, queue] in table order, unsorted (the snapshot image's cheap capture). */
  entries(): IterableIterator<[string, LockQueue]> {
    return this.queues.entries();
  }

  holderKey(name: string): string | undefined {
    const q = this.queues.get(name);
    return q === undefined ? undefined : q.keys[0];
  }

  /** The lock node of a queued key, or undefined when `key` is not queued. */
  lockOf(key: string): string | undefined {
    return this.keyToLock.get(key);
  }

  get keyCount(): number {
    return this.keyToLock.size;
  }

  enqueue(j: Journal, name: string, key: string): void {
    assert(!this.keyToLock.has(key), 'a key is queued once');
    let q = this.queues.get(name);
    if (q === undefined) {
      const created: LockQueue = { keys: [], lastToken: 0 };
      this.queues.set(name, created);
      j.onUndo(() => this.queues.delete(name));
      q = created;
    }
    j.touchLock(name, q.keys[0]);
    const queue = q;
    queue.keys.push(key);
    this.keyToLock.set(key, name);
    j.onUndo(() => {
      assert(queue.keys.pop() === key, 'undo pops the key it pushed');
      this.keyToLock.delete(key);
    });
  }

  /** Called for every removed ephemeral node; drops it from its queue if it is a lock key. */
  onRemoved(j: Journal, path: string): void {
    const name = this.keyToLock.get(path);
    if (name === undefined) return;
    const q = this.queues.get(name);
    assert(q !== undefined, 'a queued key has a queue');
    const at = q.keys.indexOf(path);
    assert(at >= 0, 'a queued key is in its queue');
    j.touchLock(name, q.keys[0]);
    j.lockKeysRemoved.push(path);
    q.keys.splice(at, 1);
    this.keyToLock.delete(path);
    if (q.keys.length === 0) this.queues.delete(name);
    j.onUndo(() => {
      q.keys.splice(at, 0, path);
      this.keyToLock.set(path, name);
      this.queues.set(name, q);
    });
  }

  /** Records a grant after commit; asserts fencing tokens strictly increase per name. */
  recordGrant(name: string, token: number): void {
    const q = this.queues.get(name);
    assert(q !== undefined, 'grants are for queued lock names');
    assert(token > q.lastToken, 'fencing tokens strictly increase per lock name');
    q.lastToken = token;
  }

  /** Restore-only. */
  load(name: string, keys: string[], lastToken: number): void {
    assert(!this.queues.has(name) && keys.length > 0, 'snapshot lists non-empty queues once');
    this.queues.set(name, { keys: keys.slice(), lastToken });
    for (const key of keys) {
      assert(!this.keyToLock.has(key), 'snapshot queues each key once');
      this.keyToLock.set(key, name);
    }
  }
}
