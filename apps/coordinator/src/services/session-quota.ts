/**
 * The bound on sessions per client connection: a connection (its peer `host:port`) may hold at
 * most `perConnectionMax` open sessions opened through this member, counting the ones being
 * opened; one more is RESOURCE_EXHAUSTED / TOO_MANY_SESSIONS with RetryInfo. A session stops
 * counting once it has ended (CloseSession from anywhere, or expiry): ended ones are found in
 * the replicated state when a connection reaches its bound, and every connection's entry is
 * swept when the number of tracked sessions has doubled, so the table stays proportional to
 * the sessions that are open.
 */
import { tributaryError } from '@tributary/rpc';

/** Suggested wait before a refused OpenSession is retried (sessions end by TTL or CloseSession). */
const RETRY_DELAY_MS = 1000;
/** Tracked sessions before the first sweep of every connection's entry. */
const SWEEP_AT_MIN = 1024;

interface Entry {
  /** Sessions this connection opened that were open when last looked at. */
  readonly ids: Set<number>;
  /** OpenSession requests of this connection in progress. */
  opening: number;
}

export class SessionQuota {
  private readonly byPeer = new Map<string, Entry>();
  /** Sum of `ids.size` over every entry. */
  private tracked = 0;
  private sweepAt = SWEEP_AT_MIN;

  constructor(
    readonly perConnectionMax: number,
    private readonly isOpen: (sessionId: number) => boolean,
  ) {
    if (!(Number.isSafeInteger(perConnectionMax) && perConnectionMax >= 1))
      throw new Error(`perConnectionMax must be a positive integer, got ${perConnectionMax}`);
  }

  /** Runs `open` for `peer` if its connection is below the bound; counts the new session. */
  async open<R extends { session_id?: unknown }>(peer: string, open: () => Promise<R>): Promise<R> {
    const entry = this.byPeer.get(peer) ?? { ids: new Set<number>(), opening: 0 };
    this.byPeer.set(peer, entry);
    if (entry.ids.size + entry.opening >= this.perConnectionMax) this.prune(entry);
    if (entry.ids.size + entry.opening >= this.perConnectionMax) {
      if (entry.ids.size === 0 && entry.opening === 0) this.byPeer.delete(peer);
      throw tributaryError(
        'TOO_MANY_SESSIONS',
        `this connection (${peer}) holds ${entry.ids.size} open sessions and opens ` +
          `${entry.opening} more; at most ${this.perConnectionMax} are allowed per connection: ` +
          'close sessions you no longer need, or retry after some expire',
        {
          retryDelayMs: RETRY_DELAY_MS,
          metadata: { sessions_max: String(this.perConnectionMax) },
        },
      );
    }
    entry.opening++;
    try {
      const response = await open();
      entry.ids.add(Number(response.session_id));
      this.tracked++;
      return response;
    } finally {
      entry.opening--;
      if (entry.ids.size === 0 && entry.opening === 0) this.byPeer.delete(peer);
      if (this.tracked >= this.sweepAt) this.sweep();
    }
  }

  private prune(entry: Entry): void {
    for (const id of entry.ids) {
      if (this.isOpen(id)) continue;
      entry.ids.delete(id);
      this.tracked--;
    }
  }

  private sweep(): void {
    for (const [peer, entry] of this.byPeer) {
      this.prune(entry);
      if (entry.ids.size === 0 && entry.opening === 0) this.byPeer.delete(peer);
    }
    this.sweepAt = Math.max(SWEEP_AT_MIN, 2 * this.tracked);
  }
}
