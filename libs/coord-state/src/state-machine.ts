// The replicated state machine of the coordination service. Raft hands it committed commands
// in index order through `apply`; queries read it directly. Deterministic: the same commands
// at the same indexes give every replica the same state, results, events and revisions.
//
// Revision rule: a command that changes the tree advances `revision` by exactly one, whatever
// the number of nodes it touches (a txn, a recursive delete, an expiry); every change it makes
// carries that revision and the watch history records its events under it. A command that
// fails changes nothing (its journal is rolled back) and does not advance the revision.
// Session-only changes (open-session, a close of a session without ephemerals) do not touch
// the tree and keep the revision, like etcd lease grants.

import { AssertionError, assert } from './assert';
import type { AclEntry } from './acls/acl-entry';
import {
  ACLS_ROOT,
  type StoredAcl,
  addAcls,
  checkAclInvariants,
  readAcls,
  removeAcls,
} from './acls/acl-store';
import type {
  CloseSessionValue,
  Command,
  CommandValue,
  ExpireSessionsValue,
  LockValue,
  OpenSessionValue,
  TxnRequest,
  TxnValue,
  UnlockValue,
  ValueOf,
} from './commands';
import { isMetadataCommand } from './command-codec';
import { type Result, fail, ok } from './errors';
import { Journal } from './journal';
import { LOCK_KEY_PREFIX, type LockGrant, type LockHolder, LockTable } from './locks';
import {
  type CoordState,
  createNode,
  deleteNode,
  checkWritable,
  ensureNode,
  getNode,
  listNode,
  removeNode,
  setNode,
} from './node-ops';
import {
  type TopicView,
  allocateProducerId,
  alterIsr,
  brokerIdsAmong,
  brokersGone,
  checkMetadataInvariants,
  createPartitions,
  createTopic,
  deleteTopic,
  describeTopic,
  listBrokers,
  listTopics,
  reassignPartitions,
  registerBroker,
  updateTopicConfig,
} from './metadata/metadata-ops';
import {
  type GroupOffsets,
  type GroupRecord,
  checkGroupInvariants,
  commitOffsets,
  groupHeartbeat,
  groupNames,
  joinGroup,
  readGroup,
  readOffsets,
  removeMembers,
} from './metadata/groups';
import type { BrokerRecord } from './metadata/records';
import { NodeTree, type Stat } from './node-tree';
import { type CoordOptions, resolveOptions } from './options';
import { ROOT_PATH, checkPath, isUnder } from './paths';
import { type SessionInfo, SessionTable, sessionInfo } from './sessions';
import { checkSessionOwner, recordSessionOwner, sessionOwner } from './session-owners';
import {
  type CoordSnapshot,
  type SnapshotView,
  captureState,
  captureView,
  loadState,
} from './snapshot';
import { checkTxn, chooseBranch, isReadOnly, runTxn } from './txn';
import { type EventsPage, WatchHistory, type WatchEvent, type WatchFilter } from './watch-history';

const EMPTY = new Uint8Array(0);

function map<T, U>(r: Result<T>, f: (value: T) => U): Result<U> {
  return r.ok ? ok(f(r.value)) : r;
}

export const EXPIRE_SESSIONS_MAX = 10_000;
export const EVENTS_PAGE_MAX = 10_000;

export interface ApplyOutput<V extends CommandValue = CommandValue> {
  /** The Raft index applied. */
  index: number;
  /** False when the index was already applied: nothing happened (duplicate delivery). */
  applied: boolean;
  result: Result<V>;
  /** The tree changes, in order, all at `revision`; empty when the tree did not change. */
  events: WatchEvent[];
  /** The revision after this command. */
  revision: number;
  /** Keys that became lock holders, including a lock command's own immediate acquisition. */
  lockGrants: LockGrant[];
  /**
   * Lock keys that left their queue without being granted in this command's output: released,
   * withdrawn, or deleted with their session. The shell fails a Lock RPC still waiting on one.
   */
  lockKeysRemoved: string[];
  /** Sessions this command ended (close-session, expire-sessions), ascending. */
  endedSessions: number[];
  /**
   * What the controller did that an operator should read in the log (a partition gone
   * offline, an unclean leader election), as sentences.
   */
  controllerNotes: string[];
}

