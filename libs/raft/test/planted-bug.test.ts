import { sim } from '../src';
import { MUTATIONS } from '../tools/mutations';
import { checkApplies, load, plant, remove } from '../tools/plant';

/**
 * The simulator must catch known Raft bugs. They are planted by textual patches in a scratch
 * copy of src/ (tools/mutations.ts; `npm run mutation -w libs/raft` runs all of them), so the
 * production code carries no bug switches. Each run is deterministic, so "caught within N
 * seeds" is a stable assertion.
 */
function firstFailure(name: string, seeds: number, overrides: Partial<sim.SimOptions> = {}) {
  const m = MUTATIONS.find((x) => x.name === name);
  if (!m) throw new Error(`no mutation ${name}`);
  const dir = plant(m);
  try {
    const mutant = load(dir).sim;
    const summary = mutant.runSwarm(1, seeds, overrides);
    return { failure: summary.failures[0], seedsRun: summary.seeds, mutant };
  } finally {
    remove(dir);
  }
}

describe('planted bugs are caught', () => {
  test('every mutation of the catalogue still applies to the source', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(15);
    for (const m of MUTATIONS) expect(() => checkApplies(m)).not.toThrow();
  });

  test('followers that do not truncate conflicting entries (§5.3)', () => {
    const { failure, seedsRun } = firstFailure('no-truncation-on-conflict', 200);
    expect(failure).toBeDefined();
    expect([
      'log matching',
      'state machine safety',
      'leader completeness',
      'raft assertion',
    ]).toContain(failure?.violation?.property);
    expect(seedsRun).toBeLessThanOrEqual(50);
  });

  test('voting twice in one term (§5.2)', () => {
    const { failure, seedsRun } = firstFailure('vote-granted-twice', 200);
    // The second grant contradicts the durable vote, which the durability check sees first.
    expect(['election safety', 'durability']).toContain(failure?.violation?.property);
    expect(seedsRun).toBeLessThanOrEqual(50);
  });

  test('committing old-term entries by counting replicas (§5.4.2, Figure 8)', () => {
    const { failure, seedsRun } = firstFailure('commit-old-term-entries', 400, {
      ...sim.CHURN_PROFILE,
      nodes: 3,
      safetyTicks: 400,
    });
    expect(failure).toBeDefined();
    expect(['leader completeness', 'state machine safety', 'raft assertion']).toContain(
      failure?.violation?.property,
    );
    expect(seedsRun).toBeLessThanOrEqual(400);
  });

  test('a failure report names the seed, options, schedule and trace, and reruns identically', () => {
    const { failure, mutant } = firstFailure('no-truncation-on-conflict', 200);
    const report = failure?.report ?? '';
    expect(report).toContain(`seed=${failure?.options.seed}`);
    expect(report).toContain('fault schedule');
    expect(report).toContain('last 120 events');
    const again = mutant.runSimulation(failure!.options);
    expect(again.report).toBe(report);
  });

  test('without a planted bug the same seeds pass', () => {
    const summary = sim.runSwarm(1, 50, {});
    expect(summary.failures.map((f) => f.report)).toEqual([]);
  });
});

test('runs are deterministic: same seed, same stats', () => {
  const a = sim.runSimulation(sim.randomOptions(42));
  const b = sim.runSimulation(sim.randomOptions(42));
  expect(a.stats).toEqual(b.stats);
  expect(a.ok).toBe(true);
});
