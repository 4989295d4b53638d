/**
 * gRPC channels to brokers, one per address (BrokerService, DESIGN §5), shared by the producer,
 * the consumer and the admin client of one SDK object, plus a unary-call helper whose failures
 * are CoordinationErrors (the SDK's one error type: `reason`, `leader`, `retriable`).
 */
import * as grpc from '@grpc/grpc-js';
import { channelOptions, contract, parseHostPort, type TransportLimits } from '@tributary/rpc';
import type { BrokerServiceClient } from '@tributary/rpc/src/generated/tributary/broker/v1/BrokerService';
import { clientError, fromCallError, type CoordinationError } from './errors';

export type { BrokerServiceClient };

/** The unary methods of BrokerService: every method but the two streams. */
export type UnaryName = Exclude<
  keyof BrokerServiceClient & Capitalize<string>,
  keyof grpc.Client | 'ProduceStream' | 'Subscribe'
>;

/** grpc-js's last overload of each method is `(request, callback)`. */
export type RequestOf<K extends UnaryName> = Parameters<BrokerServiceClient[K]>[0];
export type ResponseOf<K extends UnaryName> =
  Parameters<BrokerServiceClient[K]>[1] extends grpc.requestCallback<infer R> ? R : never;

export class BrokerPool {
  private readonly clients = new Map<string, BrokerServiceClient>();
  private closed = false;

  constructor(
    private readonly limits: TransportLimits = {},
    private readonly credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
  ) {}

  client(address: string): BrokerServiceClient {
    if (this.closed) throw clientError('CLIENT_CLOSED', 'the client was closed');
    let client = this.clients.get(address);
    if (!client) {
      parseHostPort(address);
      const Ctor = contract().tributary.broker.v1.BrokerService;
      client = new Ctor(address, this.credentials, {
        ...channelOptions(this.limits),
        // A new stream must not wait behind grpc-js's default 120 s reconnect backoff.
        'grpc.max_reconnect_backoff_ms': 1_000,
      });
      this.clients.set(address, client);
    }
    return client;
  }

  /** One unary call with a deadline; rejects with a CoordinationError. */
  call<K extends UnaryName>(
    address: string,
    method: K,
    request: RequestOf<K>,
    timeoutMs: number,
  ): Promise<ResponseOf<K>> {
    return new Promise((resolve, reject) => {
      let client: BrokerServiceClient;
      try {
        client = this.client(address);
      } catch (error) {
        return reject(fromCallError(error));
      }
      const fn = client[method] as unknown as (
        request: RequestOf<K>,
        options: grpc.CallOptions,
        callback: (error: grpc.ServiceError | null, response?: ResponseOf<K>) => void,
      ) => grpc.ClientUnaryCall;
      fn.call(client, request, { deadline: Date.now() + timeoutMs }, (error, response) => {
        if (error) reject(describe(address, fromCallError(error)));
        else if (response === undefined) {
          reject(clientError('PROTOCOL', `${address} answered ${method} with nothing`));
        } else resolve(response);
      });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}

/** A transport failure names the address it happened on. */
function describe(address: string, error: CoordinationError): CoordinationError {
  if (error.reason !== undefined || error.code !== grpc.status.UNAVAILABLE) return error;
  const detail = error.message.replace(/\s*Resolution note:.*$/s, '').replace(/\.$/, '');
  return error.withMessage(`cannot reach broker ${address}: ${detail}`);
}
