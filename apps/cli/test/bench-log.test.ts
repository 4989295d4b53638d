// `trib bench produce|consume|e2e` as a user runs them: each starts its own one-broker cluster
// (`--start-cluster 1`), makes its warm-up runs, and reports medians of the counted ones only.
import { runTrib } from '@tributary/testkit';

jest.setTimeout(240_000);

interface Report {
  conditions: { notes: string[] };
  results: Array<{
    system: string;
    workload: string;
    record_bytes: number;
    runs: number;
    records: number;
    msgs_per_s: number;
    errors: number;
    latency: { p50_ms: number; p99_ms: number };
    per_run_msgs_per_s: number[];
  }>;
}

async function bench(
  args: string[],
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await runTrib(
    ['bench', ...args, '--start-cluster', '1', '--record-bytes', '100', '--json'],
    { timeoutMs: 200_000 },
  );
  const empty: Report = { conditions: { notes: [] }, results: [] };
  return {
    code: r.code,
    report: r.stdout ? (JSON.parse(r.stdout) as Report) : empty,
    stderr: r.stderr,
  };
}

it('produce: the warm-up run is made and left out of the median', async () => {
  const { code, report, stderr } = await bench([
    'produce',
    '--records',
    '20000',
    '--runs',
    '2',
    '--warmup-runs',
    '1',
  ]);
  expect([code, stderr.match(/error.*/)?.[0]]).toEqual([0, undefined]);
  expect(report.conditions.notes[0]).toBe(
    'each row: 1 warm-up run(s) first, not counted, then the median of 2',
  );
  const [row] = report.results;
  expect(row).toMatchObject({ system: 'tributary', workload: 'produce', runs: 2, errors: 0 });
  expect(row!.records).toBe(20_000);
  expect(row!.msgs_per_s).toBeGreaterThan(0);
  // Only the counted runs: two of them, not three.
  expect(row!.per_run_msgs_per_s).toHaveLength(2);
});

it('consume and e2e report records read back', async () => {
  const consume = await bench([
    'consume',
    '--records',
    '20000',
    '--runs',
    '1',
    '--warmup-runs',
    '0',
  ]);
  expect(consume.code).toBe(0);
  // The 20,000 loaded, and the load's first record, which taught its producer the leaders.
  expect(consume.report.results[0]).toMatchObject({ workload: 'consume', records: 20_001 });
  const e2e = await bench(['e2e', '--records', '2000', '--rate', '1000', '--runs', '1']);
  expect(e2e.code).toBe(0);
  // Sent on a 1 ms tick for 2 s: about 2,000, each one read back.
  expect(e2e.report.results[0]).toMatchObject({ workload: 'e2e', errors: 0 });
  expect(e2e.report.results[0]!.records).toBeGreaterThan(1_900);
  expect(e2e.report.results[0]!.latency.p99_ms).toBeGreaterThan(0);
});
