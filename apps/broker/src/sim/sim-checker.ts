/**
 * The invariants of issue 9 item 5, judged from the replicas' shadows (replica-shadow.ts), the
 * leaders' high watermarks and what clients were told:
 *   - every acks=ALL record acknowledged, and every record a consumer read, is in the log of
 *     every later leader (a broker leading in an epoch at or after the one that answered), at
 *     its offset;
 *   - replicas agree on every offset below their high watermark: the first replica whose high
 *     watermark covers an offset fixes the batch there ("committed"), and every replica whose
 *     high watermark covers it later must hold the same batch; a high watermark never exceeds
 *     the replica's log end;
 *   - the high watermark of a leader never moves back within one leader epoch;
 *   - a consumer is served only batches below the high watermark it is told;
 *   - an idempotent producer's batch is never in one log twice.
 * A violation is recorded as the first problem found; the simulator stops the run on it.
 */
import { batchKey, type BatchId, type ReplicaShadow, type ShadowHooks } from './replica-shadow';

/** A batch that must never disappear, and the leader epoch from which on it must be there. */
interface MustStay {
  baseOffset: number;
  key: string;
  epoch: number;
  why: string;
}

interface ShadowState {
  /** Batches below this offset were compared with the committed ones. */
  checkedHw: number;
  /** How many of the partition's must-stay batches were verified on this log as a leader. */
  verified: number;
  /** The leader epoch they were verified for. */
  verifiedEpoch: number;
  /** Payload crc → base offset, for idempotent batches. */
  idempotent: Map<number, number>;
}

export class SimChecker implements ShadowHooks {
  violation: string | undefined;
  private readonly committed: Array<Map<number, { key: string; by: string }>>;
  private readonly mustStay: MustStay[][];
  private readonly state = new WeakMap<ReplicaShadow, ShadowState>();
  /** Per broker/partition: the leader epoch and the highest high watermark seen in it. */
  private readonly leaderHw = new Map<string, { epoch: number; hw: number }>();
  counts = { acked: 0, consumedBatches: 0, committedBatches: 0 };

  constructor(partitions: number) {
    this.committed = Array.from({ length: partitions }, () => new Map());
    this.mustStay = Array.from({ length: partitions }, () => []);
  }

  private fail(message: string): void {
    this.violation ??= message;
  }

  private stateOf(s: ReplicaShadow): ShadowState {
    let st = this.state.get(s);
    if (!st) {
      st = { checkedHw: 0, verified: 0, verifiedEpoch: -1, idempotent: new Map() };
      this.state.set(s, st);
    }
    return st;
  }

  added(s: ReplicaShadow, b: BatchId, how: string): void {
    if (b.producerId < 1) return;
    const st = this.stateOf(s);
    const seen = st.idempotent.get(b.crc32c);
    if (seen !== undefined && seen !== b.baseOffset)
      this.fail(
        `p${s.partition} on broker ${s.broker}: idempotent batch crc ${b.crc32c} (producer ${b.producerId}) written twice, at ${seen} and at ${b.baseOffset} (${how})`,
      );
    st.idempotent.set(b.crc32c, b.baseOffset);
  }

  removed(s: ReplicaShadow, end: number, _how: string): void {
    const st = this.stateOf(s);
    st.checkedHw = Math.min(st.checkedHw, Math.max(end, 0));
    st.verified = 0; // a leader's log must still hold everything: verify again
    for (const [crc, base] of st.idempotent) if (base >= end) st.idempotent.delete(crc);
  }

  /** A replica's shadow was rebuilt after a restart: everything is judged again. */
  reset(s: ReplicaShadow): void {
    this.state.delete(s);
    for (const b of s.batches.values()) this.added(s, b, 'read back after restart');
  }

  /** A producer was told its acks=ALL batch is at `baseOffset` by a leader of `epoch`. */
  acked(
    partition: number,
    b: Omit<BatchId, 'leaderEpoch'> & { leaderEpoch?: number },
    epoch: number,
    why: string,
  ): void {
    this.counts.acked++;
    // A duplicate answer names the original batch, whose epoch the producer does not know:
    // then it is found by payload alone.
    const key = b.leaderEpoch === undefined ? `crc${b.crc32c >>> 0}` : batchKey(b as BatchId);
    (this.mustStay[partition] as MustStay[]).push({ baseOffset: b.baseOffset, key, epoch, why });
  }