export interface NodeValue {
  data: Uint8Array;
  stat: Stat;
}

export interface ChildrenValue {
  /** Child names (not paths), sorted. */
  children: string[];
  stat: Stat;
}

export class CoordStateMachine {
  readonly options: CoordOptions;
  private readonly state: CoordState;
  private readonly history: WatchHistory;
  private appliedIdx = 0;
  private rev = 0;
  /**
   * The ACL entries as stored, read on first use and dropped by any committed command with an
   * event under /tributary/acls: undefined, or equal to readAcls(state) (checkInvariants).
   */
  private aclCache: { stored: readonly StoredAcl[]; entries: readonly AclEntry[] } | undefined;

  constructor(options: Partial<CoordOptions> = {}) {
    this.options = resolveOptions(options);
    this.state = {
      tree: new NodeTree(),
      sessions: new SessionTable(),
      locks: new LockTable(),
      limits: { nodesMax: this.options.nodesMax },
    };
    this.history = new WatchHistory(
      this.options.watchHistoryRevisions,
      this.options.watchHistoryBytes,
    );
  }

  static fromSnapshot(snapshot: CoordSnapshot): CoordStateMachine {
    const sm = new CoordStateMachine(snapshot.options);
    loadState(sm.state, sm.history, snapshot);
    sm.appliedIdx = snapshot.appliedIndex;
    sm.rev = snapshot.revision;
    sm.checkInvariants();
    return sm;
  }

  toSnapshot(): CoordSnapshot {
    return captureState(this.state, this.history, {
      options: this.options,
      appliedIndex: this.appliedIdx,
      revision: this.rev,
    });
  }

  /**
   * The point-in-time view the snapshot image is encoded from: use encodeSnapshotIncrementally,
   * which closes it. A view left open keeps the tree saving pre-images for it; opening another
   * closes it.
   */
  captureView(): SnapshotView {
    return captureView(this.state, this.history, {
      options: this.options,
      appliedIndex: this.appliedIdx,
      revision: this.rev,
    });
  }

  /** Index of the last Raft entry applied. */
  get appliedIndex(): number {
    return this.appliedIdx;
  }

  /** Revision of the last write transaction (0 for an empty tree). */
  get revision(): number {
    return this.rev;
  }

  /** Watches from a start revision below this one get COMPACTED. */
  get compactRevision(): number {
    return this.history.compactRevision;
  }

  get nodeCount(): number {
    return this.state.tree.size;
  }

  /**
   * Applies the committed command at Raft `index`. Indexes must increase (gaps are fine: Raft
   * entries that carry no command); an index already applied is ignored and `applied` is false,
   * so redelivery after a restart is harmless.
   */
  apply<C extends Command>(index: number, cmd: C): ApplyOutput<ValueOf<C>>;
  apply(index: number, cmd: Command): ApplyOutput {
    assert(Number.isSafeInteger(index) && index >= 1, 'Raft indexes are positive integers');
    if (index <= this.appliedIdx) {
      return this.output(index, false, fail('STALE_INDEX', `index ${index} was already applied`));
    }
    const j = new Journal(this.rev + 1);
    let result: Result<CommandValue>;
    try {
      result = this.dispatch(j, index, cmd);
    } catch (e) {
      j.rollback();
      // Metadata commands travel as JSON, whose fields the codec does not type: one with a
      // field of the wrong shape (a forged proposal) is refused like any bad input, the same
      // way on every replica. A broken invariant is a bug, never an input error.
      if (e instanceof AssertionError || !isMetadataCommand(cmd)) throw e;
      this.appliedIdx = index;
      const why = `malformed ${cmd.op} command: ${(e as Error).message}`;
      return this.output(index, true, fail('INVALID_ARGUMENT', why));
    }
    this.appliedIdx = index;
    if (!result.ok) {
      j.rollback();
      return this.output(index, true, result);
    }
    j.commit();
    if (j.events.length > 0) {
      this.rev = j.revision;
      this.history.append(j.events, j.revision);
      if (this.aclCache !== undefined && j.events.some((e) => isUnder(e.path, ACLS_ROOT)))
        this.aclCache = undefined;
    }
    const out = this.output(index, true, result, j.events, this.grants(j));
    out.lockKeysRemoved = j.lockKeysRemoved;
    out.controllerNotes = j.notes;
    if (cmd.op === 'close-session' || cmd.op === 'expire-sessions') {
      const v = result.value as CloseSessionValue | ExpireSessionsValue;
      out.endedSessions = v.op === 'close-session' ? [v.sessionId] : v.expired;
    }
    return out;
  }

