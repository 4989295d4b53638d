/**
 * Prometheus gauges of one coordinator read at scrape time: its Raft position, the coordination
 * service it serves (sessions, watches, nodes), and the cluster as its replicated state
 * describes it (brokers, partitions without a leader or with a short ISR, consumer groups and
 * their committed offsets). The event-driven numbers of the consensus loop are NodeMetrics.
 *
 * Every member exports the cluster view from its own applied state, so the series exist while
 * any member can be scraped; members that have applied the same entries agree, and a query
 * takes `max` over them (docs: operations). Committed offsets are exported here, where they
 * are stored; a partition's high watermark is known only to the broker that leads it
 * (`tributary_broker_partition_high_watermark`), so a group's lag is the difference of the two
 * in PromQL.
 */
import type { ApplyOutput, CoordStateMachine } from '@tributary/coord-state';
import { topicConfig } from '@tributary/coord-state';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ConsensusNode } from './node/consensus-node';

/** At most this many committed-offset series per scrape (group × topic × partition). */
export const GROUP_OFFSET_SERIES_MAX = 10_000;

export interface CoordinatorMetricsSources {
  node: () => ConsensusNode;
  /** Open watch streams on this member (established and waiting). */
  watches: () => number;
}

interface ClusterView {
  brokers: number;
  partitions: number;
  offline: number;
  underReplicated: number;
  underMinIsr: number;
  groups: { group: string; members: number }[];
  offsets: { group: string; topic: string; partition: string; offset: number }[];
  offsetsOmitted: number;
}

export interface CoordinatorMetrics {
  /** Every applied command, in order (counts the sessions it expired). */
  applied(output: ApplyOutput): void;
}

export function registerCoordinatorMetrics(
  registry: Registry,
  sources: CoordinatorMetricsSources,
): CoordinatorMetrics {
  const registers = [registry];
  const node = sources.node;
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(value());
      },
    });

  gauge('tributary_raft_term', 'Current Raft term of this member', () => node().raw.term);
  gauge(
    'tributary_raft_commit_index',
    'Highest log index this member knows to be committed',
    () => node().raw.status().commit,
  );
  gauge(
    'tributary_raft_apply_lag_entries',
    'Committed entries this member has not applied yet (commit index - applied index)',
    () => Math.max(0, node().raw.status().commit - node().appliedIndex),
  );
  gauge('tributary_raft_has_leader', '1 if this member knows a Raft leader, else 0', () =>
    node().leader !== 0 ? 1 : 0,
  );
  gauge(
    'tributary_raft_is_leader',
    '1 if this member is the Raft leader (and runs the controller), else 0',
    () => (node().role === 'leader' ? 1 : 0),
  );
  gauge(
    'tributary_raft_proposals_pending',
    'Writes proposed on this member and not yet answered',
    () => node().pendingProposals,
  );
  new Gauge({
    name: 'tributary_raft_peer_lag_entries',
    help: 'On the leader: entries each other member is behind its commit index (commit - match); absent elsewhere',
    labelNames: ['peer'],
    registers,
    collect() {
      this.reset();
      const st = node().raw.status();
      for (const [peer, match] of st.match)
        if (peer !== st.id) this.set({ peer: String(peer) }, Math.max(0, st.commit - match));
    },
  });

  gauge(
    'tributary_coord_sessions',
    'Open sessions (replicated state)',
    () => node().sm.sessions().length,
  );
  gauge('tributary_coord_watches', 'Watch streams open on this member', sources.watches);
  gauge('tributary_coord_nodes', 'Nodes in the tree (replicated state)', () => node().sm.nodeCount);
  gauge(
    'tributary_coord_revision',
    'Revision of the state of this member',
    () => node().sm.revision,
  );

  const view = memoByRevision(node);
  gauge('tributary_cluster_brokers', 'Live (registered) brokers', () => view().brokers);
  gauge('tributary_cluster_partitions', 'Partitions of every topic', () => view().partitions);
  gauge(
    'tributary_cluster_offline_partitions',
    'Partitions without a leader: no ISR member is live (unclean.leader.election off)',
    () => view().offline,
  );
  gauge(
    'tributary_cluster_under_replicated_partitions',
    'Partitions whose ISR is smaller than their replica set',
    () => view().underReplicated,
  );
  gauge(
    'tributary_cluster_under_min_isr_partitions',
    'Partitions whose ISR is below min.insync.replicas: acks=all produce is refused',
    () => view().underMinIsr,
  );
  gauge(
    'tributary_groups',
    'Consumer groups (with members or committed offsets)',
    () => view().groups.length,
  );
  new Gauge({
    name: 'tributary_group_members',
    help: 'Members of each consumer group',
    labelNames: ['group'],
    registers,
    collect() {
      this.reset();
      for (const g of view().groups) this.set({ group: g.group }, g.members);
    },
  });
  new Gauge({
    name: 'tributary_group_committed_offset',
    help: 'Committed offset of each group, topic and partition (the next offset the group reads)',
    labelNames: ['group', 'topic', 'partition'],
    registers,
    collect() {
      this.reset();
      for (const o of view().offsets)
        this.set({ group: o.group, topic: o.topic, partition: o.partition }, o.offset);
    },
  });
  gauge(
    'tributary_group_committed_offset_series_omitted',
    `Committed offsets not exported because there are more than ${GROUP_OFFSET_SERIES_MAX}`,
    () => view().offsetsOmitted,
  );

  const expired = new Counter({
    name: 'tributary_coord_sessions_expired_total',
    help: 'Sessions ended because their TTL passed without a keep-alive (a client or broker gone)',
    registers,
  });
  return {
    applied(output) {
      const r = output.result;
      if (output.applied && r.ok && r.value.op === 'expire-sessions')
        expired.inc(r.value.expired.length);
    },
  };
}

/** The cluster view of the node's state, recomputed only when its revision moved. */
function memoByRevision(node: () => ConsensusNode): () => ClusterView {
  let at: { sm: CoordStateMachine; revision: number; view: ClusterView } | undefined;
  return () => {
    const sm = node().sm;
    if (at?.sm !== sm || at.revision !== sm.revision)
      at = { sm, revision: sm.revision, view: clusterView(sm) };
    return at.view;
  };
}

export function clusterView(sm: CoordStateMachine): ClusterView {
  const view: ClusterView = {
    brokers: sm.brokers().length,
    partitions: 0,
    offline: 0,
    underReplicated: 0,
    underMinIsr: 0,
    groups: [],
    offsets: [],
    offsetsOmitted: 0,
  };
  for (const name of sm.topicNames()) {
    const topic = sm.topic(name);
    if (topic === undefined) continue;
    const minIsr = Number(topicConfig(topic.configs, 'min.insync.replicas'));
    for (const p of topic.partitions) {
      view.partitions++;
      if (p.leader < 0) view.offline++;
      if (p.isr.length < p.replicas.length) view.underReplicated++;
      if (p.isr.length < minIsr) view.underMinIsr++;
    }
  }
  for (const group of sm.groupIds()) {
    view.groups.push({ group, members: sm.group(group)?.members.length ?? 0 });
    for (const [topic, partitions] of Object.entries(sm.groupOffsets(group)))
      for (const [partition, committed] of Object.entries(partitions)) {
        if (view.offsets.length < GROUP_OFFSET_SERIES_MAX)
          view.offsets.push({ group, topic, partition, offset: committed.offset });
        else view.offsetsOmitted++;
      }
  }
  return view;
}
