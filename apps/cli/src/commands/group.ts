/**
 * `trib group list|describe`: consumer groups, their members and, per partition, the committed
 * offset, the high watermark and the lag between them (Kafka's kafka-consumer-groups).
 */
import type { Command } from 'commander';
import type { GroupDescription } from '@tributary/client';
import {
  brokerAction,
  printJson,
  table,
  withAdmin,
  withBrokerOptions,
  type JsonOpts,
} from '../brokers';

export function registerGroup(program: Command): void {
  const group = program.command('group').description('consumer groups: members, offsets and lag');
  withBrokerOptions(
    group
      .command('list')
      .description('list groups with their state and member count')
      .option('--json', 'print the groups as JSON'),
  ).action(
    brokerAction(async (opts: JsonOpts) => {
      const groups = await withAdmin(opts, (admin) => admin.listGroups());
      if (opts.json) printJson(groups);
      else if (groups.length === 0) process.stdout.write('no consumer groups\n');
      else {
        const rows = groups.map((g) => [g.groupId, g.state, g.members]);
        process.stdout.write(`${table(['group', 'state', 'members'], rows)}\n`);
      }
    }),
  );
  withBrokerOptions(
    group
      .command('describe')
      .description("a group's members and each partition's committed offset, end and lag")
      .argument('<group>', 'group id')
      .option('--json', 'print the description as JSON'),
  ).action(
    brokerAction(async (groupId: string, opts: JsonOpts) => {
      const described = await withAdmin(opts, (admin) => admin.describeGroup(groupId));
      if (described.state === 'unknown') {
        throw new Error(
          `no group '${groupId}': it has no members and no committed offsets; ` +
            'see the groups with `trib group list`',
        );
      }
      if (opts.json) printJson(described);
      else process.stdout.write(render(described));
    }),
  );
}

function render(g: GroupDescription): string {
  const summary =
    `group ${g.groupId}: ${g.state}, generation ${g.generation}, ` +
    `${g.members.length} member(s), total lag ${g.totalLag}`;
  const dash = (v: number | string | null) => (v === null || v === -1 ? '-' : v);
  const rows = g.partitions.map((p) => [
    p.topic,
    p.partition,
    dash(p.committedOffset),
    p.highWatermark,
    dash(p.lag),
    p.memberId === null ? '-' : `${p.memberId}${p.clientId ? ` (${p.clientId})` : ''}`,
  ]);
  const lines = [summary];
  if (rows.length > 0) {
    lines.push(table(['topic', 'partition', 'committed', 'end', 'lag', 'member'], rows));
  }
  return `${lines.join('\n')}\n`;
}
