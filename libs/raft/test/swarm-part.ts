import { sim } from '../src';

const PARTS = 2;
const SEEDS_PER_SHARD = 250;

/**
 * One part of the swarm simulation (the parts are separate test files so jest can run them in
 * parallel workers): 500 seeds with 3 initial voters and 500 with 5 (learners are added and
 * promoted on the way), each seed with its own randomized faults and options. Every invariant
 * is checked after every step, and the liveness phase must converge within the stated bound.
 * Seeds also draw the shell's early send, crashes mid-Ready, steps between ready() and
 * advance(), clock drift, long delays, lingering removed members, shrinking to one voter,
 * back-to-back conf changes, explicit campaign() calls, slow inboxes (late acks) and restarts
 * just as a vote request arrives (see SimOptions).
 * 2 parts × 1,000 = 2,000 seeds.
 */
export function swarmPart(part: number): void {
  describe(`simulation swarm, part ${part + 1} of ${PARTS}`, () => {
    for (const nodes of [3, 5]) {
      for (let shard = 0; shard < 2; shard++) {
        const start = nodes * 1_000_000 + (part * 2 + shard) * SEEDS_PER_SHARD;
        test(`${nodes} nodes, seeds ${start}..${start + SEEDS_PER_SHARD - 1}`, () => {
          const summary = sim.runSwarm(start, SEEDS_PER_SHARD, { nodes });
          const failure = summary.failures[0];
          if (failure) throw new Error(failure.report);
          expect(summary.seeds).toBe(SEEDS_PER_SHARD);
          expect(summary.writesAcked).toBeGreaterThan(0);
          // The paths the first simulator never took are taken in every shard.
          expect(summary.earlySends).toBeGreaterThan(0);
          expect(summary.midReadyCrashes).toBeGreaterThan(0);
          expect(summary.interleavedReadies).toBeGreaterThan(0);
          expect(summary.campaignCalls).toBeGreaterThan(0);
          expect(summary.removedRunningTicks).toBeGreaterThan(0);
          expect(summary.slowInboxes).toBeGreaterThan(0);
          expect(summary.restartsAtVote).toBeGreaterThan(0);
          if (nodes === 3) expect(summary.loneVoterConfs).toBeGreaterThan(0);
        });
      }
    }
  });
}
