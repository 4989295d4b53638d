/**
 * `npm run sim:broker -- --seeds N [--brokers 3|5] [--start-seed S] [--plant BUG] [--json]`:
 * a campaign of broker simulations (src/sim/broker-sim.ts). Exits 1 at the first violation,
 * printing the seed, its options, the end of its trace and the command that reruns it. With
 * `--json` the last line is the campaign's totals as JSON (what the jest tests read). `--plant`
 * plants a known replication bug the simulator must catch: unclean-leader (the controller
 * elects a replica outside the ISR) or hw-ignores-lagging (the high watermark passes a lagging
 * ISR member).
 */
import { Command } from 'commander';
import {
  BROKER_PLANTS,
  brokerSimOptions,
  isBrokerPlant,
  runBrokerSim,
  type BrokerSimStats,
} from '../src/sim/broker-sim';

async function main(): Promise<void> {
  const o = new Command()
    .option('--seeds <n>', 'how many seeds', '100')
    .option('--brokers <n>', 'brokers per run (3 or 5)', '3')
    .option('--start-seed <n>', 'first seed', '1')
    .option('--plant <bug>', `plant a known bug: ${BROKER_PLANTS.join(', ')}`)
    .option('--trace <n>', 'trace lines a violation report ends with', '80')
    .option('--keep-going', 'report every failing seed in one line and go on (triage)')
    .option('--json', 'end with a JSON line of totals')
    .parse()
    .opts<{
      seeds: string;
      brokers: string;
      startSeed: string;
      plant?: string;
      trace: string;
      keepGoing?: boolean;
      json?: boolean;
    }>();
  if (o.plant !== undefined && !isBrokerPlant(o.plant)) {
    process.stderr.write(`unknown --plant ${o.plant}; one of ${BROKER_PLANTS.join(', ')}\n`);
    process.exit(2);
  }
  const plant = isBrokerPlant(o.plant) ? o.plant : undefined;
  const first = Number(o.startSeed);
  const seeds = Number(o.seeds);
  const started = Date.now();
  const totals: Partial<Record<keyof BrokerSimStats, number>> = {};
  let failed = 0;
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  for (let seed = first; seed < first + seeds; seed++) {
    const options = brokerSimOptions(seed, Number(o.brokers), {
      traceLines: Number(o.trace),
      ...(plant && { plant }),
    });
    const result = await runBrokerSim(options);
    for (const [k, v] of Object.entries(result.stats) as [keyof BrokerSimStats, number][])
      totals[k] = (totals[k] ?? 0) + v;
    if (!result.ok && o.keepGoing) {
      failed++;
      process.stdout.write(`seed ${seed}: ${result.violation.split('\n')[0]}\n`);
    } else if (!result.ok) {
      process.stdout.write(`\nVIOLATION at seed ${seed}: ${result.violation}\n`);
      process.stdout.write(`options: ${JSON.stringify(options)}\n`);
      process.stdout.write(`stats: ${JSON.stringify(result.stats)}\n`);
      process.stdout.write(`trace (last events):\n  ${result.trace.join('\n  ')}\n`);
      process.stdout.write(
        `rerun: npm run sim:broker -- --seeds 1 --brokers ${o.brokers} --start-seed ${seed}${plant ? ` --plant ${plant}` : ''}\n`,
      );
      process.exit(1);
    }
    if ((seed - first + 1) % 100 === 0)
      process.stdout.write(
        `${seed - first + 1} seeds, ${totals.ackedAll} acks=ALL acknowledged, ${totals.crashes} crashes, ${elapsed()} s\n`,
      );
  }
  const seconds = (Date.now() - started) / 1000;
  if (failed > 0) {
    process.stdout.write(`${failed} of ${seeds} seeds failed\n`);
    process.exit(1);
  }
  process.stdout.write(
    `ok: ${seeds} seeds × ${o.brokers} brokers, ${totals.ackedAll} acks=ALL acknowledged, ${totals.crashes} crashes, ${totals.leaderChanges} leader changes, ${seconds.toFixed(1)} s (${(seeds / seconds).toFixed(1)} seeds/s)\n`,
  );
  if (o.json) process.stdout.write(`${JSON.stringify({ seeds, seconds, ...totals })}\n`);
}

void main();
