/**
 * A fuzz campaign from the command line, on a fresh local cluster:
 *   npm run fuzz -- [--requests N] [--seed S] [--concurrency C] [--secure] [--json]
 * N adversarial requests per service (default 100,000), then the checks of fuzz-cluster.ts.
 * Exits 1 when a check fails; the seed it prints replays the same requests.
 */
import { Command, InvalidArgumentError } from 'commander';
import { fuzzCluster } from '../src/fuzz/fuzz-cluster';

function whole(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
    return n;
  };
}

const program = new Command()
  .name('fuzz')
  .description('Adversarial requests to every service of a fresh local cluster, then checks.')
  .option('--requests <n>', 'requests per service', whole('--requests', 1), 100_000)
  .option('--seed <s>', 'seed of the requests (default: random)', whole('--seed', 0))
  .option('--concurrency <c>', 'calls in flight at once', whole('--concurrency', 1), 64)
  .option('--raw <n>', 'raw TCP connections with junk per address', whole('--raw', 0), 200)
  .option('--secure', 'mTLS, tokens and ACLs; the fuzzer a principal without cluster rights')
  .option('--json', 'print the whole report as JSON')
  .parse();

const o = program.opts<{
  requests: number;
  seed?: number;
  concurrency: number;
  raw: number;
  secure?: boolean;
  json?: boolean;
}>();
const seed = o.seed ?? Math.floor(Math.random() * 1_000_000);
process.stderr.write(`fuzz: seed ${seed}, ${o.requests} requests per service\n`);

void fuzzCluster({
  seed,
  requestsPerService: o.requests,
  concurrency: o.concurrency,
  deadlineMs: 1_000,
  rawConnections: o.raw,
  rssBytesMax: 1024 ** 3,
  secure: o.secure === true,
  progress: (line) => process.stderr.write(`${line}\n`),
}).then(
  (verdict) => {
    if (o.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
    else {
      for (const [name, s] of Object.entries(verdict.report.services))
        process.stdout.write(`${name}: ${s.requests} requests, ${JSON.stringify(s.codes)}\n`);
      process.stdout.write(`raw connections: ${verdict.report.raw.connections}\n`);
      // One line per process: its resident memory at every sample, then the peak.
      const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
      const at = verdict.memory.map((m) => `${m.atS}s`).join(' ');
      process.stdout.write(`resident memory (MiB) sampled at ${at}:\n`);
      for (const name of Object.keys(verdict.rssBytes)) {
        const series = verdict.memory.map((m) => m.rssBytes[name] ?? 0);
        process.stdout.write(
          `${name}: ${series.map(mib).join(' ')}; peak ${mib(Math.max(...series))}\n`,
        );
      }
      for (const p of verdict.problems) process.stdout.write(`PROBLEM: ${p}\n`);
      process.stdout.write(
        `${verdict.ok ? 'ok' : 'FAILED'}: seed ${seed}, ${verdict.report.seconds.toFixed(0)} s, ` +
          `${verdict.guarded.nodes} nodes and ${verdict.guarded.records} records guarded\n`,
      );
    }
    process.exitCode = verdict.ok ? 0 : 1;
  },
  (error: Error) => {
    process.stderr.write(`fuzz: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
