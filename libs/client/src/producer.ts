/**
 * `Producer`: appends records to partitions through the brokers (DESIGN §5).
 *
 * Path of a record: `send` picks the partition (explicit, murmur2 of the key, else sticky) and
 * appends the record to that partition's open batch (producer-accumulator). A batch is sealed
 * when full (`batchBytesMax`), after `lingerMs`, or on flush; sealing encodes its records once
 * into a RecordSet, compresses it and numbers it (producer-partition), in order per partition.
 * Sealed batches go to the partition leader's ProduceStream (producer-stream), many in flight
 * per stream, one gRPC message per batch: no per-record gRPC work.
 *
 * Failures: NOT_LEADER, NOT_ENOUGH_REPLICAS, UNAVAILABLE and the other retriable reasons send
 * the batch again after a metadata refresh and a backoff, with the same sequence numbers, until
 * `deliveryTimeoutMs` has passed since it was sealed; later batches of the partition wait so
 * that order is kept (producer-partition explains the rule). Anything else fails the batch's
 * records and the partition's later sealed batches.
 *
 * Idempotence (default with acks other than none): a producer id from AllocateProducerId and
 * per-partition sequence numbers; the broker answers a resent batch with its original offset.
 * A batch whose outcome stays unknown (delivery timeout) retires the producer id: sealing
 * continues under a fresh one, so later batches are not refused for a gap.
 */
