/**
 * grpc-js handlers of `tributary.coord.v1.ClusterService`: status, membership changes (one
 * server at a time: a new member joins as a learner, catches up, then becomes a voter) and
 * leadership transfer. Member addresses live in the replicated tree under /tributary/members.
 */
import { tributaryError, unary, type Logger } from '@tributary/rpc';
import type { NodeId, Role } from '@tributary/raft';
import type { ClusterServiceHandlers } from '@tributary/rpc/src/generated/tributary/coord/v1/ClusterService';
import type { Member } from '@tributary/rpc/src/generated/tributary/coord/v1/Member';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { ConsensusNode } from '../node/consensus-node';
import type { MemberDirectory } from './member-directory';

const ROLE_NAMES: Record<Role, Member['role']> = {
  leader: 'MEMBER_ROLE_LEADER',
  follower: 'MEMBER_ROLE_FOLLOWER',
  'pre-candidate': 'MEMBER_ROLE_PRE_CANDIDATE',
  candidate: 'MEMBER_ROLE_CANDIDATE',
};
/** How close (in entries) a learner must be to the leader's log before it is promoted. */
const PROMOTE_LAG_ENTRIES_MAX = 1000;
const CATCH_UP_TIMEOUT_MS = 60_000;

export interface ClusterDeps {
  node: () => ConsensusNode;
  members: MemberDirectory;
  header: () => ResponseHeader;
  log: Logger;
}

export function clusterHandlers(d: ClusterDeps): ClusterServiceHandlers {
  return {
    Status: unary(async () => {
      const node = d.node();
      const st = node.raw.status();
      return {
        header: d.header(),
        node_id: st.id,
        leader_id: st.leader,
        term: st.term,
        commit_index: st.commit,
        applied_index: node.appliedIndex,
        revision: node.sm.revision,
        members: members(d),
      };
    }, d.log),
    AddMember: unary(async (r) => {
      requireLeader(d);
      if (r.id <= 0)
        throw tributaryError(
          'INVALID_ARGUMENT',
          `member id must be a positive integer, got ${r.id}`,
        );
      const conf = d.node().confState;
      if (conf.voters.includes(r.id) || (conf.learners.includes(r.id) && r.learner)) {
        throw tributaryError('MEMBER_EXISTS', `member ${r.id} is already in the cluster`);
      }
      await d.members.record(r.id, r.address);
      if (!conf.learners.includes(r.id))
        await d.node().proposeConfChange({ type: 'add-learner', nodeId: r.id });
      if (!r.learner) {
        await waitCaughtUp(d, r.id);
        await d.node().proposeConfChange({ type: 'add-voter', nodeId: r.id });
      }
      return { header: d.header(), members: members(d) };
    }, d.log),
    RemoveMember: unary(async (r) => {
      requireLeader(d);
      const conf = d.node().confState;
      if (!conf.voters.includes(r.id) && !conf.learners.includes(r.id)) {
        throw tributaryError(
          'UNKNOWN_MEMBER',
          `member ${r.id} is not in the cluster (members: ${[...conf.voters, ...conf.learners].join(', ')})`,
        );
      }
      await d.node().proposeConfChange({ type: 'remove-node', nodeId: r.id });
      await d.members.forget(r.id).catch(() => undefined);
      return { header: d.header(), members: members(d) };
    }, d.log),
    TransferLeadership: unary(async (r) => {
      requireLeader(d);
      const node = d.node();
      if (!node.confState.voters.includes(r.target_id)) {
        throw tributaryError(
          'UNKNOWN_MEMBER',
          `member ${r.target_id} is not a voter; leadership can only pass to a voter`,
        );
      }
      const res = node.raw.transferLeadership(r.target_id);
      if (!res.ok) throw tributaryError('NOT_LEADER', `transfer refused: ${res.reason}`);
      const deadline = Date.now() + (r.timeout_ms > 0 ? r.timeout_ms : 5000);
      while (node.leader !== r.target_id && Date.now() < deadline) await sleep(20);
      if (node.leader !== r.target_id)
        throw tributaryError(
          'TIMEOUT',
          `leadership did not pass to ${r.target_id} in time; current leader is ${node.leader}`,
        );
      return { header: d.header(), leader_id: node.leader };
    }, d.log),
  } as ClusterServiceHandlers;
}

function requireLeader(d: ClusterDeps): void {
  const node = d.node();
  if (node.role === 'leader') return;
  const leader = node.leader ? d.members.address(node.leader) : undefined;
  throw tributaryError(
    'NOT_LEADER',
    `membership changes go to the leader${leader ? ` at ${leader}` : ''}`,
    leader ? { leader } : {},
  );
}

function members(d: ClusterDeps): Member[] {
  const node = d.node();
  const st = node.raw.status();
  const conf = node.confState;
  const ids = [...conf.voters, ...conf.learners].sort((a, b) => a - b);
  return ids.map((id) => ({
    id,
    address: d.members.address(id) ?? '',
    role: conf.learners.includes(id)
      ? 'MEMBER_ROLE_LEARNER'
      : id === node.leader
        ? 'MEMBER_ROLE_LEADER'
        : id === st.id
          ? ROLE_NAMES[node.role]
          : 'MEMBER_ROLE_FOLLOWER',
    match_index: st.match.get(id) ?? 0,
  }));
}

/**
 * Waits until the learner has every entry that was committed when the wait began and is within
 * PROMOTE_LAG_ENTRIES_MAX of the leader's log: it is alive and promoting it cannot stall commits.
 */
async function waitCaughtUp(d: ClusterDeps, id: NodeId): Promise<void> {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  const mustHave = d.node().raw.status().commit;
  for (;;) {
    const node = d.node();
    const match = node.raw.status().match.get(id) ?? 0;
    if (match >= mustHave && node.raw.status().lastIndex - match <= PROMOTE_LAG_ENTRIES_MAX) return;
    if (Date.now() > deadline) {
      throw tributaryError(
        'TIMEOUT',
        `learner ${id} did not catch up within ${CATCH_UP_TIMEOUT_MS} ms (has ${match} of ${mustHave}); is it running and reachable?`,
      );
    }
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
