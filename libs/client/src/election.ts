/**
 * Leader election on the node tree (the ZooKeeper recipe, as etcd's concurrency.Election): each
 * candidate creates an ephemeral sequential node `<path>/n-<10 digits>` on its session holding
 * its value; the lowest one leads. A candidate waits for the deletion of the node just below its
 * own, never for the leader's, so a resignation wakes one candidate, not all (no herd). The
 * leader's node goes when it resigns or its session ends, so a crashed leader is replaced
 * within its session's TTL.
 *
 * Every wait watches from the revision of the List it acts on, so a deletion between the List
 * and the Watch is replayed, not missed.
 */
import { status as Code } from '@grpc/grpc-js';
import type { CoordinationClient } from './coordination-client';
import { clientError, CoordinationError } from './errors';
import { ensurePath, ignore, joinPath, relativePath } from './recipe-paths';
import type { Session } from './session';
import type { Data, WatchEvent } from './types';

export interface ElectionOptions {
  /** The session candidates of this Election campaign on; leadership ends with it. */
  session: Session;
}

export interface CampaignOptions {
  /** Gives up the campaign when aborted: `campaign()` rejects ABANDONED, the node is removed. */
  signal?: AbortSignal;
}

/** The current leader of an election. */
export interface Leader {
  /** The leader's candidate node. */
  key: string;
  /** Its value (campaign or proclaim). */
  value: Buffer;
  /** Revision that created its node: strictly increases with each new leader, so it fences. */
  createRevision: number;
}

const CANDIDATE = /^n-\d{10}$/;

/** What `observe` knows of one candidate: its value as of `modRevision`. */
type Known = Map<string, { value: Buffer; modRevision: number; createRevision: number }>;

function candidates(children: readonly string[]): string[] {
  return children.filter((name) => CANDIDATE.test(name)).sort();
}

export class Election {
  private keyValue: string | undefined;
  private leading = false;
  /** A campaign() is under way (a second one at once would leave two candidate nodes). */
  private campaigning = false;

  constructor(
    private readonly client: CoordinationClient,
    /** The election's node; created (with its ancestors) if missing. */
    readonly path: string,
    private readonly options: ElectionOptions,
  ) {}

  /** This candidate's node while it campaigns or leads. */
  get key(): string | undefined {
    return this.keyValue;
  }

  /** True from `campaign()` resolving until `resign()` (or the session's end). */
  get isLeader(): boolean {
    return this.leading && this.options.session.state === 'alive';
  }

  /**
   * Stands for election with `value`; resolves once this candidate leads. Rejects
   * SESSION_EXPIRED if the session ends first, ABANDONED when `signal` aborts; either way the
   * candidate node is withdrawn.
   */
  async campaign(value: Data = '', options: CampaignOptions = {}): Promise<void> {
    if (this.campaigning || this.keyValue) throw new Error(`already campaigning in ${this.path}`);
    const { session } = this.options;
    if (options.signal?.aborted) throw this.abandoned();
    if (session.state !== 'alive') throw sessionEnded(session);
    this.campaigning = true;
    try {
      await ensurePath(this.client, this.path);
      const node = joinPath(this.path, 'n-');
      const created = await this.client.create(node, value, {
        ephemeral: true,
        sequential: true,
        session,
      });
      this.keyValue = created.path;
      await this.waitToLead(created.path, options.signal);
      this.leading = true;
    } catch (error) {
      await this.resign().catch(() => undefined);
      throw error;
    } finally {
      this.campaigning = false;
    }
  }

  /** Replaces the leader's value (observers see it); only while leading. */
  async proclaim(value: Data): Promise<void> {
    if (!this.isLeader || !this.keyValue) throw new Error(`not the leader of ${this.path}`);
    await this.client.set(this.keyValue, value);
  }

  /** Gives up leadership or candidacy: the next candidate takes over. Idempotent. */
  async resign(): Promise<void> {
    const key = this.keyValue;
    this.keyValue = undefined;
    this.leading = false;
    if (key) await this.client.delete(key).catch(ignore('NO_NODE'));
  }

  /** The leader now, or undefined when nobody campaigns. */
  async leader(): Promise<Leader | undefined> {
    for (;;) {
      const listed = await this.client.list(this.path).catch(ignore('NO_NODE'));
      const first = listed && candidates(listed.children)[0];
      if (!first) return undefined;
      const key = joinPath(this.path, first);
      const got = await this.client.get(key).catch(ignore('NO_NODE'));
      // Gone between the List and the Get: it resigned; look again.
      if (got) return { key, value: got.data, createRevision: got.stat.createRevision };
    }
  }

