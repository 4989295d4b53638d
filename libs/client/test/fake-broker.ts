/**
 * An in-process BrokerService that keeps one log per partition in memory, for producer and
 * consumer tests without a cluster: Metadata (this broker leads every partition),
 * AllocateProducerId, ProduceStream with idempotent dedup (a batch whose producer id and base
 * sequence it already holds is answered with the original offset, `duplicate` true), Fetch and
 * ListOffsets. `failNext` makes the next produce answers fail with a reason, once each.
 */
import * as grpc from '@grpc/grpc-js';
import {
  contract,
  createServer,
  statusDetailsBytes,
  type Reason,
  type TributaryServer,
} from '@tributary/rpc';
import type { ProduceStreamRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceStreamRequest';
import type { ProduceStreamResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceStreamResponse';
import type { RecordBatch__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/RecordBatch';

export class FakeBroker {
  readonly logs = new Map<string, RecordBatch__Output[]>();
  /** Every ProduceStream request received, in order. */
  readonly produced: ProduceStreamRequest__Output[] = [];
  /** Reasons the next produce answers fail with (after appending, for `afterAppend`). */
  readonly failures: { reason: Reason; afterAppend: boolean }[] = [];
  address = '';
  private server: TributaryServer | undefined;
  private nextPid = 1;

  constructor(
    private readonly topic: string,
    private readonly partitions: number,
  ) {
    for (let p = 0; p < partitions; p++) this.logs.set(`${topic}/${p}`, []);
  }

  failNext(reason: Reason, afterAppend = false): void {
    this.failures.push({ reason, afterAppend });
  }

  async start(): Promise<string> {
    const server = createServer();
    const service = contract().tributary.broker.v1.BrokerService.service;
    server.grpc.addService(service, {
      Metadata: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, this.metadata()),
      AllocateProducerId: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb(null, { producer_id: this.nextPid++, producer_epoch: 0 }),
      ProduceStream: (
        call: grpc.ServerDuplexStream<ProduceStreamRequest__Output, ProduceStreamResponse>,
      ) => {
        call.on('data', (r: ProduceStreamRequest__Output) => call.write(this.produce(r)));
        call.on('end', () => call.end());
      },
      Fetch: (
        call: grpc.ServerUnaryCall<{ topic: string; partition: number; offset: number }, unknown>,
        cb: grpc.sendUnaryData<unknown>,
      ) => {
        const log = this.logs.get(`${call.request.topic}/${call.request.partition}`) ?? [];
        const batches = log.filter((b) => b.base_offset + b.record_count > call.request.offset);
        cb(null, { batches, high_watermark: end(log), log_start_offset: 0 });
      },
      ListOffsets: (
        call: grpc.ServerUnaryCall<{ topic: string; partition: number; spec: string }, unknown>,
        cb: grpc.sendUnaryData<unknown>,
      ) => {
        const log = this.logs.get(`${call.request.topic}/${call.request.partition}`) ?? [];
        cb(null, { offset: call.request.spec === 'OFFSET_SPEC_EARLIEST' ? 0 : end(log) });
      },
    });
    this.server = server;
    this.address = await server.listen('127.0.0.1:0');
    return this.address;
  }

  async stop(): Promise<void> {
    await this.server?.drain(100);
  }

  /** The partition's log end offset. */
  logEnd(partition: number): number {
    return end(this.logs.get(`${this.topic}/${partition}`)!);
  }

  private metadata() {
    return {
      brokers: [{ broker_id: 1, address: this.address }],
      topics: [
        {
          name: this.topic,
          partitions: Array.from({ length: this.partitions }, (_, p) => ({
            partition: p,
            leader: 1,
            leader_epoch: 0,
            replicas: [1],
            isr: [1],
          })),
        },
      ],
    };
  }

  private produce(r: ProduceStreamRequest__Output): ProduceStreamResponse {
    this.produced.push(r);
    const p = r.produce!;
    const batch = p.batch!;
    const log = this.logs.get(`${p.topic}/${p.partition}`)!;
    const failure = this.failures.shift();
    if (failure && !failure.afterAppend) return this.failed(r, failure.reason);
    const dup =
      batch.producer_id > 0 &&
      log.find(
        (b) => b.producer_id === batch.producer_id && b.base_sequence === batch.base_sequence,
      );
    if (dup) {
      if (failure) return this.failed(r, failure.reason);
      return {
        request_id: r.request_id,
        produce: { base_offset: dup.base_offset, duplicate: true },
      };
    }
    const last = [...log].reverse().find((b) => b.producer_id === batch.producer_id);
    if (
      batch.producer_id > 0 &&
      (last ? last.base_sequence + last.record_count : 0) !== batch.base_sequence
    ) {
      return this.failed(r, 'OUT_OF_ORDER_SEQUENCE');
    }
    const base = end(log);
    log.push({ ...batch, base_offset: base });
    if (failure) return this.failed(r, failure.reason);
    return {
      request_id: r.request_id,
      produce: { base_offset: base, log_append_time_ms: Date.now() },
    };
  }

  private failed(r: ProduceStreamRequest__Output, reason: Reason): ProduceStreamResponse {
    return {
      request_id: r.request_id,
      status_details: statusDetailsBytes(reason, `fake broker: ${reason}`, { retryDelayMs: 1 }),
    };
  }
}

function end(log: RecordBatch__Output[]): number {
  const last = log[log.length - 1];
  return last ? last.base_offset + last.record_count : 0;
}
