/**
 * Fault campaigns from the command line:
 *   npm run faults -- --minutes 30 [--seed S] [--nemeses kill-leader,partition-halves,…]
 *                     [--workloads register,locks,watches,log] [--peer-delay-ms MS]
 *                     [--peer-loss P] [--dir D]
 * Prints the schedule as it goes and each workload's verdict; exits 1 when any check fails.
 * A failing run is replayed with the seed it printed (and the same nemeses and workloads).
 */
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { NetworkLab, REPO_ROOT } from '@tributary/testkit';
import { runCampaign } from '../src/campaign';
import { NEMESIS_NAMES } from '../src/nemeses';
import { LockWorkload } from '../src/workloads/locks';
import { LogWorkload } from '../src/workloads/log';
import { RegisterWorkload } from '../src/workloads/register';
import { WatchWorkload } from '../src/workloads/watches';
import type { Workload } from '../src/workloads/workload';

const WORKLOADS: Record<string, () => Workload> = {
  register: () => new RegisterWorkload(),
  locks: () => new LockWorkload(),
  watches: () => new WatchWorkload(),
  log: () => new LogWorkload(),
};

function number(name: string, min: number, max = Infinity) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be in ${min}..${max}`);
    return n;
  };
}

function names(known: readonly string[]) {
  return (value: string): string[] => {
    const list = value.split(',').filter(Boolean);
    const bad = list.filter((n) => !known.includes(n));
    if (bad.length || list.length === 0)
      throw new InvalidArgumentError(
        `unknown: ${bad.join(', ') || '(empty)'}; known: ${known.join(', ')}`,
      );
    return list;
  };
}

const lab = NetworkLab.available();
const defaultNemeses = NEMESIS_NAMES.filter((n) => lab.ok || !n.startsWith('partition-'));

const program = new Command()
  .name('faults')
  .description('A fault campaign against real coordinators and brokers on this machine.')
  .option('--minutes <m>', 'how long faults are injected', number('--minutes', 0), 3)
  .option('--seed <s>', 'seed of the fault schedule (default: random)', number('--seed', 0))
  .option(
    '--nemeses <list>',
    `of ${NEMESIS_NAMES.join(', ')}`,
    names(NEMESIS_NAMES),
    defaultNemeses,
  )
  .option(
    '--workloads <list>',
    `of ${Object.keys(WORKLOADS).join(', ')}`,
    names(Object.keys(WORKLOADS)),
    Object.keys(WORKLOADS),
  )
  .option(
    '--peer-delay-ms <ms>',
    'delay every Raft batch between coordinators',
    number('--peer-delay-ms', 0),
    0,
  )
  .option(
    '--peer-loss <p>',
    'drop this share (0..1) of Raft batches between coordinators',
    number('--peer-loss', 0, 1),
    0,
  )
  .option(
    '--dir <dir>',
    'where histories, schedule and verdict go (default reports/faults/<seed>-<time>)',
  )
  .parse();

const opts = program.opts<{
  minutes: number;
  seed?: number;
  nemeses: string[];
  workloads: string[];
  peerDelayMs: number;
  peerLoss: number;
  dir?: string;
}>();

async function main(): Promise<number> {
  if (!lab.ok && opts.nemeses.some((n) => n.startsWith('partition-'))) {
    process.stderr.write(`faults: partition nemeses cannot run here: ${lab.reason}\n`);
    return 2;
  }
  if (!lab.ok) process.stderr.write(`faults: no partitions in this campaign: ${lab.reason}\n`);
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const dir = opts.dir ?? path.join(REPO_ROOT, 'reports/faults', `seed-${seed}-${Date.now()}`);
  process.stderr.write(`faults: seed ${seed}; files in ${dir}\n`);
  const verdict = await runCampaign({
    seed,
    durationMs: opts.minutes * 60_000,
    dir,
    nemeses: opts.nemeses,
    workloads: opts.workloads.map((w) => WORKLOADS[w]!()),
    peerDelayMs: opts.peerDelayMs,
    peerLoss: opts.peerLoss,
  });
  for (const w of verdict.workloads)
    process.stdout.write(`${w.ok ? 'ok  ' : 'FAIL'} ${w.workload}: ${w.summary}\n`);
  for (const e of verdict.errors) process.stdout.write(`FAIL ${e}\n`);
  const faults = Object.entries(verdict.faults)
    .map(([n, k]) => `${n}×${k}`)
    .join(', ');
  process.stdout.write(
    `${verdict.ok ? 'ok' : 'FAILED'}: seed ${seed}, faults ${faults}; ${dir}/verdict.json\n`,
  );
  if (!verdict.ok)
    process.stdout.write(
      `replay: npm run faults -- --seed ${seed} --minutes ${opts.minutes} --nemeses ${opts.nemeses.join(',')} --workloads ${opts.workloads.join(',')}\n`,
    );
  return verdict.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faults: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
