/**
 * @tributary/replication: the pure replica decisions of one partition (no I/O, no timers; time
 * is an argument). Leader side: follower progress, the high watermark over the maximal ISR,
 * ISR shrink/expand proposals; follower side: truncation by leader epoch, applying fetch
 * answers; leader-epoch fencing for both.
 */
export { AssertionError } from './assert';
export { type EpochCheck, checkLeaderEpoch } from './fencing';
export {
  type IsrChange,
  type IsrFailure,
  type LeaderInit,
  type PartitionAssignment,
  type ReplicaProgress,
  PartitionLeader,
} from './leader';
export {
  type BatchSpan,
  type EpochEnd,
  type FetchPlan,
  type FollowerLogView,
  type LogStep,
  fetchPosition,
  followerHighWatermark,
  followLogStart,
  planFetchApply,
  truncationStep,
} from './follower';
export {
  type LeaderLogView,
  type ReplicaFetchAsk,
  type ReplicaFetchDecision,
  decideReplicaFetch,
} from './replica-fetch';
