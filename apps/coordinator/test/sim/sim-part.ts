/** Runs a range of whole-coordinator simulation seeds in one jest test, failing with a rerun line. */
import { coordSimOptions, runCoordSim } from '../../src/sim/coordinator-sim';

export function simPart(nodes: number, firstSeed: number, seeds: number): void {
  it(`keeps every invariant on ${seeds} seeds × ${nodes} members (from seed ${firstSeed})`, async () => {
    let acked = 0;
    let crashes = 0;
    let lockGrants = 0;
    let sessionsEnded = 0;
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const result = await runCoordSim(coordSimOptions(seed, nodes));
      acked += result.stats.acked;
      crashes += result.stats.crashes;
      lockGrants += result.stats.lockGrants;
      sessionsEnded += result.stats.sessionsExpired;
      if (!result.ok)
        throw new Error(
          `seed ${seed}: ${result.violation}\n` +
            `rerun: npm run sim:coordinator -- --seeds 1 --nodes ${nodes} --start-seed ${seed}\n` +
            result.trace.join('\n'),
        );
    }
    // The runs did real work: writes acknowledged, members crashed, locks changed hands and
    // sessions ended along the way.
    expect(acked).toBeGreaterThan(seeds * 10);
    expect(crashes).toBeGreaterThan(seeds);
    expect(lockGrants).toBeGreaterThan(seeds);
    expect(sessionsEnded).toBeGreaterThan(seeds);
  }, 600_000);
}
