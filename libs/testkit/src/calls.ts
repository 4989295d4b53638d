/** Promise faces on grpc-js calls, with deadlines and retries for tests and tools. */
import type * as grpc from '@grpc/grpc-js';
import { readError } from '@tributary/rpc';

type UnaryMethod = (
  req: unknown,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, r: unknown) => void,
) => unknown;

/** Calls one unary method with a deadline. */
export function call<R>(
  client: grpc.Client,
  method: string,
  request: object,
  timeoutMs = 5000,
): Promise<R> {
  const fn = (client as unknown as Record<string, UnaryMethod>)[method];
  if (!fn) throw new Error(`client has no method ${method}`);
  return new Promise((resolve, reject) => {
    fn.call(client, request, { deadline: Date.now() + timeoutMs }, (error, response) =>
      error ? reject(error) : resolve(response as R),
    );
  });
}

/**
 * Retries while the error is one a retry can fix without risk of doing a write twice
 * (no leader, not leader, unreachable), until `timeoutMs`.
 */
export async function callRetrying<R>(
  clients: () => grpc.Client,
  method: string,
  request: object,
  timeoutMs = 15_000,
): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call<R>(
        clients(),
        method,
        request,
        Math.min(5000, Math.max(100, deadline - Date.now())),
      );
    } catch (error) {
      const info = readError(error);
      const safe =
        info.reason === 'NO_LEADER' ||
        info.reason === 'NOT_LEADER' ||
        info.reason === 'SHUTTING_DOWN' ||
        (info.code === 14 && !info.reason);
      if (!safe || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
