// WatchHub over a real CoordStateMachine, with timers driven by hand: the start message comes
// first; a start revision ahead of the member waits until it has applied that far, then gets
// exactly what follows it, or LAGGING after the timeout; idle progress_notify watches get
// progress marks; one connection holds at most watchesPerOwnerMax watches.
import { status as Code } from '@grpc/grpc-js';
import { CoordStateMachine, type WatchEvent } from '@tributary/coord-state';
import { readError } from '@tributary/rpc';
import { WatchHub, type WatchSink, type WatchSpec } from '../src/services/watch-hub';

/** Timers fired by `advance`, in due order. */
class HandTimers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();
  set = (callback: () => void, delayMs: number): unknown => {
    const id = this.next++;
    this.due.set(id, { at: this.now + delayMs, callback });
    return id;
  };
  clear = (handle: unknown): void => {
    this.due.delete(handle as number);
  };
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const first = [...this.due.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].callback();
    }
    this.now = end;
  }
  get pending(): number {
    return this.due.size;
  }
}

type Message =
  { kind: 'start' | 'progress'; revision: number } | { kind: 'events'; revisions: number[] };

/**
 * A client's stream: `capacity` pushes fill its buffer (push then returns false) until `drain`
 * empties it; pushing more into a full buffer, or a mark while events are held back, is a bug.
 */
function recorder(capacity = Infinity) {
  const messages: Message[] = [];
  const errors: Error[] = [];
  let buffered = 0;
  let resume: (() => void) | undefined;
  const sink: WatchSink = {
    start: (revision) => messages.push({ kind: 'start', revision }),
    push: (events: WatchEvent[]) => {
      if (buffered >= capacity) throw new Error('pushed into a full buffer');
      messages.push({ kind: 'events', revisions: events.map((e) => e.revision) });
      return ++buffered < capacity;
    },
    progress: (revision) => {
      if (resume) throw new Error('a progress mark while events are held back');
      messages.push({ kind: 'progress', revision });
    },
    whenDrained: (callback) => (resume = callback),
    fail: (error) => errors.push(error),
  };
  const drain = () => {
    buffered = 0;
    const callback = resume;
    resume = undefined;
    callback?.();
  };
  return { messages, errors, sink, drain };
}

function setup(options: { watchesPerOwnerMax?: number; watchHistoryRevisions?: number } = {}) {
  const timers = new HandTimers();
  let sm = new CoordStateMachine({ watchHistoryRevisions: options.watchHistoryRevisions ?? 1000 });
  const hub = new WatchHub(() => sm, {
    timers,
    progressIntervalMs: 1000,
    catchUpTimeoutMs: 5000,
    watchesPerOwnerMax: options.watchesPerOwnerMax ?? 10,
  });
  let index = 0;
  /** Creates `path` (a write: one revision) and hands the output to the hub. */
  const create = (path: string): number => {
    const out = sm.apply(++index, {
      op: 'create',
      path,
      data: new Uint8Array(0),
      ephemeral: false,
      sequential: false,
      sessionId: 0,
    });
    hub.applied(out);
    return out.revision;
  };
  const spec = (over: Partial<WatchSpec> = {}): WatchSpec => ({
    filter: { path: '/w', prefix: true },
    startRevision: 0,
    progressNotify: false,
    owner: 'peer-1',
    ...over,
  });
  const replace = (next: CoordStateMachine) => {
    sm = next;
    hub.restored();
  };
  return { timers, hub, create, spec, state: () => sm, replace };
}

it('sends the start message first, then the history after start_revision, then live events', () => {
  const { hub, create, spec } = setup();
  create('/w');
  create('/w/a');
  create('/x');
  const r = recorder();
  hub.open(spec({ startRevision: 1 }), r.sink);
  create('/w/b');
  expect(r.messages).toEqual([
    { kind: 'start', revision: 3 },
    { kind: 'events', revisions: [2] },
    { kind: 'events', revisions: [4] },
  ]);
});

