import { leaseTicks, resolveConfig, type RaftConfig, type ResolvedConfig } from './config';
import { assert, type ProposalDropReason } from './errors';
import { Progress } from './progress';
import { RaftLog } from './raft-log';
import { ReadOnly } from './read-only';
import type { Storage } from './storage';
import { ProgressTracker, type VoteResult } from './tracker';
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
} from './types';
import { isEmptyHardState, message, NONE } from './types';

/** Vote context marking a forced campaign (leadership transfer): bypasses leases. */
export const CAMPAIGN_TRANSFER = 'transfer';
const EMPTY = new Uint8Array(0);
const NO_ENTRIES: Entry[] = [];

type StepResult = ProposalDropReason | null;
type CampaignKind = 'pre' | 'election' | 'transfer';

/**
 * The Raft state machine (etcd/raft style). Pure and single-threaded: all input arrives via
 * `step` and `tick`, all output accumulates in `msgs` / `readStates` and the log, drained by
 * `RawNode`. Roles swap `stepFn` and `tickFn`.
 */
export class Raft {
  readonly id: NodeId;
  readonly cfg: ResolvedConfig;
  /** Current term (§5.1); never decreases. Persisted in HardState. */
  term = 0;
  /** Vote cast in `term`, or NONE; at most one per term (§5.2). Persisted in HardState. */
  vote: NodeId = NONE;
  readonly log: RaftLog;
  readonly trk: ProgressTracker;
  role: Role = 'follower';
  /** Known leader of `term`, or NONE. */
  lead: NodeId = NONE;
  isLearner = false;
  /** Outgoing messages, drained by the Ready. */
  msgs: Message[] = [];
  /** ReadIndex results, drained by the Ready. */
  readStates: ReadState[] = [];
  /** Target of an ongoing leadership transfer (leader only), else NONE. */
  leadTransferee: NodeId = NONE;
  /** Leader: index of the latest conf change proposed; a new one waits until applied ≥ it. */
  pendingConfIndex = 0;
  /** Leader: payload bytes appended but not yet applied (bounded by maxUncommittedEntriesBytes). */
  uncommittedBytes = 0;
  readonly readOnly = new ReadOnly();
  /** Lease length in ticks (config: electionTick and maxClockDriftRatio). */
  private readonly leaseTicks: number;
  /** Leader: reads that arrived before the first commit in this term. */
  private pendingReadIndexMessages: Message[] = [];
  /** Leader: reads queued since the last heartbeat round; one round serves them all. */
  readBroadcastPending = false;
  /** Leader: a MsgTimeoutNow was sent in this term, so lease reads are off until next term. */
  private leaseRevoked = false;
  electionElapsed = 0;
  heartbeatElapsed = 0;
  /** In [electionTick, 2·electionTick); re-drawn on every role change. */
  randomizedElectionTimeout = 0;
  /** Ticks since this instance was created (the local clock for leases). */
  ticks = 0;
  private stepFn: (m: Message) => StepResult = (m) => this.stepFollower(m);
  private tickFn: () => void = () => this.tickElection();

  constructor(config: RaftConfig, storage: Storage) {
    this.cfg = resolveConfig(config);
    this.id = this.cfg.id;
    this.leaseTicks = leaseTicks(this.cfg);
    this.log = new RaftLog(storage);
    this.trk = new ProgressTracker(this.cfg.maxInflightMsgs);
    const { hardState, confState } = storage.initialState();
    this.trk.setConf(confState, this.log.lastIndex() + 1);
    this.isLearner = this.trk.learners.includes(this.id);
    if (!isEmptyHardState(hardState)) this.loadState(hardState);
    if (this.cfg.applied > 0) this.log.appliedTo(Math.max(this.cfg.applied, this.log.applied));
    this.becomeFollower(this.term, NONE);
  }

  private loadState(hs: HardState): void {
    const { committed } = this.log;
    assert(
      hs.commit >= committed && hs.commit <= this.log.lastIndex(),
      `hard state commit ${hs.commit} outside [${committed}, ${this.log.lastIndex()}]`,
    );
    this.log.committed = hs.commit;
    this.term = hs.term;
    this.vote = hs.vote;
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }

  // ---------------------------------------------------------------- role transitions

