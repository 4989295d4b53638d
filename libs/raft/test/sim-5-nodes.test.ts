import { sim } from '../src';

/**
 * Swarm simulation, 5 initial voters (plus learners added on the way): 1,000 seeds, each with
 * its own randomized faults and options; every invariant is checked after every step and the
 * liveness phase must converge within the stated bound. Sharded so progress is visible.
 */
const SHARDS = 4;
const SEEDS_PER_SHARD = 250;
const BASE_SEED = 5_000_000;

describe('simulation swarm, 5 nodes', () => {
  for (let shard = 0; shard < SHARDS; shard++) {
    const start = BASE_SEED + shard * SEEDS_PER_SHARD;
    test(`seeds ${start}..${start + SEEDS_PER_SHARD - 1}`, () => {
      const summary = sim.runSwarm(start, SEEDS_PER_SHARD, { nodes: 5 });
      const failure = summary.failures[0];
      if (failure) throw new Error(failure.report);
      expect(summary.seeds).toBe(SEEDS_PER_SHARD);
      expect(summary.writesAcked).toBeGreaterThan(0);
    });
  }
});
