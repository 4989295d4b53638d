/**
 * Prometheus metrics of one broker: request traffic and latency, its partitions as the metadata
 * says, and each replica it holds as its log says (read at scrape time).
 */
import type { TailCacheStats } from '@tributary/log-store';
import type { ProduceRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceRequest';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { MetadataCache } from './coordinators/metadata-cache';
import type { ReplicaState } from './replica/replica-manager';
import type { FetchKind, ReplicaSurface } from './services/replica-surface';

/** Seconds; from a local acks=leader append to an acks=all produce waiting on a slow follower. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** The replicas this broker holds; ReplicaManager.replicaStates. */
export interface ReplicaStates {
  replicaStates(): Array<ReplicaState & { topic: string; partition: number }>;
}

export class BrokerMetrics {
  readonly produceRequests: Counter<'outcome'>;
  readonly producedBytes: Counter;
  readonly producedRecords: Counter;
  readonly fetchRequests: Counter<'kind' | 'outcome'>;
  readonly fetchedBytes: Counter<'kind'>;
  readonly subscribeStreams: Gauge;
  readonly malformedRequests: Counter;
  /** Produce requests that succeeded, by acks (none, leader, all); see timedReplicas. */
  readonly produceSeconds: Histogram<'acks'>;
  /** Reads that succeeded, by kind (consumer, subscribe, replica), long-poll wait included. */
  readonly fetchSeconds: Histogram<'kind'>;

  constructor(
    registry: Registry,
    brokerId: number,
    cache: MetadataCache,
    replicas: ReplicaStates = { replicaStates: () => [] },
    tailCache: () => TailCacheStats | undefined = () => undefined,
  ) {
    const registers = [registry];
    this.produceRequests = new Counter({
      name: 'tributary_broker_produce_requests_total',
      help: 'Produce requests (unary and on ProduceStream), by outcome (ok or an error reason)',
      labelNames: ['outcome'],
      registers,
    });
    this.producedBytes = new Counter({
      name: 'tributary_broker_produced_bytes_total',
      help: 'Bytes of record payloads in produce requests that succeeded',
      registers,
    });
    this.producedRecords = new Counter({
      name: 'tributary_broker_produced_records_total',
      help: 'Records in produce requests that succeeded',
      registers,
    });
    this.fetchRequests = new Counter({
      name: 'tributary_broker_fetch_requests_total',
      help: 'Fetch calls: consumer Fetch, Subscribe reads and follower ReplicaFetch, by outcome',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.fetchedBytes = new Counter({
      name: 'tributary_broker_fetched_bytes_total',
      help: 'Bytes of record payloads served, by kind (consumer, subscribe, replica)',
      labelNames: ['kind'],
      registers,
    });
    this.subscribeStreams = new Gauge({
      name: 'tributary_broker_subscribe_streams',
      help: 'Open Subscribe streams',
      registers,
    });
    this.malformedRequests = new Counter({
      name: 'tributary_broker_malformed_requests_total',
      help: 'Requests whose bytes did not decode as the expected protobuf message',
      registers,
    });
    this.produceSeconds = new Histogram({
      name: 'tributary_broker_produce_seconds',
      help: 'Time to serve a produce request that succeeded (acks=all: until every ISR member has it), by acks',
      labelNames: ['acks'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.fetchSeconds = new Histogram({
      name: 'tributary_broker_fetch_seconds',
      help: 'Time to serve a read that succeeded, long-poll wait (max_wait_ms) included, by kind (consumer, subscribe, replica)',
      labelNames: ['kind'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    // Read from the metadata view at scrape time: what the controller says this broker leads.
    new Gauge({
      name: 'tributary_broker_partitions_led',
      help: 'Partitions whose leader is this broker',
      registers,
      collect() {
        this.set(ledBy(cache, brokerId).length);
      },
    });
    new Gauge({
      name: 'tributary_broker_under_replicated_partitions',
      help: 'Partitions led by this broker whose ISR is smaller than their replica set',
      registers,
      collect() {
        this.set(ledBy(cache, brokerId).filter((p) => p.isr.length < p.replicas.length).length);
      },
    });
    replicaGaugesOf(registers, replicas);
    tailCacheMetricsOf(registers, tailCache);
    new Gauge({
      name: 'tributary_broker_acl_entries',
      help: 'ACL entries in the broker metadata cache',
      registers,
      collect() {
        this.set(cache.acls().length);
      },
    });
    new Gauge({
      name: 'tributary_broker_metadata_revision',
      help: 'Metadata revision of the broker cache',
      registers,
      collect() {
        this.set(cache.revision);
      },
    });
  }
}

/** The log store's tail cache, read at scrape time: is the budget big enough for the readers? */
function tailCacheMetricsOf(registers: Registry[], stats: () => TailCacheStats | undefined): void {
  new Gauge({
    name: 'tributary_broker_tail_cache_bytes',
    help: 'Payload bytes the log tail cache holds (its budget is tributary_broker_tail_cache_budget_bytes)',
    registers,
    collect() {
      this.set(stats()?.bytes ?? 0);
    },
  });
  new Gauge({
    name: 'tributary_broker_tail_cache_budget_bytes',
    help: 'Budget of the log tail cache (0: off)',
    registers,
    collect() {
      this.set(stats()?.budgetBytes ?? 0);
    },
  });
  new Counter({
    name: 'tributary_broker_tail_cache_reads_total',
    help: 'Log reads (consumer, subscribe, follower) by result: hit (served from memory) or miss (read from RocksDB)',
    labelNames: ['result'],
    registers,
    collect() {
      const s = stats();
      this.reset();
      this.inc({ result: 'hit' }, s?.hits ?? 0);
      this.inc({ result: 'miss' }, s?.misses ?? 0);
    },
  });
}

/** One series per partition replica this broker holds (log end), or leads (the others). */
function replicaGaugesOf(registers: Registry[], replicas: ReplicaStates): void {
  const perPartition = (
    name: string,
    help: string,
    pick: (r: ReplicaState) => number | undefined,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['topic', 'partition'],
      registers,
      collect() {
        this.reset();
        for (const r of replicas.replicaStates()) {
          const value = pick(r);
          if (value !== undefined)
            this.set({ topic: r.topic, partition: String(r.partition) }, value);
        }
      },
    });
  new Gauge({
    name: 'tributary_broker_replicas',
    help: 'Partition replicas this broker holds (led or followed)',
    registers,
    collect() {
      this.set(replicas.replicaStates().length);
    },
  });
  perPartition(
    'tributary_broker_partition_log_end_offset',
    'Offset after the last record in the copy of the partition on this broker (every replica it holds)',
    (r) => r.logEndOffset,
  );
  perPartition(
    'tributary_broker_partition_high_watermark',
    'High watermark of a partition this broker leads: consumers read below it',
    (r) => (r.role === 'leader' ? r.highWatermark : undefined),
  );
  perPartition(
    'tributary_broker_partition_isr_size',
    'In-sync replicas of a partition this broker leads, as its leader sees them',
    (r) => (r.role === 'leader' ? r.isr.length : undefined),
  );
}

/**
 * The data plane, timed: each produce and read that succeeds is observed in
 * tributary_broker_produce_seconds / tributary_broker_fetch_seconds. The handlers get this in
 * place of the ReplicaManager, so the timing needs nothing of them.
 */
export function timedReplicas(surface: ReplicaSurface, metrics: BrokerMetrics): ReplicaSurface {
  const since = (startedMs: number) => (performance.now() - startedMs) / 1000;
  return {
    async produce(req) {
      const started = performance.now();
      const res = await surface.produce(req);
      metrics.produceSeconds.observe({ acks: acksLabel(req) }, since(started));
      return res;
    },
    async fetch(req, isCancelled, kind: FetchKind = 'consumer') {
      const started = performance.now();
      const res = await surface.fetch(req, isCancelled, kind);
      metrics.fetchSeconds.observe({ kind }, since(started));
      return res;
    },
    async handleReplicaFetch(req) {
      const started = performance.now();
      const res = await surface.handleReplicaFetch(req);
      metrics.fetchSeconds.observe({ kind: 'replica' }, since(started));
      return res;
    },
    listOffsets: (req) => surface.listOffsets(req),
    offsetForLeaderEpoch: (req) => surface.offsetForLeaderEpoch(req),
    leaderEpoch: (topic, partition) => surface.leaderEpoch(topic, partition),
  };
}

function acksLabel(req: ProduceRequest__Output): string {
  if (req.acks === 'ACKS_NONE') return 'none';
  if (req.acks === 'ACKS_LEADER') return 'leader';
  return 'all';
}

function ledBy(cache: MetadataCache, brokerId: number) {
  return cache.topics().flatMap((t) => t.partitions.filter((p) => p.leader === brokerId));
}
