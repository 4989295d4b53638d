/** Adapters from async functions to grpc-js handlers, with one error policy for all. */
import * as grpc from '@grpc/grpc-js';
import { statusDetailsBytes, TributaryError, tributaryError } from './errors';
import type { Logger } from './logging';
import { requestIdOf } from './request-log';

/** Any error becomes a gRPC status; unexpected ones are logged and sent as INTERNAL. */
export function toServiceError(error: unknown, log: Logger): grpc.ServiceError {
  if (error instanceof TributaryError) return error;
  log.error({ err: error }, 'unexpected error in a request handler');
  const message = error instanceof Error ? error.message : String(error);
  return tributaryError('INTERNAL', `internal error: ${message}`);
}

/** The serialized google.rpc.Status for an error that travels inside a response message. */
export function statusDetailsOf(error: unknown, log: Logger): Buffer {
  const e = toServiceError(error, log) as TributaryError;
  return statusDetailsBytes(e.reason, e.message, e.options);
}

/** A unary handler from an async function of the request (and the call, for its peer or deadline). */
export function unary<Req, Res>(
  fn: (req: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
  log: Logger,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    fn(call.request, call).then(
      (res) => callback(null, res),
      (error: unknown) =>
        callback(
          toServiceError(error, error instanceof TributaryError ? log : withRequestId(log, call)),
        ),
    );
  };
}

/** `log` with the call's request id (requestLog), for the line of an unexpected error. */
export function withRequestId(log: Logger, call: { metadata: grpc.Metadata }): Logger {
  const id = requestIdOf(call);
  return id === undefined ? log : log.child({ request_id: id });
}

/** Any grpc-js server handler: (call) for streams out, (call, callback) otherwise. */
export type AnyHandler = (call: never, callback?: never) => void;

/**
 * `handler` of `method` behind a check run first: when `refusal(call)` is an error, the call
 * ends with it and the handler never runs — through the callback of a unary or client-stream
 * call, by an 'error' event on a server or bidi stream (grpc-js ends the call with that status).
 */
export function refusingFirst<C>(
  method: grpc.MethodDefinition<unknown, unknown>,
  handler: AnyHandler,
  refusal: (call: C) => Error | undefined,
): AnyHandler {
  const viaCallback = !method.responseStream;
  return ((call: C & NodeJS.EventEmitter, callback?: (error: Error) => void) => {
    const refused = refusal(call);
    if (!refused) return (handler as (c: unknown, cb?: unknown) => void)(call, callback);
    if (viaCallback) callback!(refused);
    else call.emit('error', refused);
  }) as AnyHandler;
}

/** The call's deadline in epoch ms, or Infinity when it has none. */
export function deadlineMsOf(call: { getDeadline(): grpc.Deadline }): number {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return deadline.getTime();
  return Number.isFinite(deadline) ? Number(deadline) : Infinity;
}

/**
 * A signal that aborts when the caller is gone: the call was cancelled (by the client, by its
 * deadline, or because its connection broke) or, for a stream, it failed or closed.
 */
export function goneSignal(call: NodeJS.EventEmitter, events = ['cancelled']): AbortSignal {
  const gone = new AbortController();
  for (const event of events) call.once(event, () => gone.abort());
  return gone.signal;
}
