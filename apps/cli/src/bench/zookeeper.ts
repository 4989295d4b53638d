/**
 * ZooKeeper under test through `node-zookeeper-client`: one session per cell shared by all
 * workers (ZooKeeper pipelines a session's requests on its one TCP connection, to one server).
 * set = setData (a quorum write); get = getData, answered from the connected server's local
 * state: a "local read", not linearizable (ZooKeeper needs sync() first for that).
 * Znodes are `/bench-<run>/k000000`.
 */
import * as zookeeper from 'node-zookeeper-client';
import {
  forEachLimited,
  keyName,
  runName,
  type BenchOp,
  type BenchSystem,
  type Connection,
} from './system';

const SETUP_PARALLEL = 64;
const CONNECT_TIMEOUT_MS = 15_000;
const SESSION_TIMEOUT_MS = 30_000;

export class ZooKeeperSystem implements BenchSystem {
  readonly name = 'zookeeper';
  readonly modes = ['session'];
  readonly ops: readonly BenchOp[] = ['set', 'get'];
  private readonly dir = `/${runName()}`;
  private value: Buffer = Buffer.alloc(0);
  private admin: zookeeper.Client | undefined;

  constructor(private readonly endpoints: string[]) {}

  describe(op: BenchOp): string {
    return op === 'set' ? 'setData' : 'getData (local read)';
  }

  async setup(keys: number, value: Buffer): Promise<void> {
    this.value = value;
    const admin = await this.newClient();
    this.admin = admin;
    await promise<string>((cb) => admin.create(this.dir, null, cb));
    await forEachLimited(keys, SETUP_PARALLEL, async (k) => {
      await promise<string>((cb) => admin.create(this.path(k), value, cb));
    });
  }

  async connect(): Promise<Connection> {
    const client = await this.newClient();
    const value = this.value;
    return {
      run: async (op, key) => {
        const path = this.path(key);
        if (op === 'set') await promise((cb) => client.setData(path, value, -1, cb));
        else if (op === 'get') await promise((cb) => client.getData(path, cb));
        else throw new Error(`ZooKeeper has no ${op} in this benchmark`);
      },
      close: async () => client.close(),
    };
  }

  async teardown(): Promise<void> {
    const admin = this.admin;
    if (!admin) return;
    try {
      await promise<void>((cb) => admin.removeRecursive(this.dir, -1, (e) => cb(e, undefined)));
    } finally {
      admin.close();
      this.admin = undefined;
    }
  }

  async info(): Promise<string> {
    return `servers ${this.endpoints.join(',')} (a session talks to one of them)`;
  }

  private path(key: number): string {
    return `${this.dir}/${keyName(key)}`;
  }

  private newClient(): Promise<zookeeper.Client> {
    const client = zookeeper.createClient(this.endpoints.join(','), {
      sessionTimeout: SESSION_TIMEOUT_MS,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        client.close();
        reject(
          new Error(
            `ZooKeeper ${this.endpoints.join(',')} did not connect within ${CONNECT_TIMEOUT_MS} ms`,
          ),
        );
      }, CONNECT_TIMEOUT_MS);
      client.once('connected', () => {
        clearTimeout(timer);
        resolve(client);
      });
      client.connect();
    });
  }
}

function promise<T>(
  start: (cb: (error: Error | null | undefined, value: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) =>
    start((error, value) => (error ? reject(error) : resolve(value))),
  );
}
