/** Prometheus metrics of one broker: request traffic, and its partitions as the metadata says. */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { MetadataCache } from './coordinators/metadata-cache';

export class BrokerMetrics {
  readonly produceRequests: Counter<'outcome'>;
  readonly producedBytes: Counter;
  readonly producedRecords: Counter;
  readonly fetchRequests: Counter<'kind' | 'outcome'>;
  readonly fetchedBytes: Counter<'kind'>;
  readonly subscribeStreams: Gauge;
  readonly malformedRequests: Counter;

  constructor(registry: Registry, brokerId: number, cache: MetadataCache) {
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

function ledBy(cache: MetadataCache, brokerId: number) {
  return cache.topics().flatMap((t) => t.partitions.filter((p) => p.leader === brokerId));
}
