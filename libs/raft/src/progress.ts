import { assert } from './errors';
import { Inflights } from './inflights';

/**
 * How the leader replicates to a follower:
 *  - probe: one append at a time until the follower's match point is found;
 *  - replicate: optimistic pipelining, `next` advances as appends are sent;
 *  - snapshot: a snapshot is in flight; nothing else is sent until it is reported.
 */
export type ProgressState = 'probe' | 'replicate' | 'snapshot';

/** The leader's view of one peer. */
export class Progress {
  /** Highest index known replicated on the peer. Invariant: match < next. */
  match = 0;
  /** Next index to send. */
  next: number;
  state: ProgressState = 'probe';
  /** Index of the snapshot in flight (state 'snapshot' only), else 0. */
  pendingSnapshot = 0;
  /** Heard from the peer since the last check-quorum round. */
  recentActive = false;
  /**
   * Probe: an append is outstanding. Replicate: the inflight window filled up. Cleared by
   * any ack or heartbeat response (which then sends at most an empty append, so a window
   * filled by lost messages recovers through a rejection).
   */
  msgAppFlowPaused = false;
  /** Leader tick of the latest heartbeat the peer acknowledged (lease reads). */
  leaseAckTick = -Infinity;
  readonly inflights: Inflights;

  constructor(
    next: number,
    maxInflight: number,
    public isLearner: boolean,
  ) {
    this.next = next;
    this.inflights = new Inflights(maxInflight);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    if (this.state === 'snapshot') {
      const pending = this.pendingSnapshot;
      this.resetState('probe');
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState('probe');
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
  }

  /** Records that an append with `entries` entries ending at next-1+entries was sent. */
  sentEntries(entries: number): void {
    if (this.state === 'replicate' && entries > 0) {
      this.next += entries;
      this.inflights.add(this.next - 1);
      this.msgAppFlowPaused = this.inflights.full();
    } else if (this.state === 'probe' && entries > 0) {
      this.msgAppFlowPaused = true;
    }
    assert(this.match < this.next, `progress: match ${this.match} ≥ next ${this.next}`);
  }

  /** An ack for index n arrived; returns false if it was stale. */
  maybeUpdate(n: number): boolean {
    if (n <= this.match) return false;
    this.match = n;
    this.next = Math.max(this.next, n + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /**
   * The peer rejected an append whose preceding index was `rejected`; `matchHint` is the
   * highest index that may match. Returns false if the rejection is stale.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  isPaused(): boolean {
    switch (this.state) {
      case 'probe':
      case 'replicate':
        return this.msgAppFlowPaused;
      case 'snapshot':
        return true;
    }
  }
}
