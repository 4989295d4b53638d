/**
 * One coordinator address: its gRPC channel, the Execute stream on it (mode 'execute') and
 * the calls that carry one operation (either mode).
 *
 * `ready()` is the boundary that makes retries safe: a request is only handed to grpc-js once
 * the channel is READY, so a failure of `ready()` proves the request was never sent, while a
 * transport failure after it leaves a write indeterminate.
 */
import * as grpc from '@grpc/grpc-js';
import { channelOptions, contract, type TransportLimits } from '@tributary/rpc';
import type { Clock } from './clock';
import { CoordinationError, fromCallError, outcomeOf } from './errors';
import { ExecuteStream } from './execute-stream';
import {
  isRead,
  UNARY_METHOD,
  type ClusterServiceClient,
  type CoordinationServiceClient,
  type OpKind,
  type OpRequests,
  type OpResponses,
} from './wire';

export type Mode = 'execute' | 'unary';

export interface ConnectionOptions {
  mode: Mode;
  limits: TransportLimits;
  /** TLS (see tls.ts), shared by every channel of one client; default plaintext. */
  credentials?: grpc.ChannelCredentials;
  /** grpc-js reconnect backoff bounds of the channel. */
  reconnectBackoffMs: { initial: number; max: number };
  maxInFlight: number;
  maxQueued: number;
  clock: Clock;
}

export class Connection {
  readonly coord: CoordinationServiceClient;
  private clusterClient: ClusterServiceClient | undefined;
  private execute: ExecuteStream | undefined;
  private closed = false;
  private readonly credentials: grpc.ChannelCredentials;

  constructor(
    readonly address: string,
    private readonly options: ConnectionOptions,
  ) {
    this.credentials = options.credentials ?? grpc.credentials.createInsecure();
    const Ctor = contract().tributary.coord.v1.CoordinationService;
    this.coord = new Ctor(address, this.credentials, this.channelOptions());
  }

  get cluster(): ClusterServiceClient {
    if (!this.clusterClient) {
      const Ctor = contract().tributary.coord.v1.ClusterService;
      // Shares the channel of `coord`: one TCP connection per address.
      this.clusterClient = new Ctor(this.address, this.credentials, {
        ...this.channelOptions(),
        channelOverride: this.coord.getChannel(),
      });
    }
    return this.clusterClient;
  }

  /**
   * Resolves when the channel is READY; rejects UNAVAILABLE (request never sent) when it is in
   * TRANSIENT_FAILURE or does not become ready within `timeoutMs`.
   */
  ready(timeoutMs: number): Promise<void> {
    const channel = this.coord.getChannel();
    const deadline = Date.now() + Math.max(0, timeoutMs);
    return new Promise((resolve, reject) => {
      const check = () => {
        let state: grpc.connectivityState;
        try {
          state = channel.getConnectivityState(true);
        } catch {
          return reject(this.unreachable('the channel is closed'));
        }
        if (state === grpc.connectivityState.READY) return resolve();
        if (state === grpc.connectivityState.TRANSIENT_FAILURE) {
          return reject(this.unreachable('connection failed'));
        }
        if (state === grpc.connectivityState.SHUTDOWN) {
          return reject(this.unreachable('the channel is closed'));
        }
        channel.watchConnectivityState(state, deadline, (error) => {
          if (error) reject(this.unreachable(`not connected within ${timeoutMs} ms`));
          else check();
        });
      };
      check();
    });
  }

  /**
   * Sends one operation (the channel should be ready); errors are CoordinationErrors. With
   * `cancel` it goes as a unary call of its own, cancelled when the signal aborts (one request
   * on the Execute stream cannot be cancelled): the server then stops working for it, and a
   * Lock wait withdraws its queue key.
   */
  call<K extends OpKind>(
    kind: K,
    request: OpRequests[K],
    timeoutMs: number,
    cancel?: AbortSignal,
  ): Promise<OpResponses[K]> {
    if (this.options.mode === 'execute' && !cancel)
      return this.executeStream().send(kind, request, timeoutMs);
    return this.unary(kind, request, timeoutMs, cancel);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.execute?.close();
    this.clusterClient?.close();
    this.coord.close();
  }

  private executeStream(): ExecuteStream {
    if (!this.execute || this.execute.failed) {
      this.execute = new ExecuteStream(() => this.coord.Execute(), this.options);
    }
    return this.execute;
  }

  private unary<K extends OpKind>(
    kind: K,
    request: OpRequests[K],
    timeoutMs: number,
    cancel?: AbortSignal,
  ) {
    const method = this.coord[UNARY_METHOD[kind]] as unknown as UnaryMethod<K>;
    const deadline = Number.isFinite(timeoutMs) ? Date.now() + timeoutMs : Infinity;
    return new Promise<OpResponses[K]>((resolve, reject) => {
      const onAbort = () => call.cancel();
      const call = method.call(this.coord, request, { deadline }, (error, response) => {
        cancel?.removeEventListener('abort', onAbort);
        if (error) reject(unaryFailure(kind, error));
        else if (response) resolve(response);
        else reject(fromCallError(new Error(`${UNARY_METHOD[kind]} returned no response`)));
      });
      if (cancel?.aborted) onAbort();
      else cancel?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private unreachable(why: string): CoordinationError {
    return new CoordinationError({
      code: grpc.status.UNAVAILABLE,
      message: `cannot reach ${this.address}: ${why}`,
      retriable: true,
      unsent: true,
    });
  }

  private channelOptions(): grpc.ClientOptions {
    return {
      ...channelOptions(this.options.limits),
      'grpc.initial_reconnect_backoff_ms': this.options.reconnectBackoffMs.initial,
      'grpc.max_reconnect_backoff_ms': this.options.reconnectBackoffMs.max,
    };
  }
}

type UnaryMethod<K extends OpKind> = (
  request: OpRequests[K],
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: OpResponses[K]) => void,
) => grpc.ClientUnaryCall;

function unaryFailure(kind: OpKind, error: unknown): CoordinationError {
  return outcomeOf(!isRead(kind), fromCallError(error));
}
