/**
 * Mutation check of the simulator: `npm run mutation -w libs/raft [-- --seeds 2000 --only NAME]`.
 * Plants each classic Raft bug of tools/mutations.ts in a scratch copy of src/ (under the OS
 * temp directory), runs the swarm (seeds from --start-seed, options drawn per seed as in
 * `npm test`) until the first violation or --seeds seeds, and prints a table: bug, caught
 * (seed, property, seeds run) or missed, and the score. Exits 1 if a bug was missed that is not
 * marked harmless (tools/mutations.ts says why those cannot do harm here).
 */
import { Command, InvalidArgumentError } from 'commander';
import { MUTATIONS, type Mutation } from './mutations';
import { load, plant, remove } from './plant';

function int(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };
}

const program = new Command()
  .name('mutation-check')
  .description('Plant classic Raft bugs one at a time and check that the simulator catches each.')
  .option('--seeds <n>', 'seeds to run against each bug at most', int('--seeds'), 2000)
  .option('--start-seed <s>', 'first seed', int('--start-seed'), 1)
  .option('--only <names>', 'comma-separated mutation names (default: all)')
  .option('--list', 'list the mutations and exit')
  .parse();

const opts = program.opts<{ seeds: number; startSeed: number; only?: string; list?: boolean }>();

interface Row {
  name: string;
  bug: string;
  caught: boolean;
  seed: number;
  property: string;
  seedsRun: number;
  secs: number;
}

function check(m: Mutation): Row {
  const started = Date.now();
  const dir = plant(m);
  try {
    const { sim } = load(dir);
    for (let k = 0; k < opts.seeds; k++) {
      const seed = opts.startSeed + k;
      const r = sim.runSimulation(sim.randomOptions(seed));
      if (!r.ok) {
        const property = r.violation?.property ?? '?';
        const secs = (Date.now() - started) / 1000;
        return { name: m.name, bug: m.bug, caught: true, seed, property, seedsRun: k + 1, secs };
      }
    }
    const secs = (Date.now() - started) / 1000;
    return {
      name: m.name,
      bug: m.bug,
      caught: false,
      seed: 0,
      property: '',
      seedsRun: opts.seeds,
      secs,
    };
  } finally {
    remove(dir);
  }
}

function main(): void {
  const wanted = opts.only?.split(',').map((s) => s.trim());
  const chosen = wanted ? MUTATIONS.filter((m) => wanted.includes(m.name)) : MUTATIONS;
  if (opts.list || chosen.length === 0) {
    for (const m of MUTATIONS) {
      console.log(`${m.name.padEnd(36)} ${m.bug}${m.harmless ? ' (harmless here)' : ''}`);
    }
    if (chosen.length === 0) process.exit(2);
    return;
  }
  const rows: Row[] = [];
  for (const m of chosen) {
    const row = check(m);
    rows.push(row);
    const verdict = row.caught
      ? `caught at seed ${row.seed} (${row.property}, ${row.seedsRun} seeds)`
      : `MISSED in ${row.seedsRun} seeds${m.harmless ? ' (harmless here: see tools/mutations.ts)' : ''}`;
    console.log(`${m.name}: ${verdict} [${row.secs.toFixed(1)} s]`);
  }
  printTable(rows);
  if (rows.some((r) => !r.caught && !harmlessNames.has(r.name))) process.exitCode = 1;
}

const harmlessNames = new Set(MUTATIONS.filter((m) => m.harmless).map((m) => m.name));

function printTable(rows: Row[]): void {
  const head = ['bug', 'result', 'property', 'seeds run', 's'];
  const body = rows.map((r) => [
    r.name,
    r.caught
      ? `caught (seed ${r.seed})`
      : harmlessNames.has(r.name)
        ? 'missed (harmless)'
        : 'missed',
    r.property,
    String(r.seedsRun),
    r.secs.toFixed(1),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((b) => (b[i] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log('');
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  const caught = rows.filter((r) => r.caught).length;
  console.log(
    `\nscore: ${caught}/${rows.length} planted bugs caught (up to ${opts.seeds} seeds each, from seed ${opts.startSeed})`,
  );
}

main();
