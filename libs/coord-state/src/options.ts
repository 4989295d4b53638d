// Limits and sizes of the state machine. They shape replicated behaviour (a history bound
// decides when COMPACTED starts), so every replica must use the same values: they are part of
// the snapshot, and a restored state machine keeps the options it was snapshotted with.

import { assert } from './assert';

export interface CoordOptions {
  /** Watch history keeps the events of the last this-many revisions. */
  watchHistoryRevisions: number;
  /** ...and about this many bytes of events (always at least the newest revision). */
  watchHistoryBytes: number;
  /** TTL granted to an OpenSession asking for 0. */
  sessionTtlMsDefault: number;
  /** Requested session TTLs are clamped into [min, max]. */
  sessionTtlMsMin: number;
  sessionTtlMsMax: number;
  /** Most live sessions; OpenSession beyond it is LIMIT_EXCEEDED. */
  sessionsMax: number;
  /** Most nodes in the tree (root included); creates beyond it are LIMIT_EXCEEDED. */
  nodesMax: number;
}

export const DEFAULT_OPTIONS: Readonly<CoordOptions> = Object.freeze({
  watchHistoryRevisions: 100_000,
  watchHistoryBytes: 256 * 1024 * 1024,
  sessionTtlMsDefault: 10_000,
  sessionTtlMsMin: 500,
  sessionTtlMsMax: 600_000,
  sessionsMax: 100_000,
  nodesMax: 10_000_000,
});

export function resolveOptions(partial: Partial<CoordOptions> = {}): CoordOptions {
  const o: CoordOptions = { ...DEFAULT_OPTIONS, ...partial };
  for (const [k, v] of Object.entries(o)) {
    assert(Number.isSafeInteger(v) && v > 0, `option ${k} is a positive integer`);
  }
  assert(o.sessionTtlMsMin <= o.sessionTtlMsMax, 'sessionTtlMsMin <= sessionTtlMsMax');
  return o;
}
