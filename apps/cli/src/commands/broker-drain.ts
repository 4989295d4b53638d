/**
 * `trib broker drain ID`: moves every replica off broker ID (to the least-loaded live brokers,
 * one replica per partition) so that it can be stopped or scaled away with no partition losing
 * a replica; prints the moves and, unless `--no-wait`, follows them until ID holds nothing.
 */
import type { Command } from 'commander';
import {
  brokerAction,
  ids,
  printJson,
  table,
  withAdmin,
  withBrokerOptions,
  type BrokerOptions,
} from '../brokers';
import { planDrain } from '../drain-plan';
import { parsePositiveInt } from '../options';
import { follow } from './partitions';

type DrainOpts = BrokerOptions & {
  wait: boolean;
  waitTimeoutMs: number;
  json?: boolean;
  throttle?: number;
};

export function registerBrokerDrain(broker: Command): void {
  withBrokerOptions(
    broker
      .command('drain')
      .description('move every partition replica off a broker before it is removed')
      .argument('<id>', 'the broker to empty', parsePositiveInt)
      .option('--no-wait', 'return once the moves are committed, before they complete')
      .option('--wait-timeout-ms <ms>', 'longest wait for the moves', parsePositiveInt, 300_000)
      .option(
        '--throttle <bytes/s>',
        'bytes per second each new replica copies at most until its move completes',
        parsePositiveInt,
      )
      .option('--json', 'print the moves as JSON'),
  ).action(
    brokerAction(async (id: number, opts: DrainOpts) => {
      await withAdmin(opts, async (admin) => {
        const [topics, brokers] = await Promise.all([admin.describeTopics(), admin.brokers()]);
        const placement = topics.flatMap((t) =>
          t.partitions.map((p) => ({
            topic: t.name,
            partition: p.partition,
            replicas: p.replicas,
          })),
        );
        const plan = planDrain(
          placement,
          brokers.map((b) => b.brokerId),
          id,
        );
        if (!plan.ok) throw new Error(plan.error);
        const moves =
          plan.moves.length > 0
            ? await admin.reassignPartitions(plan.moves, { throttleBytesPerSec: opts.throttle })
            : [];
        if (opts.json) printJson({ moves });
        else if (moves.length === 0) process.stdout.write(`broker ${id} holds no replicas\n`);
        else {
          const rows = moves.map((m) => [m.topic, m.partition, ids(m.replicas)]);
          process.stdout.write(`${table(['topic', 'partition', 'new replicas'], rows)}\n`);
        }
        if (opts.wait && moves.length > 0) await follow(admin, moves, opts.waitTimeoutMs);
      });
    }),
  );
}
