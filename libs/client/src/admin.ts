/**
 * `Admin`: topics, consumer groups, the broker cluster and partition moves, through any broker,
 * which passes the calls on to the coordinators (BrokerService pass-through RPCs, DESIGN §5).
 * A broker that cannot be reached, or that answers UNAVAILABLE (its coordinators unreachable),
 * is followed by the next one; every other error is the coordinators' verdict and is thrown as
 * is. Offsets (high watermarks for lag) come from the partition leaders.
 */
import type { AclEntry, AclFilter } from '@tributary/coord-state';
import { aclFilterToWire, aclFromWire, aclToWire, DEFAULT_MAX_MESSAGE_BYTES } from '@tributary/rpc';
import type { TopicInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import {
  describeMembers,
  groupState,
  groupTopics,
  key,
  lagRows,
  type GroupDescription,
  type GroupSummary,
  type TopicPartition,
} from './admin-groups';
import { DEFAULT_BACKOFF } from './backoff';
import { BrokerMetadata } from './broker-metadata';
import { BrokerPool, type RequestOf, type ResponseOf, type UnaryName } from './broker-pool';
import { systemClock, systemRandom } from './clock';
import { clientError, CoordinationError } from './errors';
import { listOffset, type OffsetLookup, type OffsetPosition } from './list-offsets';
import { channelCredentials, type SecureOptions } from './tls';

export interface AdminOptions extends SecureOptions {
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
  /** Replicas being added by a reassignment (not yet in sync). */
  addingReplicas: number[];
  /** Replicas a reassignment removes once the added ones are in sync. */
  removingReplicas: number[];
  /** Bytes/s each added replica copies at most while the reassignment runs; 0: no limit. */
  reassignmentThrottleBytesPerSec: number;
}

export interface TopicDescription {
  name: string;
  topicId: string;
  replicationFactor: number;
  partitions: PartitionDescription[];
  configs: Record<string, string>;
}

export interface TopicConfigChange {
  /** Overrides to set, key → value. */
  set?: Record<string, string>;
  /** Overrides to remove (back to the cluster default). */
  delete?: string[];
}

export interface PartitionReassignment {
  topic: string;
  partition: number;
  /** Target replicas, preferred leader first. */
  replicas: number[];
}

export interface ClusterDescription {
  clusterId: string;
  /** Live brokers, by id. */
  brokers: BrokerDescription[];
  /** Metadata revision of the answering broker's cache. */
  revision: number;
}

export interface PartitionOffsets {
  partition: number;
  logStartOffset: number;
  highWatermark: number;
}

export class Admin {
  private readonly pool: BrokerPool;
  private readonly metadata: BrokerMetadata;
  private readonly timeoutMs: number;
  private readonly closing = new AbortController();
  private readonly offsets: OffsetLookup;

  constructor(options: AdminOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.pool = new BrokerPool(
      { maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES },
      channelCredentials(options),
    );
    this.metadata = new BrokerMetadata(options.bootstrap, this.pool, this.timeoutMs);
    this.offsets = {
      metadata: this.metadata,
      pool: this.pool,
      clock: systemClock,
      random: systemRandom,
      backoff: DEFAULT_BACKOFF,
      timeoutMs: this.timeoutMs,
      signal: this.closing.signal,
    };
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

  /** Every topic name, sorted. */
  async listTopics(): Promise<string[]> {
    return (await this.describeTopics()).map((t) => t.name);
  }

  /** Sets and removes configuration overrides in one write; returns the overrides after it. */
  async updateTopicConfig(
    name: string,
    change: TopicConfigChange,
  ): Promise<Record<string, string>> {
    const r = await this.call('UpdateTopicConfig', {
      name,
      set: change.set ?? {},
      delete: change.delete ?? [],
    });
    return r.configs;
  }

  /** Grows `name` to `count` partitions (never shrinks; keyed records of old ones stay put). */
  async createPartitions(name: string, count: number): Promise<TopicDescription> {
    const r = await this.call('CreatePartitions', { name, count });
    if (!r.topic) throw clientError('PROTOCOL', 'CreatePartitions answered without the topic');
    return describe(r.topic);
  }

  /**
   * Moves replicas; with no moves the controller plans the fewest moves that spread replicas
   * and preferred leaders evenly over the live brokers. Returns the moves committed; they
   * complete in the background (watch `addingReplicas`/`removingReplicas` in
   * `describeTopics`). With `validateOnly` the moves are checked and returned, not started;
   * `throttleBytesPerSec` caps how fast each new replica copies from its leader until its
   * move completes.
   */
  async reassignPartitions(
    moves: PartitionReassignment[] = [],
    opts: { validateOnly?: boolean; throttleBytesPerSec?: number } = {},
  ): Promise<PartitionReassignment[]> {
    const r = await this.call('ReassignPartitions', {
      reassignments: moves,
      validate_only: opts.validateOnly ?? false,
      throttle_bytes_per_sec: opts.throttleBytesPerSec ?? 0,
    });
    return r.reassignments.map((m) => ({
      topic: m.topic,
      partition: m.partition,
      replicas: m.replicas,
    }));
  }

  /** The live brokers, by id, as a broker's metadata cache has them. */
  async brokers(): Promise<BrokerDescription[]> {
    return (await this.describeCluster()).brokers;
  }

  async describeCluster(): Promise<ClusterDescription> {
    const r = await this.call('Metadata', { topics: [] });
    return {
      clusterId: r.header?.cluster_id ?? '',
      brokers: r.brokers.map((b) => ({ brokerId: b.broker_id, address: b.address, rack: b.rack })),
      revision: r.header?.revision ?? 0,
    };
  }

  /** Log start and high watermark of every partition of `topic`, from the leaders. */
  async topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    const leaders = await this.metadata.require(topic);
    return Promise.all(
      leaders.partitions.map(async (_, partition) => {
        const [logStartOffset, highWatermark] = await Promise.all([
          this.offset(topic, partition, 'earliest'),
          this.offset(topic, partition, 'latest'),
        ]);
        return { partition, logStartOffset, highWatermark };
      }),
    );
  }

  /** Groups with members or committed offsets, by id. */
  async listGroups(): Promise<GroupSummary[]> {
    const r = await this.call('ListGroups', {});
    return r.groups.map((g) => ({
      groupId: g.group,
      state: groupState(g.state),
      members: g.num_members,
    }));
  }

  /**
   * A group's members and, for every partition of the topics it subscribes to or has committed
   * offsets for, the committed offset, the high watermark and the lag between them.
   */
  async describeGroup(groupId: string): Promise<GroupDescription> {
    const [described, fetched] = await Promise.all([
      this.call('DescribeGroups', { groups: [groupId] }),
      this.call('FetchOffsets', { group: groupId, partitions: [] }),
    ]);
    const info = described.groups[0];
    if (!info) throw clientError('PROTOCOL', 'DescribeGroups answered without the group');
    const members = describeMembers(info);
    const committed = new Map<string, number>();
    for (const o of fetched.offsets) if (o.offset >= 0) committed.set(key(o), o.offset);
    const partitions: TopicPartition[] = [];
    for (const topic of groupTopics(members, fetched.offsets)) {
      // A subscribed topic may not exist (yet): it has no partitions to report.
      const leaders = await this.metadata.require(topic).catch((error: CoordinationError) => {
        if (error.reason === 'UNKNOWN_TOPIC') return undefined;
        throw error;
      });
      leaders?.partitions.forEach((_, partition) => partitions.push({ topic, partition }));
    }
    const watermarks = new Map<string, number>();
    await Promise.all(
      partitions.map(async (p) =>
        watermarks.set(key(p), await this.offset(p.topic, p.partition, 'latest')),
      ),
    );
    const rows = lagRows(partitions, members, committed, watermarks);
    return {
      groupId: info.group,
      state: groupState(info.state),
      generation: info.generation,
      members,
      partitions: rows,
      totalLag: rows.reduce((sum, r) => sum + (r.lag ?? 0), 0),
    };
  }

  /**
   * Adds access control entries in one write; an entry already stored is left as it is.
   * Returns how many were new. INVALID_ARGUMENT (nothing added) if any entry is malformed.
   */
  async addAcls(entries: AclEntry[]): Promise<number> {
    const r = await this.call('AddAcls', { entries: entries.map(aclToWire) });
    return r.added;
  }

  /**
   * Removes every entry matching the filter (or any of the filters): the fields a filter sets
   * must be equal, so a whole entry removes exactly that entry and `{}` removes every one.
   * Returns the entries removed, in the order they were added.
   */
  async removeAcls(filter: AclFilter | AclFilter[]): Promise<AclEntry[]> {
    const filters = Array.isArray(filter) ? filter : [filter];
    const r = await this.call('RemoveAcls', { filters: filters.map(aclFilterToWire) });
    return r.removed.map(aclFromWire);
  }

  /** The entries matching `filter` (default: every entry), in the order they were added. */
  async listAcls(filter: AclFilter = {}): Promise<AclEntry[]> {
    const r = await this.call('ListAcls', { filter: aclFilterToWire(filter) });
    return r.entries.map(aclFromWire);
  }

  close(): void {
    this.closing.abort();
    this.pool.close();
  }

  private offset(topic: string, partition: number, spec: OffsetPosition): Promise<number> {
    return listOffset(this.offsets, topic, partition, spec);
  }

  private call<K extends UnaryName>(method: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    return this.metadata.callAnyBroker(method, request, this.timeoutMs);
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
      addingReplicas: p.adding_replicas,
      removingReplicas: p.removing_replicas,
      reassignmentThrottleBytesPerSec: Number(p.reassignment_throttle_bytes_per_sec ?? 0),
    })),
    configs: t.configs,
  };
}
