import type { ConfState, Entry, HardState, Snapshot } from './types';
import { entrySize } from './types';

/**
 * The narrow, synchronous port through which Raft reads its durable state. Raft never writes
 * storage: the shell persists what a `Ready` tells it to and then calls `advance`.
 *
 * Index space: entries were compacted up to index C (C = 0 when never) and the storage holds
 * entries C+1 … lastIndex(). `firstIndex()` is C+1; `term(C)` must still answer (the "dummy"
 * entry). The latest snapshot covers some index ≥ C.
 *
 * Errors: `CompactedError` when asked below firstIndex (entries) or below S (term);
 * `UnavailableError` when asked beyond lastIndex. Anything else thrown is fatal.
 */
export interface Storage {
  /** Hard state and membership persisted so far (membership as of the latest snapshot). */
  initialState(): { hardState: HardState; confState: ConfState };
  /**
   * Entries in [lo, hi), at most `maxBytes` in total (`entrySize`) but always at least one
   * entry when lo < hi. Throws CompactedError if lo < firstIndex(), UnavailableError if
   * hi > lastIndex() + 1.
   */
  entries(lo: number, hi: number, maxBytes: number): Entry[];
  /** Term of entry i, for firstIndex()-1 ≤ i ≤ lastIndex(). */
  term(i: number): number;
  firstIndex(): number;
  lastIndex(): number;
  /**
   * The latest snapshot; metadata.index ≥ firstIndex()-1 (entries may be kept behind it).
   * A restarting application restores it and passes its index as `RaftConfig.applied`.
   */
  snapshot(): Snapshot;
}

/**
 * Returns the longest prefix of `ents` within `maxBytes`, always keeping the first entry.
 * Returns `ents` itself (no copy) when everything fits.
 */
export function limitSize(ents: Entry[], maxBytes: number): Entry[] {
  if (ents.length <= 1 || maxBytes === Infinity) return ents;
  let size = entrySize(ents[0] as Entry);
  let n = 1;
  for (; n < ents.length; n++) {
    size += entrySize(ents[n] as Entry);
    if (size > maxBytes) break;
  }
  return n === ents.length ? ents : ents.slice(0, n);
}
