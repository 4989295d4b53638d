/**
 * A nemesis injects one kind of fault into a running system and later heals it, as Jepsen's do.
 * The campaign (faults/campaign.ts) picks nemeses from a seeded random schedule, starts one,
 * lets the workloads run through it, stops it, and records both steps in the run's fault
 * schedule, so a failing run can be replayed from its seed.
 */
import type { Random } from '@tributary/raft';
import type { BrokerCluster } from '../broker-cluster';
import type { CoordinatorCluster } from '../coordinator-cluster';

/** What a nemesis may act on: the processes under test and the campaign's seeded randomness. */
export interface FaultTarget {
  coordinators: CoordinatorCluster;
  /** Present when the campaign runs brokers too. */
  brokers?: BrokerCluster;
  random: Random;
  /** Appends a line to the run's fault schedule (and its log). */
  record(event: string, details?: Record<string, unknown>): void;
}

export interface Nemesis {
  /** Stable name, used in schedules and on the command line (`--nemeses kill,pause`). */
  readonly name: string;
  /** Injects the fault; resolves to what it did (which nodes, which links), for the schedule. */
  start(target: FaultTarget): Promise<Record<string, unknown>>;
  /** Heals what `start` did: restarts, resumes, reconnects. Safe to call when nothing is broken. */
  stop(target: FaultTarget): Promise<void>;
}

/** Picks one element of a non-empty list with the campaign's randomness. */
export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[random.int(items.length)]!;
}
