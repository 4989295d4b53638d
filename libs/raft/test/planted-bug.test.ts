import { sim, type UnsafeTestingKnobs } from '../src';

/**
 * The simulator must catch known Raft bugs planted through the `unsafe` testing knobs (off by
 * default). Each run is deterministic, so "caught within N seeds" is a stable assertion.
 */
function firstFailure(
  knobs: UnsafeTestingKnobs,
  seeds: number,
  overrides: Partial<sim.SimOptions> = {},
) {
  const summary = sim.runSwarm(1, seeds, { ...overrides, unsafe: knobs });
  return { failure: summary.failures[0], seedsRun: summary.seeds };
}

describe('planted bugs are caught', () => {
  test('followers that do not truncate conflicting entries (§5.3)', () => {
    const { failure, seedsRun } = firstFailure({ skipTruncation: true }, 200);
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
    const { failure, seedsRun } = firstFailure({ voteTwice: true }, 200);
    expect(failure?.violation?.property).toBe('election safety');
    expect(seedsRun).toBeLessThanOrEqual(50);
  });

  test('committing old-term entries by counting replicas (§5.4.2, Figure 8)', () => {
    const { failure, seedsRun } = firstFailure({ commitOldTermEntries: true }, 400, {
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
    const { failure } = firstFailure({ skipTruncation: true }, 200);
    const report = failure?.report ?? '';
    expect(report).toContain(`seed=${failure?.options.seed}`);
    expect(report).toContain('fault schedule');
    expect(report).toContain('last 120 events');
    const again = sim.runSimulation(failure!.options);
    expect(again.report).toBe(report);
  });

  test('with the knobs off the same seeds pass', () => {
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
