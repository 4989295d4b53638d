// Errors are values. Every failure a client can cause is a `CoordError` with a `Reason` below;
// the gRPC shell maps the reason to a status code (and to `ErrorInfo.reason`)
// and never looks at the message text, which is for humans: it says what was wrong and what
// is allowed.

export type Reason =
  | 'INVALID_PATH'
  | 'INVALID_ARGUMENT'
  | 'DATA_TOO_LARGE'
  | 'NODE_EXISTS'
  | 'NO_NODE'
  | 'NO_PARENT'
  | 'VERSION_MISMATCH'
  | 'NOT_EMPTY'
  | 'RESERVED_PATH'
  | 'SESSION_EXPIRED'
  | 'NO_LOCK'
  | 'COMPACTED'
  | 'NO_CHILDREN_FOR_EPHEMERALS'
  | 'NO_SESSION'
  | 'LIMIT_EXCEEDED'
  | 'STALE_INDEX'
  | 'INVALID_NAME'
  | 'INVALID_CONFIG'
  | 'INVALID_REPLICATION_FACTOR'
  | 'TOPIC_EXISTS'
  | 'UNKNOWN_TOPIC'
  | 'UNKNOWN_PARTITION'
  | 'BROKER_EXISTS'
  | 'FENCED'
  | 'REASSIGNMENT_IN_PROGRESS'
  | 'UNKNOWN_MEMBER';

/**
 * Every reason, for checks. Their gRPC codes and retriable flags are in the one table of
 * libs/rpc (`REASONS`); a coordinator test asserts that each reason here has a row there.
 * STALE_INDEX (a Raft entry delivered twice) never reaches a client.
 */
export const ALL_REASONS: readonly Reason[] = [
  'INVALID_PATH',
  'INVALID_ARGUMENT',
  'DATA_TOO_LARGE',
  'NODE_EXISTS',
  'NO_NODE',
  'NO_PARENT',
  'VERSION_MISMATCH',
  'NOT_EMPTY',
  'RESERVED_PATH',
  'SESSION_EXPIRED',
  'NO_LOCK',
  'COMPACTED',
  'NO_CHILDREN_FOR_EPHEMERALS',
  'NO_SESSION',
  'LIMIT_EXCEEDED',
  'STALE_INDEX',
  'INVALID_NAME',
  'INVALID_CONFIG',
  'INVALID_REPLICATION_FACTOR',
  'TOPIC_EXISTS',
  'UNKNOWN_TOPIC',
  'UNKNOWN_PARTITION',
  'BROKER_EXISTS',
  'FENCED',
  'REASSIGNMENT_IN_PROGRESS',
  'UNKNOWN_MEMBER',
];

export interface CoordError {
  readonly reason: Reason;
  readonly message: string;
  /** For a failed transaction: the index of the failing op in the branch that ran. */
  readonly opIndex?: number;
  /** `google.rpc.ErrorInfo.metadata`, e.g. COMPACTED's `compact_revision`. */
  readonly metadata?: Readonly<Record<string, string>>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CoordError };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(reason: Reason, message: string): { ok: false; error: CoordError } {
  return { ok: false, error: { reason, message } };
}

/** A failed result carrying an error already built (a check's verdict). */
export function failed(error: CoordError): { ok: false; error: CoordError } {
  return { ok: false, error };
}

export function coordError(reason: Reason, message: string): CoordError {
  return { reason, message };
}
