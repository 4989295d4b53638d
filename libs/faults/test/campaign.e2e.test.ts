/**
 * The short fault campaign CI runs: three coordinators and three brokers, every workload, every
 * nemesis at least once; every checker must find nothing. Its files (histories, schedule,
 * verdict) stay under reports/faults/ for anyone to read after a failure.
 */
import * as path from 'node:path';
import { REPO_ROOT } from '@tributary/testkit';
import { runCampaign } from '../src/campaign';
import { KillNemesis, PauseNemesis } from '../src/process-nemeses';
import { RegisterWorkload } from '../src/workloads/register';
import { LockWorkload } from '../src/workloads/locks';
import { WatchWorkload } from '../src/workloads/watches';
import { LogWorkload } from '../src/workloads/log';

const SEED = Number(process.env['TRIBUTARY_FAULTS_SEED'] ?? 1);

test('a short campaign of every nemesis finds no anomaly in any workload', async () => {
  const dir = path.join(REPO_ROOT, 'reports/faults', `ci-seed-${SEED}-${Date.now()}`);
  const verdict = await runCampaign({
    seed: SEED,
    durationMs: 60_000,
    dir,
    workloads: [new RegisterWorkload(), new LockWorkload(), new WatchWorkload(), new LogWorkload()],
    nemeses: [
      new KillNemesis('leader'),
      new KillNemesis('broker'),
      new PauseNemesis('leader'),
      new PauseNemesis('broker'),
    ],
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const report = verdict.workloads.map(
    (w) => `${w.workload}: ${w.ok ? 'ok' : 'FAIL'} ${w.summary}`,
  );
  process.stderr.write(`${report.join('\n')}\n`);
  expect(verdict.errors).toEqual([]);
  expect(verdict.workloads.filter((w) => !w.ok)).toEqual([]);
  expect(Object.keys(verdict.faults).sort()).toEqual([
    'kill-broker',
    'kill-leader',
    'pause-broker',
    'pause-leader',
  ]);
}, 600_000);
