// Original file: protos/tributary/coord/v1/cluster.proto

/**
 * Role of a member in the Raft group.
 */
export const MemberRole = {
  /**
   * Not known to the answering node (e.g. a peer it has not heard from).
   */
  MEMBER_ROLE_UNSPECIFIED: 'MEMBER_ROLE_UNSPECIFIED',
  /**
   * The leader of the current term.
   */
  MEMBER_ROLE_LEADER: 'MEMBER_ROLE_LEADER',
  /**
   * A voter following the leader.
   */
  MEMBER_ROLE_FOLLOWER: 'MEMBER_ROLE_FOLLOWER',
  /**
   * A voter running a pre-vote (it has not increased its term).
   */
  MEMBER_ROLE_PRE_CANDIDATE: 'MEMBER_ROLE_PRE_CANDIDATE',
  /**
   * A voter campaigning in an election.
   */
  MEMBER_ROLE_CANDIDATE: 'MEMBER_ROLE_CANDIDATE',
  /**
   * A non-voting member catching up before promotion.
   */
  MEMBER_ROLE_LEARNER: 'MEMBER_ROLE_LEARNER',
} as const;

/**
 * Role of a member in the Raft group.
 */
export type MemberRole =
  /**
   * Not known to the answering node (e.g. a peer it has not heard from).
   */
  | 'MEMBER_ROLE_UNSPECIFIED'
  | 0
  /**
   * The leader of the current term.
   */
  | 'MEMBER_ROLE_LEADER'
  | 1
  /**
   * A voter following the leader.
   */
  | 'MEMBER_ROLE_FOLLOWER'
  | 2
  /**
   * A voter running a pre-vote (it has not increased its term).
   */
  | 'MEMBER_ROLE_PRE_CANDIDATE'
  | 3
  /**
   * A voter campaigning in an election.
   */
  | 'MEMBER_ROLE_CANDIDATE'
  | 4
  /**
   * A non-voting member catching up before promotion.
   */
  | 'MEMBER_ROLE_LEARNER'
  | 5

/**
 * Role of a member in the Raft group.
 */
export type MemberRole__Output = typeof MemberRole[keyof typeof MemberRole]
