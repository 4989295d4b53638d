/**
 * One coordinator process: composes storage, the consensus node, the peer transport and the
 * gRPC services, and owns their start and stop order.
 */
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { openStore } from '@tributary/log-store';
import type { Role } from '@tributary/raft';
import {
  CLUSTER_RULES,
  contract,
  COORDINATION_RULES,
  countDenials,
  countThrottles,
  createLogger,
  createRegistry,
  createServer,
  guardService,
  METADATA_RULES,
  processSecurity,
  RateQuota,
  refuseMalformed,
  serveObservability,
  type Logger,
  type Authorizer,
  type ObservabilityServer,
  type Rules,
  type TributaryServer,
} from '@tributary/rpc';
import { aclsOf } from '@tributary/coord-state';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import { registerCoordinatorMetrics } from './coordinator-metrics';
import { monotonicMs } from './node/clock';
import { ConsensusNode, type NodeHooks } from './node/consensus-node';
import { NodeMetrics } from './node/node-metrics';
import type { CoordinatorOptions } from './options';
import { clusterHandlers } from './services/cluster-service';
import { CoordinationOps } from './services/coordination-ops';
import { coordinationHandlers } from './services/coordination-service';
import { GroupKeeper } from './services/group-keeper';
import { LockWaiters } from './services/lock-waiters';
import { MemberDirectory } from './services/member-directory';
import { metadataHandlers } from './services/metadata-service';
import { raftHandlers } from './services/raft-service';
import { SessionKeeper } from './services/session-keeper';
import { WatchHub } from './services/watch-hub';
import { refuseRefounding } from './bootstrap-guard';
import { DurableRaftStorage } from './storage/raft-storage';
import { PeerTransport } from './transport/peer-transport';

/** MetadataService methods kept to cluster principals when TLS is on. */
const BROKER_ONLY_METHODS = ['RegisterBroker', 'AlterIsr'];

const SERVICES = [
  'tributary.coord.v1.CoordinationService',
  'tributary.coord.v1.ClusterService',
  'tributary.coord.v1.MetadataService',
];

export interface Coordinator {
  /** Bound gRPC address. */
  address: string;
  metricsAddress: string;
  node: ConsensusNode;
  /** Hands leadership over (if leader), drains calls, stops Raft and closes storage. */
  stop(): Promise<void>;
}

