/**
 * `trib topic create|list|describe|delete|config|alter`: topic administration against
 * `--bootstrap` brokers, which pass the calls on to the coordinators (DESIGN §4, §5).
 */
import type { Command } from 'commander';
import type { Admin, TopicDescription } from '@tributary/client';
import {
  brokerAction,
  ids,
  printJson,
  table,
  withAdmin,
  withBrokerOptions,
  type BrokerOptions,
  type JsonOpts,
} from '../brokers';
import { collectList, parseKeyValues, parsePositiveInt } from '../options';

export function registerTopic(program: Command): void {
  const topic = program.command('topic').description('create, list, describe and delete topics');
  registerCreate(topic);
  registerList(topic);
  registerDescribe(topic);
  registerDelete(topic);
  registerConfig(topic);
  registerAlter(topic);
}

type CreateOpts = JsonOpts & {
  partitions: number;
  replicationFactor?: number;
  config: Record<string, string>;
  ifNotExists?: boolean;
};

function registerCreate(topic: Command): void {
  withBrokerOptions(
    topic
      .command('create')
      .description('create a topic and print its partitions')
      .argument('<name>', 'topic name, [A-Za-z0-9._-]{1,249}')
      .option('-p, --partitions <n>', 'number of partitions', parsePositiveInt, 1)
      .option(
        '-r, --replication-factor <n>',
        'replicas per partition (default: the cluster default, at most the live brokers)',
        parsePositiveInt,
      )
      .option(
        '-c, --config <k=v,…>',
        'configuration overrides, e.g. retention.ms=3600000 (repeatable)',
        parseKeyValues,
        {},
      )
      .option('--if-not-exists', 'succeed without change when the topic exists')
      .option('--json', 'print the topic as JSON'),
  ).action(
    brokerAction(async (name: string, opts: CreateOpts) => {
      const created = await withAdmin(opts, async (admin) => {
        try {
          return await admin.createTopic(name, {
            partitions: opts.partitions,
            replicationFactor: opts.replicationFactor ?? 0,
            configs: opts.config,
          });
        } catch (error) {
          if (!opts.ifNotExists || (error as { reason?: string }).reason !== 'TOPIC_EXISTS') {
            throw error;
          }
          return (await admin.describeTopics([name]))[0]!;
        }
      });
      if (opts.json) printJson(created);
      else process.stdout.write(`created ${describeText(created)}`);
    }),
  );
}

function registerList(topic: Command): void {
  withBrokerOptions(
    topic
      .command('list')
      .description('list topics with their partition count and replication factor')
      .option('--json', 'print the topics as JSON'),
  ).action(
    brokerAction(async (opts: JsonOpts) => {
      const topics = await withAdmin(opts, (admin) => admin.describeTopics());
      if (opts.json) {
        printJson(topics.map(summaryOf));
        return;
      }
      if (topics.length === 0) {
        process.stdout.write('no topics; create one with `trib topic create NAME`\n');
        return;
      }
      const rows = topics.map((t) => {
        const s = summaryOf(t);
        return [s.name, s.partitions, s.replicationFactor, s.underReplicated, s.offline];
      });
      process.stdout.write(
        `${table(['topic', 'partitions', 'rf', 'under-replicated', 'offline'], rows)}\n`,
      );
    }),
  );
}

function summaryOf(t: TopicDescription) {
  return {
    name: t.name,
    partitions: t.partitions.length,
    replicationFactor: t.replicationFactor,
    underReplicated: t.partitions.filter((p) => p.isr.length < p.replicas.length).length,
    offline: t.partitions.filter((p) => p.leader < 0).length,
  };
}

function registerDescribe(topic: Command): void {
  withBrokerOptions(
    topic
      .command('describe')
      .description('partitions (leader, replicas, ISR, offsets) and configuration of topics')
      .argument('[names...]', 'topics to describe (default: every topic)')
      .option('--json', 'print the topics as JSON'),
  ).action(
    brokerAction(async (names: string[], opts: JsonOpts) => {
      const described = await withAdmin(opts, (admin) => describeWithOffsets(admin, names));
      if (opts.json) printJson(described);
      else process.stdout.write(described.map(describeText).join('\n'));
    }),
  );
}

