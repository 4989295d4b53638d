/**
 * Unary MetadataService calls from the broker to the coordinators. Any member serves them (a
 * follower forwards writes to the Raft leader), so calls go to one current endpoint, which moves
 * on a NOT_LEADER hint or when the endpoint cannot be reached.
 *
 * Retry rule: a call is retried (within its budget, with backoff) when it provably did nothing —
 * the channel never became ready, or the answer was NOT_LEADER, NO_LEADER or SHUTTING_DOWN — and
 * a read is also retried after any UNAVAILABLE. Everything else is returned as the coordinator
 * sent it, so a pass-through RPC hands the client the coordinator's own status.
 */
import * as grpc from '@grpc/grpc-js';
import { channelOptions, contract, readError, tributaryError } from '@tributary/rpc';
import type { MetadataServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/MetadataService';

const NOTHING_DONE = new Set(['NOT_LEADER', 'NO_LEADER', 'SHUTTING_DOWN', 'LAGGING']);
/** Longest wait for one endpoint's channel before trying the next. */
const CONNECT_TIMEOUT_MS = 1_000;
const BACKOFF_MAX_MS = 500;

export type MetadataMethod = keyof MetadataServiceClient & string;

export interface MetadataClientOptions {
  endpoints: string[];
  maxMessageBytes: number;
  /** Budget of one call, retries included. */
  requestTimeoutMs: number;
  /** TLS with this broker's certificate when it has TLS flags; default plaintext. */
  credentials?: grpc.ChannelCredentials;
}

export class MetadataClient {
  private readonly clients = new Map<string, MetadataServiceClient>();
  private current: string;
  private closed = false;

  constructor(private readonly opts: MetadataClientOptions) {
    this.current = opts.endpoints[0]!;
  }

  /** The channel of `address` (endpoint or leader hint), created on first use. */
  client(address: string = this.current): MetadataServiceClient {
    let c = this.clients.get(address);
    if (!c) {
      const Ctor = contract().tributary.coord.v1.MetadataService;
      c = new Ctor(address, this.opts.credentials ?? grpc.credentials.createInsecure(), {
        ...channelOptions({ maxMessageBytes: this.opts.maxMessageBytes }),
        'grpc.max_reconnect_backoff_ms': 1_000,
      });
      this.clients.set(address, c);
    }
    return c;
  }

  get endpoint(): string {
    return this.current;
  }

  /** Moves calls (and new watches) off `address` to the next endpoint. */
  advancePast(address: string): void {
    if (this.current !== address) return;
    const list = this.opts.endpoints;
    const k = list.indexOf(address);
    this.current = list[(k + 1) % list.length]!;
  }

  noteLeader(address: string): void {
    this.current = address;
  }

  /** One unary call under the retry rule; `read` marks calls that change nothing. */
  async call<Res>(
    method: MetadataMethod,
    request: object,
    o: { read: boolean; budgetMs?: number },
  ): Promise<Res> {
    const deadline = Date.now() + (o.budgetMs ?? this.opts.requestTimeoutMs);
    let attempt = 0;
    for (;;) {
      if (this.closed) throw new Error('the coordinator client is closed');
      const address = this.current;
      const client = this.client(address);
      const remaining = deadline - Date.now();
      try {
        await ready(client, Math.min(CONNECT_TIMEOUT_MS, Math.max(1, remaining)));
      } catch (error) {
        this.advancePast(address);
        if (Date.now() >= deadline) throw unreachable(address, error);
        await pause(++attempt);
        continue;
      }
      try {
        return await unary<Res>(client, method, request, deadline);
      } catch (error) {
        const info = readError(error);
        const done = !(info.reason && NOTHING_DONE.has(info.reason));
        const readRetry = o.read && info.code === grpc.status.UNAVAILABLE;
        if ((done && !readRetry) || Date.now() >= deadline) throw error;
        if (info.reason === 'NOT_LEADER' && info.leader && info.leader !== address)
          this.noteLeader(info.leader);
        else this.advancePast(address);
        await pause(++attempt, info.retryDelayMs);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

type UnaryFn = (
  req: object,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, r?: unknown) => void,
) => grpc.ClientUnaryCall;

function unary<Res>(
  client: MetadataServiceClient,
  method: MetadataMethod,
  request: object,
  deadline: number,
): Promise<Res> {
  const fn = (client as unknown as Record<string, UnaryFn>)[method]!;
  return new Promise((resolve, reject) => {
    fn.call(client, request, { deadline }, (error, response) =>
      error ? reject(error) : resolve(response as Res),
    );
  });
}

/** Resolves once the channel is READY: a call sent after that may have reached the server. */
function ready(client: grpc.Client, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) =>
    client.waitForReady(Date.now() + timeoutMs, (e) => (e ? reject(e) : resolve())),
  );
}

/** UNAVAILABLE with RetryInfo, as broker.proto says for unreachable coordinators. */
function unreachable(address: string, cause: unknown) {
  const why = cause instanceof Error ? cause.message : String(cause);
  return tributaryError('NO_LEADER', `coordinators unreachable (last tried ${address}: ${why})`);
}

function pause(attempt: number, hintMs = 0): Promise<void> {
  const ms = Math.max(hintMs, Math.min(BACKOFF_MAX_MS, 25 * 2 ** Math.min(attempt, 5)));
  return new Promise((r) => setTimeout(r, ms * (0.5 + Math.random() / 2)));
}
