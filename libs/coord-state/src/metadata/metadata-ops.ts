// The metadata commands (DESIGN §4) applied to the replicated state: each is one Raft entry,
// however many nodes it writes, and runs in the command's journal, so a refused command
// changes nothing. Records are JSON nodes under /tributary (records.ts).

import { assert } from '../assert';
import { type CoordError, type Result, coordError, fail, failed, ok } from '../errors';
import type { Journal } from '../journal';
import { type CoordState, removeNode } from '../node-ops';
import { RESERVED_ROOT } from '../paths';
import { type Decision, afterIsrChange, withBrokerBack, withoutBroker } from './controller';
import { checkName } from './names';
import { placeReplicas } from './placement';
import { type PlannedPartition, rebalancePlan } from './rebalance';
import {
  BROKERS_ROOT,
  type BrokerRecord,
  NO_LEADER,
  PRODUCER_IDS_PATH,
  type PartitionRecord,
  TOPICS_ROOT,
  type TopicRecord,
  brokerPath,
  childNames,
  ensurePaths,
  inReplicaOrder,
  partitionPath,
  putRecord,
  readRecord,
  topicPath,
} from './records';
import { TOPIC_CONFIG_KEYS, checkTopicConfigs, topicConfig } from './topic-config';

/** The most partitions one topic may have. */
export const PARTITIONS_MAX = 10_000;
/** Replication factor of a topic created with 0 (capped at the live brokers). */
export const DEFAULT_REPLICATION_FACTOR = 3;
const ADDRESS_BYTES_MAX = 255;

export interface TopicView extends TopicRecord {
  partitions: PartitionRecord[];
}

export interface RegisterBrokerArgs {
  brokerId: number;
  address: string;
  rack: string;
  sessionId: number;
}

export interface CreateTopicArgs {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
  validateOnly: boolean;
}

export interface AlterIsrArgs {
  topic: string;
  partition: number;
  brokerId: number;
  brokerEpoch: number;
  leaderEpoch: number;
  partitionEpoch: number;
  isr: number[];
}

export interface Reassignment {
  topic: string;
  partition: number;
  replicas: number[];
}

const isInt = (v: unknown, min: number, max = 2 ** 31 - 1): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

// ---- reads ----------------------------------------------------------------------------------

/** Live brokers, by id. */
export function listBrokers(s: CoordState): BrokerRecord[] {
  return childNames(s, BROKERS_ROOT)
    .map((name) => readRecord<BrokerRecord>(s, `${BROKERS_ROOT}/${name}`)!)
    .sort((a, b) => a.brokerId - b.brokerId);
}

export function listTopics(s: CoordState): string[] {
  return childNames(s, TOPICS_ROOT);
}

export function describeTopic(s: CoordState, name: string): TopicView | undefined {
  const topic = readRecord<TopicRecord>(s, topicPath(name));
  if (topic === undefined) return undefined;
  const partitions: PartitionRecord[] = [];
  for (let p = 0; p < topic.partitionCount; p++)
    partitions.push(readRecord<PartitionRecord>(s, partitionPath(name, p))!);
  return { ...topic, partitions };
}

function liveIds(s: CoordState): Set<number> {
  return new Set(childNames(s, BROKERS_ROOT).map(Number));
}

// ---- writes ---------------------------------------------------------------------------------

function ensureRoots(s: CoordState, j: Journal): void {
  ensurePaths(s, j, [RESERVED_ROOT, BROKERS_ROOT, TOPICS_ROOT]);
}

function writePartition(s: CoordState, j: Journal, topic: string, p: PartitionRecord): void {
  putRecord(s, j, partitionPath(topic, p.partition), p);
}

/** Applies a controller decision to every partition of every topic; returns the notes. */
function decideAll(
  s: CoordState,
  j: Journal,
  decide: (p: PartitionRecord, unclean: boolean) => Decision,
): string[] {
  const notes: string[] = [];
  for (const name of listTopics(s)) {
    const topic = readRecord<TopicRecord>(s, topicPath(name))!;
    const unclean = topicConfig(topic.configs, 'unclean.leader.election') === 'true';
    for (let n = 0; n < topic.partitionCount; n++) {
      const p = readRecord<PartitionRecord>(s, partitionPath(name, n))!;
      const d = decide(p, unclean);
      if (d.partition === p) continue;
      writePartition(s, j, name, d.partition);
      if (d.note) notes.push(`${name}/${n}: ${d.note}`);
    }
  }
  return notes;
}

