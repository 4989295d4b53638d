/**
 * Long simulation campaigns: `npm run sim -- --seeds 100000 --nodes 5 [--start-seed S]`.
 * Exits 1 on the first violation after printing the seed, options, fault schedule and trace.
 * To watch planted bugs get caught, see tools/mutation-check.ts (`npm run mutation -w libs/raft`).
 */
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { sim } from '../src';

function int(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be a non-negative integer`);
    return n;
  };
}

const program = new Command()
  .name('sim')
  .description('Deterministic Raft simulation swarm (safety invariants + liveness bound).')
  .option('--seeds <n>', 'number of seeds to run', int('--seeds'), 1000)
  .option('--nodes <n>', 'initial voters (3 or 5; omit to randomize per seed)', int('--nodes'))
  .option('--start-seed <s>', 'first seed', int('--start-seed'), 1)
  .option('--trace <n>', 'events kept in the failure trace', int('--trace'), 200)
  .option('--no-progress', 'no progress bar (CI logs)')
  .parse();

const opts = program.opts<{
  seeds: number;
  nodes?: number;
  startSeed: number;
  trace: number;
  progress: boolean;
}>();
const overrides: Partial<sim.SimOptions> = { traceSize: opts.trace };
if (opts.nodes !== undefined) overrides.nodes = opts.nodes;

const bar = new SingleBar(
  {
    format:
      'sim [{bar}] {percentage}% | {value}/{total} seeds | {eta_formatted} left | seed {seed}',
    hideCursor: true,
  },
  Presets.shades_classic,
);
if (opts.progress) bar.start(opts.seeds, 0, { seed: opts.startSeed });
const started = Date.now();
const summary = sim.runSwarm(opts.startSeed, opts.seeds, overrides, (r) => {
  if (opts.progress) bar.increment({ seed: r.options.seed });
});
if (opts.progress) bar.stop();
const secs = (Date.now() - started) / 1000;
const failure = summary.failures[0];
if (failure) {
  console.error(failure.report);
  console.error(
    `\nFAILED at seed ${failure.options.seed} after ${summary.seeds} seeds (${secs.toFixed(1)} s)`,
  );
  process.exit(1);
}
console.log(
  `ok: ${summary.seeds} seeds in ${secs.toFixed(1)} s; ${summary.writesAcked} writes acked, ` +
    `${summary.readsServed} reads checked, ${summary.elections} elections, ${summary.crashes} crashes, ` +
    `${summary.partitions} partitions, ${summary.snapshotsInstalled} snapshots installed, ` +
    `${summary.confChanges} membership changes (${summary.loneVoterConfs} to a lone voter), ` +
    `${summary.earlySends} early sends, ${summary.midReadyCrashes} crashes mid-Ready, ` +
    `${summary.interleavedReadies} Readies with steps before advance, ${summary.campaignCalls} campaign() calls, ` +
    `${summary.slowInboxes} slow inboxes, ${summary.restartsAtVote} restarts as a vote arrived; ` +
    `slowest convergence ${summary.maxLivenessTicks} ticks`,
);
