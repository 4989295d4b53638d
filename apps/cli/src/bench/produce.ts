/**
 * `trib bench produce`: one Producer (the SDK, as an application uses it) sends fixed-size
 * records without keys (sticky partitioning) to a fresh topic as fast as the buffer lets it, or
 * at `--rate`, after the OpenMessaging Benchmark's workloads. Throughput counts acknowledged
 * records over the measured time; publish latency is send() to acknowledgement of every record
 * (HdrHistogram; at full speed it includes the time a record waits in the producer's buffer,
 * as OMB's does).
 */
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import {
  Admin,
  Producer,
  type Acks,
  type CompressionName,
  type TlsOptions,
} from '@tributary/client';
import { LatencyRecorder, type LatencySummary } from './latency';

export interface ProduceWorkload {
  bootstrap: string[];
  recordBytes: number;
  partitions: number;
  replicationFactor: number;
  acks: Acks;
  /** Stop after this many records… */
  records: number | undefined;
  /** …or after this long. */
  durationS: number | undefined;
  /** Records per second; 0 = as fast as possible. */
  rate: number;
  lingerMs: number;
  batchBytesMax: number;
  compression: CompressionName;
  idempotent: boolean;
  /** The SDK's `tls` option, for brokers with TLS on. */
  tls?: TlsOptions | undefined;
}

/** `{ tls }` to spread into SDK options, or nothing. */
export function benchTls(w: { tls?: TlsOptions | undefined }): { tls?: TlsOptions } {
  return w.tls ? { tls: w.tls } : {};
}

/** What one publishing run measured, for Tributary and the JetStream peer alike. */
export interface PublishFigures {
  records: number;
  errors: number;
  first_error: string | undefined;
  elapsed_s: number;
  msgs_per_s: number;
  /** Record values only, 10^6 bytes per second. */
  mb_per_s: number;
  latency: LatencySummary;
}

export interface ProduceResult extends PublishFigures {
  topic: string;
}

/** Records appended between two yields to the event loop, so acks and I/O get their turn. */
const SEND_SLICE = 2_000;
/** Bytes the producer may hold unacknowledged before the loop waits (keeps latency honest). */
const BENCH_BUFFER_BYTES = 4 * 1024 * 1024;

/** A fresh topic name per run so runs never see each other's records. */
export function benchTopic(kind: string): string {
  return `bench-${kind}-${Date.now().toString(36)}-${process.pid}`;
}

export async function createBenchTopic(w: ProduceWorkload, topic: string): Promise<void> {
  const admin = new Admin({ bootstrap: w.bootstrap, ...benchTls(w) });
  try {
    await admin.createTopic(topic, {
      partitions: w.partitions,
      replicationFactor: w.replicationFactor,
    });
    await waitForLeaders(admin, topic);
  } finally {
    admin.close();
  }
}

export async function deleteBenchTopic(
  bootstrap: string[],
  topic: string,
  tls?: TlsOptions,
): Promise<void> {
  const admin = new Admin({ bootstrap, ...benchTls({ tls }) });
  try {
    await admin.deleteTopic(topic);
  } catch {
    // Best effort: a leftover bench topic only costs disk.
  } finally {
    admin.close();
  }
}

/** Until every partition has a leader (the controller places them right after creation). */
async function waitForLeaders(admin: Admin, topic: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [t] = await admin.describeTopics([topic]);
    if (t && t.partitions.every((p) => p.leader >= 0)) return;
    if (Date.now() > deadline) throw new Error(`topic ${topic} has partitions without a leader`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function newBenchProducer(w: ProduceWorkload): Producer {
  return new Producer({
    bootstrap: w.bootstrap,
    ...benchTls(w),
    acks: w.acks,
    idempotent: w.idempotent,
    lingerMs: w.lingerMs,
    batchBytesMax: w.batchBytesMax,
    compression: w.compression,
    bufferBytesMax: BENCH_BUFFER_BYTES,
  });
}

/** Sends the workload's records to `topic` and measures them. */
export async function runProduce(w: ProduceWorkload, topic: string): Promise<ProduceResult> {
  const producer = newBenchProducer(w);
  const value = randomBytes(w.recordBytes);
  const recorder = new LatencyRecorder();
  let acked = 0;
  let errors = 0;
  let firstError: string | undefined;
  // A first record makes the producer learn the topic's leaders (and its producer id).
  await producer.send({ topic, value });
  const startMs = performance.now();
  const endMs = w.durationS !== undefined ? startMs + w.durationS * 1000 : Infinity;
  const total = w.records ?? Infinity;
  const pace = w.rate > 0 ? w.rate / 1000 : Infinity;
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    if (now >= endMs) break;
    const due = pace === Infinity ? total : Math.floor((now - startMs) * pace) + 1;
    const slice = Math.min(total, due, sent + SEND_SLICE);
    for (; sent < slice; sent++) {
      const t0 = process.hrtime.bigint();
      producer.sendWith({ topic, value }, (error) => {
        if (error) {
          errors++;
          firstError ??= error.message;
          return;
        }
        acked++;
        recorder.recordNs(process.hrtime.bigint() - t0);
      });
    }
    if (producer.bufferFull) await producer.waitForSpace();
    else if (sent >= due) await new Promise((r) => setTimeout(r, 1));
    else await yieldToIo();
  }
  await producer.flush();
  const elapsed_s = (performance.now() - startMs) / 1000;
  await producer.close();
  return {
    topic,
    records: acked,
    errors,
    first_error: firstError,
    elapsed_s,
    msgs_per_s: acked / elapsed_s,
    mb_per_s: (acked * w.recordBytes) / elapsed_s / 1e6,
    latency: recorder.summary(),
  };
}
