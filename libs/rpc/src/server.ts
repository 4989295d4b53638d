/**
 * gRPC server construction: message-size and transport limits (channel-options.ts), keepalive,
 * `grpc.health.v1.Health` and server reflection on every server, TLS when given files (tls.ts),
 * three interceptors on every call — its request id and log line (request-log.ts), who is
 * calling (authentication.ts, with `--auth-tokens`), and how long it may hold the server
 * (call-limits.ts) — and a drain that lets in-flight calls finish.
 */
import * as grpc from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { ReflectionService } from '@grpc/reflection';
import type { Logger } from 'pino';
import { authenticator } from './authentication';
import {
  callLimits,
  DEFAULT_MAX_CALL_MS,
  DEFAULT_STREAM_IDLE_MS,
  type CallLimits,
} from './call-limits';
import { requestLog } from './request-log';
import { TokenTable } from './auth-tokens';
import { serverOptions, type TransportLimits } from './channel-options';
import { packageDefinition } from './contract';
import { formatHostPort, parseHostPort } from './address';
import { DEFAULT_TLS_RELOAD_MS, serverCredentials, type ServerTls, type TlsFiles } from './tls';

export interface TributaryServer {
  grpc: grpc.Server;
  /** Sets the health status of one service, or of the whole server with ''. */
  setServing(service: string, serving: boolean): void;
  /** Whether the server speaks TLS (mTLS): false means open, for development only. */
  secure: boolean;
  /** Binds and starts; returns the bound `host:port` (port 0 picks a free one). */
  listen(address: string): Promise<string>;
  /** Refuses new calls, waits up to `graceMs` for running ones, then cancels what is left. */
  drain(graceMs: number): Promise<void>;
}

/**
 * `tls.authTokens` is read here, at once (a bad file throws before anything listens), and again
 * with the certificates; `log` hears of a reload that failed.
 */
export function createServer(
  limits: TransportLimits & Partial<CallLimits> = {},
  tls?: TlsFiles,
  log?: Logger,
): TributaryServer {
  const tokens = tls?.authTokens
    ? new TokenTable(tls.authTokens, tls.reloadMs ?? DEFAULT_TLS_RELOAD_MS, (error) =>
        log?.error({ err: error }, `${error.message}; the tokens read before stay in force`),
      )
    : undefined;
  const server = new grpc.Server({
    ...serverOptions(limits),
    // Clients ping every 10 s; allow that without the server closing the connection.
    'grpc.http2.min_ping_interval_without_data_ms': 5_000,
    // grpc-js makes the last one outermost: a call that callLimits ends is logged all the same.
    interceptors: [
      requestLog(log),
      authenticator(tls !== undefined, tokens),
      callLimits({
        maxCallMs: limits.maxCallMs ?? DEFAULT_MAX_CALL_MS,
        streamIdleMs: limits.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS,
      }),
    ],
  });
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  health.addToServer(server);
  new ReflectionService(packageDefinition()).addToServer(server);
  return {
    grpc: server,
    setServing(service, serving) {
      const status: ServingStatus = serving ? 'SERVING' : 'NOT_SERVING';
      health.setStatus(service, status);
    },
    secure: tls !== undefined,
    listen: (address) => bind(server, address, serverCredentials(tls)),
    drain: (graceMs) => {
      tokens?.close();
      return drain(server, graceMs);
    },
  };
}

async function bind(server: grpc.Server, address: string, tls: ServerTls): Promise<string> {
  const { host } = parseHostPort(address);
  const bound = await new Promise<string>((resolve, reject) => {
    server.bindAsync(address, tls.credentials, (error, port) => {
      if (error) reject(new Error(`cannot listen on ${address}: ${error.message}`));
      else resolve(formatHostPort({ host, port }));
    });
  });
  await tls.loaded();
  return bound;
}

function drain(server: grpc.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
