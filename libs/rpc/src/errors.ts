/**
 * The error model of DESIGN §6: every failure is a gRPC status whose `grpc-status-details-bin`
 * trailer holds a `google.rpc.Status` with one `google.rpc.ErrorInfo` (domain `tributary`, a
 * `reason` from the table below, `metadata.leader` when a leader is known) and a
 * `google.rpc.RetryInfo` when a retry can succeed. Clients branch on `reason`, never on text.
 */
import { Metadata, status as Code, type ServiceError } from '@grpc/grpc-js';
import { decodeStatusDetails, encodeStatusDetails } from './status-details';

export const ERROR_DOMAIN = 'tributary';
const DETAILS_KEY = 'grpc-status-details-bin';

interface ReasonSpec {
  /** The canonical gRPC code this reason travels with. */
  readonly code: Code;
  /** Whether the same request can succeed if retried (perhaps elsewhere, perhaps later). */
  readonly retriable: boolean;
}

/** The one table of reasons. Add a row here, never a string elsewhere. */
export const REASONS = {
  // Routing and availability.
  NOT_LEADER: { code: Code.FAILED_PRECONDITION, retriable: true },
  NO_LEADER: { code: Code.UNAVAILABLE, retriable: true },
  NOT_ENOUGH_REPLICAS: { code: Code.UNAVAILABLE, retriable: true },
  TIMEOUT: { code: Code.DEADLINE_EXCEEDED, retriable: true },
  /** The leader changed while a write was in flight: it may or may not have been applied. */
  LEADER_CHANGED: { code: Code.UNAVAILABLE, retriable: false },
  SHUTTING_DOWN: { code: Code.UNAVAILABLE, retriable: true },
  /** This member has not applied the revision asked for (a watch ahead of it) in time. */
  LAGGING: { code: Code.UNAVAILABLE, retriable: true },
  /** A unary call ran past the server's `--max-call-ms` (it came with no deadline, or a later one). */
  CALL_TOO_LONG: { code: Code.DEADLINE_EXCEEDED, retriable: false },
  /** A stream sat idle past `--stream-idle-ms` and was closed: open a new one. */
  STREAM_IDLE: { code: Code.UNAVAILABLE, retriable: true },
  // Bad input.
  INVALID_ARGUMENT: { code: Code.INVALID_ARGUMENT, retriable: false },
  INVALID_PATH: { code: Code.INVALID_ARGUMENT, retriable: false },
  INVALID_NAME: { code: Code.INVALID_ARGUMENT, retriable: false },
  DATA_TOO_LARGE: { code: Code.INVALID_ARGUMENT, retriable: false },
  MESSAGE_TOO_LARGE: { code: Code.RESOURCE_EXHAUSTED, retriable: false },
  MALFORMED_REQUEST: { code: Code.INVALID_ARGUMENT, retriable: false },
  /** An Execute request reused the `request_id` of one still in flight on the same stream. */
  DUPLICATE_REQUEST_ID: { code: Code.INVALID_ARGUMENT, retriable: false },
  // Coordination state.
  NODE_EXISTS: { code: Code.ALREADY_EXISTS, retriable: false },
  NO_NODE: { code: Code.NOT_FOUND, retriable: false },
  NO_PARENT: { code: Code.NOT_FOUND, retriable: false },
  NOT_EMPTY: { code: Code.FAILED_PRECONDITION, retriable: false },
  NO_CHILDREN_FOR_EPHEMERALS: { code: Code.FAILED_PRECONDITION, retriable: false },
  VERSION_MISMATCH: { code: Code.FAILED_PRECONDITION, retriable: false },
  RESERVED_PATH: { code: Code.PERMISSION_DENIED, retriable: false },
  SESSION_EXPIRED: { code: Code.FAILED_PRECONDITION, retriable: false },
  NO_SESSION: { code: Code.NOT_FOUND, retriable: false },
  LIMIT_EXCEEDED: { code: Code.RESOURCE_EXHAUSTED, retriable: true },
  /** The caller is over a quota of its principal (quota.ts); RetryInfo says when to resend. */
  THROTTLED: { code: Code.RESOURCE_EXHAUSTED, retriable: true },
  /** One client connection holds as many open sessions as a coordinator allows it. */
  TOO_MANY_SESSIONS: { code: Code.RESOURCE_EXHAUSTED, retriable: true },
  STALE_INDEX: { code: Code.ABORTED, retriable: false },
  NO_LOCK: { code: Code.NOT_FOUND, retriable: false },
  LOCK_TIMEOUT: { code: Code.DEADLINE_EXCEEDED, retriable: true },
  /** The caller went away (call cancelled, stream broken) before the operation completed. */
  CANCELLED: { code: Code.CANCELLED, retriable: false },
  COMPACTED: { code: Code.OUT_OF_RANGE, retriable: false },
  // Cluster membership.
  UNKNOWN_MEMBER: { code: Code.NOT_FOUND, retriable: false },
  MEMBER_EXISTS: { code: Code.ALREADY_EXISTS, retriable: false },
  CONF_CHANGE_IN_PROGRESS: { code: Code.FAILED_PRECONDITION, retriable: true },
  LAST_VOTER: { code: Code.FAILED_PRECONDITION, retriable: false },
  CLUSTER_ID_MISMATCH: { code: Code.FAILED_PRECONDITION, retriable: false },
  /** A Raft peer message from an id that is not a member, or a batch that is not well formed. */
  NOT_A_MEMBER: { code: Code.PERMISSION_DENIED, retriable: false },
  MALFORMED_PEER_MESSAGE: { code: Code.INVALID_ARGUMENT, retriable: false },
  // Log, epochs and producers.
  FENCED: { code: Code.FAILED_PRECONDITION, retriable: false },
  OFFSET_OUT_OF_RANGE: { code: Code.OUT_OF_RANGE, retriable: false },
  UNKNOWN_TOPIC: { code: Code.NOT_FOUND, retriable: false },
  TOPIC_EXISTS: { code: Code.ALREADY_EXISTS, retriable: false },
  UNKNOWN_PARTITION: { code: Code.NOT_FOUND, retriable: false },
  BROKER_EXISTS: { code: Code.ALREADY_EXISTS, retriable: false },
  INVALID_CONFIG: { code: Code.INVALID_ARGUMENT, retriable: false },
  INVALID_REPLICATION_FACTOR: { code: Code.INVALID_ARGUMENT, retriable: false },
  OUT_OF_ORDER_SEQUENCE: { code: Code.FAILED_PRECONDITION, retriable: false },
  CORRUPT_RECORD: { code: Code.DATA_LOSS, retriable: false },
  CHECKSUM_MISMATCH: { code: Code.DATA_LOSS, retriable: true },
  UNKNOWN_LEADER_EPOCH: { code: Code.UNAVAILABLE, retriable: true },
  REASSIGNMENT_IN_PROGRESS: { code: Code.FAILED_PRECONDITION, retriable: true },
  // Security.
  UNAUTHENTICATED: { code: Code.UNAUTHENTICATED, retriable: false },
  PERMISSION_DENIED: { code: Code.PERMISSION_DENIED, retriable: false },
  // A bug on the server; the message says where.
  INTERNAL: { code: Code.INTERNAL, retriable: false },
} as const satisfies Record<string, ReasonSpec>;

