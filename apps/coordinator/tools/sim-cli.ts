/**
 * `npm run sim:coordinator -- --seeds N [--nodes 3|5] [--start-seed S] [--plant BUG] [--json]`:
 * a long campaign of whole-coordinator simulations. Exits 1 at the first violation, printing the
 * seed, its options, the end of its trace and the command that reruns it. With `--json` the last
 * line is the campaign's totals as JSON (what the jest tests read). `--plant` plants a known bug
 * the simulator must catch: snapshot-hard-state (storage), unlock-by-waiter or
 * fencing-token-snapshot (locks; see src/sim/lock-plants.ts).
 */
import { Command } from 'commander';
import { coordSimOptions, runCoordSim } from '../src/sim/coordinator-sim';
import { LOCK_PLANTS, isLockPlant } from '../src/sim/lock-plants';

const PLANTS = ['snapshot-hard-state', ...LOCK_PLANTS];

async function main(): Promise<void> {
  const o = new Command()
    .option('--seeds <n>', 'how many seeds', '1000')
    .option('--nodes <n>', 'members per run (3 or 5)', '3')
    .option('--start-seed <n>', 'first seed', '1')
    .option('--plant <bug>', `plant a known bug: ${PLANTS.join(', ')}`)
    .option('--no-apply-order-lock-check', 'judge locks only by what clients were told')
    .option('--json', 'end with a JSON line of totals')
    .parse()
    .opts<{
      seeds: string;
      nodes: string;
      startSeed: string;
      plant?: string;
      applyOrderLockCheck: boolean;
      json?: boolean;
    }>();
  const first = Number(o.startSeed);
  if (o.plant !== undefined && !PLANTS.includes(o.plant)) {
    process.stderr.write(`unknown --plant ${o.plant}; one of ${PLANTS.join(', ')}\n`);
    process.exit(2);
  }
  const storage =
    o.plant === 'snapshot-hard-state' ? { unsafe: { snapshotWithoutHardState: true } } : {};
  const plant = isLockPlant(o.plant) ? o.plant : undefined;
  const started = Date.now();
  let acked = 0;
  let crashes = 0;
  let lockGrants = 0;
  let sessionsEnded = 0;
  const metadata = { brokersRegistered: 0, isrChanges: 0, groupAnswers: 0 };
  for (let seed = first; seed < first + Number(o.seeds); seed++) {
    const options = coordSimOptions(seed, Number(o.nodes), {
      storage,
      ...(plant && { plant }),
      ...(!o.applyOrderLockCheck && { applyOrderLockCheck: false }),
    });
    const result = await runCoordSim(options);
    acked += result.stats.acked;
    crashes += result.stats.crashes;
    lockGrants += result.stats.lockGrants;
    sessionsEnded += result.stats.sessionsExpired;
    for (const k of Object.keys(metadata) as (keyof typeof metadata)[])
      metadata[k] += result.stats[k];
    if (!result.ok) {
      process.stdout.write(`\nVIOLATION at seed ${seed}: ${result.violation}\n`);
      process.stdout.write(`options: ${JSON.stringify(options)}\n`);
      process.stdout.write(`stats: ${JSON.stringify(result.stats)}\n`);
      process.stdout.write(`trace (last events):\n  ${result.trace.join('\n  ')}\n`);
      const flags =
        (o.plant ? ` --plant ${o.plant}` : '') +
        (o.applyOrderLockCheck ? '' : ' --no-apply-order-lock-check');
      process.stdout.write(
        `rerun: npm run sim:coordinator -- --seeds 1 --nodes ${o.nodes} --start-seed ${seed}${flags}\n`,
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
      `${JSON.stringify({ seeds: Number(o.seeds), acked, crashes, lockGrants, sessionsEnded, ...metadata })}\n`,
    );
}

void main();
