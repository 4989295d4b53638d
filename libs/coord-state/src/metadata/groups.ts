// Consumer groups with server-side, incremental assignment (in the style of Kafka's KIP-848).
//
// Each member has a *target* (what the assignor wants it to own) and an *assigned* set (what it
// has been handed and may be consuming). A partition enters a member's assigned set only while
// no other member's assigned set holds it, and leaves it only when the member, at its current
// generation, reports it no longer owns it (or the member is gone). So no partition is ever
// assigned to two members at once, at any step. A member's generation goes up whenever its
// assigned set changes, always in an answer to that member's own request; a heartbeat or
// commit from an older generation is FENCED.
//
// Stored as one JSON node per group, /tributary/groups/<group>, and one per group and topic for
// committed offsets, /tributary/groups/<group>/<topic>.

import { assert } from '../assert';
import { type CoordError, type Result, coordError, fail, failed, ok } from '../errors';
import type { Journal } from '../journal';
import { type CoordState, removeNode } from '../node-ops';
import { RESERVED_ROOT } from '../paths';
import { ASSIGNORS, type Assignment, type AssignorName, assign } from './assignors';
import { checkName } from './names';
import {
  TOPICS_ROOT,
  type TopicRecord,
  childNames,
  ensurePaths,
  putRecord,
  readRecord,
} from './records';

export const GROUPS_ROOT = `${RESERVED_ROOT}/groups`;
export const SESSION_TIMEOUT_MS_DEFAULT = 45_000;
export const SESSION_TIMEOUT_MS_MIN = 1_000;
export const SESSION_TIMEOUT_MS_MAX = 300_000;
export const GROUP_MEMBERS_MAX = 1_000;
export const GROUP_TOPICS_MAX = 1_000;
const LABEL_BYTES_MAX = 255;
const OFFSET_METADATA_BYTES_MAX = 4096;

export interface GroupMember {
  memberId: string;
  clientId: string;
  /** Static membership: a restarted consumer with the same id takes this member's place. */
  instanceId: string;
  topics: string[];
  sessionTimeoutMs: number;
  generation: number;
  target: Assignment;
  assigned: Assignment;
}

export interface GroupRecord {
  group: string;
  assignor: AssignorName;
  /** Bumped whenever the targets are recomputed with a different result. */
  epoch: number;
  /** Sorted by member id. */
  members: GroupMember[];
}

export interface CommittedOffset {
  offset: number;
  leaderEpoch: number;
  metadata: string;
  /** Who committed it ('' and -1 for an admin commit): a later commit of the same member and
   * generation never moves it back (asynchronous commits may arrive out of order). */
  memberId: string;
  generation: number;
}

/** topic → partition → committed offset. */
export type GroupOffsets = Record<string, Record<string, CommittedOffset>>;

export interface JoinGroupArgs {
  group: string;
  /** '' for a new member. */
  memberId: string;
  clientId: string;
  instanceId: string;
  topics: string[];
  sessionTimeoutMs: number;
  /** '' = the group's current assignor (range for a new group). */
  assignor: string;
}

export interface GroupHeartbeatArgs {
  group: string;
  memberId: string;
  generation: number;
  owned: { topic: string; partitions: number[] }[];
}

export interface OffsetCommit {
  topic: string;
  partition: number;
  offset: number;
  leaderEpoch: number;
  metadata: string;
}

export interface CommitOffsetsArgs {
  group: string;
  /** '' with generation -1: an admin commit, allowed only while the group has no members. */
  memberId: string;
  generation: number;
  offsets: OffsetCommit[];
}

/** What a member is told: its generation and the partitions it may consume now. */
export interface MemberAssignment {
  group: string;
  memberId: string;
  generation: number;
  assignment: Assignment;
  sessionTimeoutMs: number;
}

const groupPath = (g: string) => `${GROUPS_ROOT}/${g}`;
const offsetsPath = (g: string, t: string) => `${GROUPS_ROOT}/${g}/${t}`;

export function readGroup(s: CoordState, group: string): GroupRecord | undefined {
  return readRecord<GroupRecord>(s, groupPath(group));
}

export function groupNames(s: CoordState): string[] {
  return childNames(s, GROUPS_ROOT);
}

export function readOffsets(s: CoordState, group: string): GroupOffsets {
  const out: GroupOffsets = {};
  for (const topic of childNames(s, groupPath(group)))
    out[topic] = readRecord<Record<string, CommittedOffset>>(s, offsetsPath(group, topic))!;
  return out;
}

function partitionsOf(s: CoordState): (topic: string) => number {
  return (topic) => readRecord<TopicRecord>(s, `${TOPICS_ROOT}/${topic}`)?.partitionCount ?? 0;
}

