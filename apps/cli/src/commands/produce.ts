/**
 * `trib produce TOPIC [VALUE...]`: records from the arguments, or one per line of stdin, sent
 * with the SDK's Producer (batched, idempotent with acks leader/all). Prints what landed where:
 * a summary per partition, or with --json one line per record.
 */
import * as readline from 'node:readline';
import type { Command } from 'commander';
import {
  Producer,
  type Acks,
  type CompressionName,
  type ProduceRecord,
  type RecordMetadata,
} from '@tributary/client';
import { brokerAction, withBrokerOptions, type BrokerOptions } from '../brokers';
import { sdkTls } from '../tls-options';
import { oneOf, parseKeyValues, parseNonNegativeInt } from '../options';

type ProduceOpts = BrokerOptions & {
  key?: string;
  keySeparator?: string;
  headers: Record<string, string>;
  partition?: number;
  acks: Acks;
  compression: CompressionName;
  json?: boolean;
};

export function registerProduce(program: Command): void {
  withBrokerOptions(
    program
      .command('produce')
      .description('send records: the VALUE arguments, or else one record per line of stdin')
      .argument('<topic>', 'topic to produce to')
      .argument('[values...]', 'record values (default: read lines from stdin)')
      .option('-k, --key <key>', 'key of every record (records with one key share a partition)')
      .option(
        '-K, --key-separator <sep>',
        'split each value at the first SEP into key and value (e.g. "user-1:hello")',
      )
      .option('-H, --headers <k=v,…>', 'headers of every record (repeatable)', parseKeyValues, {})
      .option(
        '-p, --partition <n>',
        'partition to write to (default: by key, else sticky)',
        parseNonNegativeInt,
      )
      .option(
        '--acks <acks>',
        'all, leader or none',
        oneOf(['all', 'leader', 'none'] as const),
        'all',
      )
      .option(
        '--compression <codec>',
        'none, gzip, zstd or lz4',
        oneOf(['none', 'gzip', 'zstd', 'lz4'] as const),
        'none',
      )
      .option('--json', 'print {topic, partition, offset} of each record, one JSON per line'),
  ).action(
    brokerAction(async (topic: string, values: string[], opts: ProduceOpts) => {
      if (values.length === 0 && process.stdin.isTTY) {
        process.stderr.write('reading records from stdin, one per line; Ctrl-D to finish\n');
      }
      const lines = values.length > 0 ? values : stdinLines();
      const producer = new Producer({
        bootstrap: opts.bootstrap,
        acks: opts.acks,
        compression: opts.compression,
        requestTimeoutMs: opts.timeoutMs,
        deliveryTimeoutMs: opts.timeoutMs,
        ...sdkTls(opts),
      });
      const summary = new Summary(topic, opts.json === true);
      try {
        await sendAll(producer, lines, (line) => recordOf(topic, line, opts), summary);
      } finally {
        await producer.close().catch(() => undefined);
      }
      if (summary.error) throw summary.error;
      if (summary.records >= PROGRESS_EVERY && process.stderr.isTTY) process.stderr.write('\n');
      if (!opts.json) process.stdout.write(summary.text());
    }),
  );
}

function recordOf(topic: string, line: string, opts: ProduceOpts): ProduceRecord {
  let key: string | undefined = opts.key;
  let value = line;
  if (opts.keySeparator !== undefined) {
    const at = line.indexOf(opts.keySeparator);
    if (at >= 0) {
      key = line.slice(0, at);
      value = line.slice(at + opts.keySeparator.length);
    }
  }
  return { topic, key, value, headers: opts.headers, partition: opts.partition };
}

/** Sends every line, waiting for buffer space when full; stops at the first failed record. */
async function sendAll(
  producer: Producer,
  lines: Iterable<string> | AsyncIterable<string>,
  toRecord: (line: string) => ProduceRecord,
  summary: Summary,
): Promise<void> {
  for await (const line of lines) {
    if (summary.error) break;
    producer.sendWith(toRecord(line), (error, metadata) => summary.add(error, metadata));
    if (producer.bufferFull) await producer.waitForSpace();
  }
  await producer.flush();
}

async function* stdinLines(): AsyncIterable<string> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Acknowledged records between two progress lines. */
const PROGRESS_EVERY = 10_000;

/** Acknowledged records per partition (offset ranges), and the first failure. */
class Summary {
  error: Error | undefined;
  private count = 0;

  get records(): number {
    return this.count;
  }
  private readonly ranges = new Map<number, { first: number; last: number; count: number }>();

  constructor(
    private readonly topic: string,
    private readonly json: boolean,
  ) {}

  add(error: Error | undefined, metadata: RecordMetadata | undefined): void {
    if (error || !metadata) {
      this.error ??= error ?? new Error('a record was answered without its offset');
      return;
    }
    this.count += 1;
    // A long stdin feed shows it is moving, on a terminal only (scripts get the summary).
    if (this.count % PROGRESS_EVERY === 0 && process.stderr.isTTY) {
      process.stderr.write(`\rsent ${this.count} records…`);
    }
    if (this.json) {
      process.stdout.write(`${JSON.stringify(metadata)}\n`);
      return;
    }
    const r = this.ranges.get(metadata.partition);
    if (!r)
      this.ranges.set(metadata.partition, {
        first: metadata.offset,
        last: metadata.offset,
        count: 1,
      });
    else {
      r.first = Math.min(r.first, metadata.offset);
      r.last = Math.max(r.last, metadata.offset);
      r.count += 1;
    }
  }

  text(): string {
    const parts = [...this.ranges.entries()]
      .sort(([a], [b]) => a - b)
      .map(([p, r]) =>
        r.first < 0
          ? `partition ${p}: ${r.count} (acks none: no offsets)`
          : `partition ${p} offsets ${r.first}${r.last > r.first ? `..${r.last}` : ''}`,
      );
    const noun = this.count === 1 ? 'record' : 'records';
    return `produced ${this.count} ${noun} to ${this.topic}${parts.length ? `: ${parts.join(', ')}` : ''}\n`;
  }
}
