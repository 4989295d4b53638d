/**
 * The broker log: an idempotent acks=all producer appends unique values to a replicated topic
 * while a consumer group reads and commits it; after the faults heal, a fresh reader reads every
 * partition from its start. The history is checked for the anomaly classes of Jepsen's Kafka and
 * Redpanda analyses (checkers/log-anomalies.ts): lost or duplicated writes, inconsistent offsets,
 * nonmonotonic polls, skipped records, reads of never-acknowledged writes, and committed offsets
 * going backwards.
 */
import * as path from 'node:path';
import { Admin, Consumer, Producer, type ConsumerRecord } from '@tributary/client';
import { checkLogHistory } from '@tributary/testkit';
import type { LogOp, LogRecord } from '@tributary/testkit';
import { History } from '../history';
import {
  sleep,
  loopUntil,
  type Workload,
  type WorkloadContext,
  type WorkloadVerdict,
} from './workload';

export interface LogWorkloadOptions {
  topic?: string;
  partitions?: number;
  replicationFactor?: number;
  consumers?: number;
  /** Records sent per second, roughly. */
  rate?: number;
  /** How long the final read waits for each partition to be readable to its end. */
  finalReadMs?: number;
}

const GROUP = 'faults-group';

export class LogWorkload implements Workload {
  readonly name = 'log';
  readonly needsBrokers = true;
  private readonly opts: Required<LogWorkloadOptions>;
  private history: History<LogOp> | undefined;
  private producer: Producer | undefined;
  private readonly consumers: Consumer[] = [];
  private readonly stopping = new AbortController();
  private running: Promise<void>[] = [];
  private readonly sends = new Set<Promise<unknown>>();

  constructor(options: LogWorkloadOptions = {}) {
    this.opts = {
      topic: 'faults-log',
      partitions: 3,
      replicationFactor: 3,
      consumers: 2,
      rate: 200,
      finalReadMs: 60_000,
      ...options,
    };
  }

  async start(ctx: WorkloadContext): Promise<void> {
    this.history = new History(path.join(ctx.dir, 'log.jsonl'));
    const admin = new Admin({ bootstrap: ctx.brokers });
    try {
      await admin.createTopic(this.opts.topic, {
        partitions: this.opts.partitions,
        replicationFactor: this.opts.replicationFactor,
        configs: { 'min.insync.replicas': String(Math.min(2, this.opts.replicationFactor)) },
      });
    } finally {
      admin.close();
    }
    this.producer = new Producer({
      bootstrap: ctx.brokers,
      acks: 'all',
      idempotent: true,
      requestTimeoutMs: 5_000,
      deliveryTimeoutMs: 60_000,
    });
    this.running.push(this.produce(ctx, this.producer));
    for (let c = 0; c < this.opts.consumers; c++)
      this.running.push(this.consume(ctx, `consumer${c}`));
  }

  private async produce(ctx: WorkloadContext, producer: Producer) {
    const history = this.history!;
    const topic = this.opts.topic;
    let n = 0;
    const intervalMs = 1000 / this.opts.rate;
    await loopUntil(
      this.stopping.signal,
      async () => {
        await sleep(intervalMs);
        const value = `r${++n}`;
        const invoke = ctx.clock.now();
        const sent = producer.send({ topic, value }).then(
          (m) =>
            history.add({
              type: 'send',
              process: 'producer',
              topic,
              value,
              outcome: 'ok',
              ack: { partition: m.partition, offset: m.offset },
              invoke,
              complete: ctx.clock.now(),
            }),
          // A batch that failed (delivery timeout, connection lost mid-request) may be in the log.
          () =>
            history.add({
              type: 'send',
              process: 'producer',
              topic,
              value,
              outcome: 'info',
              invoke,
              complete: ctx.clock.now(),
            }),
        );
        this.sends.add(sent);
        void sent.finally(() => this.sends.delete(sent));
      },
      () => undefined,
    );
  }

