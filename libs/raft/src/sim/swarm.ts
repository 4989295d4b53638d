import { randomOptions, type SimOptions } from './options';
import { runSimulation, type SimResult } from './simulation';

export interface SwarmSummary {
  seeds: number;
  failures: SimResult[];
  maxLivenessTicks: number;
  writesAcked: number;
  readsServed: number;
  elections: number;
  crashes: number;
  partitions: number;
  snapshotsInstalled: number;
  confChanges: number;
  earlySends: number;
  midReadyCrashes: number;
  interleavedReadies: number;
  campaignCalls: number;
  removedRunningTicks: number;
  loneVoterConfs: number;
  slowInboxes: number;
  restartsAtVote: number;
}

/**
 * Runs seeds [start, start+count) with per-seed randomized options (`overrides` pinned).
 * Stops after `maxFailures` failures. `onSeed` observes each result (e.g. a progress bar).
 */
export function runSwarm(
  start: number,
  count: number,
  overrides: Partial<SimOptions> = {},
  onSeed?: (r: SimResult) => void,
  maxFailures = 1,
): SwarmSummary {
  const sum: SwarmSummary = {
    seeds: 0,
    failures: [],
    maxLivenessTicks: 0,
    writesAcked: 0,
    readsServed: 0,
    elections: 0,
    crashes: 0,
    partitions: 0,
    snapshotsInstalled: 0,
    confChanges: 0,
    earlySends: 0,
    midReadyCrashes: 0,
    interleavedReadies: 0,
    campaignCalls: 0,
    removedRunningTicks: 0,
    loneVoterConfs: 0,
    slowInboxes: 0,
    restartsAtVote: 0,
  };
  for (let seed = start; seed < start + count; seed++) {
    const r = runSimulation(randomOptions(seed, overrides));
    sum.seeds++;
    const s = r.stats;
    sum.maxLivenessTicks = Math.max(sum.maxLivenessTicks, s.livenessTicks);
    sum.writesAcked += s.writesAcked;
    sum.readsServed += s.readsServed;
    sum.elections += s.elections;
    sum.crashes += s.crashes;
    sum.partitions += s.partitions;
    sum.snapshotsInstalled += s.snapshotsInstalled;
    sum.confChanges += s.confChanges;
    sum.earlySends += s.earlySends;
    sum.midReadyCrashes += s.midReadyCrashes;
    sum.interleavedReadies += s.interleavedReadies;
    sum.campaignCalls += s.campaignCalls;
    sum.removedRunningTicks += s.removedRunningTicks;
    sum.loneVoterConfs += s.loneVoterConfs;
    sum.slowInboxes += s.slowInboxes;
    sum.restartsAtVote += s.restartsAtVote;
    onSeed?.(r);
    if (!r.ok) {
      sum.failures.push(r);
      if (sum.failures.length >= maxFailures) break;
    }
  }
  return sum;
}
