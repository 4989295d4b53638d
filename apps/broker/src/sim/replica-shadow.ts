/**
 * What one broker's log of one partition holds, kept beside it so the invariants can be checked
 * at every step without reading the store: the simulator wraps the `PartitionLog` the
 * ReplicaManager is given, and records each append, truncation and reset once it has completed
 * (durable). After a restart the shadow is rebuilt by reading the whole log back, and at the end
 * of a run every log is read back and compared with its shadow, so the shadow never stands in
 * for the store unchecked.
 */
import type { PartitionLog, StoredBatch } from '@tributary/log-store';

/** A batch as the invariants compare it: where it sits and what it is. */
export interface BatchId {
  baseOffset: number;
  recordCount: number;
  leaderEpoch: number;
  crc32c: number;
  producerId: number;
}

/** The part of a batch that must agree between replicas of the same offset. */
export const batchKey = (b: Omit<BatchId, 'baseOffset'>) =>
  `${b.recordCount}r/e${b.leaderEpoch}/crc${b.crc32c >>> 0}`;

export interface ShadowHooks {
  /** A batch landed (`how` is 'leader' or 'follower'). */
  added(shadow: ReplicaShadow, b: BatchId, how: string): void;
  /** Batches at and above `end` were removed. */
  removed(shadow: ReplicaShadow, end: number, how: string): void;
}

export class ReplicaShadow {
  /** Batches by base offset. */
  readonly batches = new Map<number, BatchId>();

  constructor(
    readonly broker: number,
    readonly partition: number,
    readonly log: PartitionLog,
    private readonly hooks: ShadowHooks,
  ) {}

  /** The batch holding `offset`, if any. */
  at(offset: number): BatchId | undefined {
    const exact = this.batches.get(offset);
    if (exact) return exact;
    for (const b of this.batches.values())
      if (b.baseOffset <= offset && offset < b.baseOffset + b.recordCount) return b;
    return undefined;
  }

  /** Offset after the last batch. */
  end(): number {
    let end = this.log.logStartOffset;
    for (const b of this.batches.values()) end = Math.max(end, b.baseOffset + b.recordCount);
    return end;
  }

  add(b: BatchId, how: string): void {
    this.batches.set(b.baseOffset, b);
    this.hooks.added(this, b, how);
  }

  removeFrom(end: number, how: string): void {
    for (const base of [...this.batches.keys()]) if (base >= end) this.batches.delete(base);
    this.hooks.removed(this, end, how);
  }

  /** Reads the whole log back (after a restart, and at the end of a run). */
  async readAll(): Promise<BatchId[]> {
    const out: BatchId[] = [];
    let from = this.log.logStartOffset;
    while (from < this.log.logEndOffset) {
      const batches = await this.log.read(from, this.log.logEndOffset, 1 << 20);
      if (batches.length === 0) break;
      for (const b of batches) out.push(idOf(b));
      const last = batches[batches.length - 1] as StoredBatch;
      from = last.baseOffset + last.recordCount;
    }
    return out;
  }
}

export function idOf(b: StoredBatch): BatchId {
  return {
    baseOffset: b.baseOffset,
    recordCount: b.recordCount,
    leaderEpoch: b.leaderEpoch,
    crc32c: b.crc32c >>> 0,
    producerId: b.producerId,
  };
}

/**
 * Wraps `log`'s writing methods so `shadow` follows every completed one. The ReplicaManager
 * calls them on the same object it was given, so nothing else is needed to observe it.
 */
export function shadowWrites(log: PartitionLog, shadow: ReplicaShadow): void {
  const appendAsLeader = log.appendAsLeader.bind(log);
  const appendAsFollower = log.appendAsFollower.bind(log);
  const truncateTo = log.truncateTo.bind(log);
  const resetTo = log.resetTo.bind(log);
  log.appendAsLeader = async (batch, leaderEpoch) => {
    const result = await appendAsLeader(batch, leaderEpoch);
    if (!result.duplicate)
      shadow.add(
        {
          baseOffset: result.baseOffset,
          recordCount: batch.recordCount,
          leaderEpoch,
          crc32c: batch.crc32c >>> 0,
          producerId: batch.producerId,
        },
        'leader',
      );
    return result;
  };
  log.appendAsFollower = async (batches) => {
    await appendAsFollower(batches);
    for (const b of batches) shadow.add(idOf(b), 'follower');
  };
  log.truncateTo = async (offset) => {
    const end = await truncateTo(offset);
    shadow.removeFrom(end, `truncate to ${offset}`);
    return end;
  };
  log.resetTo = async (offset) => {
    await resetTo(offset);
    shadow.removeFrom(-1, `reset to ${offset}`);
  };
}
