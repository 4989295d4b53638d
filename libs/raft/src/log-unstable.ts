import { assert } from './errors';
import type { Entry, Snapshot } from './types';

/**
 * The not-yet-persisted tail of the log (and possibly an incoming snapshot), held in memory
 * until the shell persists it and calls `advance`.
 */
export class Unstable {
  /** Incoming snapshot not yet persisted; if set, offset === snapshot.metadata.index + 1. */
  snapshot: Snapshot | null = null;
  /** entries[i].index === offset + i (contiguous). */
  entries: Entry[] = [];
  /** Index of entries[0] (or where it would be). */
  offset: number;

  constructor(offset: number) {
    this.offset = offset;
  }

  /** First index if a snapshot is pending, else undefined. */
  maybeFirstIndex(): number | undefined {
    return this.snapshot ? this.snapshot.metadata.index + 1 : undefined;
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot ? this.snapshot.metadata.index : undefined;
  }

  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      const s = this.snapshot;
      return s && s.metadata.index === i ? s.metadata.term : undefined;
    }
    const e = this.entries[i - this.offset];
    return e ? e.term : undefined;
  }

  /** Entries up to (i, t) are now durable; ignored if the tail changed since the Ready. */
  stableTo(i: number, t: number): void {
    const term = this.maybeTerm(i);
    if (term !== t || i < this.offset) return;
    this.entries = this.entries.slice(i + 1 - this.offset);
    this.offset = i + 1;
  }

  stableSnapTo(i: number): void {
    if (this.snapshot && this.snapshot.metadata.index === i) this.snapshot = null;
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1;
    this.entries = [];
    this.snapshot = s;
  }

  /** Appends `ents` (contiguous), truncating whatever they overwrite. */
  truncateAndAppend(ents: Entry[]): void {
    const after = (ents[0] as Entry).index - 1;
    if (after === this.offset + this.entries.length - 1) {
      for (let k = 0; k < ents.length; k++) this.entries.push(ents[k] as Entry);
    } else if (after < this.offset) {
      // The whole unstable tail (and part of storage) is replaced.
      this.offset = after + 1;
      this.entries = ents.slice();
    } else {
      this.entries = this.entries.slice(0, after + 1 - this.offset);
      for (let k = 0; k < ents.length; k++) this.entries.push(ents[k] as Entry);
    }
  }

  /** Entries in [lo, hi); the range must lie within the unstable entries. */
  slice(lo: number, hi: number): Entry[] {
    assert(
      lo >= this.offset && hi <= this.offset + this.entries.length && lo <= hi,
      `unstable.slice[${lo},${hi}) out of [${this.offset},${this.offset + this.entries.length})`,
    );
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