  private output(
    index: number,
    applied: boolean,
    result: Result<CommandValue>,
    events: WatchEvent[] = [],
    lockGrants: LockGrant[] = [],
  ): ApplyOutput {
    const revision = this.rev;
    return {
      index,
      applied,
      result,
      events,
      revision,
      lockGrants,
      lockKeysRemoved: [],
      endedSessions: [],
      controllerNotes: [],
    };
  }

  private dispatch(j: Journal, index: number, cmd: Command): Result<CommandValue> {
    const s = this.state;
    switch (cmd.op) {
      case 'create':
        return createNode(s, j, cmd, cmd.internal === true);
      case 'set':
        return setNode(s, j, cmd, cmd.internal === true);
      case 'delete':
        return deleteNode(s, j, cmd, cmd.internal === true);
      case 'txn':
        return runTxn(s, j, cmd, cmd.internal === true);
      case 'open-session':
        return this.openSession(j, index, cmd.ttlMs);
      case 'close-session':
        return this.closeSession(j, cmd.sessionId);
      case 'expire-sessions':
        return this.expireSessions(j, cmd.sessionIds);
      case 'lock':
        return this.lock(j, cmd.name, cmd.sessionId, cmd.internal === true);
      case 'unlock':
        return this.unlock(j, cmd.key, cmd.internal === true);
      case 'join-group':
        return map(joinGroup(s, j, index, cmd), (v) => ({ op: 'join-group', ...v }));
      case 'group-heartbeat':
        return map(groupHeartbeat(s, j, cmd), (v) => ({ op: 'group-heartbeat', ...v }));
      case 'leave-group':
        return this.leaveGroup(j, cmd.group, cmd.memberId);
      case 'expire-group-members':
        return map(removeMembers(s, j, cmd.group, cmd.memberIds), (v) => ({
          op: 'expire-group-members',
          group: cmd.group,
          removed: v.removed,
        }));
      case 'commit-offsets':
        return map(commitOffsets(s, j, cmd), () => ({ op: 'commit-offsets' }));
      case 'register-broker':
        return map(registerBroker(s, j, index, cmd), (v) => {
          j.notes.push(...v.notes);
          return { op: 'register-broker', brokerEpoch: v.brokerEpoch };
        });
      case 'create-topic':
        return map(createTopic(s, j, index, cmd), (topic) => ({ op: 'create-topic', topic }));
      case 'delete-topic':
        return map(deleteTopic(s, j, cmd.name), () => ({ op: 'delete-topic' }));
      case 'create-partitions':
        return map(createPartitions(s, j, cmd.name, cmd.count), (topic) => ({
          op: 'create-partitions',
          topic,
        }));
      case 'update-topic-config':
        return map(updateTopicConfig(s, j, cmd.name, cmd.set, cmd.delete), (v) => ({
          op: 'update-topic-config',
          configs: v.configs,
        }));
      case 'alter-isr':
        return map(alterIsr(s, j, cmd), (partition) => ({ op: 'alter-isr', partition }));
      case 'allocate-producer-id':
        return map(allocateProducerId(s, j, index), (v) => ({
          op: 'allocate-producer-id',
          producerId: v.producerId,
        }));
      case 'reassign-partitions':
        return map(
          reassignPartitions(s, j, cmd.reassignments, {
            validateOnly: cmd.validateOnly === true,
            throttleBytesPerSec: cmd.throttleBytesPerSec ?? 0,
          }),
          (v) => ({
            op: 'reassign-partitions',
            reassignments: v.reassignments,
          }),
        );
      case 'open-owned-session': {
        const bad = checkSessionOwner(cmd.owner);
        if (!bad.ok) return bad;
        const opened = this.openSession(j, index, cmd.ttlMs);
        if (!opened.ok) return opened;
        const recorded = recordSessionOwner(s, j, index, cmd.owner);
        if (!recorded.ok) return recorded;
        return ok({ ...opened.value, op: 'open-owned-session' });
      }
      case 'add-acls':
        return map(addAcls(s, j, this.storedAcls(), cmd.entries), (v) => ({
          op: 'add-acls',
          added: v.added,
        }));
      case 'remove-acls':
        return map(removeAcls(s, j, this.storedAcls(), cmd.filters), (v) => ({
          op: 'remove-acls',
          removed: v.removed,
        }));
      default:
        return fail(
          'INVALID_ARGUMENT',
          `unknown command op '${String((cmd as { op: unknown }).op)}'`,
        );
    }
  }

