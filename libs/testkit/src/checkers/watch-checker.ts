/**
 * Checks watches against the writes they watch. The promise: a watch of a key (or prefix) from
 * revision R delivers every change of it after R, each once, in revision order, and nothing that
 * was not written. Ground truth is the list of writes with the revisions the coordinator gave
 * them (from their acks, or a final read of the change history).
 *
 * - missed-event (a gap): a write to a watched key with a revision after the watch's start and
 *   at or below the last revision the watch is known to cover (its last event, or `upTo`, a
 *   progress mark or resume point) that the watch never delivered. A client acting on the watch
 *   (a config reload, a cache) would silently keep a stale value.
 * - out-of-order: an event at or below a revision the watch already delivered (a repeat or a
 *   step back, e.g. after a reconnect that resumed from the wrong revision).
 * - phantom-event: an event for which no write exists at that key and revision, or whose value
 *   or kind differs from the write's.
 *
 * Pure: no I/O, no clock. The verdict is ok only when every count is zero.
 */
export interface KeyChange {
  key: string;
  revision: number;
  kind: 'put' | 'delete';
  value?: string;
}

export interface WatchObservation {
  /** The client that held the watch. */
  process: string;
  key: string;
  /** Watch every key starting with `key`. */
  prefix?: boolean;
  /** Events after this revision were asked for. */
  from: number;
  /** Every event up to this revision is known delivered (default: the last event's). */
  upTo?: number;
  events: KeyChange[];
}

export const WATCH_ANOMALY_CLASSES = ['missed-event', 'out-of-order', 'phantom-event'] as const;
export type WatchAnomalyClass = (typeof WATCH_ANOMALY_CLASSES)[number];

export interface WatchAnomaly {
  class: WatchAnomalyClass;
  process: string;
  key: string;
  revisions: number[];
  detail: string;
}

export interface WatchCheckResult {
  ok: boolean;
  counts: Record<WatchAnomalyClass, number>;
  examples: Record<WatchAnomalyClass, WatchAnomaly[]>;
}

export function checkWatches(
  writes: readonly KeyChange[],
  watches: readonly WatchObservation[],
  options: { maxExamples?: number } = {},
): WatchCheckResult {
  const maxExamples = options.maxExamples ?? 5;
  const counts = { 'missed-event': 0, 'out-of-order': 0, 'phantom-event': 0 };
  const examples: Record<WatchAnomalyClass, WatchAnomaly[]> = {
    'missed-event': [],
    'out-of-order': [],
    'phantom-event': [],
  };
  const report = (a: WatchAnomaly): void => {
    counts[a.class]++;
    if (examples[a.class].length < maxExamples) examples[a.class].push(a);
  };
  const at = (key: string, revision: number): string => `${key}@${revision}`;
  const written = new Map(writes.map((w) => [at(w.key, w.revision), w]));

  for (const watch of watches) {
    const covers = (key: string): boolean =>
      watch.prefix ? key.startsWith(watch.key) : key === watch.key;
    const base = { process: watch.process, key: watch.key };
    let last = watch.from;
    const delivered = new Set<string>();
    for (const e of watch.events) {
      if (e.revision <= last) {
        report({
          ...base,
          class: 'out-of-order',
          revisions: [last, e.revision],
          detail: `${watch.process} got ${e.key}@${e.revision} after revision ${last}`,
        });
      }
      last = Math.max(last, e.revision);
      delivered.add(at(e.key, e.revision));
      const w = written.get(at(e.key, e.revision));
      if (
        !w ||
        !covers(e.key) ||
        w.kind !== e.kind ||
        (e.value !== undefined && w.value !== e.value)
      ) {
        report({
          ...base,
          class: 'phantom-event',
          revisions: [e.revision],
          detail: w
            ? `${watch.process} got ${e.kind} ${e.key}@${e.revision}=${e.value ?? ''}, but the write was ${w.kind} ${w.value ?? ''}`
            : `${watch.process} got ${e.kind} ${e.key}@${e.revision}, which nobody wrote${covers(e.key) ? '' : ' (and is not watched)'}`,
        });
      }
    }
    const upTo = Math.max(last, watch.upTo ?? last);
    for (const w of writes) {
      if (
        !covers(w.key) ||
        w.revision <= watch.from ||
        w.revision > upTo ||
        delivered.has(at(w.key, w.revision))
      )
        continue;
      report({
        ...base,
        class: 'missed-event',
        revisions: [w.revision],
        detail: `${watch.process} never got ${w.kind} ${w.key}@${w.revision}, though its watch covers revisions ${watch.from + 1}..${upTo}`,
      });
    }
  }
  return { ok: WATCH_ANOMALY_CLASSES.every((c) => counts[c] === 0), counts, examples };
}
