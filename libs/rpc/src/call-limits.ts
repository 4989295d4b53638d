/**
 * How long a call may hold a server (DESIGN §6 limits). Without these, a client that sends no
 * deadline, or one that opens a stream and then says nothing, holds a handler, its buffers and
 * an HTTP/2 stream for as long as the connection lives.
 *
 * - A unary call is ended DEADLINE_EXCEEDED (`CALL_TOO_LONG`) after `maxCallMs` when it came
 *   with no deadline or a later one. A Lock is the exception: its wait is bounded by its session
 *   (it ends when the session does), by `wait_ms` and by cancellation, and ending it here would
 *   cost the waiter its place in the queue.
 * - A stream the client writes to (KeepAlive, Execute, ProduceStream, Raft Send, InstallSnapshot,
 *   reflection) is ended UNAVAILABLE (`STREAM_IDLE`, retriable) when nothing moved on it for
 *   `streamIdleMs` while the server owed no answer — never while a request is being worked on,
 *   and never after the client half-closed. Clients open a new stream when they next need one.
 * - A stream only the server writes to (Watch, WatchMetadata, Subscribe) is meant to last; it
 *   is bounded by the watch caps and by keepalive, not here.
 *
 * Ending a call here cancels it for the handler ('cancelled'), which stops its work.
 */
import * as grpc from '@grpc/grpc-js';
import { tributaryError } from './errors';

export interface CallLimits {
  /** Longest a unary call may run, whatever deadline it came with (`--max-call-ms`). */
  maxCallMs: number;
  /** Longest a client-writing stream may sit with nothing moving (`--stream-idle-ms`). */
  streamIdleMs: number;
}

export const DEFAULT_MAX_CALL_MS = 5 * 60_000;
/** Above the longest session TTL (10 min) over the keepalive share of it, with room. */
export const DEFAULT_STREAM_IDLE_MS = 10 * 60_000;

const SESSION_BOUND: ReadonlySet<string> = new Set([
  '/tributary.coord.v1.CoordinationService/Lock',
]);

export function callLimits(limits: CallLimits): grpc.ServerInterceptor {
  return (method, call) => {
    if (method.requestStream) return idleReaper(call, method.responseStream, limits.streamIdleMs);
    if (method.responseStream || SESSION_BOUND.has(method.path))
      return new grpc.ServerInterceptingCall(call);
    return ceiling(call, limits.maxCallMs);
  };
}

function ceiling(call: grpc.ServerInterceptingCallInterface, maxCallMs: number) {
  const deadline = call.getDeadline();
  const deadlineMs = deadline instanceof Date ? deadline.getTime() : deadline;
  // grpc-js ends the call at its own deadline when that comes first.
  if (deadlineMs - Date.now() <= maxCallMs) return new grpc.ServerInterceptingCall(call);
  const timer = setTimeout(() => {
    const error = tributaryError(
      'CALL_TOO_LONG',
      `the call ran for ${maxCallMs} ms, this server's ceiling (--max-call-ms): ` +
        'send a deadline below it, or ask the operator to raise it',
    );
    call.sendStatus({ code: error.code, details: error.details, metadata: error.metadata });
  }, maxCallMs);
  timer.unref();
  return new grpc.ServerInterceptingCall(call, {
    start: (next) => next({ onCancel: () => clearTimeout(timer) }),
    sendStatus: (status, pass) => {
      clearTimeout(timer);
      pass(status);
    },
  });
}

/**
 * `answers`: the server writes an answer per request (bidi), so a request is owed one until it
 * is answered; on a client stream (one response at the end) nothing is owed before half-close.
 */
function idleReaper(
  call: grpc.ServerInterceptingCallInterface,
  answers: boolean,
  streamIdleMs: number,
) {
  let received = 0;
  let sent = 0;
  let lastMovedMs = performance.now();
  let done = false;
  let timer: NodeJS.Timeout | undefined;

  const stop = () => {
    done = true;
    clearTimeout(timer);
  };
  // One timer for the stream's life, moved on lazily: a message costs a clock read, not a timer.
  const check = () => {
    if (done) return;
    const idleMs = performance.now() - lastMovedMs;
    const owed = answers && received > sent;
    if (owed || idleMs < streamIdleMs) {
      timer = setTimeout(check, owed ? streamIdleMs : streamIdleMs - idleMs);
      timer.unref();
      return;
    }
    stop();
    const error = tributaryError(
      'STREAM_IDLE',
      `nothing moved on this stream for ${streamIdleMs} ms (--stream-idle-ms), so the server ` +
        'closed it: open a new one when there is something to send',
    );
    call.sendStatus({ code: error.code, details: error.details, metadata: error.metadata });
  };
  timer = setTimeout(check, streamIdleMs);
  timer.unref();

  return new grpc.ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMessage: (message, pass) => {
          received += 1;
          lastMovedMs = performance.now();
          pass(message);
        },
        onReceiveHalfClose: (pass) => {
          stop();
          pass();
        },
        onCancel: stop,
      }),
    sendMessage: (message, pass) => {
      sent += 1;
      lastMovedMs = performance.now();
      pass(message);
    },
    sendStatus: (status, pass) => {
      stop();
      pass(status);
    },
  });
}
