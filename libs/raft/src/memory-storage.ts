import { assert, CompactedError, SnapshotOutOfDateError, UnavailableError } from './errors';
import { limitSize, type Storage } from './storage';
import type { ConfState, Entry, HardState, Snapshot } from './types';
import { emptyConfState } from './types';

const EMPTY = new Uint8Array(0);

/**
 * In-memory `Storage`, the reference implementation (and what the simulator uses as a node's
 * durable disk). Not thread-safe; everything is synchronous.
 */
export class MemoryStorage implements Storage {
  private hardState: HardState = { term: 0, vote: 0, commit: 0 };
  private snap: Snapshot = {
    metadata: { index: 0, term: 0, confState: emptyConfState() },
    data: EMPTY,
  };
  /**
   * ents[0] is a dummy entry at the snapshot index (its term is the snapshot term); ents[i]
   * has index ents[0].index + i. Invariant: ents.length ≥ 1 and indexes are contiguous.
   */
  private ents: Entry[] = [{ term: 0, index: 0, type: 'normal', data: EMPTY }];

  /**
   * Storage for a founding member of a new cluster: a snapshot at index 1, term 1 holding the
   * initial membership, so nodes added later learn the membership from a snapshot.
   */
  static bootstrap(confState: ConfState, data: Uint8Array = EMPTY): MemoryStorage {
    const s = new MemoryStorage();
    s.applySnapshot({ metadata: { index: 1, term: 1, confState }, data });
    s.setHardState({ term: 1, vote: 0, commit: 1 });
    return s;
  }

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hardState }, confState: this.snap.metadata.confState };
  }

  setHardState(hs: HardState): void {
    this.hardState = { ...hs };
  }

  hardStateNow(): HardState {
    return { ...this.hardState };
  }

  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    const offset = this.offset();
    if (lo <= offset) throw new CompactedError(lo);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1);
    assert(lo <= hi, `entries: lo ${lo} > hi ${hi}`);
    return limitSize(this.ents.slice(lo - offset, hi - offset), maxBytes);
  }

  term(i: number): number {
    const offset = this.offset();
    if (i < offset) throw new CompactedError(i);
    if (i - offset >= this.ents.length) throw new UnavailableError(i);
    return (this.ents[i - offset] as Entry).term;
  }

  firstIndex(): number {
    return this.offset() + 1;
  }

  lastIndex(): number {
    return this.offset() + this.ents.length - 1;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  /** Replaces everything with `snap` (a follower installing the leader's snapshot). */
  applySnapshot(snap: Snapshot): void {
    if (snap.metadata.index <= this.snap.metadata.index) {
      throw new SnapshotOutOfDateError(snap.metadata.index);
    }
    this.snap = snap;
    const { index, term } = snap.metadata;
    this.ents = [{ term, index, type: 'normal', data: EMPTY }];
  }

  /**
   * Records a snapshot of the application state at `index` (≤ lastIndex). Entries are kept
   * until `compact` is called.
   */
  createSnapshot(index: number, confState: ConfState, data: Uint8Array): Snapshot {
    if (index <= this.snap.metadata.index) throw new SnapshotOutOfDateError(index);
    assert(index <= this.lastIndex(), `createSnapshot ${index} > lastIndex ${this.lastIndex()}`);
    const term = this.term(index);
    this.snap = { metadata: { index, term, confState }, data };
    return this.snap;
  }

  /** Discards entries before `compactIndex` (which becomes the dummy entry). */
  compact(compactIndex: number): void {
    const offset = this.offset();
    if (compactIndex <= offset) throw new CompactedError(compactIndex);
    assert(compactIndex <= this.lastIndex(), `compact ${compactIndex} > last ${this.lastIndex()}`);
    const i = compactIndex - offset;
    const first = this.ents[i] as Entry;
    const rest = this.ents.slice(i + 1);
    rest.unshift({ term: first.term, index: first.index, type: 'normal', data: EMPTY });
    this.ents = rest;
  }

  /**
   * Appends entries, truncating any existing suffix they overwrite. Entries already compacted
   * are ignored. Precondition: entries are contiguous and leave no gap after lastIndex.
   */
  append(entries: Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const last = (entries[entries.length - 1] as Entry).index;
    if (last < first) return;
    let from = 0;
    if (first > (entries[0] as Entry).index) from = first - (entries[0] as Entry).index;
    const start = (entries[from] as Entry).index;
    const offset = this.offset();
    assert(start <= this.lastIndex() + 1, `append gap: ${start} after ${this.lastIndex()}`);
    const keep = start - offset;
    if (keep < this.ents.length) this.ents.length = keep;
    for (let k = from; k < entries.length; k++) this.ents.push(entries[k] as Entry);
  }

  private offset(): number {
    return (this.ents[0] as Entry).index;
  }
}
