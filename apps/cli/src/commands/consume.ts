/**
 * `trib consume TOPIC`: prints records as they arrive, until Ctrl-C or `--max-messages`.
 * With `--group` it joins the consumer group and reads the partitions the group hands it from
 * the committed offsets, committing what it printed when it exits (at-least-once: a record is
 * printed again only if the command dies before its commit). Without, it reads partitions
 * directly (all, or `--partition`) from the log end, `--from-beginning` or `--offset`. `--dlq`
 * reads the topic's dead-letter topic `<topic>.dlq` and shows where each record came from and
 * why it failed (its `dlq.*` headers).
 */
import type { Command } from 'commander';
import { Consumer, type ConsumerRecord, type StartOffset } from '@tributary/client';
import { brokerAction, withAdmin, withBrokerOptions, type BrokerOptions } from '../brokers';
import { sdkTls } from '../tls-options';
import { nextSignal, utf8OrUndefined } from '../coordination';
import { oneOf, parseNonNegativeInt, parsePositiveInt } from '../options';

type Format = 'text' | 'json';

type ConsumeOpts = BrokerOptions & {
  fromBeginning?: boolean;
  offset?: number;
  partition?: number;
  maxMessages?: number;
  group?: string;
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
      .option('-g, --group <id>', 'consume as a member of this consumer group, committing on exit')
      .option(
        '--from-beginning',
        'start at the log start (default: new records only); with --group, where no offset is committed',
      )
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
      if (opts.group !== undefined && opts.partition !== undefined) {
        command.error('error: --group reads the partitions the group assigns: drop --partition');
      }
      const format: Format = opts.json ? 'json' : opts.format;
      const source = opts.dlq ? `${topic}.dlq` : topic;
      const consumer = new Consumer({
        bootstrap: opts.bootstrap,
        requestTimeoutMs: opts.timeoutMs,
        ...sdkTls(opts),
      });
      // One close for Ctrl-C and the normal end: a group member commits and leaves once.
      let closing: Promise<void> | undefined;
      const close = () => (closing ??= consumer.close());
      const signal = nextSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
      void signal.promise.then(close);
      // `trib consume … | head`: a reader that went away ends the command like Ctrl-C does
      // (left attached: writes still buffered may fail after the loop has ended).
      const readerGone = (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        void close();
      };
      process.stdout.on('error', readerGone);
      try {
        if (opts.group !== undefined) {
          // A group waits for topics that do not exist yet; a typo should fail, not hang.
          await withAdmin(opts, (admin) => admin.describeTopics([source]));
          await consumer.subscribe([source], {
            groupId: opts.group,
            fromBeginning: opts.fromBeginning,
            onAssigned: (list) => progress(`assigned ${list.map(name).join(', ')}`),
            onRevoked: (list) => progress(`revoked ${list.map(name).join(', ')}`),
          });
        } else {
          const from: StartOffset = opts.offset ?? (opts.fromBeginning ? 'earliest' : 'latest');
          const partitions = opts.partition === undefined ? undefined : [opts.partition];
          await consumer.assign(source, from, partitions);
        }
        await printRecords(consumer, format, opts);
      } finally {
        signal.dispose();
        await close();
      }
    }),
  );
}

/** Group hand-overs, for a person watching (stderr of a terminal only). */
function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

function name(p: { topic: string; partition: number }): string {
  return `${p.topic}/${p.partition}`;
}

async function printRecords(consumer: Consumer, format: Format, opts: ConsumeOpts): Promise<void> {
  let printed = 0;
  // Ends when Ctrl-C closes the consumer, or after --max-messages.
  for await (const record of consumer) {
    process.stdout.write(format === 'json' ? jsonLine(record) : textLine(record, opts));
    printed += 1;
    if (opts.maxMessages !== undefined && printed >= opts.maxMessages) return;
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
