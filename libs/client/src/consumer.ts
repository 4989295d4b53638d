/**
 * `Consumer`: reads assigned partitions from their leaders with long-polling Fetch calls
 * (DESIGN §5) and decodes the batches itself (the broker serves them as stored).
 *
 * Each assigned partition keeps one Fetch in flight: as soon as an answer arrives the next
 * fetch starts from the end of its last batch, before the records are decoded, so the network
 * and the broker work while the application handles the previous records. A fetch that fails
 * NOT_LEADER (or UNAVAILABLE) refreshes the metadata and tries again after a backoff; any
 * other error (OFFSET_OUT_OF_RANGE, UNKNOWN_TOPIC, …) is thrown by `poll`.
 */
import { status as Code } from '@grpc/grpc-js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@tributary/rpc';
import type { FetchResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchResponse';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { BrokerMetadata } from './broker-metadata';
import { BrokerPool } from './broker-pool';
import { sleepUnless, systemClock, systemRandom, type Clock, type Random } from './clock';
import { batchEnd, decodeFetched, type ConsumerRecord } from './consumer-decode';
import { clientError, CoordinationError, fromCallError } from './errors';

export type { ConsumerRecord };

export type StartOffset = 'earliest' | 'latest' | number;

export interface ConsumerOptions {
  /** Broker addresses, `host:port`; any live one will do. */
  bootstrap: string[];
  /** Soft cap on the bytes of one Fetch answer; default 4 MiB. */
  fetchBytesMax?: number;
  /** Longest a Fetch waits for data; default 500 ms. */
  fetchWaitMsMax?: number;
  /** Bound of metadata and offset calls; default 30000. */
  requestTimeoutMs?: number;
  maxMessageBytes?: number;
  backoff?: BackoffOptions;
  clock?: Clock;
  random?: Random;
}

interface Assigned {
  topic: string;
  partition: number;
  /** Next offset to hand to the application. */
  position: number;
  /** Where the fetch in flight (or the next one) starts. */
  fetchOffset: number;
  inflight: Promise<void> | undefined;
  /** Answers not yet taken by `poll`, oldest first. */
  ready: Fetched[];
  backoff: Backoff;
}

/** Answers a partition may hold ahead of `poll` (the one being handed over, and one more). */
const READY_MAX = 2;

type Fetched =
  { ok: true; response: FetchResponse__Output } | { ok: false; error: CoordinationError };

export class Consumer {
  private readonly pool: BrokerPool;
  private readonly metadata: BrokerMetadata;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly backoffOptions: BackoffOptions;
  private readonly fetchBytesMax: number;
  private readonly fetchWaitMsMax: number;
  private readonly requestTimeoutMs: number;
  private readonly assigned = new Map<string, Assigned>();
  private wake: (() => void) | undefined;
  private readonly closing = new AbortController();

  constructor(options: ConsumerOptions) {
    this.fetchBytesMax = options.fetchBytesMax ?? 4 * 1024 * 1024;
    this.fetchWaitMsMax = options.fetchWaitMsMax ?? 500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.backoffOptions = options.backoff ?? DEFAULT_BACKOFF;
    this.pool = new BrokerPool({
      maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    });
    this.metadata = new BrokerMetadata(options.bootstrap, this.pool, this.requestTimeoutMs);
  }

  /**
   * Reads `partitions` of `topic` (every partition when omitted) from `from`: an offset, the
   * log start ('earliest') or the high watermark ('latest').
   */
  async assign(topic: string, from: StartOffset, partitions?: number[]): Promise<void> {
    const leaders = await this.metadata.require(topic);
    const list = partitions ?? leaders.partitions.map((_, i) => i);
    for (const partition of list) {
      if (!(partition >= 0 && partition < leaders.partitions.length)) {
        throw new CoordinationError({
          code: Code.NOT_FOUND,
          reason: 'UNKNOWN_PARTITION',
          message: `topic '${topic}' has partitions 0..${leaders.partitions.length - 1}, not ${partition}`,
        });
      }
    }
    await Promise.all(
      list.map(async (partition) => {
        const offset =
          typeof from === 'number' ? from : await this.listOffset(topic, partition, from);
        this.assigned.set(`${topic}\0${partition}`, {
          topic,
          partition,
          position: offset,
          fetchOffset: offset,
          inflight: undefined,
          ready: [],
          backoff: new Backoff(this.backoffOptions, this.random),
        });
      }),
    );
  }

  /** Where each assigned partition's next record is. */
  positions(): { topic: string; partition: number; offset: number }[] {
    return [...this.assigned.values()].map((a) => ({
      topic: a.topic,
      partition: a.partition,
      offset: a.position,
    }));
  }

  /**
   * The next records of whichever assigned partitions have some: waits (up to the fetch wait)
   * until at least one fetch answers. An empty array means nothing arrived in time.
   */
  async poll(): Promise<ConsumerRecord[]> {
    if (this.assigned.size === 0) throw new Error('poll before assign: no partition to read');
    for (const a of this.assigned.values()) this.startFetch(a);
    const hasReady = () => [...this.assigned.values()].some((a) => a.ready.length > 0);
    if (!hasReady()) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    if (this.closing.signal.aborted) throw clientError('CLIENT_CLOSED', 'the consumer was closed');
    const out: ConsumerRecord[] = [];
    for (const a of this.assigned.values()) {
      const result = a.ready.shift();
      if (!result) continue;
      if (!result.ok) {
        if (result.error.reason === 'CLIENT_CLOSED') throw result.error;
        a.ready.length = 0;
        await this.recover(a, result.error);
        continue;
      }
      a.backoff.reset();
      const batches = result.response.batches;
      this.startFetch(a);
      if (batches.length === 0) continue;
      const records = await decodeFetched(a.topic, a.partition, batches, a.position);
      for (const r of records) out.push(r);
      a.position = Math.max(a.position, batchEnd(batches[batches.length - 1]!));
    }
    return out;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ConsumerRecord> {
    while (!this.closing.signal.aborted) {
      for (const record of await this.poll()) yield record;
    }
  }

  close(): void {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.wake?.();
    this.pool.close();
  }

  /**
   * One Fetch per partition in flight, and at most READY_MAX answers waiting for `poll`: after
   * an answer with data the next fetch starts from the end of its last batch at once.
   */
  private startFetch(a: Assigned): void {
    if (a.inflight || a.ready.length >= READY_MAX || this.closing.signal.aborted) return;
    a.inflight = this.fetchOnce(a, a.fetchOffset).then((result) => {
      a.inflight = undefined;
      a.ready.push(result);
      if (result.ok && result.response.batches.length > 0) {
        a.fetchOffset = batchEnd(result.response.batches[result.response.batches.length - 1]!);
        this.startFetch(a);
      }
      this.wake?.();
    });
  }

  private async fetchOnce(a: Assigned, from: number): Promise<Fetched> {
    const leader = this.metadata.topic(a.topic)?.partitions[a.partition];
    if (!leader?.address) {
      return { ok: false, error: notLeader(a) };
    }
    try {
      const response = await this.pool.call(
        leader.address,
        'Fetch',
        {
          topic: a.topic,
          partition: a.partition,
          offset: from,
          max_bytes: this.fetchBytesMax,
          max_wait_ms: this.fetchWaitMsMax,
        },
        this.fetchWaitMsMax + this.requestTimeoutMs,
      );
      return { ok: true, response };
    } catch (error) {
      return { ok: false, error: fromCallError(error) };
    }
  }

  /**
   * NOT_LEADER, unreachable leaders and brokers that do not know a new topic yet: refresh,
   * back off, fetch again; anything else (a deleted topic included) throws.
   */
  private async recover(a: Assigned, error: CoordinationError): Promise<void> {
    const moved =
      error.reason === 'NOT_LEADER' ||
      error.reason === 'NO_LEADER' ||
      error.reason === 'UNKNOWN_LEADER_EPOCH' ||
      error.code === Code.UNAVAILABLE;
    const unknown = error.reason === 'UNKNOWN_TOPIC' || error.reason === 'UNKNOWN_PARTITION';
    if (!moved && !unknown && !error.retriable) throw error;
    a.fetchOffset = a.position;
    await this.metadata.refresh([a.topic]).catch(() => undefined);
    if (unknown && !this.metadata.topic(a.topic)) throw error;
    await sleepUnless(this.clock, a.backoff.next(error.retryDelayMs), this.closing.signal);
  }

  private async listOffset(topic: string, partition: number, spec: 'earliest' | 'latest') {
    const backoff = new Backoff(this.backoffOptions, this.random);
    const deadline = this.clock.nowMs() + this.requestTimeoutMs;
    for (;;) {
      const leader = this.metadata.topic(topic)?.partitions[partition];
      try {
        if (!leader?.address) throw notLeader({ topic, partition });
        const r = await this.pool.call(
          leader.address,
          'ListOffsets',
          {
            topic,
            partition,
            spec: spec === 'earliest' ? 'OFFSET_SPEC_EARLIEST' : 'OFFSET_SPEC_LATEST',
          },
          this.requestTimeoutMs,
        );
        return r.offset;
      } catch (error) {
        const err = fromCallError(error);
        // A new topic's metadata may not have reached its leader yet (see recover).
        const unknown = err.reason === 'UNKNOWN_TOPIC' || err.reason === 'UNKNOWN_PARTITION';
        if (!(err.retriable || unknown) || this.clock.nowMs() >= deadline) throw err;
        await this.metadata.refresh([topic]).catch(() => undefined);
        await sleepUnless(this.clock, backoff.next(err.retryDelayMs), this.closing.signal);
      }
    }
  }
}

function notLeader(p: { topic: string; partition: number }): CoordinationError {
  return new CoordinationError({
    code: Code.UNAVAILABLE,
    reason: 'NO_LEADER',
    message: `partition ${p.topic}/${p.partition} has no known leader`,
    retriable: true,
  });
}
