/**
 * The one error type the SDK throws. Built from a failed gRPC call (`grpc-status-details-bin`)
 * or from an Execute answer's `status_details` (a serialized google.rpc.Status); both carry the
 * same ErrorInfo, so callers branch on `reason` the same way whichever path the request took.
 */
import { Metadata, status as Code } from '@grpc/grpc-js';
import { decodeStatusDetails, ERROR_DOMAIN, isReason, readError } from '@tributary/rpc';

/** Reasons the SDK itself produces; they never come from a server. */
export const CLIENT_REASONS = {
  /** The client (or the session, watch or stream) was closed while the request was pending. */
  CLIENT_CLOSED: { code: Code.CANCELLED, retriable: false },
  /** The caller's AbortSignal aborted the request (e.g. a lock wait given up). */
  ABANDONED: { code: Code.CANCELLED, retriable: false },
  /** An answer came from a cluster id other than the one this client first saw. */
  CLUSTER_MISMATCH: { code: Code.FAILED_PRECONDITION, retriable: false },
  /** Too many requests are waiting for an in-flight slot. */
  QUEUE_FULL: { code: Code.RESOURCE_EXHAUSTED, retriable: true },
  /** A server answer that does not match the request (wrong kind, missing fields). */
  PROTOCOL: { code: Code.INTERNAL, retriable: false },
} as const;

export type ClientReason = keyof typeof CLIENT_REASONS;

/**
 * A failed coordination request. `reason` is the server's ErrorInfo reason (the libs/rpc table
 * or any reason a newer server sends), a client reason, or undefined for plain transport errors
 * (then `code` says what happened, e.g. UNAVAILABLE for a connection failure).
 */
export class CoordinationError extends Error {
  /** The canonical gRPC status code. */
  readonly code: Code;
  readonly reason: string | undefined;
  /** `host:port` of the leader when the server named one (NOT_LEADER). */
  readonly leader: string | undefined;
  /** Whether the same request can succeed if retried later or elsewhere. */
  readonly retriable: boolean;
  /** The server's RetryInfo delay, if any. */
  readonly retryDelayMs: number | undefined;
  /**
   * True when a write may or may not have been applied: it was sent, then the connection broke
   * or its deadline passed before an answer came. Read the state before writing again.
   */
  readonly indeterminate: boolean;
  /** True when the request provably never left this client: safe to send again, even a write. */
  readonly unsent: boolean;
  /** ErrorInfo metadata, e.g. `compact_revision` of COMPACTED. */
  readonly metadata: Readonly<Record<string, string>>;

  constructor(init: {
    code: Code;
    message: string;
    reason?: string | undefined;
    leader?: string | undefined;
    retriable?: boolean;
    retryDelayMs?: number | undefined;
    indeterminate?: boolean;
    unsent?: boolean;
    metadata?: Record<string, string>;
  }) {
    super(init.message);
    this.name = 'CoordinationError';
    this.code = init.code;
    this.reason = init.reason;
    this.leader = init.leader;
    this.retriable = init.retriable ?? false;
    this.retryDelayMs = init.retryDelayMs;
    this.indeterminate = init.indeterminate ?? false;
    this.unsent = init.unsent ?? false;
    this.metadata = init.metadata ?? {};
  }

  /** The reason, or the code's name when the status carried none: what a CLI prints. */
  get label(): string {
    return this.reason ?? codeName(this.code);
  }

  /** A copy marked indeterminate (a write whose answer was lost). */
  asIndeterminate(): CoordinationError {
    return new CoordinationError({
      ...this.fields(),
      indeterminate: true,
      unsent: false,
      retriable: false,
    });
  }

  /** A copy marked unsent (a request that failed before it was handed to the transport). */
  asUnsent(): CoordinationError {
    return new CoordinationError({ ...this.fields(), indeterminate: false, unsent: true });
  }

  /** A copy with another message (e.g. saying how long retries went on). */
  withMessage(message: string): CoordinationError {
    return new CoordinationError({ ...this.fields(), message });
  }

  private fields() {
    return {
      code: this.code,
      message: this.message,
      reason: this.reason,
      leader: this.leader,
      retriable: this.retriable,
      retryDelayMs: this.retryDelayMs,
      indeterminate: this.indeterminate,
      unsent: this.unsent,
      metadata: { ...this.metadata },
    };
  }
}

