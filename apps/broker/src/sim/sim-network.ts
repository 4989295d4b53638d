/**
 * The simulation's network: every call (replica fetch, OffsetForLeaderEpoch, AlterIsr,
 * client produce and fetch) travels as bytes through the contract's own gRPC serializers, so
 * nothing is shared between processes and what a handler receives is what grpc-js would hand
 * it (defaults filled in). A call is two messages, request and answer, each waiting in one
 * queue until the simulator delivers it, in any order; either may be lost, and a cut link or a
 * dead process fails it. A call whose answer never comes (its server died mid-call) fails at
 * its deadline, as a gRPC deadline does.
 */
import { packageDefinition } from '@tributary/rpc';
import type { Random } from '@tributary/raft';

/** Endpoint 0 is the coordinators; brokers are 1..n; clients are 100 and up. */
export type Endpoint = number;
export const COORDINATORS: Endpoint = 0;

interface MethodCodec {
  requestSerialize(value: unknown): Buffer;
  requestDeserialize(bytes: Buffer): unknown;
  responseSerialize(value: unknown): Buffer;
  responseDeserialize(bytes: Buffer): unknown;
}

/** The serializers of `service`'s `method`, e.g. ('tributary.broker.v1.ReplicationService', 'ReplicaFetch'). */
export function methodCodec(service: string, method: string): MethodCodec {
  const svc = packageDefinition()[service] as unknown as Record<string, MethodCodec> | undefined;
  const codec = svc?.[method];
  if (!codec) throw new Error(`no method ${service}.${method} in the contract`);
  return codec;
}

interface Envelope {
  from: Endpoint;
  to: Endpoint;
  /** Runs the delivery; `lost` when the network drops it. */
  deliver: (lost: boolean) => void;
}

/** A failure the caller sees as a gRPC transport error (no Tributary ErrorInfo). */
export class NetworkError extends Error {
  readonly code: number;
  readonly details: string;
  constructor(code: 'UNAVAILABLE' | 'DEADLINE_EXCEEDED', message: string) {
    super(message);
    this.code = code === 'UNAVAILABLE' ? 14 : 4;
    this.details = message;
  }
}

export interface NetworkOptions {
  dropRate: number;
  deadlineMs: number;
  now: () => number;
  /** The incarnation of an endpoint's process; a call's end dies with its process. */
  generation: (e: Endpoint) => number;
  /** The endpoint's process runs. */
  up: (e: Endpoint) => boolean;
  /** The endpoint's process is stopped (SIGSTOP): what is sent to it waits in its socket. */
  paused: (e: Endpoint) => boolean;
}

export class SimNetwork {
  private queue: Envelope[] = [];
  private deadlines: Array<{ atMs: number; fail: () => void }> = [];
  /** Links cut by a partition, as `from>to`. */
  readonly cut = new Set<string>();
  faults = true;
  delivered = 0;
  lost = 0;

  constructor(
    private readonly random: Random,
    private readonly o: NetworkOptions,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  isCut(from: Endpoint, to: Endpoint): boolean {
    return this.cut.has(`${from}>${to}`);
  }

  /**
   * A unary call from `from` to `to`: the request is serialized now, `handle` runs on the
   * receiver when it is delivered, and the answer (or its error) travels back the same way.
   */
  call<Res>(
    from: Endpoint,
    to: Endpoint,
    codec: MethodCodec,
    request: unknown,
    handle: (request: never) => Promise<unknown>,
  ): Promise<Res> {
    const bytes = codec.requestSerialize(request);
    const callerGeneration = this.o.generation(from);
    const serverGeneration = this.o.generation(to);
    return new Promise<Res>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled || this.o.generation(from) !== callerGeneration) return;
        settled = true;
        fn();
      };
      this.deadlines.push({
        atMs: this.o.now() + this.o.deadlineMs,
        fail: () => settle(() => reject(new NetworkError('DEADLINE_EXCEEDED', 'deadline (sim)'))),
      });
      const answer = (outcome: { bytes: Buffer } | { error: unknown }) =>
        this.queue.push({
          from: to,
          to: from,
          deliver: (lost) => {
            if (lost) return settle(() => reject(new NetworkError('UNAVAILABLE', 'answer lost')));
            settle(() =>
              'bytes' in outcome
                ? resolve(codec.responseDeserialize(outcome.bytes) as Res)
                : reject(outcome.error),
            );
          },
        });
      this.queue.push({
        from,
        to,
        deliver: (lost) => {
          if (lost || !this.o.up(to) || this.o.generation(to) !== serverGeneration)
            return settle(() => reject(new NetworkError('UNAVAILABLE', 'request lost')));
          let promise: Promise<unknown>;
          try {
            promise = handle(codec.requestDeserialize(bytes) as never);
          } catch (error) {
            promise = Promise.reject(error);
          }
          promise.then(
            (value) => {
              // The server's process ended while it worked: nothing is sent.
              if (this.o.generation(to) === serverGeneration)
                answer({ bytes: codec.responseSerialize(value) });
            },
            (error: unknown) => {
              if (this.o.generation(to) === serverGeneration) answer({ error });
            },
          );
        },
      });
    });
  }

  /** Delivers one message chosen by the seed; false when none waits. */
  deliverOne(): boolean {
    if (this.queue.length === 0) return false;
    const k = this.random.int(this.queue.length);
    const env = this.queue[k] as Envelope;
    if (this.o.paused(env.to)) return true;
    this.queue.splice(k, 1);
    const lost =
      this.isCut(env.from, env.to) ||
      !this.o.up(env.to) ||
      (this.faults && this.random.float() < this.o.dropRate);
    if (lost) this.lost++;
    else this.delivered++;
    env.deliver(lost);
    return true;
  }

  /** Fails the calls whose deadline has passed. */
  expire(): void {
    const now = this.o.now();
    const due = this.deadlines.filter((d) => d.atMs <= now);
    if (due.length === 0) return;
    this.deadlines = this.deadlines.filter((d) => d.atMs > now);
    for (const d of due) d.fail();
  }
}