const has = (a: Assignment, topic: string, p: number) => a[topic]?.includes(p) === true;
const count = (a: Assignment) => Object.values(a).reduce((n, l) => n + l.length, 0);

function normalize(a: Assignment): Assignment {
  const out: Assignment = {};
  for (const t of Object.keys(a).sort())
    if (a[t]!.length > 0) out[t] = [...new Set(a[t])].sort((x, y) => x - y);
  return out;
}

const same = (a: Assignment, b: Assignment) =>
  JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));

/**
 * Recomputes targets, then hands `served` (the member whose join or heartbeat this is) the
 * partitions of its target that no other member holds, bumping its generation when its
 * assigned set grows. Only the member being answered changes generation, so it always learns
 * its new generation in that answer. Pure on the record.
 */
export function reconcile(
  g: GroupRecord,
  partitions: (topic: string) => number,
  served?: string,
): GroupRecord {
  const targets = assign(g.assignor, g.members, partitions);
  const members = g.members.map((m) => ({ ...m, target: normalize(targets.get(m.memberId)!) }));
  const epoch = members.some((m, k) => !same(m.target, g.members[k]!.target))
    ? g.epoch + 1
    : g.epoch;
  // Every partition held by some member, and by whom.
  const holder = new Map<string, string>();
  for (const m of members)
    for (const [t, list] of Object.entries(m.assigned))
      for (const p of list) holder.set(`${t}/${p}`, m.memberId);
  for (const m of members) {
    if (m.memberId !== served) continue;
    let grew = false;
    const assigned: Assignment = { ...m.assigned };
    for (const [t, list] of Object.entries(m.target))
      for (const p of list) {
        if (holder.has(`${t}/${p}`)) continue;
        holder.set(`${t}/${p}`, m.memberId);
        assigned[t] = [...(assigned[t] ?? []), p];
        grew = true;
      }
    if (grew) {
      m.assigned = normalize(assigned);
      m.generation++;
    }
  }
  return { ...g, epoch, members };
}

/** What the member may consume now: the part of its assigned set still in its target. */
/** The member holds exactly its target: nothing left to hand over or release. */
export function isSettled(m: GroupMember): boolean {
  return same(m.assigned, m.target);
}

export function memberAssignment(group: string, m: GroupMember): MemberAssignment {
  const assignment: Assignment = {};
  for (const [t, list] of Object.entries(m.assigned)) {
    const keep = list.filter((p) => has(m.target, t, p));
    if (keep.length > 0) assignment[t] = keep;
  }
  return {
    group,
    memberId: m.memberId,
    generation: m.generation,
    assignment,
    sessionTimeoutMs: m.sessionTimeoutMs,
  };
}

function checkLabel(v: unknown, what: string): CoordError | undefined {
  return typeof v === 'string' && v.length <= LABEL_BYTES_MAX
    ? undefined
    : coordError(
        'INVALID_ARGUMENT',
        `${what} must be a string of at most ${LABEL_BYTES_MAX} characters`,
      );
}

function save(s: CoordState, j: Journal, g: GroupRecord): void {
  ensurePaths(s, j, [RESERVED_ROOT, GROUPS_ROOT]);
  putRecord(s, j, groupPath(g.group), {
    ...g,
    members: [...g.members].sort((a, b) => (a.memberId < b.memberId ? -1 : 1)),
  });
}

function findMember(
  g: GroupRecord | undefined,
  memberId: string,
  group: string,
): Result<GroupMember> {
  const m = g?.members.find((x) => x.memberId === memberId);
  if (m === undefined)
    return fail(
      'UNKNOWN_MEMBER',
      `'${memberId}' is not a member of group '${group}' (removed or never joined); join again`,
    );
  return ok(m);
}

