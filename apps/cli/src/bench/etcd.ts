/**
 * etcd under test through the `etcd3` Node client with its defaults (one gRPC channel per
 * member, each call sent to a member picked by the client): put, and range reads that are
 * linearizable (etcd's default) or serializable. One `Etcd3` per cell shared by all workers.
 * Keys are `bench/<run>/k000000`.
 */
import { Etcd3 } from 'etcd3';
import {
  forEachLimited,
  keyName,
  runName,
  type BenchOp,
  type BenchSystem,
  type Connection,
} from './system';

const SETUP_PARALLEL = 64;

export class EtcdSystem implements BenchSystem {
  readonly name = 'etcd';
  readonly modes = ['grpc'];
  readonly ops: readonly BenchOp[] = ['set', 'get', 'sget'];
  private readonly prefix = `bench/${runName()}/`;
  private value: Buffer = Buffer.alloc(0);
  private admin: Etcd3 | undefined;

  constructor(private readonly endpoints: string[]) {}

  describe(op: BenchOp): string {
    return { set: 'put', get: 'get (linearizable)', sget: 'get (serializable)' }[op];
  }

  async setup(keys: number, value: Buffer): Promise<void> {
    this.value = value;
    const admin = this.newClient();
    this.admin = admin;
    await forEachLimited(keys, SETUP_PARALLEL, async (k) => {
      await admin.put(this.key(k)).value(value).exec();
    });
  }

  async connect(): Promise<Connection> {
    const client = this.newClient();
    const value = this.value;
    return {
      run: async (op, key) => {
        if (op === 'set') await client.put(this.key(key)).value(value).exec();
        else
          await client
            .get(this.key(key))
            .serializable(op === 'sget')
            .exec();
      },
      close: async () => client.close(),
    };
  }

  async teardown(): Promise<void> {
    if (!this.admin) return;
    try {
      await this.admin.delete().prefix(this.prefix).exec();
    } finally {
      this.admin.close();
      this.admin = undefined;
    }
  }

  async info(): Promise<string> {
    const client = this.admin ?? this.newClient();
    try {
      const status = await client.maintenance.status();
      const members = await client.cluster.memberList({});
      const leader = members.members.find((m) => m.ID === status.leader);
      return `leader ${leader?.name ?? status.leader} (etcd ${status.version}); client endpoints ${this.endpoints.join(',')}`;
    } catch (error) {
      return `status unavailable: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (client !== this.admin) client.close();
    }
  }

  private key(key: number): string {
    return `${this.prefix}${keyName(key)}`;
  }

  private newClient(): Etcd3 {
    return new Etcd3({ hosts: this.endpoints.map((e) => `http://${e}`) });
  }
}
