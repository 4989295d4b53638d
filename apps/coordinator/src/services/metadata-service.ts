/**
 * grpc-js handlers of `tributary.coord.v1.MetadataService` (DESIGN §4): each write is one
 * metadata command through Raft (the state machine validates and applies it, controller
 * decisions included); reads are linearizable, served after a ReadIndex round.
 *
 * WatchMetadata is a watch on /tributary (watch-hub.ts) whose events are turned into metadata
 * deltas, one message per revision; a stream from revision 0, or from a compacted one, starts
 * with the whole metadata instead.
 *
 * Consumer group calls are Raft writes too (a heartbeat carries the partitions the member
 * owns); the leader's GroupKeeper expires members whose heartbeats stop.
 *
 * ACLs (DESIGN §7): AddAcls and RemoveAcls are Raft writes; ListAcls reads the state machine's
 * cached list. WatchMetadata carries the complete list whenever it changes (acl-watch.ts).
 */
import type * as grpc from '@grpc/grpc-js';
import type * as cs from '@tributary/coord-state';
import {
  BROKERS_ROOT,
  TOPICS_ROOT,
  aclMatchesFilter,
  decodeRecord,
  isSettled,
  validateAclFilter,
} from '@tributary/coord-state';
import {
  aclFilterFromWire,
  aclToWire,
  toServiceError,
  tributaryError,
  unary,
  type Logger,
} from '@tributary/rpc';
import type { BrokerInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/BrokerInfo';
import type { MetadataServiceHandlers } from '@tributary/rpc/src/generated/tributary/coord/v1/MetadataService';
import type { PartitionInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { GroupInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/GroupInfo';
import type { TopicInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import type { TopicPartitions } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicPartitions';
import type { WatchMetadataRequest__Output as WatchMetadataRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchMetadataRequest';
import type { WatchMetadataResponse } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchMetadataResponse';
import type { ConsensusNode } from '../node/consensus-node';
import { AclView, aclsChangedSince } from './acl-watch';
import type { WatchHub } from './watch-hub';
import { addAclsCommand, coordError, removeAclsCommand, unwrap } from './wire-mapping';

const BROKERS_PREFIX = `${BROKERS_ROOT}/`;
const TOPICS_PREFIX = `${TOPICS_ROOT}/`;

export interface MetadataDeps {
  node: () => ConsensusNode;
  watches: WatchHub;
  header: (revision?: number) => ResponseHeader;
  log: Logger;
}

type Broker = cs.BrokerRecord;
type Topic = cs.TopicView;
type Partition = cs.PartitionRecord;

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
    reassignment_throttle_bytes_per_sec: p.throttleBytesPerSec ?? 0,
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

type Assignment = Record<string, number[]>;

function assignmentToWire(a: Assignment): TopicPartitions[] {
  return Object.keys(a)
    .sort()
    .map((topic) => ({ topic, partitions: a[topic] }));
}

function memberResponse(v: cs.MemberAssignment, header: ResponseHeader) {
  return {
    header,
    member_id: v.memberId,
    generation: v.generation,
    assignment: assignmentToWire(v.assignment),
    // Three heartbeats per session timeout, as Kafka's defaults do.
    heartbeat_interval_ms: Math.max(100, Math.floor(v.sessionTimeoutMs / 3)),
  };
}

type GroupState = NonNullable<GroupInfo['state']>;

function groupState(g: cs.GroupRecord | undefined): GroupState {
  if (g === undefined) return 'GROUP_STATE_UNSPECIFIED';
  if (g.members.length === 0) return 'GROUP_STATE_EMPTY';
  return g.members.every(isSettled) ? 'GROUP_STATE_STABLE' : 'GROUP_STATE_RECONCILING';
}

function groupToWire(id: string, g: cs.GroupRecord | undefined): GroupInfo {
  return {
    group: id,
    state: groupState(g),
    generation: g?.epoch ?? 0,
    members: (g?.members ?? []).map((m) => ({
      member_id: m.memberId,
      client_id: m.clientId,
      topics: m.topics,
      owned: assignmentToWire(m.assigned),
      target: assignmentToWire(m.target),
      generation: m.generation,
    })),
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
    WatchMetadata: (call) => watchMetadata(call, d),
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
        validateOnly: r.validate_only,
        throttleBytesPerSec: Number(r.throttle_bytes_per_sec),
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
    JoinGroup: unary(async (r) => {
      const { v, header } = await write<cs.JoinGroupValue>({
        op: 'join-group',
        group: r.group,
        memberId: r.member_id,
        clientId: r.client_id,
        instanceId: r.group_instance_id,
        topics: r.topics,
        sessionTimeoutMs: r.session_timeout_ms,
        assignor: r.assignor,
      });
      return memberResponse(v, header);
    }, log),
    GroupHeartbeat: unary(async (r) => {
      const { v, header } = await write<cs.GroupHeartbeatValue>({
        op: 'group-heartbeat',
        group: r.group,
        memberId: r.member_id,
        generation: r.generation,
        owned: r.owned.map((o) => ({ topic: o.topic, partitions: o.partitions })),
      });
      const { member_id: _id, ...rest } = memberResponse(v, header);
      return rest;
    }, log),
    LeaveGroup: unary(async (r) => {
      const { header } = await write({ op: 'leave-group', group: r.group, memberId: r.member_id });
      return { header };
    }, log),
    CommitOffsets: unary(async (r) => {
      const { header } = await write({
        op: 'commit-offsets',
        group: r.group,
        memberId: r.member_id,
        generation: r.generation,
        offsets: r.offsets.map((o) => ({
          topic: o.topic,
          partition: o.partition,
          offset: Number(o.offset),
          leaderEpoch: o.leader_epoch,
          metadata: o.metadata,
        })),
      });
      return { header };
    }, log),
    FetchOffsets: unary(async (r) => {
      const sm = await read();
      const committed = sm.groupOffsets(r.group);
      const asked =
        r.partitions.length > 0
          ? r.partitions.map((p) => ({ topic: p.topic, partition: p.partition }))
          : Object.keys(committed)
              .sort()
              .flatMap((topic) =>
                Object.keys(committed[topic]!)
                  .map(Number)
                  .sort((a, b) => a - b)
                  .map((partition) => ({ topic, partition })),
              );
      const offsets = asked.map(({ topic, partition }) => {
        const c = committed[topic]?.[String(partition)];
        return {
          topic,
          partition,
          offset: c?.offset ?? -1,
          leader_epoch: c?.leaderEpoch ?? -1,
          metadata: c?.metadata ?? '',
        };
      });
      return { header: d.header(), offsets };
    }, log),
    ListGroups: unary(async () => {
      const sm = await read();
      const groups = sm.groupIds().map((id) => {
        const g = sm.group(id);
        return { group: id, state: groupState(g), num_members: g?.members.length ?? 0 };
      });
      return { header: d.header(), groups };
    }, log),
    DescribeGroups: unary(async (r) => {
      const sm = await read();
      if (r.groups.length === 0)
        throw tributaryError('INVALID_ARGUMENT', 'name at least one group to describe');
      return { header: d.header(), groups: r.groups.map((id) => groupToWire(id, sm.group(id))) };
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
    AddAcls: unary(async (r) => {
      const { v, header } = await write<cs.AddAclsValue>(addAclsCommand(r));
      return { header, added: v.added };
    }, log),
    RemoveAcls: unary(async (r) => {
      const { v, header } = await write<cs.RemoveAclsValue>(removeAclsCommand(r));
      return { header, removed: v.removed.map(aclToWire) };
    }, log),
    ListAcls: unary(async (r) => {
      const filter = aclFilterFromWire(r.filter);
      const bad = validateAclFilter(filter);
      if (bad) throw coordError(bad);
      const sm = await read();
      const entries = sm.acls().filter((e) => aclMatchesFilter(e, filter));
      return { header: d.header(), entries: entries.map(aclToWire) };
    }, log),
  };
}

const record = <T>(e: cs.WatchEvent): T => decodeRecord<T>(e.data);

/** The metadata changes of one revision's events (the events of other paths are ignored). */
export function metadataDelta(
  events: readonly cs.WatchEvent[],
): Omit<WatchMetadataResponse, 'header'> {
  const brokers: BrokerInfo[] = [];
  const removed: number[] = [];
  const topics = new Map<string, TopicInfo>();
  const deleted: string[] = [];
  const partitions: { topic: string; partition: PartitionInfo }[] = [];
  for (const e of events) {
    if (e.path.startsWith(BROKERS_PREFIX)) {
      if (e.type === 'DELETED') removed.push(Number(e.path.slice(BROKERS_PREFIX.length)));
      else brokers.push(brokerToWire(record<Broker>(e)));
      continue;
    }
    if (!e.path.startsWith(TOPICS_PREFIX)) continue;
    const [name, partition] = e.path.slice(TOPICS_PREFIX.length).split('/') as [string, string?];
    if (partition === undefined) {
      if (e.type === 'DELETED') deleted.push(name);
      else topics.set(name, topicToWire({ ...record<Topic>(e), partitions: [] }));
    } else if (e.type !== 'DELETED') {
      partitions.push({ topic: name, partition: partitionToWire(record<Partition>(e)) });
    }
  }
  // Partitions of a topic listed in this message travel inside it.
  const loose = partitions.filter((u) => {
    const t = topics.get(u.topic);
    if (t !== undefined) t.partitions!.push(u.partition);
    return t === undefined && !deleted.includes(u.topic);
  });
  for (const t of topics.values()) t.partitions!.sort((a, b) => a.partition! - b.partition!);
  return {
    snapshot: false,
    brokers,
    removed_broker_ids: removed,
    topics: [...topics.values()],
    partitions: loose,
    deleted_topics: deleted,
  };
}

function watchMetadata(
  call: grpc.ServerWritableStream<WatchMetadataRequest, WatchMetadataResponse>,
  d: MetadataDeps,
): void {
  // False once the stream buffers its high-water mark of messages: the hub then pauses.
  const send = (message: WatchMetadataResponse): boolean => call.write(message);
  // The ACL list as of the last revision sent; set by the snapshot or when the watch starts.
  let acls: AclView | undefined;
  // Events at or below a snapshot sent when the watch started are in it already.
  let skipThrough = 0;
  let from = Number(call.request.from_revision);
  /** The whole metadata, then the changes after it: no event can be applied in between. */
  const snapshot = (sm: cs.CoordStateMachine) => {
    acls = AclView.of(sm);
    skipThrough = sm.revision;
    send({
      header: d.header(sm.revision),
      snapshot: true,
      brokers: sm.brokers().map(brokerToWire),
      removed_broker_ids: [],
      topics: sm.topicNames().map((n) => topicToWire(sm.topic(n)!)),
      partitions: [],
      deleted_topics: [],
      acls: acls.wire(),
    });
  };
  const sink = {
    // The watch is established at this member's revision (≥ from). The ACL list at `from` is
    // the current one unless an ACL changed in between: then a snapshot starts the stream.
    start: () => {
      if (acls !== undefined) return;
      const sm = d.node().sm;
      if (aclsChangedSince(sm, from)) snapshot(sm);
      else acls = AclView.of(sm);
    },
    push: (events: cs.WatchEvent[]): boolean => {
      let ok = true;
      for (let k = 0; k < events.length;) {
        const revision = events[k]!.revision;
        let end = k;
        while (end < events.length && events[end]!.revision === revision) end++;
        if (revision > skipThrough) {
          const group = events.slice(k, end);
          const changed = acls!.apply(group);
          const delta = metadataDelta(group);
          ok =
            send({ header: d.header(revision), ...delta, ...(changed && { acls: changed }) }) && ok;
        }
        k = end;
      }
      return ok;
    },
    // Nothing changed up to `revision`: an empty delta moves the client's resume point on.
    progress: (revision: number) => send({ header: d.header(revision), ...metadataDelta([]) }),
    whenDrained: (resume: () => void) => call.once('drain', resume),
    fail: (error: Error) => call.emit('error', toServiceError(error, d.log)),
  };
  let stop: (() => void) | undefined;
  try {
    const sm = d.node().sm;
    if (from === 0 || from < sm.compactRevision) {
      snapshot(sm);
      from = sm.revision;
    }
    stop = d.watches.open(
      {
        filter: { path: '/tributary', prefix: true },
        startRevision: from,
        progressNotify: true,
        owner: call.getPeer(),
      },
      sink,
    );
  } catch (error) {
    call.emit('error', toServiceError(error, d.log));
    return;
  }
  call.on('cancelled', () => stop?.());
  call.on('close', () => stop?.());
}
