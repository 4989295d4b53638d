// The leader's half of replication: answering followers' ReplicaFetch and OffsetForLeaderEpoch,
// feeding their progress to the core, advancing the high watermark, and sending the ISR changes
// the core decides.
import { wireFromStored } from '@tributary/log-store';
import { checkLeaderEpoch, decideReplicaFetch, type PartitionLeader } from '@tributary/replication';
import { readError, statusDetailsBytes, TributaryError, tributaryError } from '@tributary/rpc';
import type { OffsetForLeaderEpochRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { ReplicaFetchPartition__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchPartition';
import type { ReplicaFetchPartitionResult } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchPartitionResult';
import type { ReplicaFetchRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchResponse';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import { notLeader, shuttingDown, unknownPartition, type ReplicaContext } from './context';
import type { PartitionReplica } from './partition-replica';

/** Retry delay after an AlterIsr failure that named none (refused, or lost on the way). */
const ALTER_ISR_RETRY_MS = 1000;
/** Retry delay after a fenced AlterIsr, unless newer metadata comes first. */
const ALTER_ISR_FENCED_RETRY_MS = 5000;
/** The default per-partition cap of a ReplicaFetch entry. */
const PARTITION_FETCH_BYTES = 1024 * 1024;

/** The leader core of a replica, or the error to answer for it. */
export function leaderOf(
  ctx: ReplicaContext,
  topic: string,
  partition: number,
  epoch: number | undefined,
): { r: PartitionReplica; core: PartitionLeader } {
  if (ctx.closed()) throw shuttingDown(ctx);
  const r = ctx.replica(topic, partition);
  if (r === undefined) throw unknownPartition(ctx, topic, partition);
  if (epoch !== undefined) {
    const check = checkLeaderEpoch(epoch, r.leaderEpoch);
    if (!check.ok)
      throw tributaryError(check.reason, `${r.name}: ${check.message}`, {
        metadata: { leader_epoch: String(r.leaderEpoch) },
      });
  }
  if (r.role.kind !== 'leader') throw notLeader(ctx, r.name, r.info.leader);
  return { r, core: r.role.core };
}

/** Whether `core` is still the replica's current leader role. */
export function stillLeads(r: PartitionReplica, core: PartitionLeader): boolean {
  return r.role.kind === 'leader' && r.role.core === core;
}

/** The log grew durably: tell the core, and wake whoever waits. */
export function leaderAppended(r: PartitionReplica, core: PartitionLeader): void {
  if (!stillLeads(r, core)) return;
  const end = r.log.logEndOffset;
  if (end > core.logEnd) {
    if (core.localAppended(end)) highWatermarkAdvanced(r, core);
    r.endWaiters.advance(end);
  }
}

export function highWatermarkAdvanced(r: PartitionReplica, core: PartitionLeader): void {
  r.log.setHighWatermark(core.highWatermark);
  r.hwWaiters.advance(core.highWatermark);
}

/** Sends the ISR change the core decides now, if any; the answer comes back to the core. */
export function maybeAlterIsr(ctx: ReplicaContext, r: PartitionReplica, core: PartitionLeader) {
  const change = core.nextIsrChange(ctx.ports.now(), ctx.opts.lagTimeMaxMs);
  if (change === undefined) return;
  ctx.log?.info({ partition: r.name, isr: change.isr, was: core.isr }, 'proposing an ISR change');
  ctx.ports
    .alterIsr({
      topic: r.topic,
      partition: r.partition,
      broker_id: ctx.brokerId,
      broker_epoch: ctx.brokerEpoch(),
      leader_epoch: change.leaderEpoch,
      partition_epoch: change.partitionEpoch,
      isr: change.isr,
    })
    .then(
      (info: PartitionInfo__Output) => {
        if (!stillLeads(r, core)) return;
        if (
          info.leader_epoch === r.info.leader_epoch &&
          info.partition_epoch > r.info.partition_epoch
        )
          r.info = info;
        if (core.isrChangeAccepted(change, assignmentOf(info))) highWatermarkAdvanced(r, core);
      },
      (error: unknown) => {
        if (!stillLeads(r, core)) return;
        const e = readError(error);
        ctx.log?.warn({ partition: r.name, reason: e.reason, err: e.message }, 'AlterIsr failed');
        // Only a refusal on the merits (the epochs matched) certainly changed nothing. Any other
        // failure may hide an applied change (a lost answer; FENCED because this change moved
        // the partition epoch): it stays pending until metadata tells, and is sent again after
        // a delay (long when fenced: the metadata normally settles it first).
        const refused = e.reason === 'INVALID_ARGUMENT';
        const delayMs =
          e.reason === 'FENCED'
            ? ALTER_ISR_FENCED_RETRY_MS
            : (e.retryDelayMs ?? ALTER_ISR_RETRY_MS);
        core.isrChangeFailed(change, {
          outcome: refused ? 'refused' : 'unknown',
          retryAtMs: ctx.ports.now() + delayMs,
        });
      },
    );
}

export function assignmentOf(info: PartitionInfo__Output) {
  return {
    leaderEpoch: info.leader_epoch,
    partitionEpoch: info.partition_epoch,
    replicas: info.replicas,
    isr: info.isr,
  };
}

type Checked =
  | { kind: 'answer'; result: ReplicaFetchPartitionResult }
  | { kind: 'read'; p: ReplicaFetchPartition__Output; r: PartitionReplica; core: PartitionLeader };

/**
 * One partition of a ReplicaFetch before any read: fencing, divergence, log start; a good fetch
 * reports the follower's progress to the core right away.
 */
function checkPartition(
  ctx: ReplicaContext,
  replicaId: number,
  p: ReplicaFetchPartition__Output,
): Checked {
  const base = { topic: p.topic, partition: p.partition };
  let leader: { r: PartitionReplica; core: PartitionLeader };
  try {
    leader = leaderOf(ctx, p.topic, p.partition, p.leader_epoch);
  } catch (error) {
    return { kind: 'answer', result: { ...base, status_details: errorDetails(error) } };
  }
  const { r, core } = leader;
  leaderAppended(r, core);
  const decision = decideReplicaFetch(
    {
      replicaId,
      leaderEpoch: p.leader_epoch,
      fetchOffset: p.fetch_offset,
      lastFetchedEpoch: p.last_fetched_epoch,
    },
    core,
    r.log,
  );
  switch (decision.kind) {
    case 'error':
      return {
        kind: 'answer',
        result: {
          ...base,
          status_details: statusDetailsBytes(decision.reason, `${r.name}: ${decision.message}`),
        },
      };
    case 'diverging':
      return {
        kind: 'answer',
        result: {
          ...base,
          diverging_epoch: { epoch: decision.epoch, end_offset: decision.endOffset },
          batches: [],
          high_watermark: core.highWatermark,
          log_start_offset: r.log.logStartOffset,
        },
      };
    case 'behind-log-start':
      return {
        kind: 'answer',
        result: {
          ...base,
          batches: [],
          high_watermark: core.highWatermark,
          log_start_offset: r.log.logStartOffset,
        },
      };
    case 'read':
      if (core.followerFetched(replicaId, p.fetch_offset, ctx.ports.now()))
        highWatermarkAdvanced(r, core);
      maybeAlterIsr(ctx, r, core);
      return { kind: 'read', p, r, core };
  }
}

function errorDetails(error: unknown): Buffer {
  if (error instanceof TributaryError)
    return statusDetailsBytes(error.reason, error.message, error.options);
  const message = error instanceof Error ? error.message : String(error);
  return statusDetailsBytes('INTERNAL', `internal error: ${message}`);
}

/**
 * ReplicationService.ReplicaFetch at the leader. Long-polls up to max_wait_ms while no
 * partition has data beyond the follower's offset (min_bytes counts as "any data": followers
 * fetch as soon as there is something to replicate).
 */
export async function handleReplicaFetch(
  ctx: ReplicaContext,
  req: ReplicaFetchRequest__Output,
): Promise<Omit<ReplicaFetchResponse, 'header'>> {
  if (ctx.closed()) throw shuttingDown(ctx);
  // A follower process from before its broker re-registered must not count as in sync.
  const registered = ctx.ports.brokerEpoch?.(req.replica_id);
  if (registered !== undefined && req.broker_epoch < registered) {
    const fenced = errorDetails(
      tributaryError(
        'FENCED',
        `broker ${req.replica_id} fetches with broker epoch ${req.broker_epoch}, but its live registration has epoch ${registered}`,
      ),
    );
    const partitions = req.partitions.map((p) => ({
      topic: p.topic,
      partition: p.partition,
      status_details: fenced,
    }));
    return { partitions };
  }
  const checked = req.partitions.map((p) => checkPartition(ctx, req.replica_id, p));
  const reads = checked.filter((c) => c.kind === 'read');
  const waitMs = Math.min(Math.max(0, req.max_wait_ms), ctx.opts.fetchMaxWaitMs);
  const anyData = reads.some((c) => c.r.log.logEndOffset > c.p.fetch_offset);
  if (waitMs > 0 && reads.length === checked.length && reads.length > 0 && !anyData) {
    const waits = reads.map((c) => c.r.endWaiters.wait(c.p.fetch_offset, waitMs));
    await Promise.race(waits.map((w) => w.promise.catch(() => false)));
    for (const w of waits) w.cancel();
    if (ctx.closed()) throw shuttingDown(ctx);
  }
  let budget = req.max_bytes > 0 ? req.max_bytes : ctx.opts.fetchMaxBytes;
  const results: ReplicaFetchPartitionResult[] = [];
  for (const c of checked) {
    if (c.kind === 'answer') {
      results.push(c.result);
      continue;
    }
    const result = await readForFollower(ctx, c, Math.max(1, budget));
    budget -= (result.batches ?? []).reduce((n, b) => n + (b.records as Buffer).length, 0);
    results.push(result);
  }
  return { partitions: results };
}

async function readForFollower(
  ctx: ReplicaContext,
  c: Extract<Checked, { kind: 'read' }>,
  budget: number,
): Promise<ReplicaFetchPartitionResult> {
  const { p, r, core } = c;
  const base = { topic: p.topic, partition: p.partition };
  if (!stillLeads(r, core))
    return { ...base, status_details: errorDetails(notLeader(ctx, r.name, r.info.leader)) };
  try {
    leaderAppended(r, core);
    const maxBytes = Math.min(budget, p.max_bytes > 0 ? p.max_bytes : PARTITION_FETCH_BYTES);
    const end = r.log.logEndOffset;
    const batches = p.fetch_offset < end ? await r.log.read(p.fetch_offset, end, maxBytes) : [];
    return {
      ...base,
      batches: batches.map(wireFromStored),
      high_watermark: core.highWatermark,
      log_start_offset: r.log.logStartOffset,
    };
  } catch (error) {
    return { ...base, status_details: errorDetails(error) };
  }
}

/** ReplicationService.OffsetForLeaderEpoch (KIP-101) at the leader. */
export function offsetForLeaderEpoch(
  ctx: ReplicaContext,
  req: OffsetForLeaderEpochRequest__Output,
): Omit<OffsetForLeaderEpochResponse, 'header'> {
  const { r, core } = leaderOf(ctx, req.topic, req.partition, req.current_leader_epoch);
  if (!core.replicas.includes(req.replica_id) || req.replica_id === ctx.brokerId)
    throw tributaryError('FENCED', `broker ${req.replica_id} is not a follower of ${r.name}`);
  const end = r.log.endOffsetForEpoch(req.leader_epoch);
  return { end: { epoch: end.epoch, end_offset: end.endOffset } };
}
