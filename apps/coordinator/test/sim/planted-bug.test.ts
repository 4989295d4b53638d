// The simulator catches known bugs when they are planted; the same seeds pass without them
// (sim-3-members runs seeds 1–600 on 3 members).
import { coordSimOptions, runCoordSim } from '../../src/sim/coordinator-sim';
import { runSimCli } from './sim-part';

// The bug that once made members unrestartable: snapshots that write no hard state (and a load
// that trusts the stored commit). Planted through the storage's test-only `unsafe` option.
it('finds a member that cannot restart after a snapshot, within 50 seeds', async () => {
  const storage = { unsafe: { snapshotWithoutHardState: true } };
  let caught: string | undefined;
  for (let seed = 1; seed <= 50 && !caught; seed++) {
    const result = await runCoordSim(coordSimOptions(seed, 3, { storage }));
    if (!result.ok) caught = `seed ${seed}: ${result.violation}`;
  }
  expect(caught).toMatch(/cannot restart: hard state commit \d+ outside/);
});

// Lock bugs (src/sim/lock-plants.ts), judged only by what clients were told: the apply-order
// check of grants is off, so the client-side check is shown to catch them on its own.
async function plantedLockBug(plant: string, seeds: number): Promise<string> {
  const args = ['--seeds', String(seeds), '--nodes', '3', '--start-seed', '1', '--plant', plant];
  const { code, stdout } = await runSimCli([...args, '--no-apply-order-lock-check']);
  expect(code).toBe(1); // 0: every seed passed, the bug went unnoticed
  return /VIOLATION at seed \d+: .*/.exec(stdout)?.[0] ?? stdout.slice(-2000);
}

it('finds two clients holding one lock when a waiter’s unlock frees it, within 400 seeds', async () => {
  expect(await plantedLockBug('unlock-by-waiter', 400)).toMatch(
    /lock \/l\/L\d: the client of session \d+ was told .* that \S+ holds it \(token \d+\), while the client of session \d+ holds it with \S+ \(told at \d+ ms, token \d+, not released/,
  );
}, 300_000);

it('finds a fencing token told twice when the token counter is not in the snapshot, within 60 seeds', async () => {
  expect(await plantedLockBug('fencing-token-snapshot', 60)).toMatch(
    /lock \/l\/L\d: the client of session \d+ was told .* holds it with fencing token (\d+), but a holder before it was told \d+/,
  );
}, 300_000);
