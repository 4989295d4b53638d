/**
 * `trib bench consume`: consumer catch-up. A producer first writes `--records` records to a
 * fresh topic (not measured); then one Consumer assigned every partition from the earliest
 * offset reads them all back, decoding every record, and the time from the first poll to the
 * last record is the catch-up time.
 */
import { Consumer } from '@tributary/client';
import { benchTls, runProduce, type ProduceWorkload } from './produce';

export interface ConsumeResult {
  topic: string;
  records: number;
  elapsed_s: number;
  records_per_s: number;
  mb_per_s: number;
  /** Throughput of the unmeasured fill, for the record. */
  fill_msgs_per_s: number;
}

/** A catch-up that reads nothing for this long has failed. */
const STALL_MS = 30_000;

export async function runConsume(w: ProduceWorkload, topic: string): Promise<ConsumeResult> {
  const fill = await runProduce({ ...w, rate: 0, durationS: undefined }, topic);
  if (fill.errors > 0) throw new Error(`filling ${topic} failed: ${fill.first_error}`);
  const expected = fill.records + 1; // runProduce's first record, sent before it measures
  const consumer = new Consumer({ bootstrap: w.bootstrap, ...benchTls(w) });
  try {
    await consumer.assign(topic, 'earliest');
    let received = 0;
    let bytes = 0;
    const startMs = performance.now();
    let progressMs = startMs;
    while (received < expected) {
      const records = await consumer.poll();
      const now = performance.now();
      if (records.length > 0) progressMs = now;
      else if (now - progressMs > STALL_MS) {
        throw new Error(`consumer read nothing for ${STALL_MS} ms at ${received} of ${expected}`);
      }
      received += records.length;
      for (const r of records) bytes += r.value?.length ?? 0;
    }
    const elapsed_s = (performance.now() - startMs) / 1000;
    return {
      topic,
      records: received,
      elapsed_s,
      records_per_s: received / elapsed_s,
      mb_per_s: bytes / elapsed_s / 1e6,
      fill_msgs_per_s: fill.msgs_per_s,
    };
  } finally {
    await consumer.close();
  }
}
