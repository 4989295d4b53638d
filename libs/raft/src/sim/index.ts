/**
 * Deterministic simulation of Raft clusters (and the invariants checked against them),
 * reusable by other pure state machines' tests.
 */
export { Simulation, runSimulation } from './simulation';
export type { SimResult, SimStats } from './simulation';
export {
  randomOptions,
  describeOptions,
  DEFAULT_LIVENESS_BOUND_ELECTIONS,
  CHURN_PROFILE,
  LEASE_PROFILE,
} from './options';
export type { SimOptions } from './options';
export { runSwarm } from './swarm';
export type { SwarmSummary } from './swarm';
export { Checker, SimViolation, entryKey, foldHash } from './checker';
export { Network } from './network';
export type { PartitionKind } from './network';
export { SimNode } from './sim-node';
export { Trace, formatMessage } from './trace';
