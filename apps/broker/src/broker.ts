/**
 * One broker process: composes the partition logs, the ReplicaManager, the coordinator link and
 * the gRPC services, and owns their start and stop order.
 *
 * Start: open the logs, listen, then register and follow the metadata (peers may fetch from this
 * broker as soon as the controller names it). Ready (/readyz, gRPC health) once registered and a
 * metadata snapshot has arrived.
 *
 * Stop: CloseSession first — the controller moves every leadership this broker holds to an ISR
 * member in the same Raft write — then wait (briefly) for that metadata to arrive so in-flight
 * produce calls end NOT_LEADER, then drain calls, stop the replicas and close the logs.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as grpc from '@grpc/grpc-js';
import { LogStore, openStore } from '@tributary/log-store';
import {
  contract,
  createLogger,
  createRegistry,
  createServer,
  processSecurity,
  serveObservability,
  refuseMalformed,
  BROKER_RULES,
  countDenials,
  countThrottles,
  guardService,
  RateQuota,
  type Logger,
} from '@tributary/rpc';
import { BrokerMetrics, timedReplicas } from './broker-metrics';
import { CoordinatorLink } from './coordinators/coordinator-link';
import type { BrokerOptions } from './options';
import { PeerClients } from './peers/peer-clients';
import { ReplicaManager } from './replica/replica-manager';
import { brokerHandlers, type BrokerServiceDeps } from './services/broker-service';
import { replicationHandlers } from './services/replication-service';

const SERVICES = ['tributary.broker.v1.BrokerService', 'tributary.broker.v1.ReplicationService'];
/** ReplicaManager.tick period: ISR shrink checks, retention and compaction scheduling. */
const TICK_MS = 100;
/** Longest wait, on stop, for the metadata showing this broker's leaderships moved. */
const HANDOVER_WAIT_MS = 3_000;
const DRAIN_GRACE_MS = 2_000;
/** After a storage failure, how long closing the session (for a prompt failover) may take. */
const FATAL_EXIT_GRACE_MS = 1_000;

export interface Broker {
  /** Bound gRPC address. */
  address: string;
  metricsAddress: string;
  /** Hands leadership over (CloseSession), drains calls, stops replication, closes the logs. */
  stop(): Promise<void>;
}

/**
 * RocksDB's defaults (4 MiB memtables, 2 MiB files, snappy) suit small values, not a log: a
 * 4 MiB memtable flushes every few hundred batches and a group-committed write can exceed it.
 * Payloads are stored as the producer sent them, compressed or not, as Kafka's
 * `compression.type=producer` does; snappy over them costs CPU on every flush, compaction and
 * read. Memory: up to two memtables, 128 MiB, beside the 64 MiB tail cache.
 */
const LOG_ROCKS_TUNING = { writeBufferBytes: 64 << 20, maxFileBytes: 64 << 20, compression: false };

