import { assert } from './errors';

/**
 * Bounded ring of the last indexes of append messages sent to one follower but not yet
 * acknowledged (the pipelining window). Invariant: 0 ≤ count ≤ capacity; stored indexes
 * increase from start to start+count-1 (mod capacity).
 */
export class Inflights {
  private readonly buffer: number[];
  private start = 0;
  count = 0;

  constructor(readonly capacity: number) {
    assert(capacity >= 1, 'inflights capacity must be ≥ 1');
    this.buffer = new Array<number>(capacity).fill(0);
  }

  add(index: number): void {
    assert(!this.full(), 'inflights: add to a full window');
    const last = this.count > 0 ? this.buffer[(this.start + this.count - 1) % this.capacity] : -1;
    assert(index > (last as number), `inflights: index ${index} not increasing`);
    this.buffer[(this.start + this.count) % this.capacity] = index;
    this.count++;
  }

  /** Frees every in-flight message whose last index is ≤ `to`. */
  freeLE(to: number): void {
    while (this.count > 0 && (this.buffer[this.start] as number) <= to) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    if (this.count === 0) this.start = 0;
  }

  full(): boolean {
    return this.count === this.capacity;
  }

  reset(): void {
    this.count = 0;
    this.start = 0;
  }
}
