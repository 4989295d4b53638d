/**
 * Live watches on this node. A watch first replays the history after its start revision, then
 * receives events as entries are applied; both happen on the one JavaScript thread, so nothing
 * can be applied between the replay and the registration: no event is lost or repeated.
 * Each push carries whole revisions, so a client resumes exactly with start_revision = the last
 * revision it received.
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
  /** Delivers events; returns false when the client cannot keep up (the watch is then ended). */
  push(events: WatchEvent[]): boolean;
  fail(error: Error): void;
}

interface Watcher {
  filter: WatchFilter;
  /** Every event with revision ≤ this has been delivered (or did not match). */
  lastRevision: number;
  sink: WatchSink;
}

export class WatchHub {
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly state: () => CoordStateMachine) {}

  get size(): number {
    return this.watchers.size;
  }

  /** Starts a watch; `startRevision` 0 means "from now". Returns a function that ends it. */
  open(filter: WatchFilter, startRevision: number, sink: WatchSink): () => void {
    const start = startRevision > 0 ? startRevision : this.state().revision;
    const w: Watcher = { filter, lastRevision: start, sink };
    if (!this.catchUp(w))
      throw tributaryError(
        'COMPACTED',
        `history after revision ${start} is compacted; re-read the state and watch from its revision`,
      );
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  applied(output: ApplyOutput): void {
    if (output.events.length === 0 || this.watchers.size === 0) return;
    for (const w of this.watchers) {
      const matching = output.events.filter((e) => matches(w.filter, e.path));
      w.lastRevision = output.revision;
      if (matching.length > 0 && !w.sink.push(matching)) this.end(w, 'slow');
    }
  }

  /** The state machine was replaced by a snapshot: replay what each watcher missed. */
  restored(): void {
    for (const w of this.watchers) {
      if (!this.catchUp(w)) this.end(w, 'compacted');
    }
  }

  close(): void {
    for (const w of this.watchers)
      w.sink.fail(
        tributaryError(
          'SHUTTING_DOWN',
          `this coordinator is shutting down; resume the watch elsewhere from revision ${w.lastRevision}`,
        ),
      );
    this.watchers.clear();
  }

  /** Replays history after w.lastRevision; false when it is compacted. */
  private catchUp(w: Watcher): boolean {
    const sm = this.state();
    while (w.lastRevision < sm.revision) {
      const page = sm.eventsSince(w.lastRevision, w.filter);
      if (!page.ok) {
        if (page.error.reason === 'COMPACTED') return false;
        throw coordError(page.error);
      }
      if (page.value.events.length > 0 && !w.sink.push(page.value.events)) {
        this.end(w, 'slow');
        return true;
      }
      w.lastRevision = page.value.throughRevision;
    }
    return true;
  }

  private end(w: Watcher, why: 'slow' | 'compacted'): void {
    this.watchers.delete(w);
    w.sink.fail(
      why === 'slow'
        ? tributaryError(
            'LIMIT_EXCEEDED',
            `watch fell too far behind; resume from revision ${w.lastRevision}`,
          )
        : tributaryError(
            'COMPACTED',
            `history after revision ${w.lastRevision} is compacted; re-read the state and watch again`,
          ),
    );
  }
}

function matches(filter: WatchFilter, path: string): boolean {
  if (path === filter.path) return true;
  if (!filter.prefix) return false;
  return filter.path === '/' || path.startsWith(filter.path + '/');
}
