import type { ReadOnlyOption } from '../config';
import { Xoshiro128 } from '../random';

/** Everything that shapes one simulated run. A seed plus these options reproduce it exactly. */
export interface SimOptions {
  seed: number;
  /** Initial voters (ids 1..nodes). */
  nodes: number;
  /** Extra ids that membership changes may add as learners (then promote). */
  spareNodes: number;
  /** Ticks of the safety phase (faults on). */
  safetyTicks: number;
  /** Liveness bound: after faults stop, everything must converge within this many ticks. */
  livenessBoundTicks: number;
  electionTick: number;
  heartbeatTick: number;
  preVote: boolean;
  checkQuorum: boolean;
  readOnlyOption: ReadOnlyOption;
  maxInflightMsgs: number;
  maxSizePerMsgBytes: number;
  /** Leader refuses proposals beyond this many uncommitted payload bytes. */
  maxUncommittedEntriesBytes: number;
  /** Probability that a message is lost / duplicated. */
  dropRate: number;
  dupRate: number;
  /** Message delay is uniform in [0, maxDelayTicks] (reordering follows). */
  maxDelayTicks: number;
  /** Per-tick probability of starting a partition, and its maximum length. */
  partitionRate: number;
  partitionTicksMax: number;
  /** Per-tick probability of crashing a node, and its maximum downtime. */
  crashRate: number;
  downTicksMax: number;
  /** Per-tick probabilities of client and admin actions. */
  proposeRate: number;
  proposeBatchMax: number;
  readRate: number;
  confChangeRate: number;
  transferRate: number;
  /** A node snapshots when it has applied this many entries since its last snapshot. */
  snapshotInterval: number;
  /** Entries kept behind a snapshot when compacting. */
  snapshotKeep: number;
  /** Per-round probability that a node processes its Ready (lower = more lost on crash). */
  readyProb: number;
  /**
   * Fraction of node incarnations whose shell behaves like apps/coordinator's: a leader whose
   * Ready changes neither term nor vote sends before it persists, and a hard state whose only
   * change is the commit index is written with the next write, not on its own.
   */
  earlySendRate: number;
  /**
   * Per-Ready probability (faults on) of a crash in the middle of the shell loop: after the
   * early send and before the write, or after the write and before the send.
   */
  midReadyCrashRate: number;
  /**
   * Clock drift bound: every member ticks at its own rate in [1-d, 1+d] ticks per simulated
   * tick (with its own phase); Raft is told d (maxClockDriftRatio) to size its lease.
   */
  clockDriftRatio: number;
  /** Probability that a message is held for electionTick..3·electionTick ticks (faults on). */
  longDelayRate: number;
  /**
   * Per-Ready probability that, between ready() and advance() (the write in flight), the
   * shell steps messages that arrive, ticks, and takes reads and proposals, as a real one does.
   */
  interleaveRate: number;
  /** A removed member keeps running for up to this many ticks after its removal applies. */
  removedLingerTicksMax: number;
  /** Membership changes may remove voters down to this many (1 = a lone voter). */
  minVoters: number;
  /**
   * Up to this many conf changes are proposed at once (via the leader or a follower), and a
   * new one follows as soon as one applies; Raft must refuse or neutralize the extras.
   */
  confBurstMax: number;
  /** Per-tick probability of an explicit campaign() on a random live member (faults on). */
  campaignRate: number;
  /** Probability that a randomized election timeout is the minimum, electionTick. */
  minElectionTimeoutRate: number;
  /**
   * Per-tick probability (faults on) that a member's inbox turns slow for a while (the leader's
   * half the time): what reaches its host waits electionTick/3..electionTick ticks before it is
   * stepped, as behind a busy event loop whose timer still fires. Being past the wire, waiting
   * messages survive a partition: acks that arrive late but still count (for leases).
   */
  slowInboxRate: number;
  /**
   * Probability (faults on) that a member crashes and restarts at once just as a (pre-)vote
   * request reaches it: it steps the request fresh from disk, maybe inside a lease it acked.
   */
  restartAtVoteRate: number;
  /** Events kept for the failure trace. */
  traceSize: number;
}

export const DEFAULT_LIVENESS_BOUND_ELECTIONS = 30;

/**
 * Swarm testing: every seed draws its own options (fault mix, protocol switches, windows),
 * then `overrides` pin whatever the caller fixed (e.g. the node count).
 */