export function joinGroup(
  s: CoordState,
  j: Journal,
  index: number,
  a: JoinGroupArgs,
): Result<MemberAssignment> {
  const bad =
    checkName(a.group, 'group') ??
    checkLabel(a.memberId, 'member id') ??
    checkLabel(a.clientId, 'client id') ??
    checkLabel(a.instanceId, 'group instance id') ??
    checkLabel(a.assignor, 'assignor');
  if (bad) return failed(bad);
  if (!Array.isArray(a.topics) || a.topics.length === 0 || a.topics.length > GROUP_TOPICS_MAX)
    return fail('INVALID_ARGUMENT', `a member subscribes to 1 to ${GROUP_TOPICS_MAX} topics`);
  for (const t of a.topics) {
    const badTopic = checkName(t, 'topic');
    if (badTopic) return failed(badTopic);
  }
  if (!Number.isSafeInteger(a.sessionTimeoutMs) || a.sessionTimeoutMs < 0)
    return fail('INVALID_ARGUMENT', 'session_timeout_ms must be an integer >= 0 (0 = the default)');
  if (a.assignor !== '' && !ASSIGNORS.includes(a.assignor as AssignorName))
    return fail(
      'INVALID_ARGUMENT',
      `assignor '${a.assignor}' is unknown; use ${ASSIGNORS.join(' or ')}`,
    );
  const existing = readGroup(s, a.group);
  let g: GroupRecord = existing ?? { group: a.group, assignor: 'range', epoch: 0, members: [] };
  if (a.assignor !== '') g = { ...g, assignor: a.assignor as AssignorName };
  const timeout =
    a.sessionTimeoutMs === 0
      ? SESSION_TIMEOUT_MS_DEFAULT
      : Math.min(Math.max(a.sessionTimeoutMs, SESSION_TIMEOUT_MS_MIN), SESSION_TIMEOUT_MS_MAX);
  let members = g.members;
  let carried: Pick<GroupMember, 'target' | 'assigned' | 'generation'> = {
    target: {},
    assigned: {},
    generation: 0,
  };
  if (a.memberId !== '') {
    // Rejoining after being fenced: the member stopped consuming, so it holds nothing now.
    const found = findMember(g, a.memberId, a.group);
    if (!found.ok) return found;
    carried = { target: found.value.target, assigned: {}, generation: found.value.generation + 1 };
    members = members.filter((m) => m.memberId !== a.memberId);
  } else if (a.instanceId !== '') {
    // Static membership: the restarted instance takes the old member's place and partitions
    // (the old member id is gone, so a zombie of it is fenced).
    const old = members.find((m) => m.instanceId === a.instanceId);
    if (old !== undefined) {
      carried = { target: old.target, assigned: old.assigned, generation: old.generation + 1 };
      members = members.filter((m) => m !== old);
    }
  }
  if (members.length >= GROUP_MEMBERS_MAX)
    return fail('LIMIT_EXCEEDED', `group '${a.group}' has ${GROUP_MEMBERS_MAX} members, the limit`);
  const memberId = a.memberId !== '' ? a.memberId : `${a.group}-${index}`;
  const member: GroupMember = {
    memberId,
    clientId: a.clientId,
    instanceId: a.instanceId,
    topics: [...new Set(a.topics)].sort(),
    sessionTimeoutMs: timeout,
    ...carried,
  };
  const next = reconcile({ ...g, members: [...members, member] }, partitionsOf(s), memberId);
  save(s, j, next);
  return ok(
    memberAssignment(
      a.group,
      next.members.find((m) => m.memberId === memberId)!,
    ),
  );
}

export function groupHeartbeat(
  s: CoordState,
  j: Journal,
  a: GroupHeartbeatArgs,
): Result<MemberAssignment> {
  const bad = checkName(a.group, 'group') ?? checkLabel(a.memberId, 'member id');
  if (bad) return failed(bad);
  const g = readGroup(s, a.group);
  const found = findMember(g, a.memberId, a.group);
  if (!found.ok) return found;
  const m = found.value;
  if (a.generation !== m.generation)
    return fail(
      'FENCED',
      `member '${a.memberId}' is at generation ${m.generation}, not ${a.generation}; join again`,
    );
  if (!Array.isArray(a.owned))
    return fail('INVALID_ARGUMENT', 'owned must be a list of topic partitions');
  const owned: Assignment = {};
  for (const o of a.owned) {
    if (
      typeof o !== 'object' ||
      o === null ||
      typeof o.topic !== 'string' ||
      !Array.isArray(o.partitions)
    )
      return fail('INVALID_ARGUMENT', 'owned must be a list of {topic, partitions}');
    owned[o.topic] = [...(owned[o.topic] ?? []), ...o.partitions];
  }
  // Revoked partitions the member no longer owns are released; the rest stay assigned.
  const assigned: Assignment = {};
  for (const [t, list] of Object.entries(m.assigned)) {
    const keep = list.filter((p) => has(m.target, t, p) || has(owned, t, p));
    if (keep.length > 0) assigned[t] = keep;
  }
  const released = count(m.assigned) - count(assigned);
  const members = g!.members.map((x) =>
    x === m ? { ...x, assigned, generation: released > 0 ? x.generation + 1 : x.generation } : x,
  );
  const next = reconcile({ ...g!, members }, partitionsOf(s), a.memberId);
  save(s, j, next);
  return ok(
    memberAssignment(
      a.group,
      next.members.find((x) => x.memberId === a.memberId)!,
    ),
  );
}

