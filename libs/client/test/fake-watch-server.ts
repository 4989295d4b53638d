/**
 * The Watch side of a Tributary cluster, message for message as apps/coordinator's WatchHub
 * sends it; watch.e2e.test.ts runs one scenario against this fake and against real coordinators
 * and expects the same transcript from both. What it models, as the hub does:
 *
 * - the first message of a stream has no events and the member's applied revision;
 * - a start_revision ahead of the member waits until it has applied that far (LAGGING after
 *   `catchUpTimeoutMs`); then the start message, then the history after start_revision in
 *   pages of whole revisions (at most 1,000 events each), then one message per applied write;
 * - with progress_notify, each `progressIntervalMs` a watch that got no live events since the
 *   last tick gets a message without events at the member's revision; without it, never;
 * - a start_revision below the compacted history fails COMPACTED before anything is sent.
 *
 * One shared history of writes; each member applies it up to its own revision (`hold` stops a
 * member applying, `release` catches it up). Time is the test's ManualClock.
 */
import { status as Code } from '@grpc/grpc-js';
import { tributaryError } from '@tributary/rpc';
import type { WatchRequest, WatchResponse, WireWatchEvent } from '../src/wire';
import { FakeCall, type ManualClock } from './fakes';

export type ChangeType = 'created' | 'updated' | 'deleted';

const WIRE_TYPE = {
  created: 'EVENT_TYPE_CREATED',
  updated: 'EVENT_TYPE_UPDATED',
  deleted: 'EVENT_TYPE_DELETED',
} as const;

/** As coord-state's eventsSince default page. */
const PAGE_EVENTS_MAX = 1000;

export interface FakeWatchOptions {
  progressIntervalMs: number;
  catchUpTimeoutMs: number;
}

type WatchCall = FakeCall<never, WatchResponse>;

interface FakeWatcher {
  call: WatchCall;
  path: string;
  prefix: boolean;
  progressNotify: boolean;
  lastRevision: number;
  active: boolean;
  waitTimer: unknown;
}

export class FakeWatchCluster {
  /** history[r - 1]: the events of revision r. */
  private readonly history: WireWatchEvent[][] = [];
  private compacted = 0;
  private readonly members = new Map<string, FakeWatchMember>();
  readonly options: FakeWatchOptions;

  constructor(
    readonly clock: ManualClock,
    addresses: readonly string[],
    options: Partial<FakeWatchOptions> = {},
  ) {
    this.options = { progressIntervalMs: 5_000, catchUpTimeoutMs: 10_000, ...options };
    addresses.forEach((a, i) => this.members.set(a, new FakeWatchMember(this, i + 1)));
  }

  /** The cluster's revision (the newest write). */
  get revision(): number {
    return this.history.length;
  }

  /** Revisions at or below this are gone from the history. */
  get compactRevision(): number {
    return this.compacted;
  }

  member(address: string): FakeWatchMember {
    const m = this.members.get(address);
    if (!m) throw new Error(`no fake member at ${address}`);
    return m;
  }

  /** What Router.connection(address) returns, for jest.spyOn. */
  connection(address: string) {
    const m = this.member(address);
    return { coord: { Watch: (request: WatchRequest) => m.watch(request) } };
  }

  /** One write transaction (the next revision), applied by every member not held back. */
  write(...changes: Array<[ChangeType, string]>): number {
    const revision = this.history.length + 1;
    this.history.push(
      changes.map(([type, path]) => ({
        type: WIRE_TYPE[type],
        path,
        data: Buffer.from(type === 'deleted' ? '' : `r${revision}`),
        stat: null,
        revision,
      })),
    );
    for (const m of this.members.values()) m.catchUp();
    return revision;
  }

  /** Drops the history through `revision`. */
  compact(revision: number): void {
    this.compacted = Math.max(this.compacted, revision);
  }

  eventsOf(revision: number): WireWatchEvent[] {
    return this.history[revision - 1] ?? [];
  }
}

export class FakeWatchMember {
  applied = 0;
  private held = false;
  private down = false;
  private readonly watchers = new Set<FakeWatcher>();
  private readonly waiting = new Set<FakeWatcher>();
  private progressTimer: unknown;

  constructor(
    private readonly cluster: FakeWatchCluster,
    readonly nodeId: number,
  ) {}

  /** Stops applying writes (a lagging follower). */
  hold(): void {
    this.held = true;
  }

  /** Applies what it missed, as the apply loop would, one revision after another. */
  release(): void {
    this.held = false;
    this.catchUp();
  }

  /** Kills the member: its streams fail UNAVAILABLE, and so do new ones until `restart`. */
  kill(): void {
    this.down = true;
    this.failAll(unavailable());
  }

  restart(): void {
    this.down = false;
    this.catchUp();
  }

