/**
 * The peer of `trib bench produce`: NATS JetStream (Debian's nats-server, npm `nats` client) on
 * this machine in the same run. `startNatsServer` runs `nats-server -js` on a free loopback port
 * with a fresh store directory (file storage); `runJetStream` creates a stream of one replica
 * (R1) and publishes fixed-size records either asynchronously with `window` publishes in flight
 * (the 256) or one at a time, each awaited (window 1: publish-and-await). Latency is
 * publish() to its PubAck. The client runs without async stack traces (`noAsyncTraces`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, RetentionPolicy, StorageType, type NatsConnection } from 'nats';
import { LatencyRecorder } from './latency';
import { freePorts } from '@tributary/rpc';
import type { PublishFigures } from './produce';
import { stopChild } from './produce-cluster';
import { NATS_MISSING, natsServerBinary } from './peer-servers';

export interface NatsServer {
  url: string;
  version: string;
  stop(): Promise<void>;
}

export interface JetStreamResult extends PublishFigures {
  mode: string;
  window: number;
}

export async function startNatsServer(): Promise<NatsServer> {
  const binary = natsServerBinary();
  if (!binary) throw new Error(NATS_MISSING);
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-bench-nats-'));
  const [port] = await freePorts(1);
  const child = spawn(binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  // A spawn failure (not executable, say) is an 'error' event; unhandled, it would crash us.
  child.on('error', (error) => (log += `\n${binary}: ${error.message}`));
  await waitForLine(child, () => log, /Server is ready/, 10_000);
  const version = /Version:\s+(\S+)/.exec(log)?.[1] ?? '?';
  return {
    url: `127.0.0.1:${port}`,
    version,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

export async function runJetStream(
  url: string,
  options: {
    recordBytes: number;
    records: number;
    window: number;
    /** Target publishes per second (0 = as fast as the window allows), for a rate sweep. */
    rate?: number;
    /** Stop after this long even if `records` are not all sent. */
    durationS?: number;
  },
): Promise<JetStreamResult> {
  // Async stack traces (an Error captured per request) are a debugging aid that halves the
  // client's publish rate; the peer is measured at its best.
  const nc: NatsConnection = await connect({ servers: url, noAsyncTraces: true });
  const name = `bench_${Date.now().toString(36)}_${options.recordBytes}_${options.window}`;
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({
    name,
    subjects: [`${name}.>`],
    storage: StorageType.File,
    num_replicas: 1,
    retention: RetentionPolicy.Limits,
  });
  const js = nc.jetstream();
  const subject = `${name}.records`;
  const value = randomBytes(options.recordBytes);
  const recorder = new LatencyRecorder();
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  let startMs = 0;
  const rate = options.rate ?? 0;
  const lane = async () => {
    while (next < options.records) {
      const now = performance.now();
      if (options.durationS !== undefined && now - startMs >= options.durationS * 1000) break;
      const index = next++;
      // Paced like produce.ts: publish number i is due at start + i / rate.
      const dueMs = rate > 0 ? startMs + (index / rate) * 1000 : now;
      if (dueMs > now) await new Promise((r) => setTimeout(r, dueMs - now));
      const t0 = process.hrtime.bigint();
      try {
        await js.publish(subject, value);
        recorder.recordNs(process.hrtime.bigint() - t0);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  try {
    await js.publish(subject, value); // warm: the stream's first write
    startMs = performance.now();
    await Promise.all(Array.from({ length: options.window }, lane));
    const elapsed_s = (performance.now() - startMs) / 1000;
    const records = recorder.count;
    return {
      mode:
        (options.window > 1 ? `async publish, window ${options.window}` : 'publish-and-await') +
        (rate > 0 ? ` @${rate}/s` : ''),
      window: options.window,
      records,
      errors,
      first_error: firstError,
      elapsed_s,
      msgs_per_s: records / elapsed_s,
      mb_per_s: (records * options.recordBytes) / elapsed_s / 1e6,
      latency: recorder.summary(),
    };
  } finally {
    await jsm.streams.delete(name).catch(() => undefined);
    await nc.drain();
  }
}

function waitForLine(
  child: ChildProcess,
  text: () => string,
  pattern: RegExp,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(text())) done();
      else if (child.exitCode !== null)
        done(new Error(`nats-server exited: ${text().slice(-500)}`));
    }, 20);
    const deadline = setTimeout(
      () => done(new Error(`nats-server not ready in ${timeoutMs} ms: ${text().slice(-500)}`)),
      timeoutMs,
    );
    function done(error?: Error) {
      clearInterval(timer);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve();
    }
  });
}
