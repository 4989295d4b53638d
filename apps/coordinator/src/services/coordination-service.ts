/** grpc-js handlers of `tributary.coord.v1.CoordinationService`. */
import type * as grpc from '@grpc/grpc-js';
import type { CoordinationServiceHandlers } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import type { CoordinationOps, LockCallOptions } from './coordination-ops';
import { SessionQuota } from './session-quota';
import type { SessionKeeper } from './session-keeper';
import type { WatchHub, WatchSink } from './watch-hub';
import type * as w from './wire-types';
import {
  deadlineMsOf,
  executeDemands,
  sessionDemands,
  goneSignal,
  requestPrincipal,
  type Authorizer,
  statusDetailsOf,
  toServiceError,
  tributaryError,
  unary,
  type Logger,
  Malformed,
  malformedError,
  wellFormed,
} from '@tributary/rpc';
import { eventToWire } from './wire-mapping';

/**
 * Requests one Execute stream may have received and not yet answered (waiting their turn,
 * running, or refused and not yet answered); at the bound the server stops reading from it.
 */
const EXECUTE_IN_FLIGHT_MAX = 4096;
/** Open sessions one client connection may hold, opened through this member (SessionQuota). */
const SESSIONS_PER_CONNECTION_MAX = 1024;

export interface CoordinationServiceDeps {
  ops: CoordinationOps;
  sessions: SessionKeeper;
  watches: WatchHub;
  header: (revision?: number) => w.ResponseHeader;
  log: Logger;
  /** Checks each request of an Execute stream (the other methods are guarded outside). */
  authorize: Authorizer;
}

export function coordinationHandlers(d: CoordinationServiceDeps): CoordinationServiceHandlers {
  const { ops, log } = d;
  const quota = new SessionQuota(SESSIONS_PER_CONNECTION_MAX, (id) => ops.sessionOpen(id));
  return {
    OpenSession: unary(
      (r, call) => quota.open(call.getPeer(), () => ops.openSession(r, requestPrincipal(call))),
      log,
    ),
    CloseSession: unary((r) => ops.closeSession(r), log),
    Create: unary((r) => ops.create(r), log),
    Get: unary((r) => ops.get(r), log),
    Set: unary((r) => ops.set(r), log),
    Delete: unary((r) => ops.delete(r), log),
    List: unary((r) => ops.list(r), log),
    Txn: unary((r) => ops.txn(r), log),
    // A wait ends, and its key is withdrawn, when the call is cancelled or its deadline passes.
    Lock: unary(
      (r, call) => ops.lock(r, { deadlineMs: deadlineMsOf(call), signal: goneSignal(call) }),
      log,
    ),
    Unlock: unary((r) => ops.unlock(r), log),
    KeepAlive: (call) => keepAlive(call, d),
    Watch: (call) => watch(call, d),
    Execute: (call) => execute(call, d, quota),
  } as CoordinationServiceHandlers;
}

function keepAlive(
  call: grpc.ServerDuplexStream<w.KeepAliveRequest, w.KeepAliveResponse>,
  d: CoordinationServiceDeps,
): void {
  const principal = requestPrincipal(call);
  call.on('data', (raw: w.KeepAliveRequest | Malformed) => {
    try {
      const r = wellFormed(raw, 'KeepAliveRequest');
      // Only the session's owner keeps it alive: another principal's stream ends refused.
      const refused = d.authorize(principal, sessionDemands(r.session_id));
      if (refused) throw refused;
      // ttl_ms 0: unknown or expired; the stream stays open for the caller's other sessions.
      const ttlMs = d.sessions.keepAlive(r.session_id);
      // Write back-pressure: a client that does not read its answers is not read either.
      if (!call.write({ header: d.header(), session_id: r.session_id, ttl_ms: ttlMs }))
        call.pause();
    } catch (error) {
      call.emit('error', toServiceError(error, d.log));
    }
  });
  call.on('drain', () => call.resume());
  call.on('end', () => call.end());
  call.on('error', () => undefined);
}

function watch(
  call: grpc.ServerWritableStream<w.WatchRequest, w.WatchResponse>,
  d: CoordinationServiceDeps,
): void {
  const r = call.request;
  let stop: (() => void) | undefined;
  // coordination.proto WatchResponse: the start message and progress marks carry no events.
  const sink: WatchSink = {
    start: (revision) => call.write({ header: d.header(revision), events: [] }),
    // write() is false once the stream buffers its high-water mark of messages.
    push: (events) => call.write({ header: d.header(), events: events.map(eventToWire) }),
    progress: (revision) => call.write({ header: d.header(revision), events: [] }),
    whenDrained: (resume) => call.once('drain', resume),
    fail: (error: Error) => call.emit('error', toServiceError(error, d.log)),
  };
  const spec = {
    filter: { path: r.path, prefix: r.prefix },
    startRevision: r.start_revision,
    progressNotify: r.progress_notify,
    // One HTTP/2 connection per client address and port: the unit the per-owner cap counts.
    owner: call.getPeer(),
  };
  try {
    stop = d.watches.open(spec, sink);
  } catch (error) {
    call.emit('error', toServiceError(error, d.log));
    return;
  }
  call.on('cancelled', () => stop?.());
  call.on('close', () => stop?.());
}

type Op = NonNullable<w.ExecuteRequest['request']>;