export function registerBroker(
  s: CoordState,
  j: Journal,
  index: number,
  a: RegisterBrokerArgs,
): Result<{ brokerEpoch: number; notes: string[] }> {
  if (!isInt(a.brokerId, 1))
    return fail('INVALID_ARGUMENT', `broker id ${a.brokerId} must be an integer >= 1`);
  if (
    typeof a.address !== 'string' ||
    !/^[^\s]+:\d{1,5}$/.test(a.address) ||
    a.address.length > ADDRESS_BYTES_MAX
  )
    return fail('INVALID_ARGUMENT', `broker address '${String(a.address)}' must be host:port`);
  if (typeof a.rack !== 'string' || a.rack.length > ADDRESS_BYTES_MAX)
    return fail('INVALID_ARGUMENT', 'rack must be a string of at most 255 characters');
  if (!isInt(a.sessionId, 1, Number.MAX_SAFE_INTEGER) || s.sessions.get(a.sessionId) === undefined)
    return fail(
      'SESSION_EXPIRED',
      `session ${a.sessionId} is unknown or expired; open a session and register with it`,
    );
  ensureRoots(s, j);
  const existing = readRecord<BrokerRecord>(s, brokerPath(a.brokerId));
  if (existing !== undefined && existing.sessionId !== a.sessionId)
    return fail(
      'BROKER_EXISTS',
      `broker ${a.brokerId} is registered by live session ${existing.sessionId}; ids are unique among live brokers (wait for that session to end)`,
    );
  // Re-registering with the same session keeps the epoch: it is the same incarnation.
  const brokerEpoch = existing?.brokerEpoch ?? index;
  const record: BrokerRecord = {
    brokerId: a.brokerId,
    address: a.address,
    rack: a.rack,
    sessionId: a.sessionId,
    brokerEpoch,
  };
  putRecord(s, j, brokerPath(a.brokerId), record, a.sessionId);
  const live = liveIds(s);
  const notes =
    existing === undefined
      ? decideAll(s, j, (p, unclean) => {
          const back = withBrokerBack(p, a.brokerId, live, unclean);
          return back.partition === p
            ? back
            : { ...afterIsrChange(back.partition, live), note: back.note };
        })
      : [];
  return ok({ brokerEpoch, notes });
}

/**
 * The brokers whose registration nodes a command's session ends removed: the controller's
 * failover, one decision per partition for all of them (a node is written once per command).
 */
export function brokersGone(s: CoordState, j: Journal, gone: number[]): string[] {
  const live = liveIds(s);
  return decideAll(s, j, (p, unclean) => {
    let d: Decision = { partition: p };
    const notes: string[] = [];
    for (const id of gone) {
      d = withoutBroker(d.partition, id, live, unclean);
      if (d.note) notes.push(d.note);
    }
    return notes.length > 0 ? { partition: d.partition, note: notes.join('; ') } : d;
  });
}

/** Broker ids registered by these ephemeral paths (a session's, about to be removed). */
export function brokerIdsAmong(paths: Iterable<string>): number[] {
  const out: number[] = [];
  for (const path of paths)
    if (path.startsWith(`${BROKERS_ROOT}/`)) out.push(Number(path.slice(BROKERS_ROOT.length + 1)));
  return out.sort((a, b) => a - b);
}

/** Sum of partitions over existing topics: rotates where a new topic's first leader goes. */
function partitionTotal(s: CoordState): number {
  return listTopics(s).reduce(
    (n, t) => n + readRecord<TopicRecord>(s, topicPath(t))!.partitionCount,
    0,
  );
}

