import type { RaftConfig } from './config';
import { decodeConfChange, encodeConfChange } from './conf-change';
import { assert, type ProposalDropReason, type ProposeResult } from './errors';
import { Raft } from './raft';
import type { Storage } from './storage';
import type {
  ConfChange,
  ConfState,
  Entry,
  HardState,
  Message,
  MessageType,
  NodeId,
  ReadState,
  Role,
  Snapshot,
  SoftState,
} from './types';
import { message, NONE } from './types';

/**
 * Everything the shell must do after driving the node. Ordering contract (the simple rule,
 * for every role — leaders do not write in parallel with sending):
 *
 *   1. If `snapshot` is set: persist it (storage.applySnapshot) and restore the state machine.
 *   2. Persist `entries` (appending, overwriting any suffix from their first index) and
 *      `hardState` if set, atomically and durably (fsync when `mustSync`).
 *   3. Only then send `messages` (they may promise that 1-2 are durable: votes, acks).
 *      Exception: a leader whose Ready changes neither term nor vote may send its messages
 *      before or while it persists — they promise nothing about its own disk, and it counts
 *      its own copy of an entry toward a commit only after `advance` (thesis §10.2.1).
 *   4. Apply `committedEntries` in order; for 'conf-change' entries call `applyConfChange`.
 *   5. Serve the reads in `readStates` once the state machine has applied `index`.
 *   6. Call `advance(ready)`. Call `ready()` again only after that.
 */
export interface Ready {
  /** Leader/role if they changed since the last Ready, else null. Informational only. */
  softState: SoftState | null;
  /** Term/vote/commit if they changed, else null. Persist with `entries`. */
  hardState: HardState | null;
  /** Snapshot received from the leader, to persist and install before anything else. */
  snapshot: Snapshot | null;
  /** Entries to persist (a contiguous run; may overwrite a suffix of the stored log). */
  entries: Entry[];
  /** Entries known committed, to apply in order after persisting. */
  committedEntries: Entry[];
  /** Messages to send once the above is durable. */
  messages: Message[];
  /** Completed ReadIndex requests. */
  readStates: ReadState[];
  /** True when term, vote or entries changed and must be fsynced before sending. */
  mustSync: boolean;
}

export interface NodeStatus {
  id: NodeId;
  role: Role;
  leader: NodeId;
  term: number;
  vote: NodeId;
  commit: number;
  applied: number;
  firstIndex: number;
  lastIndex: number;
  confState: ConfState;
  leadTransferee: NodeId;
  /** On a leader: how far each member's log is known to match ours; empty elsewhere. */
  match: ReadonlyMap<NodeId, number>;
}

/** Message types that only the node itself or the shell's transport may produce. */
const LOCAL_ONLY: ReadonlySet<MessageType> = new Set([
  'hup',
  'beat',
  'check-quorum',
  'unreachable',
  'snap-status',
]);

/**
 * The thread-unsafe node a shell drives: feed it ticks, messages and requests, then drain
 * `ready()` and call `advance()` (see `Ready` for the ordering contract).
 */
export class RawNode {
  readonly raft: Raft;
  private prevSoft: SoftState;
  private prevHard: HardState;
  private outstanding: Ready | null = null;

  constructor(config: RaftConfig, storage: Storage) {
    this.raft = new Raft(config, storage);
    this.prevSoft = this.softState();
    this.prevHard = this.raft.hardState();
  }

  /** Advances logical time by one tick (election and heartbeat timers). */
  tick(): void {
    this.raft.tick();
  }

  /**
   * Starts an election now (pre-vote first if enabled). Ignored while this node is inside a
   * leader's lease (check-quorum: it heard from a live leader within the election timeout, or
   * restarted less than an election timeout ago): it would be voting for itself inside the
   * lease. Use `transferLeadership` on the leader to move leadership at once.
   */
  campaign(): void {
    this.raft.step(message({ type: 'hup', from: this.raft.id }));
  }

  /** Proposes one normal entry. ok:true means appended (leader) or forwarded (follower). */
  propose(data: Uint8Array): ProposeResult {
    return this.proposeEntries([{ term: 0, index: 0, type: 'normal', data }]);
  }

  /** Proposes many normal entries in one message (one append, one broadcast). */
  proposeBatch(datas: readonly Uint8Array[]): ProposeResult {
    assert(datas.length > 0, 'proposeBatch: empty batch');
    const ents = new Array<Entry>(datas.length);
    for (let k = 0; k < datas.length; k++) {
      ents[k] = { term: 0, index: 0, type: 'normal', data: datas[k] as Uint8Array };
    }
    return this.proposeEntries(ents);
  }

  /** Proposes a membership change; only one may be pending (uncommitted or unapplied). */
  proposeConfChange(cc: ConfChange): ProposeResult {
    const data = encodeConfChange(cc);
    return this.proposeEntries([{ term: 0, index: 0, type: 'conf-change', data }]);
  }

  private proposeEntries(entries: Entry[]): ProposeResult {
    const res = this.raft.step(message({ type: 'prop', from: this.raft.id, entries }));
    return toResult(res);
  }

