// The leader side of one partition, for one leader epoch: follower progress, the high
// watermark and ISR change decisions. Pure: the shell reports appends, follower fetches and
// AlterIsr outcomes, passes the time in, and sends the ISR changes this returns.
//
// Invariants (checked where they could break):
// - highWatermark ≤ logEnd, and highWatermark never decreases while this object lives (one
//   leader epoch).
// - highWatermark ≤ the log end of every member of the maximal ISR (current ∪ pending), so a
//   committed offset is on every replica that could be elected next (KIP-497: a follower being
//   added counts before the controller confirms it, one being removed until it confirms).
// - At most one ISR change is in flight.

import { assert } from './assert';

/** A partition's controller-assigned state, as metadata and AlterIsr answers carry it. */
export interface PartitionAssignment {
  leaderEpoch: number;
  /** Bumped by the controller on every change; an AlterIsr must be based on the current one. */
  partitionEpoch: number;
  replicas: readonly number[];
  isr: readonly number[];
}

export interface LeaderInit extends PartitionAssignment {
  brokerId: number;
  /** The leader's log end when it took this epoch: where the epoch's own records begin. */
  epochStartOffset: number;
  logEnd: number;
  /** The checkpointed high watermark the leader starts from (≤ logEnd). */
  highWatermark: number;
  nowMs: number;
}

/** What the leader knows of one follower (Kafka's Replica state). */
export interface ReplicaProgress {
  /** The follower's log end as of its last fetch; -1 until it fetches in this epoch. */
  logEnd: number;
  /** Last time the follower's fetch offset reached the leader's log end of that moment. */
  lastCaughtUpMs: number;
  lastFetchMs: number;
  /** The leader's log end at the follower's previous fetch. */
  lastFetchLeaderLogEnd: number;
}

/** An ISR change to send as AlterIsr. */
export interface IsrChange {
  leaderEpoch: number;
  /** The partition epoch the change is based on. */
  partitionEpoch: number;
  isr: number[];
}

export interface IsrFailure {
  /**
   * 'refused': the controller checked the change against the state it was based on and turned
   * it down (e.g. a broker not live): nothing changed, the change is dropped. 'unknown': it may
   * have been applied (an answer lost, the coordinators' leader changed, or FENCED because the
   * partition moved on, perhaps by this very change): it stays pending, still counting in the
   * maximal ISR, and is sent again at retryAtMs until an answer or newer metadata settles it.
   */
  outcome: 'refused' | 'unknown';
  /** Earliest time to send again (the same change if unknown, a fresh decision if refused). */
  retryAtMs: number;
}

export class PartitionLeader {
  readonly brokerId: number;
  readonly leaderEpoch: number;
  readonly epochStartOffset: number;
  private partitionEpochValue: number;
  private replicasValue: number[];
  /** The ISR the controller has committed. */
  private isrValue: number[];
  private pending: IsrChange | undefined;
  /** The pending change's outcome is unknown: send it again once retryAtMs passed. */
  private resendPending = false;
  private retryAtMs = 0;
  private logEndValue: number;
  private hw: number;
  private readonly progress = new Map<number, ReplicaProgress>();

  constructor(init: LeaderInit) {
    assert(init.isr.includes(init.brokerId), `leader ${init.brokerId} is not in its ISR`);
    assert(
      init.highWatermark <= init.logEnd,
      `high watermark ${init.highWatermark} above log end ${init.logEnd}`,
    );
    this.brokerId = init.brokerId;
    this.leaderEpoch = init.leaderEpoch;
    this.epochStartOffset = init.epochStartOffset;
    this.partitionEpochValue = init.partitionEpoch;
    this.replicasValue = [...init.replicas];
    this.isrValue = [...init.isr];
    this.logEndValue = init.logEnd;
    this.hw = init.highWatermark;
    // ISR members get a full lag interval to fetch from the new leader (Kafka does the same).
    for (const id of this.replicasValue) {
      if (id === this.brokerId) continue;
      this.progress.set(id, {
        logEnd: -1,
        lastCaughtUpMs: this.isrValue.includes(id) ? init.nowMs : 0,
        lastFetchMs: 0,
        lastFetchLeaderLogEnd: -1,
      });
    }
    this.advanceHighWatermark();
  }

  get highWatermark(): number {
    return this.hw;
  }
  get logEnd(): number {
    return this.logEndValue;
  }
  get partitionEpoch(): number {
    return this.partitionEpochValue;
  }
  get replicas(): readonly number[] {
    return this.replicasValue;
  }
  /** The committed ISR: what min.insync.replicas is checked against. */
  get isr(): readonly number[] {
    return this.isrValue;
  }
  get pendingIsrChange(): IsrChange | undefined {
    return this.pending;
  }
  /** Committed ISR ∪ pending change: whom the high watermark waits for. */
  maximalIsr(): number[] {
    const all = new Set(this.isrValue);
    for (const id of this.pending?.isr ?? []) all.add(id);
    return [...all].sort((a, b) => a - b);
  }
  progressOf(replicaId: number): Readonly<ReplicaProgress> | undefined {
    return this.progress.get(replicaId);
  }

  /** The leader's own log grew (durably). Returns whether the high watermark advanced. */
  localAppended(logEnd: number): boolean {
    assert(
      logEnd >= this.logEndValue,
      `leader log end ${this.logEndValue} moved back to ${logEnd}`,
    );
    this.logEndValue = logEnd;
    return this.advanceHighWatermark();
  }

