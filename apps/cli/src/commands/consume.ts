/**
 * `trib consume TOPIC`: prints records as they arrive, until Ctrl-C or `--max-messages`.
 * Without `--group` it reads partitions directly (all, or `--partition`) from the log end,
 * `--from-beginning` or `--offset`; `--dlq` reads the topic's dead-letter topic `<topic>.dlq`
 * and shows where each record came from and why it failed (its `dlq.*` headers).
 */
import type { Command } from 'commander';
import { Consumer, type ConsumerRecord, type StartOffset } from '@tributary/client';
import { brokerAction, withBrokerOptions, type BrokerOptions } from '../brokers';
import { nextSignal, utf8OrUndefined } from '../coordination';
import { oneOf, parseNonNegativeInt, parsePositiveInt } from '../options';

type Format = 'text' | 'json';

type ConsumeOpts = BrokerOptions & {
  fromBeginning?: boolean;
  offset?: number;
  partition?: number;
  maxMessages?: number;
  format: Format;
  json?: boolean;
  printKey?: boolean;
  dlq?: boolean;
};

export function registerConsume(program: Command): void {
  withBrokerOptions(
    program
      .command('consume')
      .description('print records as they arrive, until Ctrl-C or --max-messages')
      .argument('<topic>', 'topic to read')
      .option('--from-beginning', 'start at the log start (default: new records only)')
      .option('-p, --partition <n>', 'read only this partition', parseNonNegativeInt)
      .option('--offset <n>', 'start at this offset (needs --partition)', parseNonNegativeInt)
      .option('-n, --max-messages <n>', 'exit 0 after this many records', parsePositiveInt)
      .option(
        '--format <format>',
        'text (values) or json (one object per line)',
        oneOf(['text', 'json'] as const),
        'text',
      )
      .option('--json', 'same as --format json')
      .option('--print-key', 'text format: print KEY<tab>VALUE')
      .option('--dlq', "read the topic's dead-letter topic <topic>.dlq, with the dlq.* headers"),
  ).action(
    brokerAction(async (topic: string, opts: ConsumeOpts, command: Command) => {
      if (opts.offset !== undefined && opts.partition === undefined) {
        command.error('error: --offset needs --partition (an offset belongs to one partition)');
      }
      if (opts.offset !== undefined && opts.fromBeginning) {
        command.error('error: give --offset or --from-beginning, not both');
      }
      const format: Format = opts.json ? 'json' : opts.format;
      const source = opts.dlq ? `${topic}.dlq` : topic;
      const from: StartOffset = opts.offset ?? (opts.fromBeginning ? 'earliest' : 'latest');
      const consumer = new Consumer({
        bootstrap: opts.bootstrap,
        requestTimeoutMs: opts.timeoutMs,
      });
      const signal = nextSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
      void signal.promise.then(() => consumer.close());
      try {
        await consumer.assign(
          source,
          from,
          opts.partition === undefined ? undefined : [opts.partition],
        );
        await printRecords(consumer, format, opts);
      } finally {
        signal.dispose();
        consumer.close();
      }
    }),
  );
}

async function printRecords(consumer: Consumer, format: Format, opts: ConsumeOpts): Promise<void> {
  let printed = 0;
  try {
    for await (const record of consumer) {
      process.stdout.write(format === 'json' ? jsonLine(record) : textLine(record, opts));
      printed += 1;
      if (opts.maxMessages !== undefined && printed >= opts.maxMessages) return;
    }
  } catch (error) {
    // Ctrl-C closes the consumer under the loop: that is the normal end.
    if ((error as { reason?: string }).reason !== 'CLIENT_CLOSED') throw error;
  }
}

function textOf(bytes: Buffer | null): string {
  if (bytes === null) return 'null';
  return utf8OrUndefined(bytes) ?? `base64:${bytes.toString('base64')}`;
}

function textLine(r: ConsumerRecord, opts: ConsumeOpts): string {
  const value = textOf(r.value);
  const line = opts.printKey ? `${textOf(r.key)}\t${value}` : value;
  if (!opts.dlq) return `${line}\n`;
  const h = headerMap(r);
  const origin = `${h['dlq.topic'] ?? '?'}/${h['dlq.partition'] ?? '?'}@${h['dlq.offset'] ?? '?'}`;
  return `${line}\t(from ${origin}, ${h['dlq.attempts'] ?? '?'} attempts: ${h['dlq.error'] ?? '?'})\n`;
}

function jsonLine(r: ConsumerRecord): string {
  return `${JSON.stringify({
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    timestampMs: r.timestampMs,
    key: r.key === null ? null : textOf(r.key),
    value: r.value === null ? null : textOf(r.value),
    headers: headerMap(r),
  })}\n`;
}

function headerMap(r: ConsumerRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of r.headers) out[h.key] = textOf(h.value);
  return out;
}
