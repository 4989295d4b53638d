/**
 * The simulation's clients, calling the brokers' ReplicaManagers through the simulated network
 * as BrokerService would: producers with acks NONE, LEADER or ALL, and idempotent producers
 * (acks ALL, one batch in flight) that retry the same sequence until answered; and one consumer
 * per partition fetching from the leader below the high watermark. Clients find the leader in
 * the controller's current metadata, as a client refreshing metadata after NOT_LEADER would.
 */
import { crc32c, encodeRecordSet, readError } from '@tributary/rpc';
import type { Random } from '@tributary/raft';
import type { Acks } from '@tributary/rpc/src/generated/tributary/broker/v1/Acks';
import type { FetchResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchResponse';
import type { ProduceResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceResponse';
import type { RecordBatch } from '@tributary/rpc/src/generated/tributary/broker/v1/RecordBatch';
import type { ReplicaManager } from '../replica/replica-manager';
import type { BatchId } from './replica-shadow';
import type { SimChecker } from './sim-checker';
import { NO_LEADER, type SimController } from './sim-controller';
import { methodCodec, type SimNetwork } from './sim-network';

const PRODUCE = methodCodec('tributary.broker.v1.BrokerService', 'Produce');
const FETCH = methodCodec('tributary.broker.v1.BrokerService', 'Fetch');
/** Client endpoints are numbered from here (brokers are 1..n). */
const CLIENT_BASE = 100;

type AckLevel = Extract<Acks, 'ACKS_NONE' | 'ACKS_LEADER' | 'ACKS_ALL'>;

interface Producer {
  endpoint: number;
  partition: number;
  acks: AckLevel;
  /** Idempotent producer id (≥ 1), or 0. */
  producerId: number;
  nextSequence: number;
  /** The batch being sent (kept for retries), and whether a call for it is in flight. */
  batch: RecordBatch | undefined;
  inFlight: boolean;
  tries: number;
  /** The last refusal, for reports. */
  lastError: string;
}

interface Consumer {
  endpoint: number;
  partition: number;
  next: number;
  inFlight: boolean;
}

export interface ClientsContext {
  topic: string;
  random: Random;
  network: SimNetwork;
  controller: SimController;
  checker: SimChecker;
  /** The running ReplicaManager of a broker. */
  manager: (broker: number) => ReplicaManager | undefined;
  wallClock: () => number;
  note: (line: string) => void;
  fail: (message: string) => void;
}

export class SimClients {
  private readonly producers: Producer[] = [];
  private readonly consumers: Consumer[] = [];
  private nextBatch = 0;
  counts = { produced: 0, ackedAll: 0, ackedOther: 0, duplicates: 0, fetches: 0 };

  constructor(
    private readonly c: ClientsContext,
    o: { partitions: number; producers: number },
  ) {
    const levels: AckLevel[] = ['ACKS_NONE', 'ACKS_LEADER', 'ACKS_ALL'];
    for (let k = 0; k < o.producers; k++) {
      const idempotent = k % 2 === 0;
      this.producers.push({
        endpoint: CLIENT_BASE + k,
        partition: c.random.int(o.partitions),
        acks: idempotent ? 'ACKS_ALL' : (levels[c.random.int(3)] as AckLevel),
        producerId: idempotent ? 1000 + k : 0,
        nextSequence: 0,
        batch: undefined,
        inFlight: false,
        tries: 0,
        lastError: '',
      });
    }
    for (let p = 0; p < o.partitions; p++)
      this.consumers.push({
        endpoint: CLIENT_BASE + 50 + p,
        partition: p,
        next: 0,
        inFlight: false,
      });
  }

  /** Idempotent producers still holding a batch they were not answered for, and why. */
  unanswered(): string[] {
    return this.producers
      .filter((p) => p.producerId > 0 && p.batch)
      .map((p) => `producer ${p.producerId} on p${p.partition} (${p.tries} tries, ${p.lastError})`);
  }

  /** One client acts: a producer sends (or retries), or a consumer fetches. */
  step(): void {
    if (this.c.random.int(3) === 0) {
      const idle = this.consumers.filter((x) => !x.inFlight);
      if (idle.length > 0) this.fetch(idle[this.c.random.int(idle.length)] as Consumer);
      return;
    }
    const idle = this.producers.filter((x) => !x.inFlight);
    if (idle.length > 0) this.produce(idle[this.c.random.int(idle.length)] as Producer);
  }

  /** Consumers that have not caught up with `hw` fetch (liveness phase). */
  catchUp(hw: (partition: number) => number): void {
    for (const x of this.consumers) if (!x.inFlight && x.next < hw(x.partition)) this.fetch(x);
  }

  /** Retries what idempotent producers still hold (liveness phase). */
  finish(): void {
    for (const p of this.producers) if (p.batch && !p.inFlight && p.producerId > 0) this.produce(p);
  }

  private leaderOf(partition: number): number {
    return (this.c.controller.partitions[partition] as { leader: number }).leader;
  }

  private newBatch(p: Producer): RecordBatch {
    const count = 1 + this.c.random.int(3);
    const id = this.nextBatch++;
    const now = this.c.wallClock();
    const payload = encodeRecordSet(
      Array.from({ length: count }, (_, i) => ({
        offsetDelta: i,
        timestampDeltaMs: 0,
        key: Buffer.from(`k${i}`),
        value: Buffer.from(`p${p.partition}/producer${p.endpoint}/batch${id}/${i}`),
        headers: [],
      })),
    );
    const batch: RecordBatch = {
      record_count: count,
      producer_id: p.producerId,
      producer_epoch: 0,
      base_sequence: p.producerId > 0 ? p.nextSequence : 0,
      compression: 'COMPRESSION_NONE',
      first_timestamp_ms: now,
      max_timestamp_ms: now,
      crc32c: crc32c(payload),
      records: payload,
    };
    this.counts.produced++;
    return batch;
  }

  private produce(p: Producer): void {
    const leader = this.leaderOf(p.partition);
    if (leader === NO_LEADER) return;
    const batch = p.batch ?? this.newBatch(p);
    if (p.producerId > 0) p.batch = batch; // kept until answered, retried as is
    p.inFlight = true;
    p.tries++;
    const request = {
      topic: this.c.topic,
      partition: p.partition,
      batch,
      acks: p.acks,
      timeout_ms: 3000,
    };
    let epoch = -1;
    const crc = (batch.crc32c as number) >>> 0;
    this.c.network
      .call<ProduceResponse__Output>(p.endpoint, leader, PRODUCE, request, async (req) => {
        const rm = this.c.manager(leader) as ReplicaManager;
        const res = await rm.produce(req);
        epoch = rm.leaderEpoch(this.c.topic, p.partition);
        return res;
      })
      .then(
        (res) => {
          p.inFlight = false;
          p.batch = undefined;
          p.tries = 0;
          if (p.producerId > 0) p.nextSequence += batch.record_count as number;
          if (res.duplicate) this.counts.duplicates++;
          if (p.acks !== 'ACKS_ALL') return void this.counts.ackedOther++;
          this.counts.ackedAll++;
          const how = `${res.duplicate ? 'duplicate ' : ''}acks=ALL answer of broker ${leader}`;
          this.c.note(
            `p${p.partition}: crc ${crc} acked at ${res.base_offset} by ${leader} (epoch ${epoch}${res.duplicate ? ', duplicate' : ''})`,
          );
          this.c.checker.acked(
            p.partition,
            {
              baseOffset: res.base_offset,
              recordCount: batch.record_count as number,
              crc32c: crc,
              producerId: p.producerId,
              ...(!res.duplicate && { leaderEpoch: epoch }),
            },
            epoch,
            `${how} in epoch ${epoch}`,
          );
        },
        (error: unknown) => {
          p.inFlight = false;
          const reason = readError(error).reason;
          p.lastError = `${reason ?? 'no reason'}: ${readError(error).message}`;
          if (p.producerId > 0 && reason === 'OUT_OF_ORDER_SEQUENCE')
            this.c.fail(
              `p${p.partition}: broker ${leader} refused idempotent producer ${p.producerId}'s next sequence ${p.nextSequence} (try ${p.tries}): ${readError(error).message}`,
            );
          // Not idempotent: the outcome is unknown and the batch is not sent again.
          if (p.producerId === 0) p.batch = undefined;
        },
      );
  }

  private fetch(x: Consumer): void {
    const leader = this.leaderOf(x.partition);
    if (leader === NO_LEADER) return;
    x.inFlight = true;
    this.counts.fetches++;
    let epoch = -1;
    const request = {
      topic: this.c.topic,
      partition: x.partition,
      offset: x.next,
      max_bytes: 2048,
      max_wait_ms: 0,
      min_bytes: 0,
    };
    this.c.network
      .call<FetchResponse__Output>(x.endpoint, leader, FETCH, request, async (req) => {
        const rm = this.c.manager(leader) as ReplicaManager;
        const res = await rm.fetch(req);
        epoch = rm.leaderEpoch(this.c.topic, x.partition);
        return res;
      })
      .then(
        (res) => {
          x.inFlight = false;
          const batches = res.batches
            .map((b): BatchId => ({
              baseOffset: b.base_offset,
              recordCount: b.record_count,
              leaderEpoch: b.leader_epoch,
              crc32c: b.crc32c >>> 0,
              producerId: b.producer_id,
            }))
            .filter((b) => b.baseOffset + b.recordCount > x.next);
          this.c.checker.consumed(
            x.partition,
            batches,
            res.high_watermark,
            epoch,
            `broker ${leader}`,
          );
          for (const b of batches) x.next = Math.max(x.next, b.baseOffset + b.recordCount);
        },
        () => {
          x.inFlight = false; // NOT_LEADER, OUT_OF_RANGE, lost: asked again later
        },
      );
  }
}