export async function startBroker(
  opts: BrokerOptions,
  log: Logger = createLogger({ name: 'broker', bindings: { broker_id: opts.id } }),
): Promise<Broker> {
  const security = processSecurity(opts.tls, opts.clusterPrincipals, opts.superUsers);
  const ref: { link?: CoordinatorLink } = {};
  const kv = await openStore(path.join(opts.dataDir, 'log'), {
    tuning: LOG_ROCKS_TUNING,
    warn: (m) => log.warn(m),
  });
  const store = await LogStore.open(kv, {
    // The store is fail-stop: serving on would hold leaderships it can no longer write.
    onWriteFailed: (error) => {
      log.fatal(
        { err: error },
        'a synced log write failed; exiting so that a restart recovers from disk (check the disk under --data-dir)',
      );
      const sessionClosed = ref.link?.closeSession() ?? Promise.resolve();
      void Promise.race([sessionClosed, new Promise((r) => setTimeout(r, FATAL_EXIT_GRACE_MS))])
        .catch(() => undefined)
        .finally(() => process.exit(1));
    },
    // Every batch is checked at start-up: a damaged one is cut off and fetched again from the
    // leader, never served or carried into an election.
    // (Test-only plant: TRIBUTARY_TEST_PLANT_SKIP_LOG_VERIFY=1 turns it off, to show the
    // corrupt-replica test catches a broker that keeps its damaged batch.)
    verify: process.env['TRIBUTARY_TEST_PLANT_SKIP_LOG_VERIFY'] !== '1',
    onCorrupt: (c) =>
      log.warn(
        {
          topic: c.topic,
          partition: c.partition,
          offset: c.offset,
          log_end_before: c.logEndBefore,
        },
        `stored batch of ${c.topic}/${c.partition} at offset ${c.offset} is damaged (${c.reason}): log truncated to ${c.offset} (was ${c.logEndBefore}); the replica fetches it again from the leader`,
      ),
  });
  const v = store.verification;
  if (v)
    log.info(
      { ...v, records_per_s: Math.round(v.records / Math.max(v.ms / 1000, 1e-3)) },
      `verified ${v.batches} stored batches (${v.records} records, ${v.bytes} bytes) of ${v.partitions} partitions in ${Math.round(v.ms)} ms`,
    );
  const registry = createRegistry('broker', { broker_id: String(opts.id) });
  const server = createServer(
    {
      maxMessageBytes: opts.maxMessageBytes,
      maxCallMs: opts.maxCallMs,
      streamIdleMs: opts.streamIdleMs,
    },
    opts.tls,
    log,
  );
  for (const s of ['', ...SERVICES]) server.setServing(s, false);
  let address: string;
  try {
    address = await server.listen(opts.listen);
  } catch (error) {
    await store.close();
    throw error;
  }
  // `--listen` with port 0 (tests): register the port actually bound.
  const advertise = opts.advertise === opts.listen ? address : opts.advertise;

  const brokerAddress = (id: number) => ref.link?.cache.broker(id)?.address;
  const peers = new PeerClients(brokerAddress, opts.maxMessageBytes, security.channel);
  const replicas = new ReplicaManager(
    opts.id,
    store,
    {
      now: () => performance.now(),
      wallClock: () => Date.now(),
      replicaFetch: (leader, req) => peers.replicaFetch(leader, req),
      offsetForLeaderEpoch: (leader, req) => peers.offsetForLeaderEpoch(leader, req),
      alterIsr: (req) => link.alterIsr(req),
      brokerAddress,
      brokerEpoch: (id) => ref.link?.cache.broker(id)?.broker_epoch,
      log,
    },
    {
      lagTimeMaxMs: opts.replicaLagTimeMaxMs,
      fetchMaxWaitMs: opts.replicaFetchMaxWaitMs,
      fetchMaxBytes: opts.replicaFetchMaxBytes,
      retentionCheckMs: opts.retentionCheckIntervalMs,
    },
  );
  const link = new CoordinatorLink(
    {
      brokerId: opts.id,
      address: advertise,
      rack: opts.rack,
      coordinators: opts.coordinators,
      sessionTtlMs: opts.sessionTtlMs,
      requestTimeoutMs: opts.coordinatorRequestTimeoutMs,
      maxMessageBytes: opts.maxMessageBytes,
      credentials: security.channel,
    },
    {
      registered: (epoch): Promise<void> => replicas.setBrokerEpoch(epoch),
      metadata: async (change) => {
        if (change.brokersChanged) peers.prune();
        if (change.changed.length > 0 || change.deleted.length > 0)
          await replicas.applyMetadata(change.changed, change.deleted);
      },
    },
    log,
  );
  ref.link = link;

  const metrics = new BrokerMetrics(registry, opts.id, link.cache, replicas, () => store.tailCache);
  const throttled = countThrottles(registry);
  const deps: BrokerServiceDeps = {
    brokerId: opts.id,
    link,
    replicas: timedReplicas(replicas, metrics),
    metrics,
    log,
    produceStreamMaxInFlight: opts.produceStreamMaxInFlight,
    // The ACLs as the coordinators last sent them; admin calls are checked here, then passed
    // on under this broker's own (cluster) principal.
    authorize: security.authorizer(() => link.cache.acls(), countDenials(registry)),
    quotas: {
      produce: new RateQuota('produce bytes', opts.produceQuota, security.privileged, throttled),
      fetch: new RateQuota('fetch bytes', opts.fetchQuota, security.privileged, throttled),
    },
  };
  const v1 = contract().tributary.broker.v1;
  // Bytes that do not decode are refused as MALFORMED_REQUEST (and counted) before a handler
  // runs, after the principal check of ReplicationService; ProduceStream refuses its own.
  const countMalformed = () => metrics.malformedRequests.inc();
  const broker = refuseMalformed(
    v1.BrokerService.service,
    guardService(
      v1.BrokerService.service,
      brokerHandlers(deps) as grpc.UntypedServiceImplementation,
      BROKER_RULES,
      deps.authorize,
      'BrokerService',
    ),
    ['ProduceStream'],
    countMalformed,
  );
  server.grpc.addService(broker.service, broker.impl);
  // Replication is for brokers only: a client certificate must not pull partition data.
  const replication = refuseMalformed(
    v1.ReplicationService.service,
    replicationHandlers(deps) as grpc.UntypedServiceImplementation,
    [],
    countMalformed,
  );
  server.grpc.addService(
    replication.service,
    security.peerOnly(replication.service, replication.impl, 'ReplicationService'),
  );

  let stopping = false;
  const notReady = (): string | undefined => {
    if (stopping) return 'shutting down';
    if (!link.registered) return 'not registered with the coordinators';
    if (!link.cache.complete) return 'no metadata snapshot from the coordinators yet';
    return undefined;
  };
  const observability = await serveObservability({
    listen: opts.metricsListen,
    registry,
    readiness: notReady,
  });
  let serving = false;
  let ticking = false;
  const ticker = setInterval(() => {
    const ready = notReady() === undefined;
    if (ready !== serving) {
      serving = ready;
      for (const s of ['', ...SERVICES]) server.setServing(s, ready);
    }
    if (ticking) return;
    ticking = true;
    replicas
      .tick()
      .catch((error: unknown) => log.error({ err: error }, 'replica tick failed'))
      .finally(() => (ticking = false));
  }, TICK_MS);
  link.start();
  log.info(
    {
      address,
      advertise,
      metrics: observability.address,
      coordinators: opts.coordinators,
      dataDir: opts.dataDir,
      ...(security.peers && { principal: security.self, clusterPrincipals: [...security.peers] }),
    },
    security.tls
      ? `broker started (mTLS: ${security.clientAuth}, replication for cluster principals only)`
      : 'broker started (no TLS: open on this address, for development)',
  );

  return {
    address,
    metricsAddress: observability.address,
    async stop() {
      stopping = true;
      for (const s of ['', ...SERVICES]) server.setServing(s, false);
      await link.closeSession();
      await leadershipsMoved(link, opts.id, HANDOVER_WAIT_MS);
      clearInterval(ticker);
      await server.drain(DRAIN_GRACE_MS);
      await replicas.close();
      await link.close();
      peers.close();
      await store.close();
      await observability.close();
      log.info('broker stopped');
    },
  };
}

/** Waits until the metadata names this broker leader of nothing, or `timeoutMs` passes. */
async function leadershipsMoved(link: CoordinatorLink, id: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const leads = () => link.cache.topics().some((t) => t.partitions.some((p) => p.leader === id));
  while (leads() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}