export type Reason = keyof typeof REASONS;

export function isReason(value: string): value is Reason {
  return Object.prototype.hasOwnProperty.call(REASONS, value);
}

export interface ErrorOptions {
  /** `host:port` of the current leader, when known (NOT_LEADER, FENCED). */
  leader?: string;
  /** Suggested wait before retrying; sent as RetryInfo. Defaults to 100 ms for retriable reasons. */
  retryDelayMs?: number;
  /** Extra ErrorInfo metadata (string values only). */
  metadata?: Record<string, string>;
}

/** What a client reads back from any failed call. */
export interface TributaryErrorInfo {
  code: Code;
  message: string;
  /** The reason from the table, or undefined when the status carried no Tributary ErrorInfo. */
  reason: Reason | undefined;
  leader: string | undefined;
  retriable: boolean;
  retryDelayMs: number | undefined;
  metadata: Record<string, string>;
}

/** An Error that is also a grpc-js ServiceError: throw it in a handler or pass it to a callback. */
export class TributaryError extends Error implements ServiceError {
  readonly code: Code;
  readonly details: string;
  readonly metadata: Metadata;

  constructor(
    readonly reason: Reason,
    message: string,
    readonly options: ErrorOptions = {},
  ) {
    const text = statusText(message);
    super(text);
    this.name = 'TributaryError';
    this.code = REASONS[reason].code;
    this.details = text;
    this.metadata = new Metadata();
    this.metadata.set(DETAILS_KEY, encodeDetails(reason, this.code, text, options));
  }
}

/** Status messages echo requests; a longer one is cut (it travels in an HTTP/2 header). */
const STATUS_TEXT_MAX = 2_000;

/**
 * `message` as a status can carry it: lone UTF-16 surrogates (from a name in a request) made
 * well-formed — grpc-js percent-encodes the message and throws on them, outside any handler,
 * which ends the process — and cut to STATUS_TEXT_MAX characters.
 */
export function statusText(message: string): string {
  const wellFormed = message.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  if (wellFormed.length <= STATUS_TEXT_MAX) return wellFormed;
  const cut = wellFormed.slice(0, STATUS_TEXT_MAX).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}… (${wellFormed.length - cut.length} more characters)`;
}

export function tributaryError(reason: Reason, message: string, options?: ErrorOptions) {
  return new TributaryError(reason, message, options);
}

function encodeDetails(reason: Reason, code: Code, message: string, options: ErrorOptions) {
  const metadata: Record<string, string> = { ...options.metadata };
  if (options.leader) metadata['leader'] = options.leader;
  const retryDelayMs = options.retryDelayMs ?? (REASONS[reason].retriable ? 100 : undefined);
  return encodeStatusDetails({
    code,
    message,
    errorInfo: { reason, domain: ERROR_DOMAIN, metadata },
    retryDelayMs,
  });
}

/** Reads any error a grpc-js call produced; works for errors from other servers too. */
export function readError(error: unknown): TributaryErrorInfo {
  const err = error as Partial<ServiceError>;
  const code = typeof err.code === 'number' ? err.code : Code.UNKNOWN;
  const message = err.details ?? (error instanceof Error ? error.message : String(error));
  const raw = err.metadata?.get(DETAILS_KEY)[0];
  const details = Buffer.isBuffer(raw) ? decodeStatusDetails(raw) : undefined;
  const info = details?.errorInfo?.domain === ERROR_DOMAIN ? details.errorInfo : undefined;
  const reason = info && isReason(info.reason) ? info.reason : undefined;
  return {
    code,
    message: details?.message || message,
    reason,
    leader: info?.metadata['leader'] || undefined,
    retriable: reason ? REASONS[reason].retriable : code === Code.UNAVAILABLE,
    retryDelayMs: details?.retryDelayMs,
    metadata: info?.metadata ?? {},
  };
}

/** Serialized google.rpc.Status bytes for a reason: used where a status travels inside a message. */
export function statusDetailsBytes(
  reason: Reason,
  message: string,
  options: ErrorOptions = {},
): Buffer {
  return encodeDetails(reason, REASONS[reason].code, message, options);
}
