/**
 * What a member accepts from the network as Raft input. A peer batch is refused whole when it
 * is empty, claims another sender, is addressed to another member, comes from a member that was
 * removed, or proposes an entry this cluster would never write: only the coordinators' own
 * framed, decodable commands may be proposed, and only by members (membership changes are
 * proposed on the leader itself, never forwarded). Anything committed must apply, so garbage is
 * stopped here.
 *
 * An id this member does not know is not refused, as etcd does not: a member that lags behind a
 * membership change must still hear from a leader it has not applied the addition of (the
 * simulator found it stuck forever otherwise). Who the sender really is comes with peer
 * authentication; this checks what it says.
 */
import type { ConfState, Message, NodeId } from '@tributary/raft';
import { decodeCommand } from '@tributary/coord-state';
import type { Reason } from '@tributary/rpc';
import { unframeProposal } from './proposal-frame';

export type PeerVerdict = { ok: true } | { ok: false; reason: Reason; message: string };

const refuse = (reason: Reason, message: string): PeerVerdict => ({ ok: false, reason, message });

export function checkPeerBatch(
  from: NodeId,
  messages: Message[],
  self: NodeId,
  conf: ConfState,
  removed: ReadonlySet<NodeId>,
): PeerVerdict {
  if (messages.length === 0) return refuse('MALFORMED_PEER_MESSAGE', 'empty raft batch');
  if (removed.has(from))
    return refuse('NOT_A_MEMBER', `raft batch from ${from}, which was removed from this cluster`);
  // A joiner before its first snapshot knows no members: it only listens.
  const configured = conf.voters.length + conf.learners.length > 0;
  const member = !configured || conf.voters.includes(from) || conf.learners.includes(from);
  for (const m of messages) {
    if (m.from !== from || m.to !== self)
      return refuse(
        'MALFORMED_PEER_MESSAGE',
        `raft message ${m.from} → ${m.to} in a batch from ${from} to ${self}`,
      );
    if ((m.type === 'prop' || m.type === 'read-index') && !member)
      return refuse(
        'NOT_A_MEMBER',
        `${m.type} from ${from}, which is not a member of this cluster`,
      );
    if (m.type === 'prop') {
      const bad = checkProposal(m);
      if (bad) return refuse('MALFORMED_PEER_MESSAGE', bad);
    }
  }
  return { ok: true };
}

function checkProposal(m: Message): string | undefined {
  if (m.entries.length === 0) return `proposal from ${m.from} carries no entries`;
  for (const e of m.entries) {
    if (e.type !== 'normal') return `proposal from ${m.from} carries a ${e.type} entry`;
    // Not checked against m.from: a proposal re-forwarded by a member that lost track of the
    // leader arrives from that member, framed by its origin.
    const frame = unframeProposal(e.data);
    if (!frame) return `proposal from ${m.from}: entry shorter than a proposal frame`;
    const cmd = decodeCommand(frame.command);
    if (!cmd.ok) return `proposal from ${m.from} does not decode: ${cmd.error.message}`;
  }
  return undefined;
}
