// Errors are values. Every failure a client can cause is a `CoordError` with a `Reason` from the
// one table below; the gRPC shell maps the reason to a status code (and to `ErrorInfo.reason`)
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
  | 'STALE_INDEX';

/** Canonical gRPC status code names (no @grpc import in a pure core). */
export type GrpcCodeName =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'PERMISSION_DENIED'
  | 'OUT_OF_RANGE'
  | 'RESOURCE_EXHAUSTED'
  | 'ABORTED';

export interface ReasonInfo {
  /** The gRPC status code the shell answers with. */
  readonly code: GrpcCodeName;
  /** Whether the same request can succeed if retried unchanged later. */
  readonly retriable: boolean;
}

/** The one table of reasons (kafkajs `protocol/error.js` style). */
export const reasonTable: Readonly<Record<Reason, ReasonInfo>> = {
  INVALID_PATH: { code: 'INVALID_ARGUMENT', retriable: false },
  INVALID_ARGUMENT: { code: 'INVALID_ARGUMENT', retriable: false },
  DATA_TOO_LARGE: { code: 'INVALID_ARGUMENT', retriable: false },
  NODE_EXISTS: { code: 'ALREADY_EXISTS', retriable: false },
  NO_NODE: { code: 'NOT_FOUND', retriable: false },
  NO_PARENT: { code: 'NOT_FOUND', retriable: false },
  VERSION_MISMATCH: { code: 'FAILED_PRECONDITION', retriable: false },
  NOT_EMPTY: { code: 'FAILED_PRECONDITION', retriable: false },
  RESERVED_PATH: { code: 'PERMISSION_DENIED', retriable: false },
  SESSION_EXPIRED: { code: 'FAILED_PRECONDITION', retriable: false },
  NO_LOCK: { code: 'NOT_FOUND', retriable: false },
  COMPACTED: { code: 'OUT_OF_RANGE', retriable: false },
  NO_CHILDREN_FOR_EPHEMERALS: { code: 'FAILED_PRECONDITION', retriable: false },
  // CloseSession of an unknown or already expired session (coordination.proto: NOT_FOUND).
  NO_SESSION: { code: 'NOT_FOUND', retriable: false },
  LIMIT_EXCEEDED: { code: 'RESOURCE_EXHAUSTED', retriable: true },
  // A Raft entry delivered twice (index <= appliedIndex); the shell never shows it to a client.
  STALE_INDEX: { code: 'ABORTED', retriable: false },
};

/** Reason → canonical gRPC code name, e.g. `reasonCode.NO_NODE === 'NOT_FOUND'`. */
export const reasonCode: Readonly<Record<Reason, GrpcCodeName>> = Object.freeze(
  Object.fromEntries(Object.entries(reasonTable).map(([r, info]) => [r, info.code])) as Record<
    Reason,
    GrpcCodeName
  >,
);

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

export function coordError(reason: Reason, message: string): CoordError {
  return { reason, message };
}
