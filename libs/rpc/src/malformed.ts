/**
 * Garbage bytes where a protobuf message should be. grpc-js answers an undecodable request with
 * a bare INTERNAL; wrapping each method's deserializer makes it a value the handler refuses as
 * INVALID_ARGUMENT / MALFORMED_REQUEST, with what failed to decode, and the server goes on.
 */
import type * as grpc from '@grpc/grpc-js';
import { tributaryError } from './errors';
import { refusingFirst, type AnyHandler } from './handlers';

export class Malformed {
  constructor(readonly why: string) {}
}

/** A copy of `service` whose request deserializers return Malformed instead of throwing. */
export function tolerateMalformed(service: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(service)) {
    const decode = method.requestDeserialize;
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return decode(bytes);
        } catch (error) {
          return new Malformed(error instanceof Error ? error.message : String(error));
        }
      },
    };
  }
  return out as grpc.ServiceDefinition;
}

/** Throws MALFORMED_REQUEST for a request that did not decode. */
export function wellFormed<T>(req: T | Malformed, what: string): T {
  if (req instanceof Malformed) throw malformedError(req, what);
  return req;
}

/** The MALFORMED_REQUEST error for `m`, a `what` that did not decode. */
export function malformedError(m: Malformed, what: string) {
  return tributaryError('MALFORMED_REQUEST', `${what} is not a valid protobuf message: ${m.why}`);
}

/**
 * `service` and `impl` with undecodable requests refused as MALFORMED_REQUEST before the handler
 * runs, for unary and server-streaming methods. Methods whose requests stream keep grpc-js's
 * own answer (INTERNAL, the stream ends) unless named in `checkedStreams`: their handlers take
 * Malformed values and refuse them themselves (wellFormed).
 *
 * `onMalformed`, when given, is called with the method's name for each request refused here
 * (before the refusal is sent), e.g. to count them; not for the `checkedStreams`, whose handlers
 * see their Malformed messages themselves.
 */
export function refuseMalformed(
  service: grpc.ServiceDefinition,
  impl: grpc.UntypedServiceImplementation,
  checkedStreams: readonly string[] = [],
  onMalformed?: (method: string) => void,
): { service: grpc.ServiceDefinition; impl: grpc.UntypedServiceImplementation } {
  const tolerant = tolerateMalformed(service);
  const defs: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(service)) {
    const handler = impl[name];
    const what = `${name} request`;
    if (method.requestStream) {
      defs[name] = checkedStreams.includes(name) ? tolerant[name]! : method;
      if (handler) handlers[name] = handler;
      continue;
    }
    defs[name] = tolerant[name]!;
    if (!handler) continue;
    handlers[name] = refusingFirst(method, handler as AnyHandler, (call: { request: unknown }) => {
      if (!(call.request instanceof Malformed)) return undefined;
      onMalformed?.(name);
      return malformedError(call.request, what);
    }) as grpc.UntypedHandleCall;
  }
  return { service: defs as grpc.ServiceDefinition, impl: handlers };
}
