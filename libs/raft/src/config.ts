import { assert } from './errors';
import type { Random } from './random';
import type { NodeId } from './types';

export type ReadOnlyOption = 'safe' | 'lease';

export interface RaftConfig {
  /** This node's id, ≥ 1. */
  id: NodeId;
  /** Base election timeout in ticks; the randomized timeout is in [electionTick, 2·electionTick). */
  electionTick: number;
  /** Leader heartbeat interval in ticks; must be < electionTick. */
  heartbeatTick: number;
  /** Source of randomness for election timeouts. */
  random: Random;
  /**
   * Last index the application's state machine already reflects (on restart: the index of the
   * snapshot it restored). Committed entries after it are handed out again. Default:
   * storage.firstIndex() - 1.
   */
  applied?: number;
  /** Byte cap of the entries in one append message (at least one entry is always sent). */
  maxSizePerMsgBytes?: number;
  /** Byte cap of committed entries handed out in one Ready (at least one). */
  maxCommittedSizePerReadyBytes?: number;
  /** Pipelining window: max append messages in flight per follower (replicate state). */
  maxInflightMsgs?: number;
  /** Leader refuses proposals once this many payload bytes are uncommitted. */
  maxUncommittedEntriesBytes?: number;
  /** Max ReadIndex requests queued at the leader (more are dropped). */
  maxPendingReads?: number;
  /** §6.2 / §9.6: leader steps down without a quorum; followers with a leader ignore votes. */
  checkQuorum?: boolean;
  /** §9.6: campaign with a pre-vote round first so partitioned nodes do not bump terms. */
  preVote?: boolean;
  /**
   * 'safe': ReadIndex confirms leadership with a heartbeat round. 'lease': the leader answers
   * from its lease (valid for electionTick after a quorum acked a heartbeat); correct only if
   * clocks (tick rates) drift by a bounded amount and requires checkQuorum.
   */
  readOnlyOption?: ReadOnlyOption;
  /**
   * Lease mode: the bound d on tick-rate drift between members (every member ticks at a rate
   * within [1-d, 1+d] of real time), in [0, 1). The leader's lease is shortened to
   * floor((electionTick - 1)·(1 - d)/(1 + d)) ticks from the heartbeat a quorum acked, so it ends
   * before any follower that acked can vote again (the -1 covers tick phases). Default 0.
   */
  maxClockDriftRatio?: number;
}

export type ResolvedConfig = Required<RaftConfig>;

/** Ticks a leader's lease lasts after the heartbeat a quorum acked (see maxClockDriftRatio). */
export function leaseTicks(cfg: ResolvedConfig): number {
  const d = cfg.maxClockDriftRatio;
  return Math.floor(((cfg.electionTick - 1) * (1 - d)) / (1 + d));
}

export function resolveConfig(c: RaftConfig): ResolvedConfig {
  assert(c.id >= 1 && Number.isInteger(c.id), `config: id must be a positive integer, got ${c.id}`);
  assert(c.heartbeatTick >= 1, 'config: heartbeatTick must be ≥ 1');
  assert(c.electionTick > c.heartbeatTick, 'config: electionTick must be > heartbeatTick');
  const r: ResolvedConfig = {
    id: c.id,
    electionTick: c.electionTick,
    heartbeatTick: c.heartbeatTick,
    random: c.random,
    applied: c.applied ?? 0,
    maxSizePerMsgBytes: c.maxSizePerMsgBytes ?? 1024 * 1024,
    maxCommittedSizePerReadyBytes: c.maxCommittedSizePerReadyBytes ?? 64 * 1024 * 1024,
    maxInflightMsgs: c.maxInflightMsgs ?? 256,
    maxUncommittedEntriesBytes: c.maxUncommittedEntriesBytes ?? Infinity,
    maxPendingReads: c.maxPendingReads ?? 4096,
    checkQuorum: c.checkQuorum ?? false,
    preVote: c.preVote ?? false,
    readOnlyOption: c.readOnlyOption ?? 'safe',
    maxClockDriftRatio: c.maxClockDriftRatio ?? 0,
  };
  assert(
    r.maxClockDriftRatio >= 0 && r.maxClockDriftRatio < 1,
    `config: maxClockDriftRatio must be in [0, 1), got ${r.maxClockDriftRatio}`,
  );
  assert(r.maxInflightMsgs >= 1, 'config: maxInflightMsgs must be ≥ 1');
  assert(r.maxSizePerMsgBytes >= 1, 'config: maxSizePerMsgBytes must be ≥ 1');
  assert(
    r.readOnlyOption === 'safe' || r.checkQuorum,
    "config: readOnlyOption 'lease' requires checkQuorum",
  );
  return r;
}
