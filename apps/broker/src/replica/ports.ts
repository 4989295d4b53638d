// What the ReplicaManager needs from the world, so the same code runs in the broker process
// (gRPC peers, the coordinator link) and in the simulation (virtual time and network).
import type { Logger } from '@tributary/rpc';
import type { OffsetForLeaderEpochRequest } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { ReplicaFetchRequest } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchResponse';
import type { AlterIsrRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/AlterIsrRequest';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { SetTimer } from './timer';

export interface ReplicaPorts {
  /** Monotonic milliseconds (lag times, deadlines). */
  now(): number;
  /** Milliseconds since the Unix epoch (append times, retention, batch timestamp checks). */
  wallClock(): number;
  replicaFetch(leaderId: number, req: ReplicaFetchRequest): Promise<ReplicaFetchResponse__Output>;
  offsetForLeaderEpoch(
    leaderId: number,
    req: OffsetForLeaderEpochRequest,
  ): Promise<OffsetForLeaderEpochResponse__Output>;
  /** Sends AlterIsr to the coordinators; rejects with TributaryError (FENCED, …). */
  alterIsr(req: AlterIsrRequest): Promise<PartitionInfo__Output>;
  /** `host:port` of a live broker, for NOT_LEADER's metadata.leader. */
  brokerAddress(brokerId: number): string | undefined;
  /** The epoch of a broker's live registration, if known: older incarnations are fenced. */
  brokerEpoch?(brokerId: number): number | undefined;
  /** Timers; default real ones. The simulation passes virtual ones. */
  setTimer?: SetTimer;
  log?: Logger;
}

export interface ReplicaManagerOptions {
  /** replica.lag.time.max.ms: an ISR follower not caught up for this long is removed. */
  lagTimeMaxMs: number;
  /** Longest wait of a follower's ReplicaFetch at the leader. */
  fetchMaxWaitMs: number;
  /** Soft cap on one ReplicaFetch response's bytes. */
  fetchMaxBytes: number;
  /** How often retention and compaction run. */
  retentionCheckMs: number;
}

export const DEFAULT_REPLICA_OPTIONS: ReplicaManagerOptions = {
  lagTimeMaxMs: 10_000,
  fetchMaxWaitMs: 500,
  fetchMaxBytes: 8 * 1024 * 1024,
  retentionCheckMs: 30_000,
};
