/** @tributary/testkit: real processes on loopback for tests, and the helpers to drive them. */
export { freePorts, freePortBase } from '@tributary/rpc';
export { call, callRetrying } from './calls';
export { BrokerCluster, type BrokerClusterOptions, type BrokerMember } from './broker-cluster';
export { CoordinatorCluster, sleep, type ClusterOptions, type Member } from './coordinator-cluster';
export { ExecutePipeline, ExecuteError } from './execute-pipeline';
export { CLIENT_PRINCIPAL, MEMBER_PRINCIPAL, TestCertificates } from './certificates';
export { SecureCluster, type SecureClusterOptions } from './secure-cluster';
export { eventually } from './eventually';
export { drained, grpcFrame } from './raw-grpc';
export { topicRecords } from './topic-records';
export { parsePrometheusText, Scrape, scrapeMetrics, type Sample } from './prometheus-text';
export * from './checkers/log-history';
export * from './checkers/log-anomalies';
export * from './checkers/lock-checker';
export * from './checkers/watch-checker';
export * from './checkers/linearizability';
export * from './checkers/register-history';
export { runTrib, spawnTrib, TRIB_BIN, REPO_ROOT, type TribOptions, type TribResult } from './trib';
export type { FaultTarget, Nemesis } from './faults/nemesis';
export { NetworkLab } from './faults/network-lab';
export {
  PartitionLeaderNemesis,
  PartitionHalvesNemesis,
  PartitionBridgeNemesis,
  PartitionOneWayNemesis,
  partitionNemeses,
} from './faults/partition-nemeses';
export {
  brokerLogDir,
  corruptStoredBatch,
  flipSstBit,
  listStoredBatches,
  type Corruption,
  type Damage,
  type StoredBatchRef,
} from './faults/corrupt-at-rest';
export {
  CorruptReplicaNemesis,
  CrashLoseUnsyncedNemesis,
  type CorruptReplicaOptions,
  type CrashLoseUnsyncedOptions,
} from './faults/storage-nemeses';
