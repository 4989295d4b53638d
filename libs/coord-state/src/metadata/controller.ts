// The controller's decisions, as pure functions of one partition's record and the live
// brokers. The state machine applies them inside the command that caused them (a broker's
// session ending, a broker registering, an ISR change), so a failover is atomic with its
// cause and there is nothing to resume after a coordinator leader change: every replica
// makes the same decision at the same index.

import { type PartitionRecord, NO_LEADER, inReplicaOrder } from './records';

export interface Decision {
  partition: PartitionRecord;
  /** What happened, for the operator's log, when it deserves a line. */
  note?: string;
}

function changed(p: PartitionRecord, next: Partial<PartitionRecord>, leaderMoved: boolean) {
  return {
    ...p,
    ...next,
    leaderEpoch: leaderMoved ? p.leaderEpoch + 1 : p.leaderEpoch,
    partitionEpoch: p.partitionEpoch + 1,
  };
}

/**
 * Broker `gone` has left the cluster (its session ended). It leaves the ISR, unless it is the
 * last member: then the partition goes offline with the ISR kept, so that broker (holding
 * every acknowledged record) is the one elected when it returns. With `unclean`, a live
 * out-of-sync replica is elected instead, and records may be lost: the note says so.
 */
export function withoutBroker(
  p: PartitionRecord,
  gone: number,
  live: ReadonlySet<number>,
  unclean: boolean,
): Decision {
  if (!p.replicas.includes(gone)) return { partition: p };
  const isr = p.isr.filter((b) => b !== gone);
  const leaderGone = p.leader === gone;
  if (isr.length > 0) {
    if (!leaderGone)
      return isr.length === p.isr.length
        ? { partition: p }
        : { partition: changed(p, { isr }, false) };
    const leader = isr.find((b) => live.has(b)) ?? isr[0]!;
    return { partition: changed(p, { leader, isr }, true) };
  }
  // `gone` was the last in-sync replica.
  const survivor = unclean ? p.replicas.find((b) => b !== gone && live.has(b)) : undefined;
  if (survivor !== undefined)
    return {
      partition: changed(p, { leader: survivor, isr: [survivor] }, true),
      note: `unclean leader election: broker ${survivor} leads without every acknowledged record (last in-sync replica ${gone} is gone)`,
    };
  if (!leaderGone && p.leader === NO_LEADER) return { partition: p };
  return {
    partition: changed(p, { leader: NO_LEADER, isr: p.isr }, true),
    note: `offline: its last in-sync replica, broker ${gone}, is gone; it returns when that broker does${unclean ? '' : ' (unclean.leader.election is false)'}`,
  };
}

/**
 * Broker `back` has registered. An offline partition whose last in-sync replica it is gets it
 * as leader again; with `unclean`, an offline partition takes any live replica.
 */
export function withBrokerBack(
  p: PartitionRecord,
  back: number,
  live: ReadonlySet<number>,
  unclean: boolean,
): Decision {
  if (p.leader !== NO_LEADER || !p.replicas.includes(back)) return { partition: p };
  if (p.isr.includes(back)) return { partition: changed(p, { leader: back, isr: [back] }, true) };
  if (unclean && live.has(back))
    return {
      partition: changed(p, { leader: back, isr: [back] }, true),
      note: `unclean leader election: broker ${back} leads an offline partition without every acknowledged record`,
    };
  return { partition: p };
}

/**
 * After an ISR change: a reassignment whose new replicas are all in sync completes (the
 * replicas being removed leave, leadership leaves them), and leadership returns to the
 * preferred replica (the first) once it is live and in sync.
 */
export function afterIsrChange(p: PartitionRecord, live: ReadonlySet<number>): Decision {
  let next = p;
  if (
    p.addingReplicas.length + p.removingReplicas.length > 0 &&
    p.addingReplicas.every((b) => p.isr.includes(b))
  ) {
    const removing = new Set(p.removingReplicas);
    const replicas = p.replicas.filter((b) => !removing.has(b));
    const isr = inReplicaOrder(replicas, p.isr);
    const leader = removing.has(p.leader) ? (isr.find((b) => live.has(b)) ?? isr[0]!) : p.leader;
    next = changed(
      p,
      {
        replicas,
        isr,
        leader,
        addingReplicas: [],
        removingReplicas: [],
        throttleBytesPerSec: undefined,
      },
      leader !== p.leader,
    );
  }
  const preferred = next.replicas[0]!;
  if (
    next.leader !== preferred &&
    next.leader !== NO_LEADER &&
    next.isr.includes(preferred) &&
    live.has(preferred)
  )
    next = changed(next, { leader: preferred }, true);
  return { partition: next };
}
