// The simulator catches the bug that once made members unrestartable: snapshots that write no
// hard state (and a load that trusts the stored commit). Planted through the storage's test-only
// `unsafe` option; the same seeds pass without it (sim-3-members).
import { coordSimOptions, runCoordSim } from '../../src/sim/coordinator-sim';

it('finds a member that cannot restart after a snapshot, within 50 seeds', async () => {
  const storage = { unsafe: { snapshotWithoutHardState: true } };
  let caught: string | undefined;
  for (let seed = 1; seed <= 50 && !caught; seed++) {
    const result = await runCoordSim(coordSimOptions(seed, 3, { storage }));
    if (!result.ok) caught = `seed ${seed}: ${result.violation}`;
  }
  expect(caught).toMatch(/cannot restart: hard state commit \d+ outside/);
});
