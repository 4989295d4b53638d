/**
 * Live watches on this node (coordination.proto, Watch). A watch first gets its start message
 * (this member's current revision), then the history after its start revision, then events as
 * entries are applied; all of it happens on the one JavaScript thread, so nothing can be
 * applied between the replay and the registration: no event is lost or repeated.
 *
 * A start revision ahead of this member (a client resuming on a lagging follower) waits: each
 * applied entry re-checks whether the member's revision has reached it, and the watch is then
 * established as above; after `catchUpTimeoutMs` it fails LAGGING (retriable: try another
 * member). Nothing at or below the start revision is ever delivered.
 *
 * Each push carries whole revisions, so a client resumes exactly with start_revision = the last
 * revision it received. With progress_notify, a watch that got no events during a progress
 * interval gets a progress mark: every event up to the current revision has been sent.
 *
 * A client that does not read as fast as events come is paused, not buffered for: once its
 * stream's buffer is full (push returns false) the hub sends it nothing until the buffer
 * drains, then replays what it missed from the history, as a watch from an old revision is.
 * So a watch holds at most a full buffer, however slow its reader; one the history has left
 * behind meanwhile ends COMPACTED.
 */
import type {
  ApplyOutput,
  CoordStateMachine,
  WatchEvent,
  WatchFilter,
} from '@tributary/coord-state';
import { tributaryError } from '@tributary/rpc';
import { coordError } from './wire-mapping';

export interface WatchSink {
  /** The first message of the stream: `revision` is this member's current revision. */
  start(revision: number): void;
  /**
   * Delivers events (they are sent, or buffered for sending); returns false when the stream's
   * buffer is full: nothing more is pushed until `whenDrained` calls back.
   */
  push(events: WatchEvent[]): boolean;
  /** A progress mark: every matching event up to `revision` has been delivered. */
  progress(revision: number): void;
  /** Calls `resume` once, when the buffer that made push return false has drained. */
  whenDrained(resume: () => void): void;
  fail(error: Error): void;
}

export interface WatchSpec {
  filter: WatchFilter;
  /** Deliver events after this revision; 0 = from the current revision. */
  startRevision: number;
  progressNotify: boolean;
  /** Whose watch this is (the client's connection): at most `watchesPerOwnerMax` each. */
  owner: string;
}

/** Timers, injected so that tests can drive them. */
export interface WatchTimers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface WatchHubOptions {
  /** Watches one client connection may hold; one more is LIMIT_EXCEEDED (RESOURCE_EXHAUSTED). */
  watchesPerOwnerMax: number;
  /** How often an idle progress_notify watch gets a progress mark. */
  progressIntervalMs: number;
  /** How long a watch ahead of this member waits for it to catch up before failing LAGGING. */
  catchUpTimeoutMs: number;
  /** Suggested wait (RetryInfo) before opening a watch again after LIMIT_EXCEEDED. */
  limitRetryDelayMs: number;
  timers: WatchTimers;
}

export const DEFAULT_WATCH_HUB_OPTIONS: WatchHubOptions = {
  watchesPerOwnerMax: 10_000,
  progressIntervalMs: 5_000,
  catchUpTimeoutMs: 10_000,
  limitRetryDelayMs: 1_000,
  timers: {
    set: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
    clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
  },
};

interface Watcher {
  filter: WatchFilter;
  /** Every event with revision ≤ this has been delivered (or did not match, or is before the start). */
  lastRevision: number;
  sink: WatchSink;
  owner: string;
  progressNotify: boolean;
  /** Events went out since the last progress tick (so no progress mark is due). */
  active: boolean;
  /** Set while the watch waits for this member to reach lastRevision. */
  waitTimer: unknown;
  /** The client's buffer is full: it gets nothing until it drains (then catches up). */
  paused: boolean;
  /** Dropped from the hub: further calls to its stop function do nothing. */
  gone: boolean;
}

type CatchUp = 'ok' | 'paused' | 'compacted';

