/**
 * Errors. Operating errors the caller must handle are typed classes with a `code` (branch on
 * the code, never on message text). Programmer errors and broken invariants throw
 * `RaftInvariantError` via `assert` and must crash the process.
 */

export type StorageErrorCode = 'compacted' | 'unavailable' | 'snapshot-out-of-date';

export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;
}

/** The requested index precedes the first available index (it was compacted into a snapshot). */
export class CompactedError extends StorageError {
  readonly code = 'compacted';
  constructor(readonly index: number) {
    super(`index ${index} is compacted`);
  }
}

/** The requested index is beyond the last index in storage. */
export class UnavailableError extends StorageError {
  readonly code = 'unavailable';
  constructor(readonly index: number) {
    super(`index ${index} is unavailable`);
  }
}

/** A snapshot older than the one already in storage was applied. */
export class SnapshotOutOfDateError extends StorageError {
  readonly code = 'snapshot-out-of-date';
  constructor(readonly index: number) {
    super(`snapshot at ${index} is older than the current snapshot`);
  }
}

/** A broken invariant or API misuse: never retriable, the process must stop. */
export class RaftInvariantError extends Error {}

export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new RaftInvariantError(message);
}

/** Why a proposal (or read, transfer, conf change) was not accepted. Retriable elsewhere. */
export type ProposalDropReason =
  | 'no-leader'
  | 'not-leader'
  | 'transfer-in-progress'
  | 'conf-change-pending'
  | 'too-many-uncommitted-bytes'
  | 'not-member';

export type ProposeResult = { ok: true } | { ok: false; reason: ProposalDropReason };
