/** Adapters from async functions to grpc-js handlers, with one error policy for all. */
import * as grpc from '@grpc/grpc-js';
import { statusDetailsBytes, TributaryError, tributaryError, type Logger } from '@tributary/rpc';

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

export function unary<Req, Res>(
  fn: (req: Req) => Promise<Res>,
  log: Logger,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    fn(call.request).then(
      (res) => callback(null, res),
      (error: unknown) => callback(toServiceError(error, log)),
    );
  };
}