  /**
   * The leader now (if any) and every later change of leader or of its value, in order. Ends
   * on `break`, or when `signal` aborts (which also ends a wait for the next change); throws if
   * the watch fails for good (COMPACTED).
   */
  async *observe(options: { signal?: AbortSignal } = {}): AsyncGenerator<Leader, void, undefined> {
    const { signal } = options;
    await ensurePath(this.client, this.path);
    const listed = await this.client.list(this.path);
    const names = new Set(candidates(listed.children));
    const known: Known = new Map();
    const watch = this.client.watch(this.path, {
      prefix: true,
      startRevision: listed.header.revision,
    });
    const events = watch[Symbol.asyncIterator]();
    const stop = () => watch.close();
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    let last: Leader | undefined;
    try {
      for (;;) {
        const current = await this.lowest(names, known);
        if (current && !(current.key === last?.key && current.value.equals(last.value))) {
          last = current;
          yield current;
        }
        const next = await events.next();
        if (next.done) return;
        this.apply(next.value, names, known);
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      watch.close();
    }
  }

  private apply(event: WatchEvent, names: Set<string>, known: Known): void {
    const name = relativePath(this.path, event.path);
    if (!name || !CANDIDATE.test(name)) return;
    if (event.type === 'deleted') {
      names.delete(name);
      known.delete(name);
      return;
    }
    names.add(name);
    // A Get may already have read this node at a later revision than the event's.
    if ((known.get(name)?.modRevision ?? 0) < event.revision) {
      const { createRevision } = event.stat;
      known.set(name, { value: event.data, modRevision: event.revision, createRevision });
    }
  }

  /** The lowest candidate with its value, read when not yet known. */
  private async lowest(names: Set<string>, known: Known): Promise<Leader | undefined> {
    for (;;) {
      const first = [...names].sort()[0];
      if (!first) return undefined;
      const key = joinPath(this.path, first);
      let entry = known.get(first);
      if (!entry) {
        const got = await this.client.get(key).catch(ignore('NO_NODE'));
        if (!got) {
          names.delete(first); // deleted since the List; its event changes nothing more
          continue;
        }
        const { modRevision, createRevision } = got.stat;
        entry = { value: got.data, modRevision, createRevision };
        known.set(first, entry);
      }
      return { key, value: entry.value, createRevision: entry.createRevision };
    }
  }

  /** Waits until `key` is the lowest candidate. */
  private async waitToLead(key: string, signal: AbortSignal | undefined): Promise<void> {
    const name = key.slice(this.path.length + 1);
    for (;;) {
      const listed = await this.client.list(this.path);
      const queue = candidates(listed.children);
      const index = queue.indexOf(name);
      // Our node is deleted only with our session (or by someone else's hand).
      if (index < 0) throw sessionEnded(this.options.session, `${key} was deleted`);
      if (index === 0) return;
      const predecessor = joinPath(this.path, queue[index - 1]!);
      await this.deletion(predecessor, listed.header.revision, signal);
    }
  }

  /** Resolves when `path` is deleted after `revision`; rejects if the session ends or `signal` aborts. */
  private async deletion(path: string, revision: number, signal?: AbortSignal): Promise<void> {
    const { session } = this.options;
    const watch = this.client.watch(path, { startRevision: revision });
    const stop = () => watch.close();
    session.once('expired', stop);
    session.once('closed', stop);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      if (session.state !== 'alive' || signal?.aborted) stop();
      for await (const event of watch) if (event.type === 'deleted') return;
    } finally {
      session.off('expired', stop);
      session.off('closed', stop);
      signal?.removeEventListener('abort', stop);
      watch.close();
    }
    if (session.state !== 'alive') throw sessionEnded(session);
    if (signal?.aborted) throw this.abandoned();
    throw clientError('CLIENT_CLOSED', `the watch of ${path} ended: the client was closed`);
  }

  private abandoned(): CoordinationError {
    return clientError('ABANDONED', `the campaign in ${this.path} was given up (signal aborted)`);
  }
}

function sessionEnded(session: Session, why = `session ${session.id} is ${session.state}`) {
  return new CoordinationError({
    code: Code.FAILED_PRECONDITION,
    message: why,
    reason: 'SESSION_EXPIRED',
  });
}
