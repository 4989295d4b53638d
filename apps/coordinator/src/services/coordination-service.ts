/** grpc-js handlers of `tributary.coord.v1.CoordinationService`. */
import type * as grpc from '@grpc/grpc-js';
import { tributaryError, type Logger } from '@tributary/rpc';
import type { CoordinationServiceHandlers } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import type { CoordinationOps } from './coordination-ops';
import type { SessionKeeper } from './session-keeper';
import type { WatchHub, WatchSink } from './watch-hub';
import type * as w from './wire-types';
import { statusDetailsOf, toServiceError, unary } from './handler';
import { eventToWire } from './wire-mapping';

/** Bytes a watch stream may have buffered for a slow client before it is ended. */
const WATCH_BACKLOG_BYTES_MAX = 32 * 1024 * 1024;
/** Requests one Execute stream may have in flight; further reads from the client pause. */
const EXECUTE_IN_FLIGHT_MAX = 4096;

export interface CoordinationServiceDeps {
  ops: CoordinationOps;
  sessions: SessionKeeper;
  watches: WatchHub;
  header: (revision?: number) => w.ResponseHeader;
  log: Logger;
}

export function coordinationHandlers(d: CoordinationServiceDeps): CoordinationServiceHandlers {
  const { ops, log } = d;
  return {
    OpenSession: unary((r) => ops.openSession(r), log),
    CloseSession: unary((r) => ops.closeSession(r), log),
    Create: unary((r) => ops.create(r), log),
    Get: unary((r) => ops.get(r), log),
    Set: unary((r) => ops.set(r), log),
    Delete: unary((r) => ops.delete(r), log),
    List: unary((r) => ops.list(r), log),
    Txn: unary((r) => ops.txn(r), log),
    Lock: (
      call: grpc.ServerUnaryCall<w.LockRequest, w.LockResponse>,
      callback: grpc.sendUnaryData<w.LockResponse>,
    ) => {
      const deadline = call.getDeadline();
      const deadlineMs =
        deadline instanceof Date
          ? deadline.getTime()
          : Number.isFinite(deadline)
            ? Number(deadline)
            : Infinity;
      ops.lock(call.request, deadlineMs).then(
        (res) => callback(null, res),
        (error: unknown) => callback(toServiceError(error, log)),
      );
    },
    Unlock: unary((r) => ops.unlock(r), log),
    KeepAlive: (call) => keepAlive(call, d),
    Watch: (call) => watch(call, d),
    Execute: (call) => execute(call, d),
  } as CoordinationServiceHandlers;
}

function keepAlive(
  call: grpc.ServerDuplexStream<w.KeepAliveRequest, w.KeepAliveResponse>,
  d: CoordinationServiceDeps,
): void {
  call.on('data', (r: w.KeepAliveRequest) => {
    try {
      // ttl_ms 0: unknown or expired; the stream stays open for the caller's other sessions.
      const ttlMs = d.sessions.keepAlive(r.session_id);
      call.write({ header: d.header(), session_id: r.session_id, ttl_ms: ttlMs });
    } catch (error) {
      call.emit('error', toServiceError(error, d.log));
    }
  });
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
    push: (events) => {
      call.write({ header: d.header(), events: events.map(eventToWire) });
      return call.writableLength < WATCH_BACKLOG_BYTES_MAX;
    },
    progress: (revision) => call.write({ header: d.header(revision), events: [] }),
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

function dispatch(ops: CoordinationOps, r: w.ExecuteRequest): Promise<Partial<w.ExecuteResponse>> {
  const op = r.request as Op | undefined;
  switch (op) {
    case 'open_session':
      return ops.openSession(r.open_session!).then((x) => ({ open_session: x }));
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
      return ops.lock(r.lock!).then((x) => ({ lock: x }));
    case 'unlock':
      return ops.unlock(r.unlock!).then((x) => ({ unlock: x }));
    default:
      return Promise.reject(new Error('unreachable'));
  }
}

/** The pipelined stream: many requests in flight, each answered as soon as it completes. */
function execute(
  call: grpc.ServerDuplexStream<w.ExecuteRequest, w.ExecuteResponse>,
  d: CoordinationServiceDeps,
): void {
  let inFlight = 0;
  let ended = false;
  const finishIfDone = () => {
    if (ended && inFlight === 0) call.end();
  };
  call.on('data', (r: w.ExecuteRequest) => {
    if (!r.request) {
      const error = tributaryError(
        'MALFORMED_REQUEST',
        `request ${r.request_id} names no operation; set one of the request fields`,
      );
      const details = statusDetailsOf(error, d.log);
      call.write({ header: d.header(), request_id: r.request_id, status_details: details });
      return;
    }
    inFlight++;
    if (inFlight >= EXECUTE_IN_FLIGHT_MAX) call.pause();
    dispatch(d.ops, r)
      .then(
        (response) => ({ header: d.header(), request_id: r.request_id, ...response }),
        (error: unknown) => ({
          header: d.header(),
          request_id: r.request_id,
          status_details: statusDetailsOf(error, d.log),
        }),
      )
      .then((response) => {
        inFlight--;
        if (!call.destroyed) call.write(response);
        if (call.isPaused() && inFlight < EXECUTE_IN_FLIGHT_MAX / 2) call.resume();
        finishIfDone();
      });
  });
  call.on('end', () => {
    ended = true;
    finishIfDone();
  });
  call.on('error', () => undefined);
}
