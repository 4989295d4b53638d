/**
 * One request id per call, and a log line for the calls that went wrong: a server interceptor
 * takes the client's `x-request-id` (if it is a sane token) or makes one, hands it to the
 * handlers in the same header, returns it in the response headers, and logs the call's end —
 * at `warn` when the server failed (INTERNAL, UNKNOWN, DATA_LOSS), at `debug` otherwise — with
 * the method, status, duration and the authenticated principal, so a client's report and a
 * server's log line meet on the id.
 */
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { PRINCIPAL_HEADER } from './authentication';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SERVER_FAULTS: ReadonlySet<grpc.status> = new Set([
  grpc.status.INTERNAL,
  grpc.status.UNKNOWN,
  grpc.status.DATA_LOSS,
]);

export function requestLog(log: Logger | undefined): grpc.ServerInterceptor {
  return (method, call) => {
    let id = '';
    // The same object travels on to the authenticator, which runs after this and adds the
    // principal to it; by the time the call ends it is there to read.
    let received: grpc.Metadata | undefined;
    const started = performance.now();
    return new grpc.ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, pass) => {
            const given = metadata.get(REQUEST_ID_HEADER)[0];
            id = typeof given === 'string' && SANE_ID.test(given) ? given : newRequestId();
            metadata.set(REQUEST_ID_HEADER, id);
            received = metadata;
            pass(metadata);
          },
        }),
      sendMetadata: (metadata, pass) => {
        metadata.set(REQUEST_ID_HEADER, id);
        pass(metadata);
      },
      sendStatus: (status, pass) => {
        if (log && status.code !== grpc.status.OK) {
          const principal = received?.get(PRINCIPAL_HEADER)[0];
          const line = {
            request_id: id,
            method: method.path,
            ...(principal !== undefined && { principal: String(principal) }),
            code: grpc.status[status.code],
            ms: Math.round(performance.now() - started),
          };
          if (SERVER_FAULTS.has(status.code))
            log.warn(line, `${method.path} failed: ${status.details}`);
          else log.debug(line, `${method.path}: ${status.details}`);
        }
        pass(status);
      },
    });
  };
}

function newRequestId(): string {
  return randomBytes(8).toString('hex');
}

/** The request id of a call (set by requestLog), for log lines of its handler. */
export function requestIdOf(call: { metadata: grpc.Metadata }): string | undefined {
  const id = call.metadata.get(REQUEST_ID_HEADER)[0];
  return typeof id === 'string' ? id : undefined;
}