export class WatchHub {
  /** Established watches: each has been sent everything up to the state's revision. */
  private readonly watchers = new Set<Watcher>();
  /** Watches whose start revision this member has not reached yet. */
  private readonly waiting = new Set<Watcher>();
  private readonly perOwner = new Map<string, number>();
  private progressTimer: unknown;
  private readonly opts: WatchHubOptions;

  constructor(
    private readonly state: () => CoordStateMachine,
    options: Partial<WatchHubOptions> = {},
  ) {
    this.opts = { ...DEFAULT_WATCH_HUB_OPTIONS, ...options };
    if (!(this.opts.watchesPerOwnerMax >= 1) || !(this.opts.progressIntervalMs > 0))
      throw new Error('watchesPerOwnerMax must be >= 1 and progressIntervalMs > 0');
  }

  /** Established and waiting watches. */
  get size(): number {
    return this.watchers.size + this.waiting.size;
  }

  /**
   * Starts a watch. Throws (before anything is sent) LIMIT_EXCEEDED, COMPACTED or a bad path;
   * later failures go to `sink.fail`. Returns a function that ends the watch.
   */
  open(spec: WatchSpec, sink: WatchSink): () => void {
    const held = this.perOwner.get(spec.owner) ?? 0;
    if (held >= this.opts.watchesPerOwnerMax)
      throw tributaryError(
        'LIMIT_EXCEEDED',
        `this connection holds ${held} watches, the limit; close one, or watch on another connection`,
        { retryDelayMs: this.opts.limitRetryDelayMs },
      );
    const sm = this.state();
    checkFilter(sm, spec.filter);
    const w: Watcher = {
      filter: spec.filter,
      lastRevision: spec.startRevision > 0 ? spec.startRevision : sm.revision,
      sink,
      owner: spec.owner,
      progressNotify: spec.progressNotify,
      active: false,
      waitTimer: undefined,
      paused: false,
      gone: false,
    };
    if (w.lastRevision < sm.compactRevision) throw compacted(w.lastRevision, sm);
    this.perOwner.set(spec.owner, held + 1);
    if (w.lastRevision > sm.revision) {
      w.waitTimer = this.opts.timers.set(() => this.giveUp(w), this.opts.catchUpTimeoutMs);
      this.waiting.add(w);
    } else this.establish(w);
    if (w.progressNotify) this.scheduleProgress();
    return () => this.drop(w);
  }

  applied(output: ApplyOutput): void {
    if (output.events.length > 0) {
      for (const w of this.watchers) {
        // A paused watch replays this from the history when it resumes.
        if (w.paused || output.revision <= w.lastRevision) continue; // or a replay sent it
        const matching = output.events.filter((e) => matches(w.filter, e.path));
        w.lastRevision = output.revision;
        if (matching.length === 0) continue;
        w.active = true;
        if (!w.sink.push(matching)) this.pause(w);
      }
    }
    // After the pushes: a watch established now replays this output's events itself.
    if (this.waiting.size > 0) this.admitCaughtUp();
  }

  /** The state machine was replaced by a snapshot: replay what each watcher missed. */
  restored(): void {
    for (const w of this.watchers) {
      if (w.paused) continue;
      const r = this.catchUp(w);
      if (r === 'compacted') this.endCompacted(w);
    }
    this.admitCaughtUp();
  }

  close(): void {
    if (this.progressTimer !== undefined) this.opts.timers.clear(this.progressTimer);
    this.progressTimer = undefined;
    for (const w of [...this.waiting, ...this.watchers]) {
      this.drop(w);
      w.sink.fail(
        tributaryError(
          'SHUTTING_DOWN',
          `this coordinator is shutting down; resume the watch elsewhere from revision ${w.lastRevision}`,
        ),
      );
    }
  }

  /** Sends the start message, replays the history after w.lastRevision and registers w. */
  private establish(w: Watcher): void {
    const sm = this.state();
    w.sink.start(sm.revision);
    const r = this.catchUp(w);
    if (r === 'ok' || r === 'paused') this.watchers.add(w);
    else if (r === 'compacted') this.endCompacted(w);
  }

  /** Holds back w's events until its client has read what is buffered. */
  private pause(w: Watcher): void {
    w.paused = true;
    w.sink.whenDrained(() => this.resume(w));
  }