export function clientError(reason: ClientReason, message: string): CoordinationError {
  const spec = CLIENT_REASONS[reason];
  const unsent = reason === 'QUEUE_FULL';
  return new CoordinationError({
    code: spec.code,
    message,
    reason,
    retriable: spec.retriable,
    unsent,
  });
}

/** Any error a grpc-js call produced (or anything thrown) as a CoordinationError. */
export function fromCallError(error: unknown): CoordinationError {
  if (error instanceof CoordinationError) return error;
  const info = readError(error);
  const rawReason = rawReasonOf(error);
  return new CoordinationError({
    code: info.code,
    message: info.message,
    reason: rawReason ?? info.reason,
    leader: info.leader,
    retriable: rawReason && !isReason(rawReason) ? retriableByCode(info.code) : info.retriable,
    retryDelayMs: info.retryDelayMs,
    metadata: info.metadata,
  });
}

/** An Execute answer's `status_details` bytes as a CoordinationError. */
export function fromStatusDetails(bytes: Uint8Array): CoordinationError {
  const details = decodeStatusDetails(bytes);
  if (!details) {
    return clientError(
      'PROTOCOL',
      'the server sent an error answer that is not a google.rpc.Status',
    );
  }
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(bytes));
  return fromCallError({ code: details.code, details: details.message, metadata });
}

/** The ErrorInfo reason exactly as sent, also when libs/rpc's table does not know it. */
function rawReasonOf(error: unknown): string | undefined {
  const metadata = (error as { metadata?: unknown }).metadata;
  if (!(metadata instanceof Metadata)) return undefined;
  const raw = metadata.get('grpc-status-details-bin')[0];
  if (!Buffer.isBuffer(raw)) return undefined;
  const info = decodeStatusDetails(raw)?.errorInfo;
  return info?.domain === ERROR_DOMAIN && info.reason ? info.reason : undefined;
}

function retriableByCode(code: Code): boolean {
  return code === Code.UNAVAILABLE;
}

/** `UNAVAILABLE` for 14, etc. */
export function codeName(code: Code): string {
  return (Code as unknown as Record<number, string>)[code] ?? `CODE_${code}`;
}

/**
 * Whether the error proves the request was not applied, so even a write may be resent: it was
 * never sent, or the server said NOT_LEADER / NO_LEADER (it refused before proposing).
 */
export function provesNotApplied(error: CoordinationError): boolean {
  return (
    error.unsent ||
    error.reason === 'NOT_LEADER' ||
    error.reason === 'NO_LEADER' ||
    // Refused by a quota before anything ran; RetryInfo says when to resend.
    error.reason === 'THROTTLED'
  );
}

/** Whether a read (which changes nothing) may be retried after this error. */
export function readMayRetry(error: CoordinationError): boolean {
  if (provesNotApplied(error)) return true;
  if (error.reason && error.reason in CLIENT_REASONS) return error.reason === 'QUEUE_FULL';
  return error.code === Code.UNAVAILABLE;
}

/**
 * Server reasons that leave a write's outcome open: the server gave up waiting (TIMEOUT), lost
 * the leadership it proposed under (LEADER_CHANGED), stopped with it pending (SHUTTING_DOWN) or
 * saw the caller go (CANCELLED) — in each the entry may still commit.
 */
const OPEN_OUTCOME_REASONS: ReadonlySet<string> = new Set([
  'TIMEOUT',
  'LEADER_CHANGED',
  'SHUTTING_DOWN',
  'CANCELLED',
]);

/**
 * How a failed request's error reaches the caller. A read's error is what it is. A write's
 * error is the server's verdict when it carries a Tributary reason (other than those above);
 * anything else (connection lost, deadline passed, stream reset, a bare status) leaves the
 * write indeterminate.
 */
export function outcomeOf(isWrite: boolean, error: CoordinationError): CoordinationError {
  if (!isWrite || provesNotApplied(error) || error.indeterminate) return error;
  const verdict = error.reason !== undefined && !OPEN_OUTCOME_REASONS.has(error.reason);
  return verdict ? error : error.asIndeterminate();
}