  private leaveGroup(j: Journal, group: string, memberId: string): Result<CommandValue> {
    const r = removeMembers(this.state, j, group, [memberId]);
    if (r.ok && r.value.removed.length === 0)
      return fail('UNKNOWN_MEMBER', `'${memberId}' is not a member of group '${group}'`);
    return map(r, () => ({ op: 'leave-group', group, memberId }));
  }

  private openSession(j: Journal, index: number, ttlMs: number): Result<OpenSessionValue> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 0) {
      return fail('INVALID_ARGUMENT', `ttl ${ttlMs} ms must be an integer >= 0 (0 = the default)`);
    }
    if (this.state.sessions.size >= this.options.sessionsMax) {
      return fail('LIMIT_EXCEEDED', `${this.options.sessionsMax} sessions are open, the limit`);
    }
    const o = this.options;
    const asked = ttlMs === 0 ? o.sessionTtlMsDefault : ttlMs;
    const granted = Math.min(Math.max(asked, o.sessionTtlMsMin), o.sessionTtlMsMax);
    this.state.sessions.open(j, index, granted);
    return ok({ op: 'open-session', sessionId: index, ttlMs: granted });
  }

  private closeSession(j: Journal, sessionId: number): Result<CloseSessionValue> {
    if (this.state.sessions.get(sessionId) === undefined) {
      return fail('NO_SESSION', `session ${sessionId} is unknown or already expired`);
    }
    this.endSessions(j, [sessionId]);
    return ok({ op: 'close-session', sessionId });
  }

  private expireSessions(j: Journal, ids: number[]): Result<ExpireSessionsValue> {
    if (!Array.isArray(ids) || ids.length > EXPIRE_SESSIONS_MAX) {
      return fail(
        'INVALID_ARGUMENT',
        `expire-sessions takes a list of at most ${EXPIRE_SESSIONS_MAX} ids`,
      );
    }
    const live = [...new Set(ids)].filter((id) => this.state.sessions.get(id) !== undefined);
    live.sort((a, b) => a - b);
    this.endSessions(j, live);
    return ok({ op: 'expire-sessions', expired: live });
  }

  /**
   * Deletes every ephemeral node (lock keys included) of the sessions, then the sessions. The
   * brokers they registered are gone: the controller fails their partitions over, once for
   * all of them, in this same command.
   */
  private endSessions(j: Journal, ids: number[]): void {
    const brokers: number[] = [];
    for (const id of ids) {
      const session = this.state.sessions.get(id)!;
      brokers.push(...brokerIdsAmong(session.ephemerals));
      for (const path of [...session.ephemerals].sort()) removeNode(this.state, j, path);
      this.state.sessions.close(j, id);
    }
    if (brokers.length > 0) j.notes.push(...brokersGone(this.state, j, brokers));
  }

  private lock(j: Journal, name: string, sessionId: number, internal: boolean): Result<LockValue> {
    const s = this.state;
    const bad = checkPath(name) ?? checkWritable(name, internal);
    if (bad !== undefined) return { ok: false, error: bad };
    if (sessionId === 0)
      return fail('INVALID_ARGUMENT', 'a lock needs the id of the session that will hold it');
    if (s.sessions.get(sessionId) === undefined) {
      return fail('SESSION_EXPIRED', `session ${sessionId} is unknown or expired; open a session`);
    }
    const dir = ensureNode(s, j, name, internal);
    if (!dir.ok) return dir;
    const keyPrefix = name === ROOT_PATH ? `/${LOCK_KEY_PREFIX}` : `${name}/${LOCK_KEY_PREFIX}`;
    const created = createNode(
      s,
      j,
      { path: keyPrefix, data: EMPTY, ephemeral: true, sequential: true, sessionId },
      internal,
    );
    if (!created.ok) return created;
    const key = created.value.path;
    s.locks.enqueue(j, name, key);
    const acquired = s.locks.holderKey(name) === key;
    return ok({ op: 'lock', key, acquired, fencingToken: created.value.stat.createRevision });
  }

  private unlock(j: Journal, key: string, internal: boolean): Result<UnlockValue> {
    const bad = checkPath(key) ?? checkWritable(key, internal);
    if (bad !== undefined) return { ok: false, error: bad };
    if (this.state.locks.lockOf(key) === undefined) {
      return fail(
        'NO_LOCK',
        `'${key}' is neither holding nor waiting for a lock (released, or its session ended)`,
      );
    }
    removeNode(this.state, j, key);
    return ok({ op: 'unlock', key });
  }

  /** After commit: every lock whose holder changed to a new key is granted to it. */
  private grants(j: Journal): LockGrant[] {
    const out: LockGrant[] = [];
    for (const name of [...j.lockHoldersBefore.keys()].sort()) {
      const key = this.state.locks.holderKey(name);
      if (key === undefined || key === j.lockHoldersBefore.get(name)) continue;
      const node = this.state.tree.get(key);
      assert(
        node !== undefined && node.ephemeralOwner !== 0,
        'a lock holder is a live ephemeral key',
      );
      this.state.locks.recordGrant(name, node.createRevision);
      out.push({ name, key, fencingToken: node.createRevision, sessionId: node.ephemeralOwner });
    }
    return out;
  }

  // ---- queries: pure reads, no apply ----

  get(path: string): Result<NodeValue> {
    const r = getNode(this.state, path);
    return r.ok ? ok({ data: r.value.data, stat: r.value.stat }) : r;
  }

  list(path: string): Result<ChildrenValue> {
    const r = listNode(this.state, path);
    return r.ok ? ok({ children: r.value.children, stat: r.value.stat }) : r;
  }

  /**
   * Serves a transaction as a read when the branch its compares choose only gets and lists
   * (coordination.proto: "none [no Raft write] when the chosen branch only reads"). Returns
   * undefined when the chosen branch writes: propose it as a txn command instead.
   */
  readTxn(req: TxnRequest): Result<TxnValue> | undefined {
    const bad = checkTxn(req);
    if (bad !== undefined) return { ok: false, error: bad };
    const branch = chooseBranch(this.state, req) ? req.success : req.failure;
    if (!isReadOnly(branch)) return undefined;
    const j = new Journal(this.rev + 1);
    const r = runTxn(this.state, j, req, false);
    assert(j.events.length === 0, 'a read-only txn changes nothing');
    j.commit();
    return r;
  }

  /** The node's stat, or null when it does not exist. */
  exists(path: string): Result<Stat | null> {
    const bad = checkPath(path);
    if (bad !== undefined) return { ok: false, error: bad };
    const node = this.state.tree.get(path);
    return ok(node === undefined ? null : node.stat());
  }

  sessions(): SessionInfo[] {
    return this.state.sessions.all().map(sessionInfo);
  }

  session(id: number): SessionInfo | undefined {
    const s = this.state.sessions.get(id);
    return s === undefined ? undefined : sessionInfo(s);
  }

  lockHolder(name: string): LockHolder | undefined {
    const key = this.state.locks.holderKey(name);
    if (key === undefined) return undefined;
    const node = this.state.tree.get(key)!;
    return { key, sessionId: node.ephemeralOwner, fencingToken: node.createRevision };
  }

  /** The keys queued on a lock name, holder first. */
  lockQueue(name: string): string[] {
    return this.state.locks.queue(name)?.keys.slice() ?? [];
  }

  /** Consumer group ids, sorted. */
  groupIds(): string[] {
    return groupNames(this.state);
  }

  group(id: string): GroupRecord | undefined {
    return readGroup(this.state, id);
  }

  groupOffsets(id: string): GroupOffsets {
    return readOffsets(this.state, id);
  }

  /** Live brokers, by id. */
  brokers(): BrokerRecord[] {
    return listBrokers(this.state);
  }

  /** Topic names, sorted. */
  topicNames(): string[] {
    return listTopics(this.state);
  }

  /** A topic with every partition, or undefined. */
  topic(name: string): TopicView | undefined {
    return describeTopic(this.state, name);
  }

  /** The principal that opened `sessionId` on an authenticating cluster, or undefined. */
  sessionOwner(sessionId: number): string | undefined {
    return sessionOwner(this.state, sessionId);
  }

  /**
   * The ACL entries, in the order added: frozen, and the same array until they change, so
   * reading them on every RPC costs nothing (they are parsed once per change).
   */
  acls(): readonly AclEntry[] {
    this.storedAcls();
    return this.aclCache!.entries;
  }

  private storedAcls(): readonly StoredAcl[] {
    if (this.aclCache === undefined) {
      const stored = Object.freeze(readAcls(this.state));
      this.aclCache = { stored, entries: Object.freeze(stored.map((a) => a.entry)) };
    }
    return this.aclCache.stored;
  }

  /** Watch catch-up: see WatchHistory.eventsSince. `eventsMax` defaults to 1,000. */
  eventsSince(startRevision: number, filter: WatchFilter, eventsMax = 1000): Result<EventsPage> {
    if (!Number.isSafeInteger(eventsMax) || eventsMax < 1 || eventsMax > EVENTS_PAGE_MAX) {
      return fail('INVALID_ARGUMENT', `eventsMax ${eventsMax} must be in [1, ${EVENTS_PAGE_MAX}]`);
    }
    return this.history.eventsSince(startRevision, filter, eventsMax, this.rev);
  }

  /** Full invariant check, O(state): tests and after restore. Throws AssertionError. */
  checkInvariants(): void {
    const s = this.state;
    s.tree.checkLinks();
    let ephemerals = 0;
    for (const [path, node] of s.tree.preOrder()) {
      assert(
        node.modRevision <= this.rev && node.createRevision <= node.modRevision,
        `revisions of '${path}' are ordered`,
      );
      if (node.ephemeralOwner !== 0) {
        ephemerals++;
        assert(
          s.sessions.get(node.ephemeralOwner)?.ephemerals.has(path) === true,
          `owner of '${path}' is live and knows it`,
        );
      }
    }
    let owned = 0;
    for (const session of s.sessions.all()) owned += session.ephemerals.size;
    assert(owned === ephemerals, 'sessions own exactly the ephemeral nodes');
    let queued = 0;
    for (const name of s.locks.names()) {
      const q = s.locks.queue(name)!;
      let prev = 0;
      for (const key of q.keys) {
        const node = s.tree.get(key);
        assert(node !== undefined && node.ephemeralOwner !== 0, `lock key '${key}' is ephemeral`);
        assert(node.createRevision > prev, `lock '${name}' keys are in creation order`);
        prev = node.createRevision;
        queued++;
      }
      const holder = s.tree.get(q.keys[0])!;
      assert(holder.createRevision === q.lastToken, `lock '${name}' holder was granted`);
    }
    assert(queued === s.locks.keyCount, 'every indexed lock key is queued');
    checkMetadataInvariants(s);
    checkGroupInvariants(s);
    checkAclInvariants(s, this.aclCache?.stored);
  }
}

/** The current ACL entries of `sm` (CoordStateMachine.acls): cached until they change. */
export function aclsOf(sm: CoordStateMachine): readonly AclEntry[] {
  return sm.acls();
}