import { status as Code } from '@grpc/grpc-js';
import { buildBatch, CompressionCode, DEFAULT_MAX_MESSAGE_BYTES } from '@tributary/rpc';
import type { Acks as WireAcks } from '@tributary/rpc/src/generated/tributary/broker/v1/Acks';
import type { ProduceResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceResponse';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { BrokerMetadata } from './broker-metadata';
import { BrokerPool } from './broker-pool';
import { systemClock, systemRandom, type Clock, type Random, type TimerHandle } from './clock';
import { clientError, CoordinationError, fromCallError } from './errors';
import {
  Accumulator,
  recordBytes,
  type RecordCallback,
  type OpenBatch,
  type PendingRecord,
} from './producer-accumulator';
import { partitionForKey, StickyPartitioner } from './producer-partitioner';
import { PartitionQueue, type SealedBatch } from './producer-partition';
import { ProduceStream, type ProduceCall } from './producer-stream';
import { channelCredentials, type SecureOptions } from './tls';

export type Acks = 'none' | 'leader' | 'all';
export type CompressionName = 'none' | 'gzip' | 'zstd' | 'lz4';

export interface ProducerOptions extends SecureOptions {
  /** Broker addresses, `host:port`; any live one will do. */
  bootstrap: string[];
  /** What an acknowledgement waits for; default 'all' (every in-sync replica). */
  acks?: Acks;
  /** Producer id and sequence numbers so retries never duplicate; default true unless acks 'none'. */
  idempotent?: boolean;
  /** Longest a batch waits for more records before it is sent; default 5 ms. */
  lingerMs?: number;
  /** A batch is sealed before the next record would take it over this; default 256 KiB. */
  batchBytesMax?: number;
  compression?: CompressionName;
  /** Batches sent and unanswered per broker stream; default 64. */
  maxInFlightPerBroker?: number;
  /** Batches sent and unanswered per partition; default 5 (the broker remembers 5 per producer). */
  maxInFlightPerPartition?: number;
  /** Broker-side wait for the acks (`timeout_ms`), and the bound of metadata calls; default 30000. */
  requestTimeoutMs?: number;
  /** Retries of a batch stop this long after it was sealed; default 120000. */
  deliveryTimeoutMs?: number;
  /** Above this many bytes accepted and not yet acknowledged `bufferFull` is true; default 64 MiB. */
  bufferBytesMax?: number;
  maxMessageBytes?: number;
  backoff?: BackoffOptions;
  clock?: Clock;
  random?: Random;
  /** Record timestamps, ms since the Unix epoch; default Date.now. */
  wallClock?: () => number;
}

export type Bytes = Buffer | Uint8Array | string;

export interface ProduceRecord {
  topic: string;
  /** null/absent: no key (sticky partition). */
  key?: Bytes | null;
  /** null: a tombstone. */
  value: Bytes | null;
  headers?: Record<string, Bytes> | { key: string; value: Bytes }[];
  /** Explicit partition; overrides the key. */
  partition?: number;
  /** Ms since the Unix epoch; default now. */
  timestampMs?: number;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** The record's offset; -1 with acks 'none'. */
  offset: number;
}

export type SendCallback = RecordCallback;

const CODEC: Record<CompressionName, CompressionCode> = {
  none: CompressionCode.NONE,
  gzip: CompressionCode.GZIP,
  zstd: CompressionCode.ZSTD,
  lz4: CompressionCode.LZ4,
};

const WIRE_ACKS: Record<Acks, WireAcks> = {
  none: 'ACKS_NONE',
  leader: 'ACKS_LEADER',
  all: 'ACKS_ALL',
};

/** Reasons worth a resend after a metadata refresh (the table's `retriable` covers the rest). */
const REFRESH_REASONS = new Set([
  'NOT_LEADER',
  'NO_LEADER',
  'UNKNOWN_LEADER_EPOCH',
  'SHUTTING_DOWN',
]);
/** The broker knows no such topic or partition (yet). */
const UNKNOWN_REASONS = new Set(['UNKNOWN_TOPIC', 'UNKNOWN_PARTITION']);
/** Verdicts given before anything was appended: the batch's sequence numbers can be reused. */
const REFUSED_REASONS = new Set([
  'INVALID_ARGUMENT',
  'MESSAGE_TOO_LARGE',
  'CORRUPT_RECORD',
  'CHECKSUM_MISMATCH',
  'UNKNOWN_TOPIC',
  'UNKNOWN_PARTITION',
  'OUT_OF_ORDER_SEQUENCE',
]);

interface Identity {
  producerId: number;
  producerEpoch: number;
  generation: number;
}

export class Producer {
  private readonly pool: BrokerPool;
  private readonly metadata: BrokerMetadata;
  private readonly accumulator: Accumulator;
  private readonly sticky: StickyPartitioner;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly wallClock: () => number;
  private readonly o: Required<
    Omit<
      ProducerOptions,
      'bootstrap' | 'clock' | 'random' | 'wallClock' | 'backoff' | 'tls' | 'credentials' | 'token'
    >
  >;
  private readonly backoffOptions: BackoffOptions;
  private readonly queues = new Map<string, PartitionQueue>();
  private readonly backoffs = new Map<PartitionQueue, Backoff>();
  /** Per partition: the chain that seals batches one after another (sequence order). */
  private readonly sealing = new Map<PartitionQueue, Promise<void>>();
  private readonly streams = new Map<string, ProduceStream>();
  /** Records of topics whose partition count is being looked up, in send order. */
  private readonly awaitingTopic = new Map<string, { record: ProduceRecord; cb: SendCallback }[]>();
  private readonly topicLookups = new Map<string, Promise<void>>();
  private identity: Identity | undefined;
  private identityLookup: Promise<Identity> | undefined;
  private generation = 0;
  private timer: TimerHandle | undefined;
  private timerAtMs = Infinity;
  private pumpQueued = false;
  /** Records accepted and not yet settled, and their bytes. */
  private unsettled = 0;
  private unsettledBytes = 0;
  private readonly settledWaiters: (() => void)[] = [];
  private readonly spaceWaiters: (() => void)[] = [];
  private refreshNotBeforeMs = 0;
  private closed = false;

  constructor(options: ProducerOptions) {
    const acks = options.acks ?? 'all';
    this.o = {
      acks,
      idempotent: options.idempotent ?? acks !== 'none',
      lingerMs: options.lingerMs ?? 5,
      batchBytesMax: options.batchBytesMax ?? 256 * 1024,
      compression: options.compression ?? 'none',
      maxInFlightPerBroker: options.maxInFlightPerBroker ?? 64,
      maxInFlightPerPartition: options.maxInFlightPerPartition ?? 5,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      deliveryTimeoutMs: options.deliveryTimeoutMs ?? 120_000,
      bufferBytesMax: options.bufferBytesMax ?? 64 * 1024 * 1024,
      maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    };
    if (this.o.idempotent && acks === 'none') {
      throw new Error('an idempotent producer needs acks leader or all (none gives no offsets)');
    }
    if (this.o.idempotent && this.o.maxInFlightPerPartition > 5) {
      throw new Error('idempotence allows at most 5 batches in flight per partition');
    }
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.wallClock = options.wallClock ?? Date.now;
    this.backoffOptions = options.backoff ?? DEFAULT_BACKOFF;
    this.pool = new BrokerPool(
      { maxMessageBytes: this.o.maxMessageBytes },
      channelCredentials(options),
    );
    this.metadata = new BrokerMetadata(options.bootstrap, this.pool, this.o.requestTimeoutMs);
    this.accumulator = new Accumulator(this.o);
    this.sticky = new StickyPartitioner(this.random);
  }

  /** Sends one record; resolves with its partition and offset once acknowledged. */
  send(record: ProduceRecord): Promise<RecordMetadata> {
    return new Promise((resolve, reject) =>
      this.sendWith(record, (error, metadata) => (error ? reject(error) : resolve(metadata!))),
    );
  }

  /** `send` with a callback instead of a promise (cheaper at hundreds of thousands a second). */
  sendWith(record: ProduceRecord, cb: SendCallback): void {
    if (this.closed) return cb(clientError('CLIENT_CLOSED', 'the producer was closed'));
    const waiting = this.awaitingTopic.get(record.topic);
    if (waiting) {
      waiting.push({ record, cb });
      return;
    }
    const topic = this.metadata.topic(record.topic);
    if (topic) return this.accept(record, topic.partitions.length, cb);
    this.awaitingTopic.set(record.topic, [{ record, cb }]);
    const lookup = this.metadata.require(record.topic).then(
      (t) => this.releaseTopic(record.topic, undefined, t.partitions.length),
      (error: unknown) => this.releaseTopic(record.topic, fromCallError(error), 0),
    );
    this.topicLookups.set(record.topic, lookup);
    void lookup.finally(() => this.topicLookups.delete(record.topic));
  }

  /** True while more bytes are accepted and unacknowledged than `bufferBytesMax`. */
  get bufferFull(): boolean {
    return this.unsettledBytes >= this.o.bufferBytesMax;
  }

  /** Resolves once `bufferFull` is false. */
  waitForSpace(): Promise<void> {
    if (!this.bufferFull) return Promise.resolve();
    return new Promise((resolve) => this.spaceWaiters.push(resolve));
  }

  /** Sends every open batch now and resolves once every record accepted so far is settled. */
  async flush(): Promise<void> {
    // Records still waiting for their topic's partition count are accepted once it arrives.
    while (this.topicLookups.size > 0) await Promise.all(this.topicLookups.values());
    for (const batch of this.accumulator.due(this.clock.nowMs(), true)) this.seal(batch);
    if (this.unsettled === 0) return;
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Flushes, then closes the streams and channels. Sends after this fail CLIENT_CLOSED. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    if (this.timer) this.clock.clearTimer(this.timer);
    for (const stream of this.streams.values()) stream.close();
    this.streams.clear();
    this.pool.close();
  }

  private releaseTopic(name: string, error: CoordinationError | undefined, partitions: number) {
    const waiting = this.awaitingTopic.get(name) ?? [];
    this.awaitingTopic.delete(name);
    for (const { record, cb } of waiting) {
      if (error) cb(error);
      else this.accept(record, partitions, cb);
    }
  }

  private accept(record: ProduceRecord, partitions: number, cb: SendCallback): void {
    let partition: number;
    const key = toBuffer(record.key);
    if (record.partition !== undefined) {
      if (!(
        Number.isInteger(record.partition) &&
        record.partition >= 0 &&
        record.partition < partitions
      )) {
        return cb(
          new CoordinationError({
            code: Code.NOT_FOUND,
            reason: 'UNKNOWN_PARTITION',
            message: `topic '${record.topic}' has partitions 0..${partitions - 1}, not ${record.partition}`,
          }),
        );
      }
      partition = record.partition;
    } else if (key) partition = partitionForKey(key, partitions);
    else partition = this.sticky.partition(record.topic, partitions);

    const topic = record.topic;
    const value = toBuffer(record.value);
    const headers = toHeaders(record.headers);
    const size = recordBytes(key, value, headers);
    const pending: PendingRecord = {
      key,
      value,
      headers,
      timestampMs: record.timestampMs ?? this.wallClock(),
      size,
      callback: cb,
    };
    this.unsettled += 1;
    this.unsettledBytes += size;
    const now = this.clock.nowMs();
    const sealed = this.accumulator.append(topic, partition, pending, size, now);
    if (sealed) this.seal(sealed);
    const full = this.accumulator.takeIfFull(topic, partition);
    if (full) this.seal(full);
    else if (this.accumulator.opened) this.arm(this.accumulator.nextDeadline());
  }

  /** Answers every record of a batch (offsets from `base`, or the error), then frees the buffer. */
  private deliver(
    topic: string,
    partition: number,
    records: PendingRecord[],
    error: Error | undefined,
    base: number,
  ): void {
    let bytes = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      bytes += r.size;
      if (error) r.callback(error);
      else r.callback(undefined, { topic, partition, offset: base < 0 ? -1 : base + i });
    }
    this.settle(records.length, bytes);
  }

  private settle(records: number, bytes: number): void {
    this.unsettled -= records;
    this.unsettledBytes -= bytes;
    if (this.unsettled === 0) for (const w of this.settledWaiters.splice(0)) w();
    if (!this.bufferFull) for (const w of this.spaceWaiters.splice(0)) w();
  }

  /** Encodes and numbers a batch, after the partition's previous one (sequence order). */
  private seal(open: OpenBatch): void {
    const partitions = this.metadata.topic(open.topic)?.partitions.length ?? 1;
    this.sticky.batchSealed(open.topic, open.partition, partitions);
    const queue = this.queueOf(open.topic, open.partition);
    const previous = this.sealing.get(queue) ?? Promise.resolve();
    const next = previous
      .then(() => this.encode(queue, open))
      .then(
        (batch) => {
          queue.push(batch);
          this.schedulePump();
        },
        (error: unknown) => {
          const err = fromCallError(error);
          this.deliver(open.topic, open.partition, open.records, err, -1);
        },
      );
    this.sealing.set(queue, next);
    void next.then(() => {
      if (this.sealing.get(queue) === next) this.sealing.delete(queue);
    });
  }

  private async encode(queue: PartitionQueue, open: OpenBatch): Promise<SealedBatch> {
    const identity = this.o.idempotent ? await this.producerIdentity() : undefined;
    const { order, baseSequence } = queue.allocate(open.records.length, identity?.generation ?? 0);
    const wire = await buildBatch({
      records: open.records,
      compression: CODEC[this.o.compression],
      producerId: identity?.producerId ?? 0,
      producerEpoch: identity?.producerEpoch ?? 0,
      baseSequence: identity ? baseSequence : 0,
    });
    return {
      topic: open.topic,
      partition: open.partition,
      order,
      records: open.records,
      recordBytes: open.bytes,
      wire,
      bytes: wire.records.length,
      deadlineMs: this.clock.nowMs() + this.o.deliveryTimeoutMs,
      attempts: 0,
    };
  }

  private producerIdentity(): Promise<Identity> {
    if (this.identity && this.identity.generation === this.generation) {
      return Promise.resolve(this.identity);
    }
    this.identityLookup ??= this.allocateProducerId().finally(() => {
      this.identityLookup = undefined;
    });
    return this.identityLookup;
  }

  private async allocateProducerId(): Promise<Identity> {
    const backoff = new Backoff(this.backoffOptions, this.random);
    const deadline = this.clock.nowMs() + this.o.deliveryTimeoutMs;
    for (;;) {
      let lastError: CoordinationError | undefined;
      for (const address of this.metadata.anyBroker()) {
        try {
          const r = await this.pool.call(
            address,
            'AllocateProducerId',
            {},
            this.o.requestTimeoutMs,
          );
          const generation = this.generation;
          this.identity = {
            producerId: r.producer_id,
            producerEpoch: r.producer_epoch,
            generation,
          };
          return this.identity;
        } catch (error) {
          lastError = fromCallError(error);
          if (!lastError.retriable) throw lastError;
        }
      }
      const delay = backoff.next(lastError?.retryDelayMs);
      if (this.clock.nowMs() + delay > deadline || this.closed) throw lastError!;
      await new Promise<void>((r) => this.clock.setTimer(r, delay));
    }
  }

  private queueOf(topic: string, partition: number): PartitionQueue {
    const id = `${topic}\0${partition}`;
    let q = this.queues.get(id);
    if (!q) {
      q = new PartitionQueue(topic, partition);
      this.queues.set(id, q);
    }
    return q;
  }

  private schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Sends whatever the in-flight bounds and the retry rule allow. */
  private pump(): void {
    if (this.closed) return;
    const now = this.clock.nowMs();
    let refresh = false;
    for (const queue of this.queues.values()) {
      if (queue.queued === 0) continue;
      const held = queue.heldUntilMs;
      if (held !== undefined && held > now) {
        this.arm(held);
        continue;
      }
      const topic = this.metadata.topic(queue.topic);
      if (!topic) {
        this.topicGone(queue);
        continue;
      }
      const leader = topic.partitions[queue.partition];
      if (!leader?.address) {
        refresh = true;
        continue;
      }
      const stream = this.streamTo(leader.address);
      while (stream.inFlight < this.o.maxInFlightPerBroker) {
        const batch = queue.next(now, this.o.maxInFlightPerPartition);
        if (!batch) break;
        this.transmit(stream, queue, batch);
      }
    }
    if (refresh) this.refreshThenPump(undefined, true);
  }

  /** The topic was deleted while records of it waited: they fail UNKNOWN_TOPIC. */
  private topicGone(queue: PartitionQueue): void {
    const error = new CoordinationError({
      code: Code.NOT_FOUND,
      reason: 'UNKNOWN_TOPIC',
      message: `topic '${queue.topic}' no longer exists`,
    });
    for (const b of queue.drainQueued()) this.deliver(b.topic, b.partition, b.records, error, -1);
  }

  private transmit(stream: ProduceStream, queue: PartitionQueue, batch: SealedBatch): void {
    stream.send(
      {
        topic: batch.topic,
        partition: batch.partition,
        batch: batch.wire,
        acks: WIRE_ACKS[this.o.acks],
        timeout_ms: this.o.requestTimeoutMs,
      },
      (error, response) => {
        if (error) this.failed(queue, batch, error);
        else this.succeeded(queue, batch, response!);
      },
    );
  }

  private succeeded(queue: PartitionQueue, batch: SealedBatch, r: ProduceResponse__Output): void {
    queue.done(batch);
    this.backoffs.get(queue)?.reset();
    this.deliver(batch.topic, batch.partition, batch.records, undefined, r.base_offset);
    this.schedulePump();
  }

  private failed(queue: PartitionQueue, batch: SealedBatch, error: CoordinationError): void {
    if (this.closed) return this.abandon(queue, batch, error, false);
    const now = this.clock.nowMs();
    const gapAfterRetry = error.reason === 'OUT_OF_ORDER_SEQUENCE' && queue.hasEarlierRetry(batch);
    // A broker that has not applied a new topic's metadata yet; a deleted topic is gone from
    // ours after the refresh, and then the same answer is final.
    const lagging = UNKNOWN_REASONS.has(error.reason ?? '') && !!this.metadata.topic(batch.topic);
    const retriable =
      error.retriable || gapAfterRetry || lagging || error.code === Code.UNAVAILABLE;
    if (retriable && now < batch.deadlineMs) {
      let backoff = this.backoffs.get(queue);
      if (!backoff)
        this.backoffs.set(queue, (backoff = new Backoff(this.backoffOptions, this.random)));
      const delay = gapAfterRetry ? 0 : backoff.next(error.retryDelayMs);
      queue.retry(batch, now + delay);
      const moved =
        REFRESH_REASONS.has(error.reason ?? '') || lagging || error.code === Code.UNAVAILABLE;
      if (moved) this.refreshThenPump(batch.topic);
      this.arm(now + delay);
      return;
    }
    const notWritten = REFUSED_REASONS.has(error.reason ?? '') && !gapAfterRetry;
    const final = retriable
      ? error.withMessage(`${error.message} (retried for ${this.o.deliveryTimeoutMs} ms)`)
      : error;
    this.abandon(queue, batch, final, notWritten);
  }

  /** Fails the batch and the partition's later sealed ones; an unknown outcome retires the id. */
  private abandon(
    queue: PartitionQueue,
    batch: SealedBatch,
    error: CoordinationError,
    notWritten: boolean,
  ): void {
    queue.done(batch);
    const later = queue.abandonAfter(batch, notWritten);
    if (this.o.idempotent && !notWritten && this.identity?.generation === this.generation) {
      this.generation += 1;
    }
    for (const b of [batch, ...later]) this.deliver(b.topic, b.partition, b.records, error, -1);
    this.schedulePump();
  }

  /**
   * A partition without a leader (an election under way) is asked about again after a pause
   * (`throttled`), not in a tight loop of Metadata calls; a failed send refreshes at once (its
   * own backoff paces it).
   */
  private refreshThenPump(topic: string | undefined, throttled = false): void {
    const now = this.clock.nowMs();
    if (throttled && now < this.refreshNotBeforeMs) return this.arm(this.refreshNotBeforeMs);
    this.refreshNotBeforeMs = now + this.backoffOptions.baseMs * 4;
    const topics = topic ? [topic] : [...new Set([...this.queues.values()].map((q) => q.topic))];
    this.metadata.refresh(topics).then(
      () => this.schedulePump(),
      () => this.arm(this.clock.nowMs() + this.backoffOptions.baseMs * 4),
    );
  }

  private streamTo(address: string): ProduceStream {
    let stream = this.streams.get(address);
    if (!stream || stream.failed) {
      const client = this.pool.client(address);
      stream = new ProduceStream(address, () => client.ProduceStream() as unknown as ProduceCall);
      this.streams.set(address, stream);
    }
    return stream;
  }

  /** Wakes up at `atMs` (or earlier if already armed earlier): lingered batches, held retries. */
  private arm(atMs: number | undefined): void {
    if (atMs === undefined || this.closed || atMs >= this.timerAtMs) return;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timerAtMs = atMs;
    this.timer = this.clock.setTimer(() => this.wake(), atMs - this.clock.nowMs());
  }

  private wake(): void {
    this.timer = undefined;
    this.timerAtMs = Infinity;
    for (const batch of this.accumulator.due(this.clock.nowMs())) this.seal(batch);
    this.arm(this.accumulator.nextDeadline());
    this.pump();
  }
}

function toBuffer(b: Bytes | null | undefined): Buffer | undefined {
  if (b === null || b === undefined) return undefined;
  if (typeof b === 'string') return Buffer.from(b, 'utf8');
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Shared by every record without headers (never mutated). */
const NO_HEADERS: { key: string; value: Buffer }[] = [];

function toHeaders(h: ProduceRecord['headers']): { key: string; value: Buffer }[] {
  if (!h) return NO_HEADERS;
  const list = Array.isArray(h) ? h : Object.entries(h).map(([key, value]) => ({ key, value }));
  return list.map(({ key, value }) => ({ key, value: toBuffer(value) ?? Buffer.alloc(0) }));
}