export function randomOptions(seed: number, overrides: Partial<SimOptions> = {}): SimOptions {
  const r = new Xoshiro128(seed ^ 0x5eed);
  const electionTick = 10;
  const checkQuorum = r.chance(0.6);
  const faulty = r.chance(0.85);
  const base: SimOptions = {
    seed,
    nodes: r.chance(0.5) ? 3 : 5,
    spareNodes: r.int(3),
    safetyTicks: 200 + r.int(150),
    livenessBoundTicks: DEFAULT_LIVENESS_BOUND_ELECTIONS * electionTick,
    electionTick,
    heartbeatTick: 1 + r.int(3),
    preVote: r.chance(0.6),
    checkQuorum,
    readOnlyOption: checkQuorum && r.chance(0.4) ? 'lease' : 'safe',
    maxInflightMsgs: r.pick([1, 2, 4, 16, 256]),
    maxSizePerMsgBytes: r.pick([256, 4096, 1 << 20]),
    maxUncommittedEntriesBytes: r.pick([512, 4096]),
    dropRate: faulty ? r.pick([0, 0.01, 0.05, 0.15]) : 0,
    dupRate: faulty ? r.pick([0, 0.01, 0.05]) : 0,
    maxDelayTicks: r.pick([0, 1, 2, 4]),
    partitionRate: faulty ? r.pick([0, 0.005, 0.02, 0.05]) : 0,
    partitionTicksMax: r.pick([10, 30, 80]),
    crashRate: faulty ? r.pick([0, 0.005, 0.02, 0.04]) : 0,
    downTicksMax: r.pick([5, 20, 60]),
    proposeRate: r.pick([0.05, 0.2, 0.4]),
    proposeBatchMax: r.pick([1, 2, 5]),
    readRate: r.pick([0, 0.1, 0.3]),
    confChangeRate: r.pick([0, 0.01, 0.05]),
    transferRate: r.pick([0, 0.005, 0.02]),
    snapshotInterval: r.pick([3, 10, 30, 1000]),
    snapshotKeep: r.pick([0, 2, 10]),
    readyProb: r.pick([0.5, 0.8, 1]),
    traceSize: 120,
    earlySendRate: 0,
    midReadyCrashRate: 0,
    clockDriftRatio: 0,
    longDelayRate: 0,
    interleaveRate: 0,
    removedLingerTicksMax: 0,
    minVoters: 0,
    confBurstMax: 1,
    campaignRate: 0,
    minElectionTimeoutRate: 0,
    slowInboxRate: 0,
    restartAtVoteRate: 0,
  };
  // A fifth of the seeds run a harsh leader-churn profile (no pre-vote or check-quorum, small
  // messages, one append in flight, frequent crashes): it is what exposes Figure-8 style bugs.
  const churn: Partial<SimOptions> = r.chance(0.2) ? CHURN_PROFILE : {};
  const drawn = { ...base, ...churn, ...overrides };
  drawShellAndClockOptions(r, drawn, faulty);
  // Of the rest, a fifth run the lease profile: lease reads under the faults that test them.
  const lease: Partial<SimOptions> = churn !== CHURN_PROFILE && r.chance(0.2) ? LEASE_PROFILE : {};
  const merged = { ...drawn, ...lease, ...overrides };
  // Half the lease seeds at the drift bound (shorter leases), half without drift.
  if (lease === LEASE_PROFILE && overrides.clockDriftRatio === undefined) {
    merged.clockDriftRatio = r.pick([0, 0.1]);
  }
  if (!merged.checkQuorum) merged.readOnlyOption = 'safe'; // lease reads need check-quorum
  drawLateFaultOptions(seed, merged, faulty, overrides);
  return merged;
}

/**
 * Faults added after the rest, drawn from their own stream so that every other option of every
 * seed stays what it was (a seed that reproduced a failure still does).
 */
function drawLateFaultOptions(
  seed: number,
  o: SimOptions,
  faulty: boolean,
  overrides: Partial<SimOptions>,
): void {
  const r = new Xoshiro128(seed ^ 0x51a7e);
  // Lease seeds most: late acks and restarts inside a lease are what leases must survive.
  const lease = o.readOnlyOption === 'lease';
  const slow = faulty ? r.pick(lease ? [0, 0.01, 0.03] : [0, 0, 0, 0.01]) : 0;
  const restart = faulty ? r.pick(lease ? [0, 0.1, 0.3] : [0, 0, 0, 0.1]) : 0;
  o.slowInboxRate = overrides.slowInboxRate ?? slow;
  o.restartAtVoteRate = overrides.restartAtVoteRate ?? restart;
}