/** What an Execute request runs with: its stream's peer (for the session bound) and lifetime. */
interface StreamContext extends LockCallOptions {
  peer: string;
  /** Who the stream is from: the owner of the sessions it opens. */
  principal: string | undefined;
  quota: SessionQuota;
}

function dispatch(
  ops: CoordinationOps,
  r: w.ExecuteRequest,
  ctx: StreamContext,
): Promise<Partial<w.ExecuteResponse>> {
  const op = r.request as Op | undefined;
  switch (op) {
    case 'open_session': {
      const open = () => ops.openSession(r.open_session!, ctx.principal);
      return ctx.quota.open(ctx.peer, open).then((x) => ({ open_session: x }));
    }
    case 'close_session':
      return ops.closeSession(r.close_session!).then((x) => ({ close_session: x }));
    case 'create':
      return ops.create(r.create!).then((x) => ({ create: x }));
    case 'get':
      return ops.get(r.get!).then((x) => ({ get: x }));
    case 'set':
      return ops.set(r.set!).then((x) => ({ set: x }));
    case 'delete':
      return ops.delete(r.delete!).then((x) => ({ delete: x }));
    case 'list':
      return ops.list(r.list!).then((x) => ({ list: x }));
    case 'txn':
      return ops.txn(r.txn!).then((x) => ({ txn: x }));
    case 'lock':
      return ops.lock(r.lock!, ctx).then((x) => ({ lock: x }));
    case 'unlock':
      return ops.unlock(r.unlock!).then((x) => ({ unlock: x }));
    default:
      return Promise.reject(new Error('unreachable'));
  }
}

/**
 * The pipelined stream: many requests in flight, each answered as soon as it completes.
 * Requests are started in arrival order. Bounds: at most EXECUTE_IN_FLIGHT_MAX requests are
 * received and unanswered (malformed and duplicate ones included: they are refused in their
 * turn); while at that bound, or while written answers wait for the client to read them
 * (`write` returned false, until 'drain'), nothing new is started and the stream is not read,
 * so HTTP/2 flow control holds the client back. When the stream is cancelled or breaks, lock
 * waits on it end and withdraw their keys.
 */
function execute(
  call: grpc.ServerDuplexStream<w.ExecuteRequest, w.ExecuteResponse>,
  d: CoordinationServiceDeps,
  quota: SessionQuota,
): void {
  /** Received, not started; a refusal is answered instead of run. */
  const waiting: Array<{ r: w.ExecuteRequest; refusal?: Error }> = [];
  /** request_ids of the well-formed requests waiting or running. */
  const live = new Set<number>();
  let running = 0;
  /** The last write returned false: answers are piling up unread. */
  let blocked = false;
  let ended = false;
  let finished = false;
  const signal = goneSignal(call, ['cancelled', 'error', 'close']);
  const ctx: StreamContext = {
    peer: call.getPeer(),
    principal: requestPrincipal(call),
    quota,
    signal,
    deadlineMs: deadlineMsOf(call),
  };

  const answer = (response: w.ExecuteResponse) => {
    if (signal.aborted || call.destroyed) return;
    if (!call.write(response)) blocked = true;
  };
  const start = (r: w.ExecuteRequest) => {
    running++;
    dispatch(d.ops, r, ctx)
      .then(
        (response) => ({ header: d.header(), request_id: r.request_id, ...response }),
        (error: unknown) => ({
          header: d.header(),
          request_id: r.request_id,
          status_details: statusDetailsOf(error, d.log),
        }),
      )
      .then((response) => {
        running--;
        live.delete(r.request_id);
        answer(response);
        pump();
      });
  };
  const pump = () => {
    while (waiting.length > 0 && !blocked && !signal.aborted) {
      const { r, refusal } = waiting.shift()!;
      if (!refusal) start(r);
      else {
        const details = statusDetailsOf(refusal, d.log);
        answer({ header: d.header(), request_id: r.request_id, status_details: details });
      }
    }
    const unanswered = waiting.length + running;
    if (blocked || unanswered >= EXECUTE_IN_FLIGHT_MAX) call.pause();
    else if (call.isPaused() && unanswered <= EXECUTE_IN_FLIGHT_MAX / 2) call.resume();
    if (ended && unanswered === 0 && !finished) {
      finished = true;
      call.end();
    }
  };

  call.on('data', (r: w.ExecuteRequest | Malformed) => {
    // Without a request id there is nothing to answer: the stream ends with the refusal.
    if (r instanceof Malformed) {
      call.emit('error', malformedError(r, 'ExecuteRequest'));
      return;
    }
    const refusal = refusalOf(r, live) ?? d.authorize(requestPrincipal(call), executeDemands(r));
    waiting.push({ r, refusal });
    if (r.request) live.add(r.request_id);
    pump();
  });
  call.on('drain', () => {
    blocked = false;
    pump();
  });
  call.on('end', () => {
    ended = true;
    pump();
  });
  call.on('error', () => undefined);
}

/** Why an Execute request is refused without running, if it is. */
function refusalOf(r: w.ExecuteRequest, live: ReadonlySet<number>): Error | undefined {
  if (!r.request)
    return tributaryError(
      'MALFORMED_REQUEST',
      `request ${r.request_id} names no operation; set one of the request fields`,
    );
  if (live.has(r.request_id))
    return tributaryError(
      'DUPLICATE_REQUEST_ID',
      `request_id ${r.request_id} is already in flight on this stream; ids must be unique ` +
        "among a stream's unanswered requests (reuse one only after its answer)",
    );
  return undefined;
}
