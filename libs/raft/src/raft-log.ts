import { assert, CompactedError } from './errors';
import { Unstable } from './log-unstable';
import { limitSize, type Storage } from './storage';
import type { Entry, Snapshot } from './types';
import { entrySize } from './types';

/**
 * The log as Raft sees it: durable entries in `storage` followed by the `unstable` tail.
 * Invariants: applied ≤ committed ≤ lastIndex(); committed never decreases.
 */
export class RaftLog {
  readonly unstable: Unstable;
  /** Highest index known to be committed (stored on a quorum). */
  committed: number;
  /** Highest index the application has applied (reported via advance). */
  applied: number;
  /** First index replaced by the latest maybeAppend that overwrote entries, else 0. */
  truncatedFrom = 0;

  constructor(readonly storage: Storage) {
    const first = storage.firstIndex();
    this.unstable = new Unstable(storage.lastIndex() + 1);
    this.committed = first - 1;
    this.applied = first - 1;
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  lastTerm(): number {
    const t = this.term(this.lastIndex());
    assert(t !== undefined, 'term of lastIndex unavailable');
    return t;
  }

  /** Term of entry i, or undefined if i is compacted (< firstIndex-1) or beyond lastIndex. */
  term(i: number): number | undefined {
    const dummy = this.firstIndex() - 1;
    if (i < dummy || i > this.lastIndex()) return undefined;
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    return this.storage.term(i);
  }

  matchTerm(i: number, t: number): boolean {
    return this.term(i) === t;
  }

  /**
   * Follower side of AppendEntries (§5.3): if (index, logTerm) matches, append `ents`
   * (truncating any conflicting suffix) and commit up to min(committed, last new index).
   * Returns the last new index, or -1 when the consistency check fails.
   */
  maybeAppend(index: number, logTerm: number, committed: number, ents: Entry[]): number {
    if (!this.matchTerm(index, logTerm)) return -1;
    const lastNew = index + ents.length;
    const ci = this.findConflict(ents);
    this.truncatedFrom = ci !== 0 && ci <= this.lastIndex() ? ci : 0;
    if (ci !== 0) {
      assert(ci > this.committed, `conflict at ${ci} ≤ committed ${this.committed}`);
      const first = (ents[0] as Entry).index;
      this.append(ci === first ? ents : ents.slice(ci - first));
    }
    this.commitTo(Math.min(committed, lastNew));
    return lastNew;
  }

  /**
   * Index of the first entry in `ents` that is new or conflicts with the log (0 if all are
   * already present with matching terms).
   */
  findConflict(ents: Entry[]): number {
    const last = this.lastIndex();
    for (let k = 0; k < ents.length; k++) {
      const e = ents[k] as Entry;
      if (e.index > last || !this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The largest index ≤ `index` whose term is ≤ `term`, with that term (0 if unknown).
   * Used for fast back-off: a follower rejecting (index, term) hints where logs may match.
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (let i = index; ; i--) {
      const t = this.term(i);
      if (t === undefined) return { index: i, term: 0 };
      if (t <= term) return { index: i, term: t };
    }
  }

  /** Appends entries after the current tail (truncating beyond their first index). */
  append(ents: Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = (ents[0] as Entry).index - 1;
    assert(after >= this.committed, `append after ${after} < committed ${this.committed}`);
    assert(after <= this.lastIndex(), `append gap: after ${after} > last ${this.lastIndex()}`);
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  unstableEntries(): Entry[] {
    return this.unstable.entries;
  }

  hasNextCommittedEnts(): boolean {
    if (this.unstable.snapshot) return false;
    return this.committed > this.applied;
  }

  /** Committed entries not yet applied, at most `maxBytes` (at least one). */
  nextCommittedEnts(maxBytes: number): Entry[] {
    if (!this.hasNextCommittedEnts()) return [];
    return this.slice(this.applied + 1, this.committed + 1, maxBytes);
  }

  /** Entries from `lo` to the end, at most `maxBytes` (at least one if any). */
  entries(lo: number, maxBytes: number): Entry[] {
    const last = this.lastIndex();
    if (lo > last) return [];
    return this.slice(lo, last + 1, maxBytes);
  }

  /** Entries in [lo, hi) from storage and/or unstable; throws CompactedError below firstIndex. */
  slice(lo: number, hi: number, maxBytes: number): Entry[] {
    if (lo < this.firstIndex()) throw new CompactedError(lo);
    assert(hi <= this.lastIndex() + 1 && lo <= hi, `slice [${lo},${hi}) out of bounds`);
    if (lo === hi) return [];
    const uOff = this.unstable.offset;
    if (lo >= uOff) return limitSize(this.unstable.slice(lo, hi), maxBytes);
    const stored = this.storage.entries(lo, Math.min(hi, uOff), maxBytes);
    if (hi <= uOff || stored.length < Math.min(hi, uOff) - lo) return stored;
    let bytes = 0;
    for (let k = 0; k < stored.length; k++) bytes += entrySize(stored[k] as Entry);
    const rest = limitSize(this.unstable.slice(uOff, hi), maxBytes - bytes);
    if (rest.length === 1 && bytes + entrySize(rest[0] as Entry) > maxBytes) return stored;
    return stored.concat(rest);
  }

  /** §5.4.1: is a candidate's log (lastIndex, lastTerm) at least as up-to-date as ours? */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const myTerm = this.lastTerm();
    return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= this.lastIndex());
  }

  commitTo(toCommit: number): void {
    if (toCommit <= this.committed) return;
    assert(toCommit <= this.lastIndex(), `commit ${toCommit} > lastIndex ${this.lastIndex()}`);
    this.committed = toCommit;
  }

  appliedTo(i: number): void {
    if (i === 0) return;
    assert(
      i <= this.committed && i >= this.applied,
      `applied ${i} not in [${this.applied}, ${this.committed}]`,
    );
    this.applied = i;
  }

  /**
   * Leader commit rule (§5.3, §5.4.2): advance to `maxIndex` only if that entry is from the
   * current term: counting replicas of an older term's entry is unsafe (Figure 8).
   */
  maybeCommit(maxIndex: number, term: number): boolean {
    if (maxIndex <= this.committed) return false;
    if (this.term(maxIndex) !== term) return false;
    this.commitTo(maxIndex);
    return true;
  }

  stableTo(i: number, t: number): void {
    this.unstable.stableTo(i, t);
  }

  stableSnapTo(i: number): void {
    this.unstable.stableSnapTo(i);
  }

  restore(s: Snapshot): void {
    this.committed = s.metadata.index;
    this.unstable.restore(s);
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }
}
