/**
 * Two or three ReplicaManagers in one process, wired to each other directly: each port call
 * travels as bytes through the contract's serializers (so answers look as gRPC delivers them),
 * links can be cut, and a small model controller answers AlterIsr fenced by leader and
 * partition epoch and pushes every change to all brokers as metadata.
 */
import { LogStore, type BatchOp, type KvStore } from '@tributary/log-store';
import { buildBatch, packageDefinition, tributaryError } from '@tributary/rpc';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { TopicInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import { ReplicaManager, type ReplicaManagerOptions } from '../src/replica/replica-manager';

/** An ordered in-memory KV whose writes are durable at once. */
export class MemKv implements KvStore {
  private readonly map = new Map<string, Buffer>();
  async batch(ops: BatchOp[]): Promise<void> {
    for (const op of ops) {
      if (op.type === 'put') this.map.set(op.key.toString('hex'), op.value);
      else this.map.delete(op.key.toString('hex'));
    }
  }
  async get(key: Buffer): Promise<Buffer | undefined> {
    return this.map.get(key.toString('hex'));
  }
  async scan(gte: Buffer, lt: Buffer, limit?: number): Promise<Array<[Buffer, Buffer]>> {
    const lo = gte.toString('hex');
    const hi = lt.toString('hex');
    return [...this.map.keys()]
      .filter((k) => k >= lo && k < hi)
      .sort()
      .slice(0, limit ?? Infinity)
      .map((k) => [Buffer.from(k, 'hex'), this.map.get(k)!]);
  }
  async clear(gte: Buffer, lt: Buffer): Promise<void> {
    for (const [k] of await this.scan(gte, lt)) this.map.delete(k.toString('hex'));
  }
  async close(): Promise<void> {}
}

interface Codec {
  requestSerialize(v: unknown): Buffer;
  requestDeserialize(b: Buffer): unknown;
  responseSerialize(v: unknown): Buffer;
  responseDeserialize(b: Buffer): unknown;
}
function codec(service: string, method: string): Codec {
  return (packageDefinition()[service] as unknown as Record<string, Codec>)[method];
}
const REPLICATION = 'tributary.broker.v1.ReplicationService';
const replicaFetchCodec = codec(REPLICATION, 'ReplicaFetch');
const offsetForEpochCodec = codec(REPLICATION, 'OffsetForLeaderEpoch');

export const TOPIC = 't';

export class ReplicaCluster {
  readonly managers = new Map<number, ReplicaManager>();
  /** Cut links as "from->to": a follower's calls to that leader fail. */
  readonly cut = new Set<string>();
  partition: PartitionInfo__Output;
  alterIsrCalls = 0;
  private readonly stores = new Map<number, LogStore>();
  /** Each broker's KV, to reopen what it wrote as a restarted broker would. */
  readonly kvs = new Map<number, MemKv>();

  constructor(
    readonly ids: number[],
    private readonly configs: Record<string, string> = {},
    private readonly opts: Partial<ReplicaManagerOptions> = {},
  ) {
    this.partition = {
      partition: 0,
      leader: ids[0],
      leader_epoch: 1,
      partition_epoch: 1,
      replicas: [...ids],
      isr: [...ids],
      adding_replicas: [],
      removing_replicas: [],
      reassignment_throttle_bytes_per_sec: 0,
    };
  }

  async start(): Promise<void> {
    for (const id of this.ids) {
      const kv = new MemKv();
      this.kvs.set(id, kv);
      const store = await LogStore.open(kv);
      this.stores.set(id, store);
      const rm = new ReplicaManager(id, store, this.ports(id), {
        lagTimeMaxMs: 300,
        fetchMaxWaitMs: 50,
        retentionCheckMs: 0,
        ...this.opts,
      });
      rm.setBrokerEpoch(100 + id);
      this.managers.set(id, rm);
    }
    await this.publish();
  }

  rm(id: number): ReplicaManager {
    return this.managers.get(id)!;
  }

  topic(): TopicInfo__Output {
    return {
      name: TOPIC,
      topic_id: 'topic-id-1',
      replication_factor: this.ids.length,
      partitions: [this.partition],
      configs: this.configs,
    };
  }

  async publish(): Promise<void> {
    await Promise.all([...this.managers.values()].map((m) => m.applyMetadata([this.topic()], [])));
  }

  /** The controller moves leadership (an election from the ISR, or forced for a test). */
  async elect(leader: number, isr: number[]): Promise<void> {
    this.partition = {
      ...this.partition,
      leader,
      isr,
      leader_epoch: this.partition.leader_epoch + 1,
      partition_epoch: this.partition.partition_epoch + 1,
    };
    await this.publish();
  }

  private ports(id: number) {
    const call = async <Res>(
      leader: number,
      codecOf: Codec,
      req: unknown,
      handle: (r: never) => Promise<unknown>,
    ) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.cut.has(`${id}->${leader}`)) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error(`link ${id}->${leader} is cut`);
      }
      const decoded = codecOf.requestDeserialize(codecOf.requestSerialize(req)) as never;
      const res = await handle(decoded);
      // A link cut while the call was in flight loses the answer too.
      if (this.cut.has(`${id}->${leader}`)) throw new Error(`link ${id}->${leader} is cut`);
      return codecOf.responseDeserialize(codecOf.responseSerialize(res)) as Res;
    };
    return {
      now: () => performance.now(),
      wallClock: () => Date.now(),
      brokerAddress: (b: number) => `broker-${b}:9092`,
      // As registered: broker N's live incarnation has epoch 100 + N (see start).
      brokerEpoch: (b: number) => 100 + b,
      replicaFetch: (leader: number, req: unknown) =>
        call(leader, replicaFetchCodec, req, (r) => this.rm(leader).handleReplicaFetch(r)),
      offsetForLeaderEpoch: (leader: number, req: unknown) =>
        call(leader, offsetForEpochCodec, req, async (r) =>
          this.rm(leader).offsetForLeaderEpoch(r),
        ),
      alterIsr: async (req: {
        broker_id?: number;
        leader_epoch?: number;
        partition_epoch?: number;
        isr?: number[];
      }): Promise<PartitionInfo__Output> => {
        this.alterIsrCalls++;
        const p = this.partition;
        if (
          req.broker_id !== p.leader ||
          req.leader_epoch !== p.leader_epoch ||
          req.partition_epoch !== p.partition_epoch
        )
          throw tributaryError('FENCED', 'stale AlterIsr');
        this.partition = {
          ...p,
          isr: [...(req.isr ?? [])],
          partition_epoch: p.partition_epoch + 1,
        };
        void this.publish();
        return this.partition;
      },
    } as never;
  }

  async close(): Promise<void> {
    for (const m of this.managers.values()) await m.close();
    for (const s of this.stores.values()) await s.close();
  }

  /** Every batch of a broker's log: [baseOffset, recordCount, leaderEpoch, crc]. */
  async batches(id: number): Promise<Array<[number, number, number, number]>> {
    const log = this.stores.get(id)!.get(TOPIC, 0)!;
    if (log.logEndOffset === log.logStartOffset) return [];
    const out = await log.read(log.logStartOffset, log.logEndOffset, 1 << 30);
    return out.map((b) => [b.baseOffset, b.recordCount, b.leaderEpoch, b.crc32c >>> 0]);
  }
}

let n = 0;
/** A produce request of `count` records with distinct values. */
export async function produceReq(
  acks: 'ACKS_NONE' | 'ACKS_LEADER' | 'ACKS_ALL',
  count = 3,
  extra: { timeout_ms?: number; leader_epoch?: number } = {},
) {
  const now = Date.now();
  const batch = await buildBatch({
    records: Array.from({ length: count }, () => ({
      value: Buffer.from(`v${n++}`),
      timestampMs: now,
    })),
  });
  return {
    topic: TOPIC,
    partition: 0,
    batch,
    acks,
    timeout_ms: extra.timeout_ms ?? 5000,
    ...extra,
  };
}

/** Polls until `check` holds (real time; the managers run on real timers). */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
