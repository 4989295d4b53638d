// `trib bench coord` as a user runs it, against a real 3-node coordinator cluster.
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { CoordinatorCluster } from '@tributary/testkit';

const repo = path.resolve(__dirname, '../../..');
const trib = path.join(repo, 'apps/cli/bin/trib.js');

interface Row {
  system: string;
  mode: string;
  op: string;
  clients: number;
  ops: number;
  ops_per_s: number;
  errors: number;
  mb_per_s?: number;
  latency: { p50_ms: number; p99_ms: number; p999_ms: number };
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [trib, ...args],
      { cwd: repo, timeout: 90_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('trib bench coord', () => {
  let cluster: CoordinatorCluster;

  beforeAll(async () => {
    cluster = await CoordinatorCluster.start({ size: 3 });
  }, 120_000); // up to 30 s for a leader on a loaded 2-core machine, then the members' start

  afterAll(() => cluster?.shutdown());

  it('measures set and get with positive throughput and ordered percentiles', async () => {
    const coordinators = [...cluster.members.values()].map((m) => m.address).join(',');
    const { code, stdout, stderr } = await run([
      'bench',
      'coord',
      '--coordinators',
      coordinators,
      '--duration-s',
      '1',
      '--clients',
      '2',
      '--ops',
      'set,get',
      '--mode',
      'execute',
      '--json',
      // Short set-up and no warm-up keep the test quick; the measurement rule is the same.
      '--warmup-s',
      '0',
      '--keys',
      '50',
    ]);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as { results: Row[] };
    expect(report.results.map((r) => [r.system, r.mode, r.op, r.clients])).toEqual([
      ['tributary', 'execute', 'set', 2],
      ['tributary', 'execute', 'get', 2],
    ]);
    for (const row of report.results) {
      expect(row.ops).toBeGreaterThan(0);
      expect(row.ops_per_s).toBeGreaterThan(0);
      expect(row.errors).toBe(0);
      const { p50_ms, p99_ms, p999_ms } = row.latency;
      expect(p50_ms).toBeGreaterThan(0);
      expect(p50_ms).toBeLessThanOrEqual(p99_ms);
      expect(p99_ms).toBeLessThanOrEqual(p999_ms);
    }
    expect(report.results[0]!.mb_per_s).toBeGreaterThan(0);
    // Progress: one line per finished cell on stderr.
    expect(stderr.match(/^\[\d\/2\] tributary execute/gm)).toHaveLength(2);
  }, 120_000); // the CLI is killed at 90 s (run's timeout); this leaves time to report it
});