function topicId(index: number): string {
  // UUID-shaped and unique across the cluster's life: the Raft index of the creating entry.
  const hex = index.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function checkConfigMap(configs: unknown): CoordError | undefined {
  if (typeof configs !== 'object' || configs === null || Array.isArray(configs))
    return coordError('INVALID_ARGUMENT', 'configs must be a map of strings');
  return undefined;
}

export function createTopic(
  s: CoordState,
  j: Journal,
  index: number,
  a: CreateTopicArgs,
): Result<TopicView> {
  const bad = checkName(a.name, 'topic') ?? checkConfigMap(a.configs);
  if (bad) return failed(bad);
  if (!isInt(a.partitions, 1, PARTITIONS_MAX))
    return fail(
      'INVALID_ARGUMENT',
      `partitions ${a.partitions} must be from 1 to ${PARTITIONS_MAX}`,
    );
  if (!isInt(a.replicationFactor, 0))
    return fail(
      'INVALID_REPLICATION_FACTOR',
      `replication factor ${a.replicationFactor} must be >= 1 (0 = the default)`,
    );
  if (s.tree.get(topicPath(a.name)) !== undefined)
    return fail('TOPIC_EXISTS', `topic '${a.name}' already exists`);
  const brokers = listBrokers(s);
  if (brokers.length === 0)
    return fail(
      'INVALID_REPLICATION_FACTOR',
      'no broker is live: start a broker before creating topics',
    );
  const rf =
    a.replicationFactor === 0
      ? Math.min(DEFAULT_REPLICATION_FACTOR, brokers.length)
      : a.replicationFactor;
  if (rf > brokers.length)
    return fail(
      'INVALID_REPLICATION_FACTOR',
      `replication factor ${rf} is more than the ${brokers.length} live broker(s); use at most ${brokers.length} or start more brokers`,
    );
  const badConfig = checkTopicConfigs(a.configs, rf);
  if (badConfig) return failed(badConfig);
  const partitions = a.partitions;
  const placed = placeReplicas(
    brokers.map((b) => ({ id: b.brokerId, rack: b.rack })),
    partitions,
    rf,
    partitionTotal(s),
  );
  const topic: TopicRecord = {
    name: a.name,
    topicId: topicId(index),
    replicationFactor: rf,
    partitionCount: partitions,
    configs: { ...a.configs },
  };
  const view: TopicView = {
    ...topic,
    partitions: placed.map((replicas, n) => newPartition(n, replicas)),
  };
  if (a.validateOnly) return ok(view);
  ensureRoots(s, j);
  putRecord(s, j, topicPath(a.name), topic);
  for (const p of view.partitions) writePartition(s, j, a.name, p);
  return ok(view);
}

function newPartition(partition: number, replicas: number[]): PartitionRecord {
  return {
    partition,
    leader: replicas[0]!,
    leaderEpoch: 0,
    partitionEpoch: 0,
    replicas,
    isr: [...replicas],
    addingReplicas: [],
    removingReplicas: [],
  };
}

export function deleteTopic(
  s: CoordState,
  j: Journal,
  name: string,
): Result<Record<string, never>> {
  const bad = checkName(name, 'topic');
  if (bad) return failed(bad);
  if (s.tree.get(topicPath(name)) === undefined)
    return fail('UNKNOWN_TOPIC', `topic '${name}' does not exist`);
  for (const path of s.tree.postOrder(topicPath(name))) removeNode(s, j, path);
  return ok({});
}

/** Grows a topic to `count` partitions (Kafka's CreatePartitions; never shrinks). */
export function createPartitions(
  s: CoordState,
  j: Journal,
  name: string,
  count: number,
): Result<TopicView> {
  const bad = checkName(name, 'topic');
  if (bad) return failed(bad);
  const topic = readRecord<TopicRecord>(s, topicPath(name));
  if (topic === undefined) return fail('UNKNOWN_TOPIC', `topic '${name}' does not exist`);
  if (!isInt(count, topic.partitionCount + 1, PARTITIONS_MAX))
    return fail(
      'INVALID_ARGUMENT',
      `topic '${name}' has ${topic.partitionCount} partitions; the new count must be more, at most ${PARTITIONS_MAX}`,
    );
  const brokers = listBrokers(s);
  if (brokers.length < topic.replicationFactor)
    return fail(
      'INVALID_REPLICATION_FACTOR',
      `topic '${name}' needs ${topic.replicationFactor} live brokers for new partitions; ${brokers.length} are live`,
    );
  const placed = placeReplicas(
    brokers.map((b) => ({ id: b.brokerId, rack: b.rack })),
    count - topic.partitionCount,
    topic.replicationFactor,
    partitionTotal(s),
  );
  placed.forEach((replicas, k) =>
    writePartition(s, j, name, newPartition(topic.partitionCount + k, replicas)),
  );
  putRecord(s, j, topicPath(name), { ...topic, partitionCount: count });
  return ok(describeTopic(s, name)!);
}

export function updateTopicConfig(
  s: CoordState,
  j: Journal,
  name: string,
  set: Record<string, string>,
  remove: string[],
): Result<{ configs: Record<string, string> }> {
  const bad = checkName(name, 'topic') ?? checkConfigMap(set);
  if (bad) return failed(bad);
  if (!Array.isArray(remove) || remove.some((k) => typeof k !== 'string'))
    return fail('INVALID_ARGUMENT', 'the keys to delete must be a list of strings');
  const topic = readRecord<TopicRecord>(s, topicPath(name));
  if (topic === undefined) return fail('UNKNOWN_TOPIC', `topic '${name}' does not exist`);
  const both = remove.find((k) => k in set);
  if (both !== undefined)
    return fail('INVALID_ARGUMENT', `config '${both}' is both set and deleted`);
  const unknown = remove.find((k) => !(k in TOPIC_CONFIG_KEYS));
  if (unknown !== undefined)
    return fail('INVALID_CONFIG', `unknown topic config '${unknown}' cannot be deleted`);
  const badConfig = checkTopicConfigs(set, topic.replicationFactor);
  if (badConfig) return failed(badConfig);
  const configs = { ...topic.configs, ...set };
  for (const k of remove) delete configs[k];
  putRecord(s, j, topicPath(name), { ...topic, configs });
  return ok({ configs });
}

function partitionOf(s: CoordState, topic: string, partition: number): Result<PartitionRecord> {
  const bad = checkName(topic, 'topic');
  if (bad) return failed(bad);
  const t = readRecord<TopicRecord>(s, topicPath(topic));
  if (t === undefined) return fail('UNKNOWN_TOPIC', `topic '${topic}' does not exist`);
  if (!isInt(partition, 0) || partition >= t.partitionCount)
    return fail(
      'UNKNOWN_PARTITION',
      `topic '${topic}' has partitions 0 to ${t.partitionCount - 1}, not ${partition}`,
    );
  return ok(readRecord<PartitionRecord>(s, partitionPath(topic, partition))!);
}

/** An ISR change from the partition's leader, fenced by broker, leader and partition epochs. */
export function alterIsr(s: CoordState, j: Journal, a: AlterIsrArgs): Result<PartitionRecord> {
  const found = partitionOf(s, a.topic, a.partition);
  if (!found.ok) return found;
  const p = found.value;
  const broker = isInt(a.brokerId, 1)
    ? readRecord<BrokerRecord>(s, brokerPath(a.brokerId))
    : undefined;
  const where = `${a.topic}/${a.partition}`;
  if (broker === undefined || broker.brokerEpoch !== a.brokerEpoch)
    return fail(
      'FENCED',
      `broker ${a.brokerId} epoch ${a.brokerEpoch} is not a live registration; re-register`,
    );
  if (p.leader !== a.brokerId || p.leaderEpoch !== a.leaderEpoch)
    return fail(
      'FENCED',
      `${where} is led by broker ${p.leader} in leader epoch ${p.leaderEpoch}, not ${a.brokerId} in ${a.leaderEpoch}`,
    );
  if (p.partitionEpoch !== a.partitionEpoch)
    return fail(
      'FENCED',
      `${where} is at partition epoch ${p.partitionEpoch}, not ${a.partitionEpoch}; refresh and retry`,
    );
  if (!Array.isArray(a.isr) || !a.isr.every((b) => isInt(b, 1)))
    return fail('INVALID_ARGUMENT', 'isr must be a list of broker ids');
  if (new Set(a.isr).size !== a.isr.length)
    return fail('INVALID_ARGUMENT', 'isr names a broker twice');
  if (!a.isr.includes(p.leader))
    return fail('INVALID_ARGUMENT', `isr must include the leader ${p.leader}`);
  const stranger = a.isr.find((b) => !p.replicas.includes(b));
  if (stranger !== undefined)
    return fail('INVALID_ARGUMENT', `broker ${stranger} is not a replica of ${where}`);
  const live = liveIds(s);
  const dead = a.isr.find((b) => !p.isr.includes(b) && !live.has(b));
  if (dead !== undefined)
    return fail(
      'INVALID_ARGUMENT',
      `broker ${dead} is not live and cannot join the isr of ${where}`,
    );
  const next = afterIsrChange(
    { ...p, isr: inReplicaOrder(p.replicas, a.isr), partitionEpoch: p.partitionEpoch + 1 },
    live,
  ).partition;
  writePartition(s, j, a.topic, next);
  return ok(next);
}

/** Producer ids are the Raft index of the allocating entry: unique for the cluster's life. */
export function allocateProducerId(
  s: CoordState,
  j: Journal,
  index: number,
): Result<{ producerId: number }> {
  ensureRoots(s, j);
  putRecord(s, j, PRODUCER_IDS_PATH, { lastAllocated: index });
  return ok({ producerId: index });
}

/**
 * Starts moving replicas: each partition's replicas become the target followed by the ones
 * being removed, and the controller finishes the move (afterIsrChange) once the new ones are
 * in sync. With no moves given, every partition is rebalanced over the live brokers (the
 * fewest moves that even out replicas and preferred leaders). `validateOnly` checks and
 * returns the moves without starting them; `throttleBytesPerSec` caps what each new replica
 * copies per second until its move completes.
 */
export function reassignPartitions(
  s: CoordState,
  j: Journal,
  moves: Reassignment[],
  o: { validateOnly: boolean; throttleBytesPerSec: number },
): Result<{ reassignments: Reassignment[] }> {
  if (!Array.isArray(moves)) return fail('INVALID_ARGUMENT', 'reassignments must be a list');
  if (!isInt(o.throttleBytesPerSec, 0, Number.MAX_SAFE_INTEGER))
    return fail('INVALID_ARGUMENT', 'throttle_bytes_per_sec must be a whole number ≥ 0');
  const planned = moves.length > 0 ? moves : balancedPlan(s);
  const live = liveIds(s);
  const seen = new Set<string>();
  const out: Reassignment[] = [];
  for (const m of planned) {
    const found = partitionOf(s, m.topic, m.partition);
    if (!found.ok) return found;
    const p = found.value;
    const where = `${m.topic}/${m.partition}`;
    if (seen.has(where)) return fail('INVALID_ARGUMENT', `${where} is named twice`);
    seen.add(where);
    const rf = readRecord<TopicRecord>(s, topicPath(m.topic))!.replicationFactor;
    if (!Array.isArray(m.replicas) || m.replicas.length !== rf || new Set(m.replicas).size !== rf)
      return fail('INVALID_ARGUMENT', `${where} needs ${rf} distinct replicas`);
    const unknown = m.replicas.find((b) => !isInt(b, 1) || !live.has(b));
    if (unknown !== undefined) return fail('INVALID_ARGUMENT', `broker ${unknown} is not live`);
    if (p.addingReplicas.length + p.removingReplicas.length > 0)
      return fail('REASSIGNMENT_IN_PROGRESS', `${where} is already being reassigned`);
    const same = m.replicas.every((b, k) => p.replicas[k] === b);
    if (same) continue;
    out.push({ topic: m.topic, partition: m.partition, replicas: [...m.replicas] });
    if (o.validateOnly) continue;
    const removing = p.replicas.filter((b) => !m.replicas.includes(b));
    const adding = m.replicas.filter((b) => !p.replicas.includes(b));
    const next = afterIsrChange(
      {
        ...p,
        replicas: [...m.replicas, ...removing],
        isr: inReplicaOrder([...m.replicas, ...removing], p.isr),
        addingReplicas: adding,
        removingReplicas: removing,
        throttleBytesPerSec:
          adding.length > 0 && o.throttleBytesPerSec > 0 ? o.throttleBytesPerSec : undefined,
        partitionEpoch: p.partitionEpoch + 1,
      },
      live,
    ).partition;
    writePartition(s, j, m.topic, next);
  }
  return ok({ reassignments: out });
}

/** The fewest moves that spread every topic's replicas and leaders over the live brokers. */
function balancedPlan(s: CoordState): Reassignment[] {
  const brokers = listBrokers(s).map((b) => ({ id: b.brokerId, rack: b.rack }));
  const partitions: PlannedPartition[] = [];
  for (const name of listTopics(s))
    for (const p of describeTopic(s, name)!.partitions) {
      const removing = new Set(p.removingReplicas);
      partitions.push({
        topic: name,
        partition: p.partition,
        replicas: p.replicas.filter((b) => !removing.has(b)),
        busy: p.addingReplicas.length + p.removingReplicas.length > 0,
      });
    }
  return rebalancePlan(brokers, partitions);
}

/** The metadata's own invariants (checkInvariants): throws AssertionError. */
export function checkMetadataInvariants(s: CoordState): void {
  const live = liveIds(s);
  for (const b of listBrokers(s))
    assert(s.sessions.get(b.sessionId) !== undefined, `broker ${b.brokerId} has a live session`);
  for (const name of listTopics(s)) {
    const t = describeTopic(s, name)!;
    for (const p of t.partitions) {
      const where = `${name}/${p.partition}`;
      assert(p !== undefined, `${where} exists`);
      assert(new Set(p.replicas).size === p.replicas.length, `${where} replicas are distinct`);
      assert(p.isr.length > 0, `${where} keeps at least one in-sync replica`);
      assert(
        p.isr.every((b) => p.replicas.includes(b)),
        `${where} isr ⊆ replicas`,
      );
      assert(p.leader === NO_LEADER || p.isr.includes(p.leader), `${where} leader ∈ isr`);
      assert(p.leader === NO_LEADER || live.has(p.leader), `${where} leader is a live broker`);
      assert(
        p.replicas.length === t.replicationFactor + p.removingReplicas.length,
        `${where} has replication factor ${t.replicationFactor} (plus replicas being removed)`,
      );
    }
  }
}
