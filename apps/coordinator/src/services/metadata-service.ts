/**
 * grpc-js handlers of `tributary.coord.v1.MetadataService` (DESIGN §4): each write is one
 * metadata command through Raft (the state machine validates and applies it, controller
 * decisions included); reads are linearizable, served after a ReadIndex round.
 *
 * Not served yet (grpc-js answers UNIMPLEMENTED): WatchMetadata and the consumer-group RPCs.
 */
import type * as cs from '@tributary/coord-state';
import type { Logger } from '@tributary/rpc';
import { tributaryError } from '@tributary/rpc';
import type { BrokerInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/BrokerInfo';
import type { MetadataServiceHandlers } from '@tributary/rpc/src/generated/tributary/coord/v1/MetadataService';
import type { PartitionInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { TopicInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import type { ConsensusNode } from '../node/consensus-node';
import { unary } from './handler';
import { unwrap } from './wire-mapping';

export interface MetadataDeps {
  node: () => ConsensusNode;
  header: (revision?: number) => ResponseHeader;
  log: Logger;
}

type Broker = ReturnType<ConsensusNode['sm']['brokers']>[number];
type Topic = NonNullable<ReturnType<ConsensusNode['sm']['topic']>>;
type Partition = Topic['partitions'][number];

export function brokerToWire(b: Broker): BrokerInfo {
  return {
    broker_id: b.brokerId,
    address: b.address,
    rack: b.rack,
    session_id: b.sessionId,
    broker_epoch: b.brokerEpoch,
  };
}

export function partitionToWire(p: Partition): PartitionInfo {
  return {
    partition: p.partition,
    leader: p.leader,
    leader_epoch: p.leaderEpoch,
    partition_epoch: p.partitionEpoch,
    replicas: p.replicas,
    isr: p.isr,
    adding_replicas: p.addingReplicas,
    removing_replicas: p.removingReplicas,
  };
}

export function topicToWire(t: Topic): TopicInfo {
  return {
    name: t.name,
    topic_id: t.topicId,
    replication_factor: t.replicationFactor,
    partitions: t.partitions.map(partitionToWire),
    configs: t.configs,
  };
}

/** A protobuf map arrives as a plain object; refuse anything else before it reaches Raft. */
function stringMap(value: unknown, what: string): Record<string, string> {
  const map = (value ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(map))
    if (typeof v !== 'string')
      throw tributaryError('INVALID_ARGUMENT', `${what}: the value of '${k}' must be a string`);
  return map as Record<string, string>;
}

export function metadataHandlers(d: MetadataDeps): Partial<MetadataServiceHandlers> {
  const { log } = d;
  const write = async <V extends cs.CommandValue>(cmd: cs.Command) => {
    const output = await d.node().propose(cmd);
    return { v: unwrap(output.result) as V, header: d.header(output.revision) };
  };
  const read = async () => {
    await d.node().linearizableRead();
    return d.node().sm;
  };

  return {
    RegisterBroker: unary(async (r) => {
      const { v, header } = await write<cs.RegisterBrokerValue>({
        op: 'register-broker',
        brokerId: r.broker_id,
        address: r.address,
        rack: r.rack,
        sessionId: Number(r.session_id),
      });
      return { header, broker_epoch: v.brokerEpoch };
    }, log),
    ListBrokers: unary(async () => {
      const sm = await read();
      return { header: d.header(), brokers: sm.brokers().map(brokerToWire) };
    }, log),
    CreateTopic: unary(async (r) => {
      const { v, header } = await write<cs.CreateTopicValue>({
        op: 'create-topic',
        name: r.name,
        partitions: r.partitions,
        replicationFactor: r.replication_factor,
        configs: stringMap(r.configs, 'configs'),
        validateOnly: r.validate_only,
      });
      return { header, topic: topicToWire(v.topic) };
    }, log),
    DeleteTopic: unary(async (r) => {
      const { header } = await write({ op: 'delete-topic', name: r.name });
      return { header };
    }, log),
    ListTopics: unary(async () => {
      const sm = await read();
      return { header: d.header(), names: sm.topicNames() };
    }, log),
    DescribeTopics: unary(async (r) => {
      const sm = await read();
      const names = r.names.length > 0 ? r.names : sm.topicNames();
      const topics = names.map((name) => {
        const t = sm.topic(name);
        if (t === undefined)
          throw tributaryError('UNKNOWN_TOPIC', `topic '${name}' does not exist`, {
            metadata: { topic: name },
          });
        return topicToWire(t);
      });
      return { header: d.header(), topics };
    }, log),
    AlterIsr: unary(async (r) => {
      const { v, header } = await write<cs.AlterIsrValue>({
        op: 'alter-isr',
        topic: r.topic,
        partition: r.partition,
        brokerId: r.broker_id,
        brokerEpoch: Number(r.broker_epoch),
        leaderEpoch: r.leader_epoch,
        partitionEpoch: r.partition_epoch,
        isr: r.isr,
      });
      return { header, partition: partitionToWire(v.partition) };
    }, log),
    AllocateProducerId: unary(async () => {
      const { v, header } = await write<cs.AllocateProducerIdValue>({
        op: 'allocate-producer-id',
      });
      return { header, producer_id: v.producerId, producer_epoch: 0 };
    }, log),
    ReassignPartitions: unary(async (r) => {
      const { v, header } = await write<cs.ReassignPartitionsValue>({
        op: 'reassign-partitions',
        reassignments: r.reassignments.map((m) => ({
          topic: m.topic,
          partition: m.partition,
          replicas: m.replicas,
        })),
      });
      return { header, reassignments: v.reassignments };
    }, log),
    CreatePartitions: unary(async (r) => {
      const { v, header } = await write<cs.CreatePartitionsValue>({
        op: 'create-partitions',
        name: r.name,
        count: r.count,
      });
      return { header, topic: topicToWire(v.topic) };
    }, log),
    UpdateTopicConfig: unary(async (r) => {
      const { v, header } = await write<cs.UpdateTopicConfigValue>({
        op: 'update-topic-config',
        name: r.name,
        set: stringMap(r.set, 'set'),
        delete: r.delete,
      });
      return { header, configs: v.configs };
    }, log),
  };
}
