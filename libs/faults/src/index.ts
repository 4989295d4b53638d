/** @tributary/faults: fault campaigns against real clusters, their workloads and nemeses. */
export {
  runCampaign,
  type CampaignOptions,
  type CampaignVerdict,
  type ScheduleEntry,
} from './campaign';
export { History, RunClock } from './history';
export { KillNemesis, PauseNemesis } from './process-nemeses';
export type { Workload, WorkloadContext, WorkloadVerdict } from './workloads/workload';
export { RegisterWorkload, type RegisterWorkloadOptions } from './workloads/register';
export { LockWorkload, type LockWorkloadOptions } from './workloads/locks';
export { WatchWorkload, type WatchWorkloadOptions } from './workloads/watches';
export { LogWorkload, type LogWorkloadOptions } from './workloads/log';
