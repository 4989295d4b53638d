/**
 * A held lock (coordination.proto, Lock): its key (the holder's node, ephemeral on the session)
 * and fencing token, strictly increasing per lock name. The lock is lost when its session
 * ends; resources it guards should reject writes carrying an older token than one they saw.
 * `await using lock = await client.lock(name, { session })` releases it when the scope ends.
 */
import { status as Code } from '@grpc/grpc-js';
import { fromCallError } from './errors';
import type { Session } from './session';

export interface LockOptions {
  /** The session that holds the lock; it is released when the session ends. */
  session: Session;
  /**
   * Longest wait for the lock in milliseconds (LOCK_TIMEOUT after it). Default: wait until the
   * lock is granted or the session ends.
   */
  waitMs?: number;
  /**
   * Gives up waiting when aborted: the wait's call is cancelled, the server withdraws its queue
   * key, and `lock()` rejects ABANDONED (a lock granted meanwhile is released).
   */
  signal?: AbortSignal;
}

export class Lock implements AsyncDisposable {
  private released: Promise<void> | undefined;

  constructor(
    readonly name: string,
    readonly key: string,
    readonly fencingToken: number,
    readonly session: Session,
    private readonly release: (key: string) => Promise<unknown>,
  ) {}

  /** Releases the lock. Idempotent; a lock already gone (session expired) counts as released. */
  unlock(): Promise<void> {
    if (!this.released) {
      this.released = this.release(this.key).then(
        () => undefined,
        (error: unknown) => {
          const err = fromCallError(error);
          if (err.code !== Code.NOT_FOUND) throw err;
        },
      );
    }
    return this.released;
  }

  /** `await using`: releases the lock when the scope ends, however it ends. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.unlock();
  }
}