export async function startCoordinator(
  opts: CoordinatorOptions,
  log: Logger = createLogger({ name: 'coordinator', bindings: { node_id: opts.id } }),
): Promise<Coordinator> {
  const security = processSecurity(opts.tls, opts.clusterPrincipals, opts.superUsers);
  const storage = await openStorage(opts, security.channel, log);
  const registry = createRegistry('coordinator', { node_id: String(opts.id) });
  // Services and the node refer to each other; the node is created once its hooks exist.
  const ref: { node?: ConsensusNode } = {};
  const current = () => ref.node as ConsensusNode;
  /** `revision`: the write's own revision; by default the revision of the local state. */
  const header = (revision?: number): ResponseHeader => ({
    cluster_id: opts.clusterId,
    node_id: opts.id,
    term: current().raw.term,
    revision: revision ?? current().sm.revision,
  });

  const transport = new PeerTransport(
    opts.id,
    opts.clusterId,
    {
      unreachable: (peer) => current().reportUnreachable(peer),
      snapshotDone: (peer, ok) => current().reportSnapshot(peer, ok),
    },
    log,
    opts.maxMessageBytes,
    security.channel,
  );
  const members = new MemberDirectory(
    opts.peers,
    (cmd) => current().propose(cmd),
    (id, address) => (address ? transport.setPeer(id, address) : transport.removePeer(id)),
  );
  for (const [id, address] of opts.peers) transport.setPeer(id, address);
  const watches = new WatchHub(() => current().sm);
  const locks = new LockWaiters(() => current().sm);
  const sessions = new SessionKeeper({
    state: () => current().sm,
    role: () => current().role,
    leaderCaughtUp: () => current().leaderCaughtUp(),
    leaderAddress: () => (current().leader ? members.address(current().leader) : undefined),
    proposeAsLeader: (cmd) => current().proposeAsLeader(cmd),
  });

  const groups = new GroupKeeper({
    state: () => current().sm,
    leaderCaughtUp: () => current().leaderCaughtUp(),
    proposeAsLeader: (cmd) => current().proposeAsLeader(cmd),
  });
  const metrics = registerCoordinatorMetrics(registry, {
    node: current,
    watches: () => watches.size,
  });

  const server: TributaryServer = createServer(
    {
      maxMessageBytes: opts.maxMessageBytes,
      maxCallMs: opts.maxCallMs,
      streamIdleMs: opts.streamIdleMs,
    },
    opts.tls,
    log,
  );
  // NOT_SERVING (not an unknown service) until a leader is known.
  for (const s of ['', ...SERVICES]) server.setServing(s, false);
  const hooks: NodeHooks = {
    applied(output) {
      metrics.applied(output);
      members.applied(output);
      sessions.applied(output);
      groups.applied(output);
      watches.applied(output);
      locks.applied(output);
      // Every member applies the same decision; the leader's log is the one operators read.
      if (current().role === 'leader')
        for (const note of output.controllerNotes)
          log.warn({ index: output.index }, `controller: ${note}`);
    },
    restored() {
      members.load(current().sm);
      sessions.restored();
      groups.restored();
      watches.restored();
      locks.restored();
    },
    roleChanged(role: Role, leader) {
      sessions.roleChanged(role);
      groups.roleChanged();
      for (const s of ['', ...SERVICES]) server.setServing(s, leader !== 0);
    },
    confChanged(conf) {
      log.info({ voters: conf.voters, learners: conf.learners }, 'membership changed');
    },
    fatal(error) {
      log.fatal(
        { err: error },
        'consensus loop failed; exiting so that a restart recovers from disk',
      );
      process.exit(1);
    },
  };
  const node = new ConsensusNode(
    {
      id: opts.id,
      tickMs: opts.tickMs,
      electionTicks: opts.electionTicks,
      heartbeatTicks: opts.heartbeatTicks,
      readMode: opts.readMode,
      maxClockDriftRatio: opts.maxClockDriftRatio,
      requestTimeoutMs: opts.requestTimeoutMs,
      pendingProposalsMax: opts.pendingProposalsMax,
      snapshotEveryEntries: opts.snapshotEveryEntries,
      snapshotEveryBytes: opts.snapshotEveryBytes,
      snapshotKeepEntries: opts.snapshotKeepEntries,
      coord: {
        watchHistoryRevisions: opts.watchHistoryRevisions,
        watchHistoryBytes: opts.watchHistoryBytes,
      },
    },
    storage,
    hooks,
    new NodeMetrics(registry),
    log,
    { clock: monotonicMs, defer: setImmediate, seed: randomInt(2 ** 31) },
  );
  ref.node = node;
  node.send = (messages) => transport.send(messages);
  members.load(node.sm);

  const coord = contract().tributary.coord.v1;
  const ops = new CoordinationOps(node, header, locks);
  const acls = security.authorizer(
    () => aclsOf(current().sm),
    countDenials(registry),
    (id) => current().sm.sessionOwner(id),
  );
  const requests = new RateQuota(
    'requests',
    opts.requestQuota,
    security.privileged,
    countThrottles(registry),
  );
  // Each checked call (and each Execute request) counts once against its principal's quota.
  const authorize: Authorizer = (principal, demands) => {
    const refused = acls(principal, demands) ?? requests.refusal(principal);
    if (!refused) requests.charge(principal, 1);
    return refused;
  };
  // Bytes that do not decode are refused as MALFORMED_REQUEST before a handler runs (after
  // the principal check of the peer-only methods); every client call is then authorized
  // (`rules`: what each of its methods demands).
  const add = (
    definition: grpc.ServiceDefinition,
    handlers: grpc.UntypedServiceImplementation,
    rules: Rules | undefined,
    peerOnly?: { service: string; methods?: readonly string[] },
    checkedStreams: readonly string[] = [],
  ) => {
    const service = Object.values(definition)[0]!.path.split('/')[1]!;
    const guarded = rules
      ? guardService(definition, handlers, rules, authorize, service)
      : handlers;
    const checked = refuseMalformed(definition, guarded, checkedStreams);
    server.grpc.addService(
      checked.service,
      peerOnly
        ? security.peerOnly(checked.service, checked.impl, peerOnly.service, peerOnly.methods)
        : checked.impl,
    );
  };
  add(
    coord.CoordinationService.service,
    coordinationHandlers({
      ops,
      sessions,
      watches,
      header,
      log,
      authorize,
    }) as unknown as grpc.UntypedServiceImplementation,
    COORDINATION_RULES,
    undefined,
    ['KeepAlive', 'Execute'],
  );
  add(
    coord.ClusterService.service,
    clusterHandlers({ node: current, members, header, log }) as grpc.UntypedServiceImplementation,
    CLUSTER_RULES,
  );
  // What only a broker does: register (its liveness) and change a partition's ISR.
  add(
    coord.MetadataService.service,
    metadataHandlers({ node: current, watches, header, log }) as grpc.UntypedServiceImplementation,
    METADATA_RULES,
    { service: 'MetadataService', methods: BROKER_ONLY_METHODS },
  );
  // Raft is for members only: another certificate of the same CA must not vote or append.
  add(
    contract().tributary.raft.v1.RaftService.service,
    raftHandlers(current, opts.clusterId, header, log) as grpc.UntypedServiceImplementation,
    undefined,
    { service: 'RaftService' },
    ['Send', 'InstallSnapshot'],
  );
  const address = await server.listen(opts.listen);
  const observability: ObservabilityServer = await serveObservability({
    listen: opts.metricsListen,
    registry,
    readiness: () =>
      current().leader === 0 ? 'no leader known yet (not joined to a quorum)' : undefined,
  });
  const publish = publisher(current, members, opts);
  const ticker = setInterval(() => {
    node.tick();
    sessions.tick();
    groups.tick();
    publish();
  }, opts.tickMs);
  node.start();
  log.info(
    {
      address,
      metrics: observability.address,
      peers: Object.fromEntries(opts.peers),
      dataDir: opts.dataDir,
      ...(security.peers && { principal: security.self, clusterPrincipals: [...security.peers] }),
    },
    security.tls
      ? `coordinator started (mTLS: ${security.clientAuth}, Raft for cluster principals only)`
      : 'coordinator started (no TLS: open on this address, for development)',
  );

  return {
    address,
    metricsAddress: observability.address,
    node,
    async stop() {
      await handOverLeadership(current(), log);
      clearInterval(ticker);
      for (const s of ['', ...SERVICES]) server.setServing(s, false);
      watches.close();
      locks.close();
      await current().stop();
      await server.drain(2000);
      transport.close();
      await storage.close();
      await observability.close();
      log.info('coordinator stopped');
    },
  };
}