/** Removes members (leave, or heartbeat timeout): their partitions are free at once. */
export function removeMembers(
  s: CoordState,
  j: Journal,
  group: string,
  memberIds: string[],
): Result<{ removed: string[] }> {
  const bad = checkName(group, 'group');
  if (bad) return failed(bad);
  if (!Array.isArray(memberIds)) return fail('INVALID_ARGUMENT', 'member ids must be a list');
  const g = readGroup(s, group);
  if (g === undefined) return ok({ removed: [] });
  const gone = new Set(memberIds);
  const members = g.members.filter((m) => !gone.has(m.memberId));
  const removed = g.members.filter((m) => gone.has(m.memberId)).map((m) => m.memberId);
  if (removed.length === 0) return ok({ removed });
  save(s, j, reconcile({ ...g, members }, partitionsOf(s)));
  return ok({ removed });
}

export function commitOffsets(
  s: CoordState,
  j: Journal,
  a: CommitOffsetsArgs,
): Result<Record<string, never>> {
  const bad = checkName(a.group, 'group') ?? checkLabel(a.memberId, 'member id');
  if (bad) return failed(bad);
  if (!Array.isArray(a.offsets)) return fail('INVALID_ARGUMENT', 'offsets must be a list');
  const g = readGroup(s, a.group);
  let member: GroupMember | undefined;
  if (a.memberId === '' && a.generation === -1) {
    if ((g?.members.length ?? 0) > 0)
      return fail(
        'FENCED',
        `group '${a.group}' has live members; only they commit (stop them for an admin commit)`,
      );
  } else {
    const found = findMember(g, a.memberId, a.group);
    if (!found.ok) return found;
    member = found.value;
    if (a.generation !== member.generation)
      return fail(
        'FENCED',
        `member '${a.memberId}' is at generation ${member.generation}, not ${a.generation}; join again`,
      );
  }
  const byTopic = new Map<string, OffsetCommit[]>();
  const seen = new Set<string>();
  for (const o of a.offsets) {
    if (typeof o !== 'object' || o === null)
      return fail('INVALID_ARGUMENT', 'an offset must be {topic, partition, offset}');
    const badTopic = checkName(o.topic, 'topic');
    if (badTopic) return failed(badTopic);
    const where = `${o.topic}/${o.partition}`;
    if (!Number.isSafeInteger(o.partition) || o.partition < 0)
      return fail('INVALID_ARGUMENT', `${where}: partition must be >= 0`);
    if (!Number.isSafeInteger(o.offset) || o.offset < 0)
      return fail('INVALID_ARGUMENT', `${where}: offset must be an integer >= 0`);
    if (!Number.isSafeInteger(o.leaderEpoch) || o.leaderEpoch < -1)
      return fail('INVALID_ARGUMENT', `${where}: leader epoch must be >= -1`);
    if (typeof o.metadata !== 'string' || o.metadata.length > OFFSET_METADATA_BYTES_MAX)
      return fail(
        'INVALID_ARGUMENT',
        `${where}: metadata must be a string of at most ${OFFSET_METADATA_BYTES_MAX} characters`,
      );
    if (seen.has(where)) return fail('INVALID_ARGUMENT', `${where} appears twice`);
    seen.add(where);
    if (member !== undefined && !has(member.assigned, o.topic, o.partition))
      return fail('FENCED', `member '${a.memberId}' does not own ${where}`);
    byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
  }
  if (g === undefined) save(s, j, { group: a.group, assignor: 'range', epoch: 0, members: [] });
  for (const [topic, list] of byTopic) {
    const current =
      readRecord<Record<string, CommittedOffset>>(s, offsetsPath(a.group, topic)) ?? {};
    for (const o of list) {
      const prev = current[String(o.partition)];
      const reordered =
        prev !== undefined &&
        a.memberId !== '' &&
        prev.memberId === a.memberId &&
        prev.generation === a.generation &&
        o.offset < prev.offset;
      if (reordered) continue;
      current[String(o.partition)] = {
        offset: o.offset,
        leaderEpoch: o.leaderEpoch,
        metadata: o.metadata,
        memberId: a.memberId,
        generation: a.generation,
      };
    }
    putRecord(s, j, offsetsPath(a.group, topic), current);
  }
  return ok({});
}

/** Group invariants (checkInvariants): no partition in two members' assigned sets. */
export function checkGroupInvariants(s: CoordState): void {
  for (const name of groupNames(s)) {
    const g = readGroup(s, name)!;
    const holder = new Map<string, string>();
    for (const m of g.members)
      for (const [t, list] of Object.entries(m.assigned))
        for (const p of list) {
          const key = `${t}/${p}`;
          assert(
            !holder.has(key),
            `group ${name}: ${key} is assigned to ${holder.get(key)} and ${m.memberId}`,
          );
          holder.set(key, m.memberId);
        }
  }
}

export function deleteGroupNode(s: CoordState, j: Journal, group: string): void {
  for (const path of s.tree.postOrder(groupPath(group))) removeNode(s, j, path);
}