it('a watch from now starts at the current revision', () => {
  const { hub, create, spec } = setup();
  create('/w');
  const r = recorder();
  hub.open(spec(), r.sink);
  create('/w/a');
  expect(r.messages).toEqual([
    { kind: 'start', revision: 1 },
    { kind: 'events', revisions: [2] },
  ]);
});

it('a start revision ahead of the member waits until it has applied that far, and repeats nothing', () => {
  const { hub, create, spec, timers } = setup();
  create('/w');
  const r = recorder();
  hub.open(spec({ startRevision: 3 }), r.sink);
  expect(r.messages).toEqual([]);
  create('/w/1'); // 2
  create('/w/2'); // 3: the watch starts after it
  create('/w/3'); // 4
  expect(r.messages).toEqual([
    { kind: 'start', revision: 3 },
    { kind: 'events', revisions: [4] },
  ]);
  timers.advance(60_000);
  expect(r.errors).toEqual([]);
  expect(timers.pending).toBe(0);
});

it('a member that does not catch up in time fails the watch LAGGING (UNAVAILABLE, retriable)', () => {
  const { hub, create, spec, timers } = setup();
  create('/w');
  const r = recorder();
  hub.open(spec({ startRevision: 9 }), r.sink);
  timers.advance(4999);
  expect(r.errors).toEqual([]);
  timers.advance(1);
  expect(r.errors).toHaveLength(1);
  const info = readError(r.errors[0]);
  expect(info).toMatchObject({ reason: 'LAGGING', code: Code.UNAVAILABLE, retriable: true });
  expect(info.message).toMatch(/revision 1, not yet start_revision 9/);
  expect(hub.size).toBe(0);
  create('/w/late');
  expect(r.messages).toEqual([]);
});

it('a snapshot that carries the member past the start revision establishes the watch', () => {
  const { hub, create, spec, replace, state } = setup();
  create('/w');
  const ahead = new CoordStateMachine({ watchHistoryRevisions: 1000 });
  for (const [i, path] of ['/w', '/w/a', '/w/b'].entries())
    ahead.apply(i + 1, {
      op: 'create',
      path,
      data: new Uint8Array(0),
      ephemeral: false,
      sequential: false,
      sessionId: 0,
    });
  const r = recorder();
  hub.open(spec({ startRevision: 2 }), r.sink);
  replace(ahead);
  expect(state().revision).toBe(3);
  expect(r.messages).toEqual([
    { kind: 'start', revision: 3 },
    { kind: 'events', revisions: [3] },
  ]);
});

it('sends progress marks to idle progress_notify watches only', () => {
  const { hub, create, spec, timers } = setup();
  create('/w');
  const withMarks = recorder();
  const without = recorder();
  hub.open(spec({ progressNotify: true }), withMarks.sink);
  hub.open(spec({ progressNotify: false, owner: 'peer-2' }), without.sink);
  create('/x'); // not watched: the watch is idle
  timers.advance(1000);
  expect(withMarks.messages).toEqual([
    { kind: 'start', revision: 1 },
    { kind: 'progress', revision: 2 },
  ]);
  create('/w/a'); // an event this interval: no mark at its end
  timers.advance(1000);
  timers.advance(1000);
  expect(withMarks.messages.slice(2)).toEqual([
    { kind: 'events', revisions: [3] },
    { kind: 'progress', revision: 3 },
  ]);
  expect(without.messages).toEqual([
    { kind: 'start', revision: 1 },
    { kind: 'events', revisions: [3] },
  ]);
});

it('stops its progress timer when no watch wants marks', () => {
  const { hub, spec, timers } = setup();
  const stop = hub.open(spec({ progressNotify: true }), recorder().sink);
  stop();
  timers.advance(1000);
  expect(timers.pending).toBe(0);
});