  /** Feeds a message received from a peer. Local-only message types are rejected. */
  step(m: Message): void {
    assert(!LOCAL_ONLY.has(m.type), `step: ${m.type} is a local message`);
    if (m.type === 'prop' || m.type === 'read-index')
      assert(m.from !== NONE, 'forwarded without from');
    this.raft.step(m);
  }

  /**
   * Requests a linearizable read. `context` must be unique among pending reads; the result
   * arrives as a ReadState with the same context (or never, if leadership is lost — retry).
   */
  readIndex(context: string): ProposeResult {
    return toResult(this.raft.step(message({ type: 'read-index', from: this.raft.id, context })));
  }

  /** Asks the leader (this node must be it) to hand leadership to `to`. */
  transferLeadership(to: NodeId): ProposeResult {
    if (this.raft.role !== 'leader') return { ok: false, reason: 'not-leader' };
    return toResult(this.raft.step(message({ type: 'transfer-leader', from: to })));
  }

  /** Applies a committed conf change; returns the new membership (persist it with snapshots). */
  applyConfChange(cc: ConfChange): ConfState {
    return this.raft.applyConfChange(cc);
  }

  /** Decodes and applies a committed 'conf-change' entry. */
  applyConfChangeEntry(e: Entry): ConfState {
    assert(e.type === 'conf-change', 'applyConfChangeEntry: not a conf-change entry');
    return this.applyConfChange(decodeConfChange(e.data));
  }

  /** Transport: `id` could not be reached (the leader falls back to probing it). */
  reportUnreachable(id: NodeId): void {
    this.raft.step(message({ type: 'unreachable', from: id }));
  }

  /** Transport: the snapshot sent to `id` was delivered (ok) or failed. */
  reportSnapshot(id: NodeId, ok: boolean): void {
    this.raft.step(message({ type: 'snap-status', from: id, reject: !ok }));
  }

  private softState(): SoftState {
    return { leader: this.raft.lead, role: this.raft.role };
  }

  hasReady(): boolean {
    const r = this.raft;
    if (r.readBroadcastPending && r.role === 'leader') return true;
    if (r.msgs.length > 0 || r.readStates.length > 0) return true;
    if (r.log.unstable.snapshot !== null || r.log.unstable.entries.length > 0) return true;
    if (r.log.hasNextCommittedEnts()) return true;
    if (r.lead !== this.prevSoft.leader || r.role !== this.prevSoft.role) return true;
    return !sameHardState(r.hardState(), this.prevHard);
  }

  ready(): Ready {
    assert(this.outstanding === null, 'ready() called again before advance()');
    const r = this.raft;
    r.flushReadBroadcast();
    const soft = this.softState();
    const hard = r.hardState();
    const hardChanged = !sameHardState(hard, this.prevHard);
    const entries = r.log.unstableEntries().slice();
    const rd: Ready = {
      softState:
        soft.leader !== this.prevSoft.leader || soft.role !== this.prevSoft.role ? soft : null,
      hardState: hardChanged ? hard : null,
      snapshot: r.log.unstable.snapshot,
      entries,
      committedEntries: r.log.nextCommittedEnts(r.cfg.maxCommittedSizePerReadyBytes),
      messages: r.msgs,
      readStates: r.readStates,
      mustSync:
        entries.length > 0 || hard.term !== this.prevHard.term || hard.vote !== this.prevHard.vote,
    };
    r.msgs = [];
    r.readStates = [];
    this.outstanding = rd;
    return rd;
  }

  /** Acknowledges that `rd` was persisted, sent and applied. */
  advance(rd: Ready): void {
    assert(rd === this.outstanding, 'advance() with a Ready that is not outstanding');
    const log = this.raft.log;
    if (rd.softState) this.prevSoft = rd.softState;
    if (rd.hardState) this.prevHard = rd.hardState;
    if (rd.snapshot) {
      log.stableSnapTo(rd.snapshot.metadata.index);
      if (rd.snapshot.metadata.index > log.applied) log.appliedTo(rd.snapshot.metadata.index);
    }
    const applied = rd.committedEntries;
    if (applied.length > 0) {
      log.appliedTo((applied[applied.length - 1] as Entry).index);
      this.raft.reduceUncommittedBytes(applied);
    }
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1] as Entry;
      // Messages stepped between ready() and advance() may have replaced the tail: then what
      // was written is not (all) our log any more, and it must not count toward a commit.
      const unchanged = log.term(last.index) === last.term;
      log.stableTo(last.index, last.term);
      if (unchanged) this.raft.onStable(last.index);
    }
    this.outstanding = null;
  }

  /** The current term, without building a whole status (response headers read it per call). */
  get term(): number {
    return this.raft.term;
  }

  status(): NodeStatus {
    const r = this.raft;
    return {
      id: r.id,
      role: r.role,
      leader: r.lead,
      term: r.term,
      vote: r.vote,
      commit: r.log.committed,
      applied: r.log.applied,
      firstIndex: r.log.firstIndex(),
      lastIndex: r.log.lastIndex(),
      confState: r.trk.confState(),
      leadTransferee: r.leadTransferee,
      match:
        r.role === 'leader'
          ? new Map([...r.trk.progress].map(([id, pr]) => [id, pr.match]))
          : new Map(),
    };
  }
}

function sameHardState(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

function toResult(reason: ProposalDropReason | null): ProposeResult {
  return reason === null ? { ok: true } : { ok: false, reason };
}