  private reset(term: number): void {
    if (this.term !== term) {
      assert(term > this.term, `term went back from ${this.term} to ${term}`);
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTimeout =
      this.cfg.electionTick + this.cfg.random.int(this.cfg.electionTick);
    this.leadTransferee = NONE;
    this.trk.resetVotes();
    const last = this.log.lastIndex();
    for (const [id, old] of this.trk.progress) {
      const pr = new Progress(last + 1, this.cfg.maxInflightMsgs, old.isLearner);
      if (id === this.id) pr.match = last;
      this.trk.progress.set(id, pr);
    }
    this.pendingConfIndex = 0;
    this.uncommittedBytes = 0;
    this.readOnly.clear();
    this.pendingReadIndexMessages = [];
    this.readBroadcastPending = false;
    this.leaseRevoked = false;
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.reset(term);
    this.stepFn = (m) => this.stepFollower(m);
    this.tickFn = () => this.tickElection();
    this.lead = lead;
    this.role = 'follower';
  }

  private becomePreCandidate(): void {
    assert(this.role !== 'leader', 'leader cannot become pre-candidate');
    // Pre-vote changes neither term nor vote (§9.6).
    this.stepFn = (m) => this.stepCandidate(m);
    this.tickFn = () => this.tickElection();
    this.trk.resetVotes();
    this.lead = NONE;
    this.role = 'pre-candidate';
  }

  private becomeCandidate(): void {
    assert(this.role !== 'leader', 'leader cannot become candidate');
    this.reset(this.term + 1);
    this.stepFn = (m) => this.stepCandidate(m);
    this.tickFn = () => this.tickElection();
    this.vote = this.id;
    this.role = 'candidate';
  }

  private becomeLeader(): void {
    assert(this.role === 'candidate', `${this.role} cannot become leader`);
    this.reset(this.term);
    this.stepFn = (m) => this.stepLeader(m);
    this.tickFn = () => this.tickHeartbeat();
    this.lead = this.id;
    this.role = 'leader';
    const self = this.selfProgress();
    self.becomeReplicate();
    self.recentActive = true;
    // §5.4.2 / §8: commit an entry of our own term to learn what is committed.
    const ok = this.appendEntry([{ term: 0, index: 0, type: 'normal', data: EMPTY }]);
    assert(ok, 'empty leader entry refused');
    // No conf change until everything up to our first entry is applied (single-server bug).
    this.pendingConfIndex = this.log.lastIndex();
  }

  private selfProgress(): Progress {
    const pr = this.trk.progress.get(this.id);
    assert(pr !== undefined, `node ${this.id} has no progress`);
    return pr;
  }

  /** Can this node campaign? Voters only, and not while a snapshot is being installed. */
  promotable(): boolean {
    return this.trk.isVoter(this.id) && this.log.unstable.snapshot === null;
  }

  // ---------------------------------------------------------------- ticks

  tick(): void {
    this.ticks++;
    this.tickFn();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      // Out of the lease by now (electionElapsed ≥ electionTick): hup's lease check passes.
      this.step(message({ type: 'hup', from: this.id }));
      this.electionElapsed = 0;
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.cfg.electionTick) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) this.step(message({ type: 'check-quorum', from: this.id }));
      // A transfer that did not finish within an election timeout is aborted (§3.10).
      if (this.role === 'leader' && this.leadTransferee !== NONE) this.leadTransferee = NONE;
      if (this.role === 'leader' && !this.trk.isVoter(this.id)) this.handOver();
    }
    if (this.role !== 'leader') return;
    if (this.heartbeatElapsed >= this.cfg.heartbeatTick) {
      this.heartbeatElapsed = 0;
      this.step(message({ type: 'beat', from: this.id }));
    }
  }

  // ---------------------------------------------------------------- step

  /** The single entry point for messages (local ones have term 0). */
  step(m: Message): StepResult {
    if (m.term > this.term) {
      if (!this.stepHigherTerm(m)) return null;
    } else if (m.term !== 0 && m.term < this.term) {
      this.stepLowerTerm(m);
      return null;
    }
    switch (m.type) {
      case 'hup':
        this.hup(false);
        return null;
      case 'vote':
      case 'pre-vote':
        this.handleVoteRequest(m);
        return null;
      default:
        return this.stepFn(m);
    }
  }

  /** Follower with a live leader (check-quorum) or just restarted (lease mode). */
  private inLease(): boolean {
    if (!this.cfg.checkQuorum) return false;
    if (this.lead !== NONE && this.electionElapsed < this.cfg.electionTick) return true;
    return this.cfg.readOnlyOption === 'lease' && this.ticks < this.cfg.electionTick;
  }

  /** Returns false if the message must be ignored. */
  private stepHigherTerm(m: Message): boolean {
    if (m.type === 'vote' || m.type === 'pre-vote') {
      // §6 / §9.6: ignore (pre)votes while we believe a leader is alive, unless forced.
      if (m.context !== CAMPAIGN_TRANSFER && this.inLease()) return false;
    }
    if (m.type === 'pre-vote') return true; // never changes our term
    if (m.type === 'pre-vote-resp' && !m.reject) return true; // the future term we asked for
    const fromLeader = m.type === 'app' || m.type === 'heartbeat' || m.type === 'snap';
    const elapsed = this.electionElapsed;
    this.becomeFollower(m.term, fromLeader ? m.from : NONE);
    // §5.2: only a granted vote (handleVoteRequest) or a leader resets the election timer. A
    // candidate whose log is behind must not keep an up-to-date node from ever timing out (a
    // livelock the simulator found with clocks that drift).
    if (m.type === 'vote') this.electionElapsed = elapsed;
    return true;
  }

  private stepLowerTerm(m: Message): void {
    if (
      (this.cfg.checkQuorum || this.cfg.preVote) &&
      (m.type === 'heartbeat' || m.type === 'app')
    ) {
      // Tell a stale leader about our term so it steps down (it may be stuck otherwise).
      this.send(message({ type: 'app-resp', to: m.from }));
    } else if (m.type === 'pre-vote') {
      this.send(message({ type: 'pre-vote-resp', to: m.from, term: this.term, reject: true }));
    } else if (m.type === 'vote') {
      // §5.1: reject with our term. A voter whose stale membership lacks the candidate never
      // asks it for a vote, so without this the candidate never catches up with our term (and
      // we never learn the membership from it): a deadlock the simulator found.
      this.send(message({ type: 'vote-resp', to: m.from, term: this.term, reject: true }));
    }
  }

  /** §5.2, §5.4.1: grant at most one vote per term, only to an up-to-date log. */
  private handleVoteRequest(m: Message): void {
    const resp: MessageType = m.type === 'vote' ? 'vote-resp' : 'pre-vote-resp';
    const canVote =
      this.vote === m.from ||
      (this.vote === NONE && this.lead === NONE) ||
      (m.type === 'pre-vote' && m.term > this.term);
    if (canVote && this.log.isUpToDate(m.index, m.logTerm)) {
      this.send(message({ type: resp, to: m.from, term: m.term }));
      if (m.type === 'vote') {
        this.electionElapsed = 0;
        this.vote = m.from;
      }
    } else {
      // The rejection carries our commit point (see handleVoteResponse).
      const commit = this.log.committed;
      const logTerm = this.log.term(commit) ?? 0;
      this.send(
        message({ type: resp, to: m.from, term: this.term, reject: true, commit, logTerm }),
      );
    }
  }

  // ---------------------------------------------------------------- elections

  /** Starts a campaign if allowed; returns whether one started. */
  private hup(transfer: boolean): boolean {
    if (this.role === 'leader' || !this.promotable()) return false;
    // Our own vote is a vote too: inside the lease we grant none (not even to ourselves), or a
    // leader still answering lease reads could be deposed. A transfer (TimeoutNow) may, as
    // the leader revoked its lease when it sent it.
    if (!transfer && this.inLease()) return false;
    // Membership is applied late (etcd style): never campaign with an unapplied change.
    if (this.hasUnappliedConfChanges()) return false;
    if (this.cfg.preVote && !transfer) this.campaign('pre');
    else this.campaign(transfer ? 'transfer' : 'election');
    return true;
  }

  private hasUnappliedConfChanges(): boolean {
    const { applied, committed } = this.log;
    if (applied >= committed) return false;
    const ents = this.log.slice(applied + 1, committed + 1, Infinity);
    return ents.some((e) => e.type === 'conf-change');
  }

  private campaign(kind: CampaignKind): void {
    let term: number;
    let type: MessageType;
    if (kind === 'pre') {
      this.becomePreCandidate();
      type = 'pre-vote';
      term = this.term + 1;
    } else {
      this.becomeCandidate();
      type = 'vote';
      term = this.term;
    }
    if (this.poll(this.id, true) === 'won') {
      if (kind === 'pre') this.campaign('election');
      else this.becomeLeaderAndBroadcast();
      return;
    }
    const index = this.log.lastIndex();
    const logTerm = this.log.lastTerm();
    const context = kind === 'transfer' ? CAMPAIGN_TRANSFER : '';
    for (const id of this.trk.voters) {
      if (id === this.id) continue;
      this.send(message({ type, to: id, term, index, logTerm, context }));
    }
  }

  private becomeLeaderAndBroadcast(): void {
    this.becomeLeader();
    this.bcastAppend();
  }

  private poll(id: NodeId, granted: boolean): VoteResult {
    this.trk.recordVote(id, granted);
    return this.trk.voteResult();
  }

  // ---------------------------------------------------------------- follower & candidate

  private stepFollower(m: Message): StepResult {
    switch (m.type) {
      case 'prop':
      case 'read-index':
        if (this.lead === NONE) return 'no-leader';
        this.send({ ...m, to: this.lead, term: 0 });
        return null;
      case 'transfer-leader':
        return 'not-leader';
      case 'app':
      case 'heartbeat':
      case 'snap':
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleLeaderMessage(m);
        return null;
      case 'timeout-now':
        this.hup(true);
        return null;
      case 'read-index-resp':
        this.readStates.push({ index: m.index, context: m.context });
        return null;
      default:
        return null;
    }
  }

  private stepCandidate(m: Message): StepResult {
    const myResp: MessageType = this.role === 'pre-candidate' ? 'pre-vote-resp' : 'vote-resp';
    switch (m.type) {
      case 'prop':
      case 'read-index':
        return 'no-leader';
      case 'transfer-leader':
        return 'not-leader';
      case 'app':
      case 'heartbeat':
      case 'snap':
        this.becomeFollower(m.term, m.from);
        this.handleLeaderMessage(m);
        return null;
      default:
        if (m.type !== myResp) return null;
        this.handleVoteResponse(m);
        return null;
    }
  }

  private handleVoteResponse(m: Message): void {
    // A voter knows (commit, logTerm) committed; if our log holds that entry, Log Matching says
    // our prefix through it is the committed one. This is how the last voter learns that a
    // removal committed when the removed leader, with a longer log, can only reject it.
    if (m.reject && m.commit > this.log.committed && this.log.matchTerm(m.commit, m.logTerm)) {
      this.log.commitTo(m.commit);
      // Membership may have changed under us: campaign again once it is applied (hup).
      if (this.hasUnappliedConfChanges()) {
        this.becomeFollower(this.term, NONE);
        return;
      }
    }
    const res = this.poll(m.from, !m.reject);
    if (res === 'won') {
      if (this.role === 'pre-candidate') this.campaign('election');
      else this.becomeLeaderAndBroadcast();
    } else if (res === 'lost') {
      this.becomeFollower(this.term, NONE);
    }
  }

  private handleLeaderMessage(m: Message): void {
    if (m.type === 'app') this.handleAppendEntries(m);
    else if (m.type === 'heartbeat') this.handleHeartbeat(m);
    else this.handleSnapshot(m);
  }

  /** §5.3: consistency check, then append; reject with a hint for fast back-off. */
  private handleAppendEntries(m: Message): void {
    if (m.index < this.log.committed) {
      this.send(message({ type: 'app-resp', to: m.from, index: this.log.committed }));
      return;
    }
    const lastNew = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
    if (lastNew >= 0) {
      if (this.log.truncatedFrom > 0) this.dropAcksFrom(this.log.truncatedFrom);
      this.send(message({ type: 'app-resp', to: m.from, index: lastNew }));
      return;
    }
    const hintIndex = Math.min(m.index, this.log.lastIndex());
    const hint = this.log.findConflictByTerm(hintIndex, m.logTerm);
    this.send(
      message({
        type: 'app-resp',
        to: m.from,
        index: m.index,
        reject: true,
        rejectHint: hint.index,
        logTerm: hint.term,
      }),
    );
  }

  /**
   * Entries from `index` on were just replaced, so acks of them still waiting in `msgs` would
   * go out (after the next write) promising entries that are no longer on disk: drop them.
   */
  private dropAcksFrom(index: number): void {
    this.msgs = this.msgs.filter((x) => x.type !== 'app-resp' || x.reject || x.index < index);
  }

  private handleHeartbeat(m: Message): void {
    // A leader sends at most what it knows we hold (min(match, commit)). More means the message
    // was meant for an earlier incarnation of this id whose disk is gone (a member removed,
    // wiped and added again, while an old heartbeat was still in flight): ignore it, as if
    // lost, rather than commit entries we do not have.
    if (m.commit > this.log.lastIndex()) return;
    this.log.commitTo(m.commit);
    this.send(message({ type: 'heartbeat-resp', to: m.from, context: m.context, index: m.index }));
  }

  /** §7: install the leader's snapshot unless our log already covers it. */
  private handleSnapshot(m: Message): void {
    const snap = m.snapshot;
    assert(snap !== null, 'snap message without snapshot');
    const { index, term, confState } = snap.metadata;
    let restored = false;
    if (index > this.log.committed) {
      if (this.log.matchTerm(index, term)) {
        this.log.commitTo(index); // fast-forward: we already have the entries
      } else {
        this.log.restore(snap);
        this.dropAcksFrom(index + 1);
        this.trk.setConf(confState, this.log.lastIndex() + 1);
        this.isLearner = this.trk.learners.includes(this.id);
        restored = true;
      }
    }
    const ack = restored ? this.log.lastIndex() : this.log.committed;
    this.send(message({ type: 'app-resp', to: m.from, index: ack }));
  }

  // ---------------------------------------------------------------- leader

  private stepLeader(m: Message): StepResult {
    switch (m.type) {
      case 'beat':
        this.bcastHeartbeat('');
        return null;
      case 'check-quorum':
        this.checkQuorumActive();
        return null;
      case 'prop':
        return this.leaderPropose(m);
      case 'read-index':
        return this.leaderReadIndex(m);
      case 'transfer-leader': {
        const target = this.trk.progress.get(m.from);
        return target ? this.handleTransferLeader(m.from, target) : 'not-member';
      }
      default:
    }
    const pr = this.trk.progress.get(m.from);
    if (!pr) return null;
    switch (m.type) {
      case 'app-resp':
        this.handleAppendResponse(m, pr);
        return null;
      case 'heartbeat-resp':
        this.handleHeartbeatResponse(m, pr);
        return null;
      case 'snap-status':
        if (pr.state !== 'snapshot') return null;
        if (m.reject) pr.pendingSnapshot = 0;
        pr.becomeProbe();
        pr.msgAppFlowPaused = true; // resume after the next heartbeat response
        return null;
      case 'unreachable':
        if (pr.state === 'replicate') pr.becomeProbe();
        return null;
      default:
        return null;
    }
  }

  private checkQuorumActive(): void {
    if (!this.trk.quorumActive(this.id)) {
      this.becomeFollower(this.term, NONE);
      return;
    }
    for (const [id, pr] of this.trk.progress) if (id !== this.id) pr.recentActive = false;
  }

  private leaderPropose(m: Message): StepResult {
    assert(m.entries.length > 0, 'empty proposal');
    if (!this.trk.progress.has(this.id)) return 'not-member';
    if (this.leadTransferee !== NONE) return 'transfer-in-progress';
    const local = m.from === this.id || m.from === NONE;
    const ents = local ? m.entries : m.entries.map((e) => ({ ...e }));
    const last = this.log.lastIndex();
    for (let k = 0; k < ents.length; k++) {
      if ((ents[k] as Entry).type !== 'conf-change') continue;
      if (this.pendingConfIndex > this.log.applied) {
        if (local && ents.length === 1) return 'conf-change-pending';
        ents[k] = { term: 0, index: 0, type: 'normal', data: EMPTY };
      } else {
        this.pendingConfIndex = last + k + 1;
      }
    }
    if (!this.appendEntry(ents)) return 'too-many-uncommitted-bytes';
    this.bcastAppend();
    return null;
  }

  /** Assigns term and index to `ents` (in place) and appends them to the leader's log. */
  private appendEntry(ents: Entry[]): boolean {
    let bytes = 0;
    for (let k = 0; k < ents.length; k++) bytes += (ents[k] as Entry).data.length;
    const max = this.cfg.maxUncommittedEntriesBytes;
    if (this.uncommittedBytes > 0 && this.uncommittedBytes + bytes > max) return false;
    const last = this.log.lastIndex();
    for (let k = 0; k < ents.length; k++) {
      const e = ents[k] as Entry;
      e.term = this.term;
      e.index = last + 1 + k;
    }
    this.log.append(ents);
    this.uncommittedBytes += bytes;
    // The leader counts itself toward a commit only once these entries are durable (onStable),
    // so a shell may send them to followers while its own write is in flight (thesis §10.2.1).
    return true;
  }

  /** The shell persisted the log through `index`: a leader now counts its own copy. */
  onStable(index: number): void {
    const self = this.trk.progress.get(this.id);
    if (this.role !== 'leader' || self === undefined) return; // a removed leader has none
    if (self.maybeUpdate(index) && this.maybeCommit()) this.bcastAppend();
  }

  reduceUncommittedBytes(ents: Entry[]): void {
    if (this.role !== 'leader') return;
    let bytes = 0;
    for (let k = 0; k < ents.length; k++) bytes += (ents[k] as Entry).data.length;
    this.uncommittedBytes = Math.max(0, this.uncommittedBytes - bytes);
  }

  /** §5.3, §5.4.2: commit the quorum-replicated index if it is from our term. */
  private maybeCommit(): boolean {
    const mci = this.trk.committedIndex();
    if (!this.log.maybeCommit(mci, this.term)) return false;
    if (this.pendingReadIndexMessages.length > 0 && this.committedEntryInCurrentTerm()) {
      const pending = this.pendingReadIndexMessages;
      this.pendingReadIndexMessages = [];
      for (const req of pending) this.sendReadIndexResponse(req);
    }
    return true;
  }

  committedEntryInCurrentTerm(): boolean {
    return this.log.term(this.log.committed) === this.term;
  }

  /** Sends appends to every peer, filling each replicating peer's inflight window. */
  private bcastAppend(): void {
    for (const id of this.trk.progress.keys()) {
      if (id === this.id) continue;
      if (!this.maybeSendAppend(id, true)) continue;
      while (this.maybeSendAppend(id, false)) {
        // Pipelining: keep sending while the window has room.
      }
    }
  }

  private bcastHeartbeat(context: string): void {
    for (const [id, pr] of this.trk.progress) {
      if (id === this.id) continue;
      const commit = Math.min(pr.match, this.log.committed);
      this.send(message({ type: 'heartbeat', to: id, commit, context, index: this.ticks }));
    }
  }

  /**
   * Sends the next append (or a snapshot if the needed entries are compacted) to `to`.
   * Returns false if nothing was sent (paused, or no entries and !sendIfEmpty).
   */
  private maybeSendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const pr = this.trk.progress.get(to) as Progress;
    if (pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const prevTerm = this.log.term(prevIndex);
    if (prevTerm === undefined) return this.maybeSendSnapshot(to, pr);
    const windowFull = pr.state === 'replicate' && pr.inflights.full();
    const entries = windowFull
      ? NO_ENTRIES
      : this.log.entries(pr.next, this.cfg.maxSizePerMsgBytes);
    if (entries.length === 0 && !sendIfEmpty) return false;
    const commit = this.log.committed;
    this.send(message({ type: 'app', to, index: prevIndex, logTerm: prevTerm, entries, commit }));
    pr.sentEntries(entries.length);
    return true;
  }

  private maybeSendSnapshot(to: NodeId, pr: Progress): boolean {
    if (!pr.recentActive) return false;
    const snapshot = this.log.snapshot();
    assert(snapshot.metadata.index > 0, 'need a snapshot but storage has none');
    this.send(message({ type: 'snap', to, snapshot }));
    pr.becomeSnapshot(snapshot.metadata.index);
    return true;
  }

  private handleAppendResponse(m: Message, pr: Progress): void {
    pr.recentActive = true;
    if (m.reject) {
      let hint = m.rejectHint;
      if (m.logTerm > 0) hint = this.log.findConflictByTerm(m.rejectHint, m.logTerm).index;
      if (pr.maybeDecrTo(m.index, hint)) {
        if (pr.state === 'replicate') pr.becomeProbe();
        this.maybeSendAppend(m.from, true);
      }
      return;
    }
    const wasPaused = pr.isPaused();
    if (!pr.maybeUpdate(m.index)) return;
    if (pr.state === 'probe') pr.becomeReplicate();
    else if (pr.state === 'snapshot' && pr.match + 1 >= this.log.firstIndex()) {
      pr.becomeProbe();
      pr.becomeReplicate();
    } else if (pr.state === 'replicate') pr.inflights.freeLE(m.index);
    if (this.maybeCommit()) this.bcastAppend();
    else if (wasPaused) this.maybeSendAppend(m.from, true);
    while (this.maybeSendAppend(m.from, false)) {
      // Pipelining: keep sending while the inflight window has room.
    }
    if (m.from === this.leadTransferee && pr.match === this.log.lastIndex()) {
      this.sendTimeoutNow(m.from);
    }
  }

  private handleHeartbeatResponse(m: Message, pr: Progress): void {
    pr.recentActive = true;
    pr.msgAppFlowPaused = false;
    if (m.index > pr.leaseAckTick) pr.leaseAckTick = m.index;
    if (pr.match < this.log.lastIndex() || pr.state === 'probe') this.maybeSendAppend(m.from, true);
    if (m.context === '' || !this.readOnly.has(m.context)) return;
    this.readOnly.recvAck(m.from, m.context);
    const acks = this.readOnly.acks(m.context) as Set<NodeId>;
    let votes = 0;
    for (const id of this.trk.voters) if (acks.has(id)) votes++;
    if (votes < this.trk.quorum()) return;
    for (const st of this.readOnly.advance(m.context)) this.respondRead(st.req, st.index);
  }

  private handleTransferLeader(target: NodeId, pr: Progress): StepResult {
    if (pr.isLearner) return 'not-member';
    if (this.leadTransferee !== NONE) {
      if (this.leadTransferee === target) return null;
      this.leadTransferee = NONE;
    }
    if (target === this.id) return null;
    this.electionElapsed = 0; // the transfer must finish within one election timeout
    this.leadTransferee = target;
    if (pr.match === this.log.lastIndex()) this.sendTimeoutNow(target);
    else this.maybeSendAppend(target, true);
    return null;
  }

  private sendTimeoutNow(to: NodeId): void {
    this.leaseRevoked = true; // the target may campaign (forced) at any later time
    this.send(message({ type: 'timeout-now', to }));
  }

  // ---------------------------------------------------------------- reads

  private leaderReadIndex(m: Message): StepResult {
    // §6.4: the commit index is only known to be current once we committed in our term. This
    // holds for a lone voter too: it may have become one by applying a removal whose successors
    // (acknowledged writes) it holds but does not know committed yet.
    if (!this.committedEntryInCurrentTerm()) {
      if (this.pendingReadIndexMessages.length >= this.cfg.maxPendingReads) return 'no-leader';
      this.pendingReadIndexMessages.push(m);
      return null;
    }
    this.sendReadIndexResponse(m);
    return null;
  }

  private sendReadIndexResponse(m: Message): void {
    assert(this.committedEntryInCurrentTerm(), 'read index answered before a commit in the term');
    if (this.isLoneVoter()) {
      // No other voter can elect a leader of a later term without us.
      this.respondRead(m, this.log.committed);
      return;
    }
    if (this.cfg.readOnlyOption === 'lease' && this.leaseValid()) {
      this.respondRead(m, this.log.committed);
      return;
    }
    if (this.readOnly.size() >= this.cfg.maxPendingReads) return;
    this.readOnly.add(this.log.committed, m);
    this.readOnly.recvAck(this.id, m.context);
    this.readBroadcastPending = true;
  }

  private isLoneVoter(): boolean {
    return this.trk.voters.length === 1 && this.trk.isVoter(this.id);
  }

  /**
   * A quorum acked heartbeats sent less than leaseTicks ago. Check-quorum followers ignore
   * votes (their own too) for electionTick of their ticks after receiving one, which with
   * drift ≤ maxClockDriftRatio lasts longer in real time: no other leader can exist yet.
   */
  private leaseValid(): boolean {
    if (!this.cfg.checkQuorum || this.leaseRevoked) return false;
    if (this.pendingConfIndex > this.log.applied) return false;
    const acked = this.trk.quorumMin((id) =>
      id === this.id ? this.ticks : (this.trk.progress.get(id) as Progress).leaseAckTick,
    );
    return this.ticks < acked + this.leaseTicks;
  }

  /** Starts one heartbeat round carrying the newest pending read (serves all queued reads). */
  flushReadBroadcast(): void {
    if (!this.readBroadcastPending) return;
    this.readBroadcastPending = false;
    const ctx = this.readOnly.lastContext();
    if (this.role === 'leader' && ctx !== undefined) this.bcastHeartbeat(ctx);
  }

  private respondRead(req: Message, index: number): void {
    if (req.from === NONE || req.from === this.id) {
      this.readStates.push({ index, context: req.context });
    } else {
      this.send(message({ type: 'read-index-resp', to: req.from, index, context: req.context }));
    }
  }

  // ---------------------------------------------------------------- membership

  /** Applies a committed conf change (the shell calls this while applying the entry). */
  applyConfChange(cc: ConfChange): ConfState {
    const next = nextConfState(this.trk.confState(), cc);
    if (next === null) return this.trk.confState();
    this.trk.setConf(next, this.log.lastIndex() + 1);
    this.isLearner = this.trk.learners.includes(this.id);
    if (this.role !== 'leader') return next;
    if (this.leadTransferee !== NONE && !this.trk.isVoter(this.leadTransferee)) {
      this.leadTransferee = NONE;
    }
    if (this.maybeCommit()) this.bcastAppend();
    else
      for (const id of this.trk.progress.keys())
        if (id !== this.id) this.maybeSendAppend(id, false);
    // A removed (or demoted) leader keeps leading, as etcd's does: the remaining voters learn
    // that its removal committed only from it (they apply membership at commit). Stepping down
    // at once left a lone remaining voter waiting forever for a quorum that included us.
    // It accepts no proposals (not-member) and hands leadership to a voter.
    if (!this.trk.isVoter(this.id)) this.handOver();
    return next;
  }

  /** Removed leader: transfer leadership to the most caught-up voter (retried each timeout). */
  private handOver(): void {
    if (this.leadTransferee !== NONE) return;
    let best: NodeId = NONE;
    let bestMatch = -1;
    for (const id of this.trk.voters) {
      const pr = this.trk.progress.get(id) as Progress;
      if (pr.match > bestMatch) [best, bestMatch] = [id, pr.match];
    }
    const pr = this.trk.progress.get(best);
    if (pr) this.handleTransferLeader(best, pr);
  }

  // ---------------------------------------------------------------- output

  private send(m: Message): void {
    const isVote =
      m.type === 'vote' ||
      m.type === 'vote-resp' ||
      m.type === 'pre-vote' ||
      m.type === 'pre-vote-resp';
    if (isVote) assert(m.term !== 0, `${m.type} needs a term`);
    else if (m.type !== 'prop' && m.type !== 'read-index') m.term = this.term;
    m.from = this.id;
    this.msgs.push(m);
  }
}

/** Membership after `cc`, or null if `cc` is a no-op or invalid (same result on every node). */
export function nextConfState(cs: ConfState, cc: ConfChange): ConfState | null {
  const voters = cs.voters.filter((id) => id !== cc.nodeId);
  const learners = cs.learners.filter((id) => id !== cc.nodeId);
  const isVoter = voters.length !== cs.voters.length;
  const isLearner = learners.length !== cs.learners.length;
  if (cc.nodeId < 1) return null;
  switch (cc.type) {
    case 'add-voter':
      if (isVoter) return null;
      return { voters: [...voters, cc.nodeId], learners };
    case 'add-learner':
      if (isVoter || isLearner) return null;
      return { voters, learners: [...learners, cc.nodeId] };
    case 'remove-node':
      if (!isVoter && !isLearner) return null;
      if (voters.length === 0) return null;
      return { voters, learners };
  }
}