/** The options for what the first simulator missed: the shell's early send, drift, etc. */
function drawShellAndClockOptions(r: Xoshiro128, o: SimOptions, faulty: boolean): void {
  o.earlySendRate = r.pick([0, 0.5, 1]);
  o.midReadyCrashRate = faulty ? r.pick([0, 0, 0.002, 0.01]) : 0;
  o.clockDriftRatio = r.pick([0, 0, 0.02, 0.05, 0.1]);
  o.longDelayRate = faulty ? r.pick([0, 0, 0.002, 0.01]) : 0;
  o.interleaveRate = r.pick([0, 0.2, 0.6]);
  o.removedLingerTicksMax = r.pick([0, 10, 40]);
  o.minVoters = r.chance(0.3) ? r.pick([1, 1, 1 + r.int(o.nodes)]) : o.nodes;
  if (o.minVoters < o.nodes) o.spareNodes += o.nodes - o.minVoters;
  o.confBurstMax = r.pick([1, 1, 2, 3]);
  o.campaignRate = faulty ? r.pick([0, 0.005, 0.02, 0.05]) : 0;
  o.minElectionTimeoutRate = r.pick([0, 0, 0.5, 0.9]);
}

export const CHURN_PROFILE: Partial<SimOptions> = {
  maxSizePerMsgBytes: 256,
  maxInflightMsgs: 1,
  crashRate: 0.04,
  downTicksMax: 20,
  dropRate: 0.05,
  partitionRate: 0.05,
  partitionTicksMax: 30,
  snapshotInterval: 1000,
  proposeRate: 0.6,
  proposeBatchMax: 10,
  preVote: false,
  checkQuorum: false,
  readyProb: 0.5,
  maxDelayTicks: 2,
};

/**
 * Lease reads meet what can end a lease early: a follower cut from the leader alone (which
 * then campaigns), campaign() inside the lease, elections at the minimum timeout, quick
 * restarts, and many reads at every node that thinks it leads (drift and transfers as drawn).
 */
export const LEASE_PROFILE: Partial<SimOptions> = {
  checkQuorum: true,
  readOnlyOption: 'lease',
  readRate: 0.3,
  campaignRate: 0.05,
  partitionRate: 0.05,
  partitionTicksMax: 30,
  minElectionTimeoutRate: 0.5,
  crashRate: 0.02,
  downTicksMax: 5,
};

/** One-line summary of the options that matter when reading a failure. */
export function describeOptions(o: SimOptions): string {
  const parts = [
    `seed=${o.seed} nodes=${o.nodes}+${o.spareNodes} ticks=${o.safetyTicks}`,
    `preVote=${o.preVote} checkQuorum=${o.checkQuorum} read=${o.readOnlyOption}`,
    `election=${o.electionTick} heartbeat=${o.heartbeatTick} inflight=${o.maxInflightMsgs} msgBytes=${o.maxSizePerMsgBytes} uncommitted≤${o.maxUncommittedEntriesBytes}B`,
    `drop=${o.dropRate} dup=${o.dupRate} delay≤${o.maxDelayTicks} partition=${o.partitionRate}/≤${o.partitionTicksMax}t`,
    `crash=${o.crashRate}/≤${o.downTicksMax}t ready=${o.readyProb} propose=${o.proposeRate}x${o.proposeBatchMax}`,
    `read=${o.readRate} conf=${o.confChangeRate} transfer=${o.transferRate} snapshot=${o.snapshotInterval}/keep ${o.snapshotKeep}`,
    `earlySend=${o.earlySendRate} midReadyCrash=${o.midReadyCrashRate} drift≤${o.clockDriftRatio} longDelay=${o.longDelayRate} interleave=${o.interleaveRate}`,
    `removedLinger≤${o.removedLingerTicksMax}t minVoters=${o.minVoters} confBurst≤${o.confBurstMax} campaign=${o.campaignRate} minTimeout=${o.minElectionTimeoutRate}`,
    `slowInbox=${o.slowInboxRate} restartAtVote=${o.restartAtVoteRate}`,
  ];
  return parts.join('\n  ');
}