  /** Fails every open stream of this member with `error`. */
  failAll(error: Error): void {
    for (const w of [...this.watchers, ...this.waiting]) this.fail(w, error);
  }

  get openWatches(): number {
    return this.watchers.size + this.waiting.size;
  }

  catchUp(): void {
    if (this.held || this.down) return;
    while (this.applied < this.cluster.revision) this.apply(this.applied + 1);
  }

  watch(request: WatchRequest): WatchCall {
    const call: WatchCall = new FakeCall();
    const start = Number(request.start_revision ?? 0);
    const w: FakeWatcher = {
      call,
      path: request.path ?? '',
      prefix: request.prefix ?? false,
      progressNotify: request.progress_notify ?? false,
      lastRevision: start > 0 ? start : this.applied,
      active: false,
      waitTimer: undefined,
    };
    call.cancel = () => {
      call.cancelled = true;
      this.drop(w);
    };
    // The caller attaches its listeners after Watch() returns: answer from the next microtask.
    queueMicrotask(() => this.open(w));
    return call;
  }

  private open(w: FakeWatcher): void {
    if (w.call.cancelled) return;
    if (this.down) return w.call.failWith(unavailable());
    if (w.lastRevision < this.cluster.compactRevision) {
      return w.call.failWith(
        tributaryError('COMPACTED', `history after revision ${w.lastRevision} is compacted`, {
          metadata: { compact_revision: String(this.cluster.compactRevision + 1) },
        }),
      );
    }
    if (w.lastRevision > this.applied) {
      w.waitTimer = this.cluster.clock.setTimer(() => {
        const message = `member ${this.nodeId} has applied revision ${this.applied}, not yet start_revision ${w.lastRevision}`;
        const metadata = { revision: String(this.applied) };
        this.fail(w, tributaryError('LAGGING', message, { metadata }));
      }, this.cluster.options.catchUpTimeoutMs);
      this.waiting.add(w);
    } else this.establish(w);
    if (w.progressNotify) this.scheduleProgress();
  }

  private establish(w: FakeWatcher): void {
    w.call.answer(this.message(this.applied, []));
    let page: WireWatchEvent[] = [];
    for (let r = w.lastRevision + 1; r <= this.applied; r++) {
      const matching = this.cluster.eventsOf(r).filter((e) => matches(w, e.path));
      if (page.length >= PAGE_EVENTS_MAX && matching.length > 0) {
        w.call.answer(this.message(this.applied, page));
        page = [];
      }
      page.push(...matching);
    }
    if (page.length > 0) w.call.answer(this.message(this.applied, page));
    w.lastRevision = this.applied;
    this.watchers.add(w);
  }

  private apply(revision: number): void {
    this.applied = revision;
    const events = this.cluster.eventsOf(revision);
    for (const w of this.watchers) {
      if (revision <= w.lastRevision) continue;
      w.lastRevision = revision;
      const matching = events.filter((e) => matches(w, e.path));
      if (matching.length === 0) continue;
      w.active = true;
      w.call.answer(this.message(revision, matching));
    }
    for (const w of this.waiting) {
      if (w.lastRevision > this.applied) continue;
      this.waiting.delete(w);
      this.cluster.clock.clearTimer(w.waitTimer as never);
      this.establish(w);
    }
  }

  private scheduleProgress(): void {
    if (this.progressTimer !== undefined) return;
    this.progressTimer = this.cluster.clock.setTimer(() => {
      this.progressTimer = undefined;
      let wanted = false;
      for (const w of this.watchers) {
        if (!w.progressNotify) continue;
        wanted = true;
        if (w.active) w.active = false;
        else {
          w.lastRevision = this.applied;
          w.call.answer(this.message(this.applied, []));
        }
      }
      for (const w of this.waiting) wanted ||= w.progressNotify;
      if (wanted) this.scheduleProgress();
    }, this.cluster.options.progressIntervalMs);
  }

  private message(revision: number, events: WireWatchEvent[]): WatchResponse {
    return { header: { cluster_id: 'fake', node_id: this.nodeId, term: 1, revision }, events };
  }

  private fail(w: FakeWatcher, error: Error): void {
    this.drop(w);
    w.call.failWith(error);
  }

  private drop(w: FakeWatcher): void {
    this.watchers.delete(w);
    this.waiting.delete(w);
    if (w.waitTimer !== undefined) this.cluster.clock.clearTimer(w.waitTimer as never);
    w.waitTimer = undefined;
  }
}

function matches(w: FakeWatcher, path: string): boolean {
  if (path === w.path) return true;
  if (!w.prefix) return false;
  return w.path === '/' || path.startsWith(w.path + '/');
}

function unavailable(): Error {
  return Object.assign(new Error('Connection dropped'), { code: Code.UNAVAILABLE });
}
