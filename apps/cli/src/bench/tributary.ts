/**
 * Tributary under test through the SDK (@tributary/client), as an application would use it: one
 * `CoordinationClient` per cell shared by all workers. Mode 'execute' pipelines every call on
 * one bidi Execute stream; mode 'unary' sends plain unary calls over the same single channel.
 * Keys are `/bench/<run>/k000000`.
 */
import { status as Code } from '@grpc/grpc-js';
import {
  CoordinationClient,
  CoordinationError,
  type Mode,
  type TlsOptions,
} from '@tributary/client';
import {
  forEachLimited,
  keyName,
  runName,
  type BenchOp,
  type BenchSystem,
  type Connection,
} from './system';

const ROOT = '/bench';
const SETUP_PARALLEL = 64;

export class TributarySystem implements BenchSystem {
  readonly name = 'tributary';
  readonly modes: readonly Mode[];
  readonly ops: readonly BenchOp[] = ['set', 'get', 'sget'];
  private readonly dir = `${ROOT}/${runName()}`;
  private value: Buffer = Buffer.alloc(0);
  private admin: CoordinationClient | undefined;

  constructor(
    private readonly endpoints: string[],
    modes: readonly Mode[],
    private readonly requestTimeoutMs: number,
    /** The SDK's `tls` and `token` options, for a cluster with TLS (and tokens) on. */
    private readonly security: { tls?: TlsOptions; token?: string } = {},
  ) {
    this.modes = modes;
  }

  describe(op: BenchOp): string {
    return { set: 'set', get: 'get (linearizable)', sget: 'get (serializable)' }[op];
  }

  async setup(keys: number, value: Buffer): Promise<void> {
    this.value = value;
    const admin = this.newClient('execute');
    this.admin = admin;
    await admin.create(ROOT).catch((error: unknown) => {
      const exists = error instanceof CoordinationError && error.code === Code.ALREADY_EXISTS;
      if (!exists) throw error;
    });
    await admin.create(this.dir);
    await forEachLimited(keys, SETUP_PARALLEL, async (k) => {
      await admin.create(this.path(k), value);
    });
  }

  async connect(mode: string): Promise<Connection> {
    const client = this.newClient(mode as Mode);
    const value = this.value;
    return {
      run: async (op, key) => {
        const path = this.path(key);
        if (op === 'set') await client.set(path, value);
        else
          await client.get(path, { consistency: op === 'get' ? 'linearizable' : 'serializable' });
      },
      close: () => client.close(),
    };
  }

  async teardown(): Promise<void> {
    if (!this.admin) return;
    try {
      await this.admin.delete(this.dir, { recursive: true });
    } finally {
      await this.admin.close();
      this.admin = undefined;
    }
  }

  async info(): Promise<string> {
    const client = this.admin ?? this.newClient('execute');
    try {
      const status = await client.status();
      const leader = status.members.find((m) => m.id === status.leaderId);
      return `leader ${status.leaderId} (${leader?.address ?? '?'}); SDK endpoint ${status.address}`;
    } catch (error) {
      return `status unavailable: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (client !== this.admin) await client.close();
    }
  }

  private path(key: number): string {
    return `${this.dir}/${keyName(key)}`;
  }

  private newClient(mode: Mode): CoordinationClient {
    return new CoordinationClient({
      endpoints: this.endpoints,
      mode,
      requestTimeoutMs: this.requestTimeoutMs,
      ...this.security,
    });
  }
}