  /**
   * A follower fetched from `fetchOffset` (its log end, already checked not to diverge from
   * this log). Returns whether the high watermark advanced.
   */
  followerFetched(replicaId: number, fetchOffset: number, nowMs: number): boolean {
    const p = this.progress.get(replicaId);
    assert(p !== undefined, `broker ${replicaId} is not a follower of this partition`);
    assert(
      fetchOffset <= this.logEndValue,
      `follower ${replicaId} fetch offset ${fetchOffset} above leader log end ${this.logEndValue}`,
    );
    // Kafka semantics: caught up now if it reached the current end; caught up as of its previous
    // fetch if it reached the end the leader had then.
    if (fetchOffset >= this.logEndValue) p.lastCaughtUpMs = Math.max(p.lastCaughtUpMs, nowMs);
    else if (fetchOffset >= p.lastFetchLeaderLogEnd && p.lastFetchLeaderLogEnd >= 0)
      p.lastCaughtUpMs = Math.max(p.lastCaughtUpMs, p.lastFetchMs);
    p.logEnd = fetchOffset;
    p.lastFetchMs = nowMs;
    p.lastFetchLeaderLogEnd = this.logEndValue;
    return this.advanceHighWatermark();
  }

  /** Whether acks=ALL produce may proceed: the committed ISR has at least `minInsync` members. */
  enoughInSync(minInsync: number): boolean {
    return this.isrValue.length >= minInsync;
  }

  /** Whether a batch ending before `endOffset` is committed (acks=ALL can answer). */
  isCommitted(endOffset: number): boolean {
    return this.hw >= endOffset;
  }

  /**
   * The ISR change due now, if any, which is then pending until accepted or rejected: ISR
   * followers not caught up for more than `lagTimeMaxMs` leave; replicas whose log end
   * reached the high watermark and the start of this epoch join.
   */
  nextIsrChange(nowMs: number, lagTimeMaxMs: number): IsrChange | undefined {
    if (nowMs < this.retryAtMs) return undefined;
    if (this.pending) {
      if (!this.resendPending) return undefined;
      this.resendPending = false;
      return this.pending;
    }
    const next: number[] = [];
    let changed = false;
    for (const id of this.replicasValue) {
      const inIsr = this.isrValue.includes(id);
      if (id === this.brokerId) {
        next.push(id);
        continue;
      }
      const p = this.progress.get(id);
      assert(p !== undefined, `no progress for replica ${id}`);
      // Expansion needs a recent fetch too (Kafka expands in the fetch path): a follower that
      // died after catching up must not be proposed again on its stale progress.
      const keep = inIsr
        ? p.logEnd === this.logEndValue || nowMs - p.lastCaughtUpMs <= lagTimeMaxMs
        : p.logEnd >= this.hw &&
          p.logEnd >= this.epochStartOffset &&
          nowMs - p.lastFetchMs <= lagTimeMaxMs;
      if (keep) next.push(id);
      if (keep !== inIsr) changed = true;
    }
    if (!changed) return undefined;
    this.pending = {
      leaderEpoch: this.leaderEpoch,
      partitionEpoch: this.partitionEpochValue,
      isr: next,
    };
    return this.pending;
  }

  /**
   * The controller answered `change` with the partition's new state. Returns whether the high
   * watermark advanced (a shrink can let it). An answer from another leader epoch (the
   * controller moved leadership right after applying the change) leaves the change pending:
   * this leader is about to step down, and until then the new ISR members keep counting. An
   * answer to a change that is no longer the pending one (newer metadata superseded it, and
   * another may be in flight now) leaves the pending one alone.
   */
  isrChangeAccepted(change: IsrChange, result: PartitionAssignment): boolean {
    if (result.leaderEpoch !== this.leaderEpoch) return false;
    if (this.pending === change) {
      this.pending = undefined;
      this.resendPending = false;
    }
    return this.metadataChanged(result);
  }

  /** The AlterIsr of `change` failed (ignored unless it is still the pending one). */
  isrChangeFailed(change: IsrChange, failure: IsrFailure): void {
    if (this.pending !== change) return;
    if (failure.outcome === 'refused') this.pending = undefined;
    else this.resendPending = true;
    this.retryAtMs = failure.retryAtMs;
  }

  /**
   * Metadata for this leader epoch (an older or equal partition epoch is ignored). Returns
   * whether the high watermark advanced.
   */
  metadataChanged(a: PartitionAssignment): boolean {
    assert(
      a.leaderEpoch === this.leaderEpoch,
      `metadata of epoch ${a.leaderEpoch} given to ${this.leaderEpoch}`,
    );
    if (a.partitionEpoch <= this.partitionEpochValue) return false;
    assert(a.isr.includes(this.brokerId), `leader ${this.brokerId} dropped from its own ISR`);
    this.partitionEpochValue = a.partitionEpoch;
    this.replicasValue = [...a.replicas];
    this.isrValue = [...a.isr];
    // Whatever was pending was based on an older partition epoch: this metadata holds its
    // outcome (applied or not), and the controller would refuse it now.
    this.pending = undefined;
    this.resendPending = false;
    this.retryAtMs = 0;
    for (const id of [...this.progress.keys()])
      if (!this.replicasValue.includes(id)) this.progress.delete(id);
    for (const id of this.replicasValue)
      if (id !== this.brokerId && !this.progress.has(id))
        this.progress.set(id, {
          logEnd: -1,
          lastCaughtUpMs: 0,
          lastFetchMs: 0,
          lastFetchLeaderLogEnd: -1,
        });
    return this.advanceHighWatermark();
  }

  private advanceHighWatermark(): boolean {
    let min = this.logEndValue;
    for (const id of this.maximalIsr()) {
      if (id === this.brokerId) continue;
      min = Math.min(min, this.progress.get(id)?.logEnd ?? -1);
    }
    if (min <= this.hw) return false;
    this.hw = min;
    assert(
      this.hw <= this.logEndValue,
      `high watermark ${this.hw} above log end ${this.logEndValue}`,
    );
    return true;
  }
}
