// The bounded history of watch events, kept so that a Watch from `start_revision` gets every
// event after it, none lost, none repeated, in revision order. Bounded on two axes: the last
// `revisions` revisions and about `bytes` of events (always at least the newest revision).
// Whole revisions are dropped at a time, so "history after r is complete" is simply
// r >= compactRevision. Events are stored in revision order; a query binary-searches its start.

import { assert } from './assert';
import { type CoordError, type Result, fail, ok } from './errors';
import type { Stat } from './node-tree';
import { checkPath, isUnder } from './paths';

export type WatchEventType = 'CREATED' | 'UPDATED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  path: string;
  /** The node's data after the change; empty for DELETED. */
  data: Uint8Array;
  /** The node's stat after the change; for DELETED, its stat when it was deleted. */
  stat: Stat;
  /** Revision of the write transaction that made the change. */
  revision: number;
}

export interface WatchFilter {
  path: string;
  /** Match `path` and every path below it, not just `path`. */
  prefix: boolean;
}

export interface EventsPage {
  events: WatchEvent[];
  /**
   * The history was scanned through this revision: the caller continues with
   * `startRevision = throughRevision`. Equal to the current revision when caught up.
   */
  throughRevision: number;
}

export interface WatchHistorySnapshot {
  compactRevision: number;
  events: WatchEvent[];
}

const EVENT_OVERHEAD_BYTES = 64;

function compactedError(compacted: number, message: string): { ok: false; error: CoordError } {
  // ErrorInfo.metadata.compact_revision = the oldest revision still available.
  const metadata = { compact_revision: String(compacted + 1) };
  return { ok: false, error: { reason: 'COMPACTED', message, metadata } };
}

function eventBytes(e: WatchEvent): number {
  return EVENT_OVERHEAD_BYTES + e.path.length + e.data.length;
}

export class WatchHistory {
  private events: WatchEvent[] = [];
  /** events[head..] are live; the prefix is garbage reclaimed in batches. */
  private head = 0;
  private bytes = 0;
  /** Every event with a revision > compactRevision is retained. */
  private compacted = 0;
  private last = 0;

  constructor(
    private readonly revisionsMax: number,
    private readonly bytesMax: number,
  ) {
    assert(Number.isSafeInteger(revisionsMax) && revisionsMax >= 1, 'history keeps >= 1 revision');
    assert(bytesMax > 0, 'history has a positive byte budget');
  }

  get compactRevision(): number {
    return this.compacted;
  }

  get length(): number {
    return this.events.length - this.head;
  }

  /** Appends all events of one new revision. */
  append(events: readonly WatchEvent[], revision: number): void {
    assert(revision === this.last + 1 || this.length === 0, 'revisions are appended in order');
    assert(events.length > 0, 'a revision has at least one event');
    for (const e of events) {
      this.events.push(e);
      this.bytes += eventBytes(e);
    }
    this.last = revision;
    this.trim();
  }

  private trim(): void {
    const floor = this.last - this.revisionsMax;
    while (this.head < this.events.length) {
      const oldest = this.events[this.head].revision;
      const overBytes = this.bytes > this.bytesMax && oldest < this.last;
      if (oldest > floor && !overBytes) break;
      while (this.head < this.events.length && this.events[this.head].revision === oldest) {
        this.bytes -= eventBytes(this.events[this.head]);
        this.head++;
      }
      this.compacted = oldest;
    }
    if (this.head > 4096 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Events with revision > startRevision matching `filter`, in revision order, at most about
   * `eventsMax` (a revision is never split across pages). COMPACTED when part of that history
   * is gone. `currentRevision` is the state machine's revision.
   */
  eventsSince(
    startRevision: number,
    filter: WatchFilter,
    eventsMax: number,
    currentRevision: number,
  ): Result<EventsPage> {
    if (!Number.isSafeInteger(startRevision) || startRevision < 0) {
      return fail('INVALID_ARGUMENT', `start revision ${startRevision} must be an integer >= 0`);
    }
    const bad = checkPath(filter.path);
    if (bad !== undefined) return { ok: false, error: bad };
    // coordination.proto WatchRequest: 0 = from the current revision, future events only.
    if (startRevision === 0) return ok({ events: [], throughRevision: currentRevision });
    if (startRevision < this.compacted) {
      return compactedError(
        this.compacted,
        `watch history through revision ${this.compacted} is compacted; start at revision >= ` +
          `${this.compacted}, or read the current state (revision ${currentRevision}) and watch from it`,
      );
    }
    const out: WatchEvent[] = [];
    let i = this.firstAfter(startRevision);
    while (i < this.events.length) {
      const e = this.events[i];
      if (out.length >= eventsMax && out.length > 0 && e.revision !== this.events[i - 1].revision) {
        return ok({ events: out, throughRevision: this.events[i - 1].revision });
      }
      if (filter.prefix ? isUnder(e.path, filter.path) : e.path === filter.path) out.push(e);
      i++;
    }
    return ok({ events: out, throughRevision: Math.max(currentRevision, startRevision) });
  }

  /** Index of the first live event with revision > r. */
  private firstAfter(r: number): number {
    let lo = this.head;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].revision <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The live events as a range of the current array, in O(1). The range stays valid while
   * events are appended: `append` only pushes past it, `trim` only moves `head` or replaces the
   * array with a new one, and nothing writes an element in place.
   */
  view(): { events: readonly WatchEvent[]; start: number; end: number; compactRevision: number } {
    return {
      events: this.events,
      start: this.head,
      end: this.events.length,
      compactRevision: this.compacted,
    };
  }

  toSnapshot(): WatchHistorySnapshot {
    return { compactRevision: this.compacted, events: this.events.slice(this.head) };
  }

  load(s: WatchHistorySnapshot, lastRevision: number): void {
    assert(this.length === 0, 'load into an empty history');
    this.events = s.events.slice();
    this.head = 0;
    this.bytes = 0;
    for (let k = 0; k < this.events.length; k++) {
      this.bytes += eventBytes(this.events[k]);
      assert(
        k === 0 || this.events[k - 1].revision <= this.events[k].revision,
        'history is sorted',
      );
    }
    this.compacted = s.compactRevision;
    this.last = lastRevision;
  }
}
