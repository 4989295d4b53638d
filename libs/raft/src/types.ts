/**
 * Core data types of the Raft library. Everything here is plain data: it crosses the
 * boundary to the shell (persisted, sent over the wire, applied) unchanged.
 */

/** A node id. `NONE` (0) means "no node" (no leader, no vote). */
export type NodeId = number;
export const NONE: NodeId = 0;

export type EntryType = 'normal' | 'conf-change';

/**
 * One log entry. Immutable once it has an index: the library shares entry objects between the
 * log, messages and `Ready`, so nobody may mutate an entry after handing it over.
 */
export interface Entry {
  /** Term of the leader that created the entry; ≥ 1 for real entries. */
  term: number;
  /** Position in the log; ≥ 1 for real entries. */
  index: number;
  type: EntryType;
  /** Opaque payload (for 'conf-change': an encoded `ConfChange`). Empty for leader no-ops. */
  data: Uint8Array;
}

/** State that must be durable before any message that depends on it is sent. */
export interface HardState {
  /** Current term; never decreases. */
  term: number;
  /** Candidate voted for in `term`, or NONE. */
  vote: NodeId;
  /** Highest log index known committed (persisting it is optional for safety, useful for speed). */
  commit: number;
}

/** Membership: voters decide elections and commits, learners only receive the log. */
export interface ConfState {
  voters: NodeId[];
  learners: NodeId[];
}

export interface SnapshotMetadata {
  /** Last log index covered by the snapshot. */
  index: number;
  /** Term of the entry at `index`. */
  term: number;
  /** Membership as of `index`. */
  confState: ConfState;
}

export interface Snapshot {
  metadata: SnapshotMetadata;
  /** Application state machine image at `metadata.index`; opaque to Raft. */
  data: Uint8Array;
}

export type Role = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

/** Volatile state, reported for information only (never persisted). */
export interface SoftState {
  leader: NodeId;
  role: Role;
}

/**
 * Result of a ReadIndex request: once the local state machine has applied `index`, a read
 * made for `context` is linearizable.
 */
export interface ReadState {
  index: number;
  context: string;
}

export type ConfChangeType = 'add-voter' | 'remove-node' | 'add-learner';

/**
 * A single-server membership change. 'add-voter' on an existing learner promotes it;
 * 'add-learner' on an existing voter is rejected (no-op); 'remove-node' removes a voter or
 * learner. Changes that would leave no voter are no-ops.
 */
export interface ConfChange {
  type: ConfChangeType;
  nodeId: NodeId;
}

export type MessageType =
  /** Local: start an election (term 0, never sent). */
  | 'hup'
  /** Local: leader should broadcast a heartbeat (term 0, never sent). */
  | 'beat'
  /** Local: leader checks it heard from a quorum (term 0, never sent). */
  | 'check-quorum'
  /** Proposal of new entries; forwarded by followers to the leader. */
  | 'prop'
  | 'app'
  | 'app-resp'
  | 'vote'
  | 'vote-resp'
  | 'pre-vote'
  | 'pre-vote-resp'
  | 'snap'
  /** Local: transport reports whether a snapshot reached `from` (reject = failed). */
  | 'snap-status'
  /** Local: transport reports `from` unreachable. */
  | 'unreachable'
  | 'heartbeat'
  | 'heartbeat-resp'
  /** Ask the leader to hand leadership to `from`. */
  | 'transfer-leader'
  /** Leader tells the transfer target to campaign immediately. */
  | 'timeout-now'
  | 'read-index'
  | 'read-index-resp';

/**
 * One Raft message. Every field is always present (monomorphic objects are faster in V8);
 * unused fields are 0 / false / empty. Field use per type:
 *  - app: index/logTerm = entry preceding `entries`; commit = leader commit.
 *  - app-resp: index = last index now matched (or rejected probe index when reject);
 *    rejectHint/logTerm = follower's guess of the conflict point (see findConflictByTerm).
 *  - vote/pre-vote: index/logTerm = candidate's last entry; context = 'transfer' when forced.
 *  - heartbeat: commit = min(follower match, leader commit); context = ReadIndex round;
 *    index = leader's tick count at send (echoed by heartbeat-resp, used by lease reads).
 *  - read-index/read-index-resp: context = request id; index = read index in the response.
 */
export interface Message {
  type: MessageType;
  to: NodeId;
  from: NodeId;
  term: number;
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  reject: boolean;
  rejectHint: number;
  snapshot: Snapshot | null;
  context: string;
}

const NO_ENTRIES: Entry[] = [];

/** Builds a message with every field present; `fields` override the zero values. */
export function message(fields: Partial<Message> & Pick<Message, 'type'>): Message {
  return {
    type: fields.type,
    to: fields.to ?? NONE,
    from: fields.from ?? NONE,
    term: fields.term ?? 0,
    logTerm: fields.logTerm ?? 0,
    index: fields.index ?? 0,
    entries: fields.entries ?? NO_ENTRIES,
    commit: fields.commit ?? 0,
    reject: fields.reject ?? false,
    rejectHint: fields.rejectHint ?? 0,
    snapshot: fields.snapshot ?? null,
    context: fields.context ?? '',
  };
}

/** Approximate encoded size of an entry in bytes, used for all byte limits. */
export function entrySize(e: Entry): number {
  return e.data.length + ENTRY_OVERHEAD_BYTES;
}
export const ENTRY_OVERHEAD_BYTES = 16;

export function emptyConfState(): ConfState {
  return { voters: [], learners: [] };
}

export function isEmptyHardState(hs: HardState): boolean {
  return hs.term === 0 && hs.vote === NONE && hs.commit === 0;
}