type Described = TopicDescription & {
  offsets: { partition: number; logStartOffset: number; highWatermark: number }[];
};

async function describeWithOffsets(admin: Admin, names: string[]): Promise<Described[]> {
  const topics = await admin.describeTopics(names);
  return Promise.all(
    topics.map(async (t) => ({ ...t, offsets: await admin.topicOffsets(t.name) })),
  );
}

function describeText(t: TopicDescription | Described): string {
  const offsets = new Map(('offsets' in t ? t.offsets : []).map((o) => [o.partition, o]));
  const withOffsets = offsets.size > 0;
  const head = ['partition', 'leader', 'epoch', 'replicas', 'isr'];
  if (withOffsets) head.push('log-start', 'high-watermark');
  const moving = t.partitions.some((p) => p.addingReplicas.length + p.removingReplicas.length);
  if (moving) head.push('adding', 'removing');
  const rows = t.partitions.map((p) => {
    const row: (string | number)[] = [
      p.partition,
      p.leader < 0 ? 'none' : p.leader,
      p.leaderEpoch,
      ids(p.replicas),
      ids(p.isr),
    ];
    const o = offsets.get(p.partition);
    if (withOffsets) row.push(o?.logStartOffset ?? '-', o?.highWatermark ?? '-');
    if (moving) row.push(ids(p.addingReplicas), ids(p.removingReplicas));
    return row;
  });
  const configs = Object.entries(t.configs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
  return (
    `topic ${t.name}: ${t.partitions.length} partition(s), replication factor ${t.replicationFactor}\n` +
    `configs: ${configs.length ? configs.join(' ') : '(cluster defaults)'}\n` +
    `${table(head, rows)}\n`
  );
}

function registerDelete(topic: Command): void {
  withBrokerOptions(
    topic
      .command('delete')
      .description('delete topics and (in the background, on the brokers) their data')
      .argument('<names...>', 'topics to delete'),
  ).action(
    brokerAction(async (names: string[], opts: BrokerOptions) => {
      await withAdmin(opts, async (admin) => {
        for (const name of names) {
          await admin.deleteTopic(name);
          process.stdout.write(`deleted ${name}\n`);
        }
      });
    }),
  );
}

type ConfigOpts = JsonOpts & { set: Record<string, string>; delete: string[] };

function registerConfig(topic: Command): void {
  withBrokerOptions(
    topic
      .command('config')
      .description("print a topic's configuration overrides, or change them with --set/--delete")
      .argument('<name>', 'topic name')
      .option('--set <k=v,…>', 'set overrides (repeatable)', parseKeyValues, {})
      .option('--delete <k,…>', 'remove overrides: back to the cluster default', collectList, [])
      .option('--json', 'print the overrides as a JSON object'),
  ).action(
    brokerAction(async (name: string, opts: ConfigOpts) => {
      const change = Object.keys(opts.set).length > 0 || opts.delete.length > 0;
      const configs = await withAdmin(opts, async (admin) =>
        change
          ? admin.updateTopicConfig(name, { set: opts.set, delete: opts.delete })
          : (await admin.describeTopics([name]))[0]!.configs,
      );
      if (opts.json) {
        printJson(configs);
        return;
      }
      const entries = Object.entries(configs).sort(([a], [b]) => a.localeCompare(b));
      if (entries.length === 0) process.stdout.write(`${name}: no overrides (cluster defaults)\n`);
      else process.stdout.write(entries.map(([k, v]) => `${k}=${v}\n`).join(''));
    }),
  );
}

function registerAlter(topic: Command): void {
  withBrokerOptions(
    topic
      .command('alter')
      .description('grow a topic to more partitions (partitions are never removed)')
      .argument('<name>', 'topic name')
      .requiredOption(
        '-p, --partitions <n>',
        'the new total number of partitions',
        parsePositiveInt,
      )
      .option('--json', 'print the topic as JSON'),
  ).action(
    brokerAction(async (name: string, opts: JsonOpts & { partitions: number }) => {
      const grown = await withAdmin(opts, (admin) => admin.createPartitions(name, opts.partitions));
      if (opts.json) printJson(grown);
      else process.stdout.write(describeText(grown));
    }),
  );
}
