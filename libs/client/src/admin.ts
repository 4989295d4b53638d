/**
 * `Admin`: topic administration through any broker, which passes the calls on to the
 * coordinators (BrokerService CreateTopic/DeleteTopic/DescribeTopics, DESIGN §5). A broker that
 * cannot be reached, or that answers UNAVAILABLE (its coordinators unreachable), is followed by
 * the next one; every other error is the coordinators' verdict and is thrown as is.
 */
import { status as Code } from '@grpc/grpc-js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@tributary/rpc';
import type { TopicInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import { BrokerMetadata } from './broker-metadata';
import { BrokerPool, type RequestOf, type ResponseOf } from './broker-pool';
import { clientError, CoordinationError } from './errors';

export interface AdminOptions {
  /** Broker addresses, `host:port`; any live one will do. */
  bootstrap: string[];
  /** Bound of one call; default 30000. */
  requestTimeoutMs?: number;
}

export interface NewTopic {
  /** ≥ 1. */
  partitions: number;
  /** 1 to the number of live brokers. */
  replicationFactor: number;
  /** Overrides, e.g. `{ 'retention.ms': '3600000', 'min.insync.replicas': '2' }`. */
  configs?: Record<string, string>;
}

export interface BrokerDescription {
  brokerId: number;
  address: string;
  /** Empty when the broker names no rack. */
  rack: string;
}

export interface PartitionDescription {
  partition: number;
  /** Broker id, -1 while the partition has no leader. */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
}

export interface TopicDescription {
  name: string;
  topicId: string;
  replicationFactor: number;
  partitions: PartitionDescription[];
  configs: Record<string, string>;
}

export class Admin {
  private readonly pool = new BrokerPool({ maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES });
  private readonly metadata: BrokerMetadata;
  private readonly timeoutMs: number;

  constructor(options: AdminOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.metadata = new BrokerMetadata(options.bootstrap, this.pool, this.timeoutMs);
  }

  async createTopic(name: string, spec: NewTopic): Promise<TopicDescription> {
    const r = await this.call('CreateTopic', {
      name,
      partitions: spec.partitions,
      replication_factor: spec.replicationFactor,
      configs: spec.configs ?? {},
    });
    if (!r.topic) throw clientError('PROTOCOL', 'CreateTopic answered without the topic');
    return describe(r.topic);
  }

  async deleteTopic(name: string): Promise<void> {
    await this.call('DeleteTopic', { name });
  }

  /** The named topics (every topic when empty), in request order. */
  async describeTopics(names: string[] = []): Promise<TopicDescription[]> {
    const r = await this.call('DescribeTopics', { names });
    return r.topics.map(describe);
  }

  /** The live brokers, by id, as a broker's metadata cache has them. */
  async brokers(): Promise<BrokerDescription[]> {
    const r = await this.call('Metadata', { topics: [] });
    return r.brokers.map((b) => ({ brokerId: b.broker_id, address: b.address, rack: b.rack }));
  }

  close(): void {
    this.pool.close();
  }

  private async call<K extends 'Metadata' | 'CreateTopic' | 'DeleteTopic' | 'DescribeTopics'>(
    method: K,
    request: RequestOf<K>,
  ): Promise<ResponseOf<K>> {
    let lastError: CoordinationError | undefined;
    for (const address of this.metadata.anyBroker()) {
      try {
        return await this.pool.call<K>(address, method, request, this.timeoutMs);
      } catch (error) {
        lastError = error as CoordinationError;
        if (lastError.code !== Code.UNAVAILABLE) throw lastError;
      }
    }
    throw lastError ?? clientError('PROTOCOL', 'no broker to ask');
  }
}

function describe(t: TopicInfo__Output): TopicDescription {
  return {
    name: t.name,
    topicId: t.topic_id,
    replicationFactor: t.replication_factor,
    partitions: t.partitions.map((p) => ({
      partition: p.partition,
      leader: p.leader,
      leaderEpoch: p.leader_epoch,
      replicas: p.replicas,
      isr: p.isr,
    })),
    configs: t.configs,
  };
}
