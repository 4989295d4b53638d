/**
 * Garbage bytes where a protobuf message should be. grpc-js answers an undecodable request with
 * a bare INTERNAL; wrapping each method's deserializer makes it a value the handler refuses as
 * INVALID_ARGUMENT / MALFORMED_REQUEST, with what failed to decode, and the server goes on.
 */
import type * as grpc from '@grpc/grpc-js';
import { tributaryError } from '@tributary/rpc';

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
  if (req instanceof Malformed)
    throw tributaryError(
      'MALFORMED_REQUEST',
      `${what} is not a valid protobuf message: ${req.why}`,
    );
  return req;
}
