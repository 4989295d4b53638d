// What the ReplicaManager's leader and follower halves share.
import { checkName } from '@tributary/coord-state';
import { tributaryError, type Logger } from '@tributary/rpc';
import type { PartitionReplica } from './partition-replica';
import type { ReplicaManagerOptions, ReplicaPorts } from './ports';
import type { SetTimer } from './timer';

export interface ReplicaContext {
  readonly brokerId: number;
  readonly ports: ReplicaPorts;
  readonly opts: ReplicaManagerOptions;
  readonly setTimer: SetTimer;
  readonly log: Logger | undefined;
  brokerEpoch(): number;
  closed(): boolean;
  replica(topic: string, partition: number): PartitionReplica | undefined;
  replicas(): Iterable<PartitionReplica>;
  /** Whether metadata names the topic at all (UNKNOWN_TOPIC vs UNKNOWN_PARTITION). */
  knowsTopic(topic: string): boolean;
}

/** The error for a request to a replica that does not lead: where the leader is, if known. */
export function notLeader(ctx: ReplicaContext, name: string, leader: number, why = '') {
  if (leader < 0)
    return tributaryError('NO_LEADER', `${name} has no leader at the moment${why}; retry`);
  const address = ctx.ports.brokerAddress(leader);
  return tributaryError(
    'NOT_LEADER',
    `broker ${ctx.brokerId} does not lead ${name}; broker ${leader} does${why}`,
    address ? { leader: address } : {},
  );
}

export function unknownPartition(ctx: ReplicaContext, topic: string, partition: number) {
  return ctx.knowsTopic(topic)
    ? tributaryError(
        'UNKNOWN_PARTITION',
        `broker ${ctx.brokerId} holds no replica of ${topic}/${partition}`,
        { metadata: { topic } },
      )
    : unknownTopic(topic);
}

/** UNKNOWN_TOPIC, or INVALID_NAME for a name no topic can have. */
export function unknownTopic(topic: string) {
  const invalid = checkName(topic, 'topic');
  if (invalid) return tributaryError('INVALID_NAME', invalid.message);
  return tributaryError('UNKNOWN_TOPIC', `no topic '${topic}'`, { metadata: { topic } });
}

export function shuttingDown(ctx: ReplicaContext) {
  return tributaryError('SHUTTING_DOWN', `broker ${ctx.brokerId} is shutting down`);
}
