/**
 * `npm run sim:coordinator -- --seeds N [--nodes 3|5] [--start-seed S] [--plant snapshot-hard-state]
 * [--json]`: a long campaign of whole-coordinator simulations. Exits 1 at the first violation,
 * printing the seed, its options, the end of its trace and the command that reruns it. With
 * `--json` the last line is the campaign's totals as JSON (what the jest tests read).
 */
import { Command } from 'commander';
import { coordSimOptions, runCoordSim } from '../src/sim/coordinator-sim';

async function main(): Promise<void> {
  const o = new Command()
    .option('--seeds <n>', 'how many seeds', '1000')
    .option('--nodes <n>', 'members per run (3 or 5)', '3')
    .option('--start-seed <n>', 'first seed', '1')
    .option('--plant <bug>', 'plant a known bug: snapshot-hard-state')
    .option('--json', 'end with a JSON line of totals')
    .parse()
    .opts<{ seeds: string; nodes: string; startSeed: string; plant?: string; json?: boolean }>();
  const first = Number(o.startSeed);
  const storage =
    o.plant === 'snapshot-hard-state' ? { unsafe: { snapshotWithoutHardState: true } } : {};
  const started = Date.now();
  let acked = 0;
  let crashes = 0;
  let lockGrants = 0;
  let sessionsEnded = 0;
  for (let seed = first; seed < first + Number(o.seeds); seed++) {
    const options = coordSimOptions(seed, Number(o.nodes), { storage });
    const result = await runCoordSim(options);
    acked += result.stats.acked;
    crashes += result.stats.crashes;
    lockGrants += result.stats.lockGrants;
    sessionsEnded += result.stats.sessionsExpired;
    if (!result.ok) {
      process.stdout.write(`\nVIOLATION at seed ${seed}: ${result.violation}\n`);
      process.stdout.write(`options: ${JSON.stringify(options)}\n`);
      process.stdout.write(`stats: ${JSON.stringify(result.stats)}\n`);
      process.stdout.write(`trace (last events):\n  ${result.trace.join('\n  ')}\n`);
      const plant = o.plant ? ` --plant ${o.plant}` : '';
      process.stdout.write(
        `rerun: npm run sim:coordinator -- --seeds 1 --nodes ${o.nodes} --start-seed ${seed}${plant}\n`,
      );
      process.exit(1);
    }
    if ((seed - first + 1) % 50 === 0)
      process.stdout.write(
        `${seed - first + 1} seeds, ${acked} acknowledged writes, ${crashes} crashes, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
  }
  process.stdout.write(
    `ok: ${o.seeds} seeds × ${o.nodes} members, ${acked} acknowledged writes, ${crashes} crashes, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (o.json)
    process.stdout.write(
      `${JSON.stringify({ seeds: Number(o.seeds), acked, crashes, lockGrants, sessionsEnded })}\n`,
    );
}

void main();