  private async consume(ctx: WorkloadContext, process: string) {
    const history = this.history!;
    const consumer = new Consumer({
      bootstrap: ctx.brokers,
      clientId: process,
      fetchWaitMsMax: 200,
      requestTimeoutMs: 10_000,
    });
    this.consumers.push(consumer);
    const assigned = () => {
      const now = ctx.clock.now();
      history.add({
        type: 'assign',
        process,
        group: GROUP,
        partitions: consumer.assignment(),
        invoke: now,
        complete: now,
      });
    };
    await consumer.subscribe([this.opts.topic], {
      groupId: GROUP,
      autoCommit: false,
      fromBeginning: true,
      sessionTimeoutMs: 10_000,
      onAssigned: assigned,
      onRevoked: assigned,
    });
    await loopUntil(
      this.stopping.signal,
      async () => {
        const invoke = ctx.clock.now();
        const records = await consumer.poll();
        const complete = ctx.clock.now();
        for (const [partition, recs] of byPartition(records)) {
          history.add({
            type: 'poll',
            process,
            group: GROUP,
            topic: this.opts.topic,
            partition,
            records: recs,
            invoke,
            complete,
          });
        }
        if (records.length === 0) return;
        const positions = consumer.positions();
        const commitAt = ctx.clock.now();
        const outcome = await consumer.commit().then(
          () => 'ok' as const,
          () => 'info' as const,
        );
        for (const p of positions) {
          history.add({
            type: 'commit',
            process,
            group: GROUP,
            topic: p.topic,
            partition: p.partition,
            offset: p.offset,
            outcome,
            invoke: commitAt,
            complete: ctx.clock.now(),
          });
        }
      },
      () => undefined,
    );
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.running);
    this.running = [];
    await this.producer?.flush().catch(() => undefined);
    await Promise.all([...this.sends]);
  }

  async check(ctx: WorkloadContext): Promise<WorkloadVerdict> {
    await Promise.all(this.consumers.splice(0).map((c) => c.close().catch(() => undefined)));
    await this.producer?.close().catch(() => undefined);
    await this.finalRead(ctx);
    const history = this.history!;
    history.close();
    const result = checkLogHistory(history.ops);
    const counts: Record<string, number> = {
      sentOk: result.stats.sends.ok,
      sentInfo: result.stats.sends.info,
      recordsPolled: result.stats.recordsPolled,
      ...result.counts,
    };
    const ok = result.ok && result.stats.sends.ok > 0;
    const anomalies = Object.entries(result.counts)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${v} ${k}`);
    const { sends } = result.stats;
    return {
      workload: this.name,
      ok,
      counts,
      summary:
        sends.ok === 0
          ? 'no send was acknowledged: nothing was checked'
          : `${sends.ok} acknowledged sends (${sends.info} unknown), ${result.stats.recordsPolled} records polled, ${result.stats.commits} commits, ${result.stats.finalReads} final reads: ${anomalies.length ? anomalies.join(', ') : 'no anomaly'}`,
      examples: ok ? undefined : result.examples,
    };
  }

  /** Reads every partition from its start to its high watermark, as one `final` op each. */
  private async finalRead(ctx: WorkloadContext) {
    const topic = this.opts.topic;
    const admin = new Admin({ bootstrap: ctx.brokers });
    try {
      for (const { partition, highWatermark } of await admin.topicOffsets(topic)) {
        const reader = new Consumer({
          bootstrap: ctx.brokers,
          clientId: 'final-reader',
          fetchWaitMsMax: 200,
        });
        const invoke = ctx.clock.now();
        const records: LogRecord[] = [];
        try {
          await reader.assign(topic, 'earliest', [partition]);
          const deadline = Date.now() + this.opts.finalReadMs;
          let next = 0;
          while (next < highWatermark && Date.now() < deadline) {
            for (const r of await reader.poll()) {
              records.push({ offset: r.offset, value: r.value?.toString() ?? '' });
              next = r.offset + 1;
            }
          }
          ctx.log(`log: partition ${partition} read to offset ${next} of ${highWatermark}`);
        } finally {
          await reader.close().catch(() => undefined);
        }
        this.history!.add({
          type: 'final',
          process: 'final-reader',
          topic,
          partition,
          records,
          invoke,
          complete: ctx.clock.now(),
        });
      }
    } finally {
      admin.close();
    }
  }
}

function byPartition(records: ConsumerRecord[]): Map<number, LogRecord[]> {
  const out = new Map<number, LogRecord[]>();
  for (const r of records) {
    const list = out.get(r.partition) ?? [];
    list.push({ offset: r.offset, value: r.value?.toString() ?? '' });
    out.set(r.partition, list);
  }
  return out;
}
