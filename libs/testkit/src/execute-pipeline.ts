/**
 * Many requests in flight on one `CoordinationService.Execute` stream, as a load generator:
 * each `send` resolves with the response or rejects with the decoded error. When the stream
 * breaks, everything pending is rejected (its outcome is unknown).
 */
import type * as grpc from '@grpc/grpc-js';
import { decodeStatusDetails, type StatusDetails } from '@tributary/rpc';
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import type { ExecuteRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/ExecuteRequest';
import type { ExecuteResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/ExecuteResponse';

type Response = ExecuteResponse__Output & Record<string, unknown>;

export class ExecuteError extends Error {
  constructor(readonly details: StatusDetails | undefined) {
    super(details?.message ?? 'stream broke; outcome unknown');
  }
  get reason(): string | undefined {
    return this.details?.errorInfo?.reason;
  }
}

export class ExecutePipeline {
  private readonly stream: grpc.ClientDuplexStream<ExecuteRequest, ExecuteResponse__Output>;
  private readonly pending = new Map<
    number,
    { resolve: (r: unknown) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  broken = false;

  constructor(client: CoordinationServiceClient) {
    this.stream = client.Execute();
    this.stream.on('data', (r: Response) => {
      const p = this.pending.get(r.request_id);
      if (!p) return;
      this.pending.delete(r.request_id);
      if (r.response === 'status_details')
        p.reject(new ExecuteError(decodeStatusDetails(r.status_details ?? Buffer.alloc(0))));
      else p.resolve(r[r.response as string]);
    });
    const fail = () => {
      this.broken = true;
      for (const p of this.pending.values()) p.reject(new ExecuteError(undefined));
      this.pending.clear();
    };
    this.stream.on('error', fail);
    this.stream.on('end', fail);
  }

  /** `request` is one ExecuteRequest branch, e.g. `{ create: { path, data } }`. */
  send<R = unknown>(request: Omit<ExecuteRequest, 'request_id'>): Promise<R> {
    if (this.broken) return Promise.reject(new ExecuteError(undefined));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.stream.write({ request_id: id, ...request });
    });
  }

  close(): void {
    this.stream.end();
  }
}