  private resume(w: Watcher): void {
    if (w.gone || !w.paused) return;
    w.paused = false;
    if (this.catchUp(w) === 'compacted') this.endCompacted(w);
  }

  private admitCaughtUp(): void {
    const revision = this.state().revision;
    for (const w of this.waiting) {
      if (w.lastRevision > revision) continue;
      this.waiting.delete(w);
      this.opts.timers.clear(w.waitTimer);
      w.waitTimer = undefined;
      this.establish(w);
    }
  }

  private giveUp(w: Watcher): void {
    if (w.gone) return;
    const revision = this.state().revision;
    this.drop(w);
    w.sink.fail(
      tributaryError(
        'LAGGING',
        `this member has applied revision ${revision}, not yet start_revision ${w.lastRevision}, ` +
          `and did not catch up within ${this.opts.catchUpTimeoutMs} ms; watch on another member or retry`,
        { metadata: { revision: String(revision) } },
      ),
    );
  }

  /** Replays history after w.lastRevision up to the state's revision. */
  private catchUp(w: Watcher): CatchUp {
    const sm = this.state();
    while (w.lastRevision < sm.revision) {
      const page = sm.eventsSince(w.lastRevision, w.filter);
      if (!page.ok) {
        if (page.error.reason === 'COMPACTED') return 'compacted';
        throw coordError(page.error);
      }
      w.lastRevision = page.value.throughRevision;
      if (page.value.events.length > 0 && !w.sink.push(page.value.events)) {
        this.pause(w);
        return 'paused';
      }
    }
    return 'ok';
  }

  private scheduleProgress(): void {
    if (this.progressTimer !== undefined) return;
    this.progressTimer = this.opts.timers.set(() => {
      this.progressTimer = undefined;
      this.progressTick();
    }, this.opts.progressIntervalMs);
  }

  /** Progress marks to every established progress watch that got no events this interval. */
  private progressTick(): void {
    const revision = this.state().revision;
    let wanted = false;
    for (const w of this.watchers) {
      if (!w.progressNotify) continue;
      wanted = true;
      // A paused watch has not been sent everything up to `revision`.
      if (w.paused) continue;
      if (w.active) w.active = false;
      else {
        w.lastRevision = revision;
        w.sink.progress(revision);
      }
    }
    for (const w of this.waiting) wanted ||= w.progressNotify;
    if (wanted) this.scheduleProgress();
  }

  /** Forgets w (idempotent): it receives nothing more. */
  private drop(w: Watcher): void {
    if (w.gone) return;
    w.gone = true;
    this.watchers.delete(w);
    this.waiting.delete(w);
    if (w.waitTimer !== undefined) this.opts.timers.clear(w.waitTimer);
    w.waitTimer = undefined;
    const held = (this.perOwner.get(w.owner) ?? 1) - 1;
    if (held > 0) this.perOwner.set(w.owner, held);
    else this.perOwner.delete(w.owner);
  }

  private endCompacted(w: Watcher): void {
    this.drop(w);
    w.sink.fail(compacted(w.lastRevision, this.state()));
  }
}

/** As coord-state's COMPACTED: metadata.compact_revision is the oldest revision still kept. */
function compacted(revision: number, sm: CoordStateMachine): Error {
  return tributaryError(
    'COMPACTED',
    `history after revision ${revision} is compacted; re-read the state and watch from its revision`,
    { metadata: { compact_revision: String(sm.compactRevision + 1) } },
  );
}

/** Throws INVALID_PATH and the like for a filter no watch could serve. */
function checkFilter(sm: CoordStateMachine, filter: WatchFilter): void {
  // From the current revision (never compacted, never 0): validates the filter, replays nothing.
  const probe = sm.eventsSince(Math.max(1, sm.revision), filter, 1);
  if (!probe.ok && probe.error.reason !== 'COMPACTED') throw coordError(probe.error);
}

function matches(filter: WatchFilter, path: string): boolean {
  if (path === filter.path) return true;
  if (!filter.prefix) return false;
  return filter.path === '/' || path.startsWith(filter.path + '/');
}