/**
 * Opens the Raft log. A founding member (`--initial-cluster-state new`, no `--join`) with an
 * empty directory bootstraps the cluster from `--peers`, unless a peer shows that this member
 * already belonged to it (see bootstrap-guard).
 */
async function openStorage(
  opts: CoordinatorOptions,
  credentials: grpc.ChannelCredentials,
  log: Logger,
): Promise<DurableRaftStorage> {
  const db = await openStore(path.join(opts.dataDir, 'raft'), { warn: (m) => log.warn(m) });
  const founding = opts.initialClusterState === 'new' && !opts.join;
  try {
    if (founding && (await DurableRaftStorage.isEmpty(db)))
      await refuseRefounding(opts.id, opts.peers, credentials);
  } catch (error) {
    await db.close();
    throw error;
  }
  const voters = [...opts.peers.keys()].sort((a, b) => a - b);
  return DurableRaftStorage.open(db, founding ? { voters, learners: [] } : null);
}

/**
 * Records this member's address in the replicated tree once a leader is known (one attempt at
 * a time, until it is there), so that it is recognised if it ever comes back with no data.
 */
function publisher(node: () => ConsensusNode, members: MemberDirectory, opts: CoordinatorOptions) {
  // What peers dial: this member's own --peers entry (in a pod, its DNS name), not the listen
  // address, which may be 0.0.0.0.
  const advertised = opts.peers.get(opts.id) ?? opts.listen;
  let busy = false;
  let done = false;
  return () => {
    const n = node();
    if (busy || done || n.leader === 0) return;
    if (!n.confState.voters.includes(opts.id) && !n.confState.learners.includes(opts.id)) return;
    if (MemberDirectory.recorded(n.sm, opts.id, advertised)) {
      done = true;
      return;
    }
    busy = true;
    void members
      .record(opts.id, advertised)
      .catch(() => undefined)
      .finally(() => (busy = false));
  };
}

/** A leader that stops cleanly passes leadership to its most caught-up voter first. */
async function handOverLeadership(node: ConsensusNode, log: Logger): Promise<void> {
  if (node.role !== 'leader') return;
  const { id: self, match } = node.raw.status();
  const candidates = node.confState.voters.filter((id) => id !== self);
  if (candidates.length === 0) return;
  const target = candidates.reduce((best, id) =>
    (match.get(id) ?? 0) > (match.get(best) ?? 0) ? id : best,
  );
  if (!node.raw.transferLeadership(target).ok) return;
  const deadline = Date.now() + 2000;
  while (node.leader !== target && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  log.info({ to: target, done: node.leader === target }, 'handed leadership over before stopping');
}