it('caps watches per connection: LIMIT_EXCEEDED (RESOURCE_EXHAUSTED) with RetryInfo', () => {
  const { hub, spec } = setup({ watchesPerOwnerMax: 2 });
  const stops = [hub.open(spec(), recorder().sink), hub.open(spec(), recorder().sink)];
  let refused: unknown;
  try {
    hub.open(spec(), recorder().sink);
  } catch (error) {
    refused = error;
  }
  expect(readError(refused)).toMatchObject({
    reason: 'LIMIT_EXCEEDED',
    code: Code.RESOURCE_EXHAUSTED,
    retriable: true,
    retryDelayMs: 1000,
  });
  // Another connection is not affected, and a closed watch frees its slot.
  hub.open(spec({ owner: 'peer-2' }), recorder().sink);
  stops[0]!();
  stops[0]!();
  hub.open(spec(), recorder().sink);
  expect(() => hub.open(spec(), recorder().sink)).toThrow(/holds 2 watches/);
});

it('waiting watches count toward the cap and free their slot when they fail', () => {
  const { hub, spec, timers } = setup({ watchesPerOwnerMax: 1 });
  hub.open(spec({ startRevision: 5 }), recorder().sink);
  expect(() => hub.open(spec(), recorder().sink)).toThrow(/holds 1 watches/);
  timers.advance(5000);
  hub.open(spec(), recorder().sink);
});

it('refuses a compacted start revision before sending anything, naming the oldest kept', () => {
  const { hub, create, spec } = setup({ watchHistoryRevisions: 2 });
  for (let i = 0; i < 6; i++) create(`/w${i}`);
  const r = recorder();
  let refused: unknown;
  try {
    hub.open(spec({ startRevision: 1 }), r.sink);
  } catch (error) {
    refused = error;
  }
  const info = readError(refused);
  expect(info.reason).toBe('COMPACTED');
  expect(Number(info.metadata['compact_revision'])).toBeGreaterThan(1);
  expect(r.messages).toEqual([]);
});

it('holds events back from a client whose buffer is full, and replays them when it drains', () => {
  const { hub, create, spec, timers } = setup();
  create('/w');
  const r = recorder(2);
  hub.open(spec({ progressNotify: true }), r.sink);
  create('/w/1'); // 2
  create('/w/2'); // 3: the buffer is now full
  create('/w/3'); // 4, 5: held back
  create('/w/4');
  timers.advance(3000); // no progress mark may claim revisions 4 and 5 were sent
  expect(r.messages).toEqual([
    { kind: 'start', revision: 1 },
    { kind: 'events', revisions: [2] },
    { kind: 'events', revisions: [3] },
  ]);
  r.drain();
  create('/w/5'); // 6: live again
  expect(r.messages.slice(3)).toEqual([
    { kind: 'events', revisions: [4, 5] },
    { kind: 'events', revisions: [6] },
  ]);
  expect(r.errors).toEqual([]);
});

it('a paused replay continues where it stopped, a page at a time', () => {
  const { hub, create, spec } = setup({ watchHistoryRevisions: 5000 });
  create('/w');
  for (let i = 0; i < 2500; i++) create(`/w/${i}`); // revisions 2..2501: three pages
  const r = recorder(1);
  hub.open(spec({ startRevision: 1 }), r.sink);
  const revisions = () => r.messages.flatMap((m) => (m.kind === 'events' ? m.revisions : []));
  expect(revisions()).toHaveLength(1000);
  r.drain();
  r.drain();
  expect(revisions()).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
});

it('a client paused until the history it missed is compacted gets COMPACTED, not a gap', () => {
  const { hub, create, spec } = setup({ watchHistoryRevisions: 3 });
  create('/w');
  const r = recorder(1);
  hub.open(spec(), r.sink);
  create('/w/1'); // 2: fills the buffer
  for (let i = 0; i < 6; i++) create(`/w/x${i}`);
  r.drain();
  expect(r.messages).toEqual([
    { kind: 'start', revision: 1 },
    { kind: 'events', revisions: [2] },
  ]);
  expect(readError(r.errors[0])).toMatchObject({ reason: 'COMPACTED' });
  expect(hub.size).toBe(0);
});

it('a watch closed while paused is not resumed by a late drain', () => {
  const { hub, create, spec } = setup();
  create('/w');
  const r = recorder(1);
  const stop = hub.open(spec(), r.sink);
  create('/w/1');
  create('/w/2');
  stop();
  r.drain();
  expect(r.messages).toHaveLength(2);
  expect(hub.size).toBe(0);
});
