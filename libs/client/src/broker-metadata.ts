/**
 * What the SDK knows of the broker cluster: live brokers and each partition's leader, learnt
 * from BrokerService.Metadata of any broker (bootstrap addresses first, then brokers it has
 * learnt of), so clients need only bootstrap addresses (DESIGN §5). Refreshed on demand (a
 * NOT_LEADER answer, an unknown topic); concurrent refreshes share one call.
 */
import { status as Code } from '@grpc/grpc-js';
import type { MetadataResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/MetadataResponse';
import type { BrokerPool, RequestOf, ResponseOf, UnaryName } from './broker-pool';
import { clientError, CoordinationError, fromCallError } from './errors';

export interface PartitionLeader {
  /** Broker id, -1 when the partition has no leader right now. */
  leaderId: number;
  /** `host:port` of the leader, undefined when it has none or its address is unknown. */
  address: string | undefined;
  leaderEpoch: number;
}

export interface TopicLeaders {
  name: string;
  /** Indexed by partition. */
  partitions: PartitionLeader[];
}

export class BrokerMetadata {
  private readonly bootstrap: string[];
  private brokers = new Map<number, string>();
  private readonly topics = new Map<string, TopicLeaders>();
  private inflight: Promise<void> | undefined;
  /** Topics wanted by the refresh after the one in flight. */
  private wanted = new Set<string>();

  constructor(
    bootstrap: readonly string[],
    private readonly pool: BrokerPool,
    private readonly timeoutMs: number,
  ) {
    this.bootstrap = [...new Set(bootstrap.map((a) => a.trim()).filter(Boolean))];
    if (this.bootstrap.length === 0) throw new Error('no bootstrap brokers; expected host:port,…');
  }

  topic(name: string): TopicLeaders | undefined {
    return this.topics.get(name);
  }

  brokerAddress(id: number): string | undefined {
    return this.brokers.get(id);
  }

  /** Any broker to send a pass-through (admin) call to: a known one, else a bootstrap one. */
  anyBroker(): string[] {
    return [...new Set([...this.brokers.values(), ...this.bootstrap])];
  }

  /**
   * A pass-through call (admin, groups) to any broker, which forwards it to the coordinators. A
   * broker that is unreachable, or whose coordinators are (UNAVAILABLE), is followed by the
   * next; every other error is the coordinators' verdict and is thrown as is.
   */
  async callAnyBroker<K extends UnaryName>(
    method: K,
    request: RequestOf<K>,
    timeoutMs: number,
  ): Promise<ResponseOf<K>> {
    let lastError: CoordinationError | undefined;
    for (const address of this.anyBroker()) {
      try {
        return await this.pool.call<K>(address, method, request, timeoutMs);
      } catch (error) {
        lastError = fromCallError(error);
        if (lastError.code !== Code.UNAVAILABLE) throw lastError;
      }
    }
    throw lastError ?? clientError('PROTOCOL', `no broker to send ${method} to`);
  }

  /** The topic's leaders, fetched if not known yet; rejects UNKNOWN_TOPIC when it does not exist. */
  async require(name: string): Promise<TopicLeaders> {
    const known = this.topics.get(name);
    if (known) return known;
    await this.refresh([name]);
    const topic = this.topics.get(name);
    if (!topic) {
      throw new CoordinationError({
        code: Code.NOT_FOUND,
        reason: 'UNKNOWN_TOPIC',
        message: `topic '${name}' does not exist`,
      });
    }
    return topic;
  }

  /** Asks a broker for the topics' metadata (every known topic when empty). */
  refresh(topics: readonly string[] = [...this.topics.keys()]): Promise<void> {
    for (const t of topics) this.wanted.add(t);
    if (this.inflight) return this.inflight.then(() => this.refreshIfWanted(topics));
    const names = [...this.wanted];
    this.wanted = new Set();
    this.inflight = this.fetch(names).finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private refreshIfWanted(topics: readonly string[]): Promise<void> {
    return topics.some((t) => this.wanted.has(t)) ? this.refresh([]) : Promise.resolve();
  }

  private async fetch(names: string[]): Promise<void> {
    let lastError: CoordinationError | undefined;
    for (const address of this.anyBroker()) {
      try {
        const response = await this.pool.call(
          address,
          'Metadata',
          { topics: names },
          this.timeoutMs,
        );
        this.apply(response, names);
        return;
      } catch (error) {
        lastError = error as CoordinationError;
        if (lastError.reason === 'CLIENT_CLOSED') throw lastError;
        if (lastError.reason === 'UNKNOWN_TOPIC') {
          for (const name of names) this.topics.delete(name);
          return;
        }
      }
    }
    throw lastError ?? clientError('PROTOCOL', 'no broker to ask for metadata');
  }

  private apply(response: MetadataResponse__Output, asked: string[]): void {
    if (response.brokers.length > 0) {
      this.brokers = new Map(response.brokers.map((b) => [b.broker_id, b.address]));
    }
    const seen = new Set<string>();
    for (const t of response.topics) {
      seen.add(t.name);
      const partitions: PartitionLeader[] = [];
      for (const p of t.partitions) {
        partitions[p.partition] = {
          leaderId: p.leader,
          address: p.leader >= 0 ? this.brokers.get(p.leader) : undefined,
          leaderEpoch: p.leader_epoch,
        };
      }
      this.topics.set(t.name, { name: t.name, partitions });
    }
    // A topic asked for by name and not returned was deleted.
    for (const name of asked) if (!seen.has(name)) this.topics.delete(name);
  }
}
