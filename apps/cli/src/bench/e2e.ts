/**
 * `trib bench e2e`: end-to-end latency at a fixed rate (the 5,000 msg/s). One producer
 * and one consumer in this process: each record's value starts with the producer-side send time
 * (performance.now() as a float64, one clock for both ends), and the consumer records now minus
 * that time for every record it reads. The consumer reads from the log end before the producer
 * starts, so every record is seen once.
 */
import { Consumer } from '@tributary/client';
import { LatencyRecorder, type LatencySummary } from './latency';
import { benchTls, newBenchProducer, type ProduceWorkload } from './produce';

export interface E2eResult {
  topic: string;
  rate: number;
  sent: number;
  received: number;
  errors: number;
  first_error: string | undefined;
  elapsed_s: number;
  latency: LatencySummary;
}

/** Sending happens in ticks of this many ms (rate / 1000 × TICK_MS records each). */
const TICK_MS = 1;
/** How long the consumer may go on after the last send to pick up the tail. */
const DRAIN_MS = 5_000;

export async function runE2e(w: ProduceWorkload, topic: string): Promise<E2eResult> {
  if (!(w.rate > 0)) throw new Error('e2e needs a fixed --rate (records per second)');
  const durationS = w.durationS ?? (w.records ?? 50_000) / w.rate;
  const producer = newBenchProducer(w);
  const consumer = new Consumer({ bootstrap: w.bootstrap, fetchWaitMsMax: 100, ...benchTls(w) });
  const recorder = new LatencyRecorder();
  const value = Buffer.alloc(Math.max(8, w.recordBytes));
  let sent = 0;
  let received = 0;
  let errors = 0;
  let firstError: string | undefined;
  try {
    await consumer.assign(topic, 'latest');
    let reading = true;
    const reader = (async () => {
      while (reading) {
        for (const r of await consumer.poll()) {
          if (!r.value || r.value.length < 8) continue;
          const ns = (performance.now() - r.value.readDoubleLE(0)) * 1e6;
          recorder.recordNs(BigInt(Math.max(1000, Math.round(ns))));
          received++;
        }
      }
    })();
    const startMs = performance.now();
    const endMs = startMs + durationS * 1000;
    const perMs = w.rate / 1000;
    while (performance.now() < endMs) {
      const due = Math.floor((performance.now() - startMs) * perMs);
      for (; sent < due; sent++) {
        const v = Buffer.from(value);
        v.writeDoubleLE(performance.now(), 0);
        producer.sendWith({ topic, value: v }, (error) => {
          if (!error) return;
          errors++;
          firstError ??= error.message;
        });
      }
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
    const elapsed_s = (performance.now() - startMs) / 1000;
    await producer.flush();
    const drainEnd = performance.now() + DRAIN_MS;
    while (received < sent - errors && performance.now() < drainEnd) {
      await new Promise((r) => setTimeout(r, 10));
    }
    reading = false;
    await consumer.close();
    await reader.catch(() => undefined);
    return {
      topic,
      rate: w.rate,
      sent,
      received,
      errors,
      first_error: firstError,
      elapsed_s,
      latency: recorder.summary(),
    };
  } finally {
    await consumer.close();
    await producer.close();
  }
}