  /** A consumer was served `batches` with high watermark `hw` by a leader of `epoch`. */
  consumed(partition: number, batches: BatchId[], hw: number, epoch: number, by: string): void {
    for (const b of batches) {
      this.counts.consumedBatches++;
      if (b.baseOffset + b.recordCount > hw)
        this.fail(
          `p${partition}: ${by} served a consumer batch ${b.baseOffset}+${b.recordCount} above its high watermark ${hw}`,
        );
      this.commit(partition, b, `consumer read from ${by}`);
      (this.mustStay[partition] as MustStay[]).push({
        baseOffset: b.baseOffset,
        key: batchKey(b),
        epoch,
        why: `read by a consumer from ${by} (epoch ${epoch})`,
      });
    }
  }

  /**
   * One replica's log after an event. `leaderEpoch` is the epoch it leads in (as its applied
   * metadata and its ReplicaManager both say), or undefined when it does not lead.
   */
  checkReplica(s: ReplicaShadow, leaderEpoch: number | undefined): void {
    const st = this.stateOf(s);
    const log = s.log;
    const hw = log.highWatermark;
    const where = `p${s.partition} on broker ${s.broker}`;
    if (hw > log.logEndOffset)
      this.fail(`${where}: high watermark ${hw} above its log end ${log.logEndOffset}`);
    if (hw > st.checkedHw) {
      for (const b of s.batches.values())
        if (b.baseOffset < hw && b.baseOffset + b.recordCount > st.checkedHw)
          this.commit(s.partition, b, `broker ${s.broker} (hw ${hw})`);
      st.checkedHw = hw;
    }
    if (leaderEpoch === undefined) return;
    const id = `${s.broker}/${s.partition}`;
    const last = this.leaderHw.get(id);
    if (last && last.epoch === leaderEpoch && hw < last.hw)
      this.fail(
        `${where}: high watermark went back from ${last.hw} to ${hw} in leader epoch ${leaderEpoch}`,
      );
    if (!last || last.epoch !== leaderEpoch || hw > last.hw)
      this.leaderHw.set(id, { epoch: leaderEpoch, hw });
    this.checkMustStay(s, st, leaderEpoch);
  }

  /** Every acknowledged or consumed batch from this epoch or before is in this leader's log. */
  private checkMustStay(s: ReplicaShadow, st: ShadowState, epoch: number): void {
    const list = this.mustStay[s.partition] as MustStay[];
    if (st.verifiedEpoch !== epoch) {
      st.verifiedEpoch = epoch;
      st.verified = 0;
    }
    for (; st.verified < list.length; st.verified++) {
      const m = list[st.verified] as MustStay;
      if (m.epoch > epoch) continue;
      const b = s.batches.get(m.baseOffset);
      const have = b && (m.key.startsWith('crc') ? `crc${b.crc32c}` : batchKey(b));
      if (have !== m.key)
        return this.fail(
          `p${s.partition}: batch ${m.baseOffset} (${m.key}, ${m.why}) is not in the log of broker ${s.broker}, leader in epoch ${epoch} (it holds ${have ?? 'nothing'} there, log end ${s.end()})`,
        );
    }
  }

  /** The batch at `b.baseOffset` is committed: it must be the one committed there before. */
  private commit(partition: number, b: BatchId, by: string): void {
    const committed = this.committed[partition] as Map<number, { key: string; by: string }>;
    const key = batchKey(b);
    const known = committed.get(b.baseOffset);
    if (!known) {
      committed.set(b.baseOffset, { key, by });
      this.counts.committedBatches++;
    } else if (known.key !== key)
      this.fail(
        `p${partition}: replicas disagree below the high watermark at offset ${b.baseOffset}: ${by} has ${key}, ${known.by} had ${known.key}`,
      );
  }

  /** At the end: `s` holds every must-stay batch (every replica has caught up by then). */
  checkComplete(s: ReplicaShadow): void {
    for (const m of this.mustStay[s.partition] as MustStay[]) {
      const b = s.batches.get(m.baseOffset);
      const have = b && (m.key.startsWith('crc') ? `crc${b.crc32c}` : batchKey(b));
      if (have !== m.key)
        return this.fail(
          `p${s.partition}: after convergence broker ${s.broker} lacks batch ${m.baseOffset} (${m.key}, ${m.why}); it holds ${have ?? 'nothing'}`,
        );
    }
  }
}
