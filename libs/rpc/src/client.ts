/** gRPC client construction with the shared limits, and deadlines. */
import * as grpc from '@grpc/grpc-js';
import { channelOptions, type TransportLimits } from './channel-options';

type ClientConstructor<T> = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: grpc.ClientOptions,
) => T;

export function createClient<T extends grpc.Client>(
  ctor: ClientConstructor<T>,
  address: string,
  limits: TransportLimits = {},
  credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
): T {
  return new ctor(address, credentials, channelOptions(limits));
}

/** Call options with a deadline `ms` from now: every call has one. */
export function deadline(ms: number): grpc.CallOptions {
  return { deadline: new Date(Date.now() + ms) };
}

/** Resolves once the channel is connected or rejects after `timeoutMs`. */
export function waitForReady(client: grpc.Client, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    client.waitForReady(Date.now() + timeoutMs, (error) => (error ? reject(error) : resolve()));
  });
}
