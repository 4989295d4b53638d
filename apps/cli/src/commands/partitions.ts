/**
 * `trib partitions rebalance`: asks the controller for a balanced, rack-aware placement of every
 * partition over the live brokers (after brokers were added or removed); `trib partitions
 * reassign TOPIC PARTITION --replicas …` moves one partition where the operator says. Both print
 * the moves and, unless `--no-wait`, follow them until every moved partition has only its target
 * replicas.
 */
import type { Command } from 'commander';
import type { Admin, PartitionReassignment } from '@tributary/client';
import {
  brokerAction,
  ids,
  printJson,
  table,
  withAdmin,
  withBrokerOptions,
  type BrokerOptions,
} from '../brokers';
import { listOf, parseNonNegativeInt, parsePositiveInt } from '../options';

type MoveOpts = BrokerOptions & {
  wait: boolean;
  waitTimeoutMs: number;
  json?: boolean;
  dryRun?: boolean;
  throttle?: number;
};

/** How often the progress of the moves is polled. */
const POLL_MS = 500;

export function registerPartitions(program: Command): void {
  const partitions = program.command('partitions').description('place partition replicas');
  withMoveOptions(
    partitions
      .command('rebalance')
      .description('spread every partition evenly over the live brokers and wait for the moves'),
  ).action(brokerAction(async (opts: MoveOpts) => move(opts, [])));
  withMoveOptions(
    partitions
      .command('reassign')
      .description("move one partition's replicas to the given brokers and wait for the move")
      .argument('<topic>', 'topic name')
      .argument('<partition>', 'partition index', parseNonNegativeInt)
      .requiredOption(
        '--replicas <ids>',
        'target broker ids, preferred leader first, as many as the replication factor',
        listOf(parsePositiveInt),
      ),
  ).action(
    brokerAction(
      async (topic: string, partition: number, opts: MoveOpts & { replicas: number[] }) =>
        move(opts, [{ topic, partition, replicas: opts.replicas }]),
    ),
  );
}

function withMoveOptions(command: Command): Command {
  return withBrokerOptions(
    command
      .option('--dry-run', 'print the moves the controller would make, and make none')
      .option(
        '--throttle <bytes/s>',
        'bytes per second each new replica copies at most until its move completes',
        parsePositiveInt,
      )
      .option('--no-wait', 'return once the moves are committed, before they complete')
      .option('--wait-timeout-ms <ms>', 'longest wait for the moves', parsePositiveInt, 300_000)
      .option('--json', 'print the moves as JSON'),
  );
}

/** Sends `wanted` (none: a rebalance), prints the moves committed and follows them. */
async function move(opts: MoveOpts, wanted: PartitionReassignment[]): Promise<void> {
  await withAdmin(opts, async (admin) => {
    const moves = await admin.reassignPartitions(wanted, {
      validateOnly: opts.dryRun,
      throttleBytesPerSec: opts.throttle,
    });
    if (opts.json) printJson({ moves, dryRun: opts.dryRun === true });
    else if (moves.length === 0) process.stdout.write('nothing to move: replicas already placed\n');
    else {
      const rows = moves.map((m) => [m.topic, m.partition, ids(m.replicas)]);
      process.stdout.write(`${table(['topic', 'partition', 'new replicas'], rows)}\n`);
      if (opts.dryRun)
        process.stderr.write(`dry run: ${moves.length} move(s) planned, none made\n`);
    }
    if (opts.wait && !opts.dryRun && moves.length > 0)
      await follow(admin, moves, opts.waitTimeoutMs);
  });
}

/** Polls until every move is done, printing progress to stderr when it changes. */
export async function follow(
  admin: Admin,
  moves: PartitionReassignment[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const topics = [...new Set(moves.map((m) => m.topic))];
  let reported = -1;
  for (;;) {
    const described = await admin.describeTopics(topics);
    const byKey = new Map(
      described.flatMap((t) => t.partitions.map((p) => [`${t.name}/${p.partition}`, p] as const)),
    );
    const done = moves.filter((m) => {
      const p = byKey.get(`${m.topic}/${m.partition}`);
      return p !== undefined && p.addingReplicas.length === 0 && p.removingReplicas.length === 0;
    }).length;
    if (done !== reported) {
      process.stderr.write(`moved ${done}/${moves.length} partition(s)\n`);
      reported = done;
    }
    if (done === moves.length) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `${moves.length - done} partition move(s) still running after ${timeoutMs} ms; ` +
          'they go on in the background: follow them with `trib topic describe`',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
