/**
 * Service discovery on the node tree: an instance of service S is an ephemeral node
 * `<root>/S/<id>` on its session, holding what clients need to reach it (an address, a port,
 * a JSON document). It is listed while its process keeps the session alive and disappears on
 * its own when the process dies (within the session's TTL) — no health checker needed.
 * `watch(S)` is a ConfigMap of `<root>/S`: the live instances and every arrival and departure.
 */
import type { CoordinationClient } from './coordination-client';
import { ConfigMap, type ConfigChange } from './config-map';
import { ignore, ensurePath, joinPath } from './recipe-paths';
import type { Session } from './session';
import type { Data } from './types';

export interface RegisterOptions {
  /** The session the instance lives on. */
  session: Session;
  /** Instance id, `[A-Za-z0-9._:-]+`; default: a sequential `instance-<10 digits>`. */
  id?: string;
  /** What the instance publishes, e.g. `JSON.stringify({ address })`. */
  data?: Data;
}

/** One registered instance, as listed or watched. */
export interface ServiceInstance {
  service: string;
  id: string;
  data: Buffer;
}

/** The registration of this process's instance: `await using` deregisters at scope end. */
export class Registration implements AsyncDisposable {
  private removed: Promise<void> | undefined;

  constructor(
    private readonly client: CoordinationClient,
    readonly service: string,
    readonly id: string,
    /** The instance's node. */
    readonly path: string,
  ) {}

  /** Publishes new data for this instance. */
  async update(data: Data): Promise<void> {
    await this.client.set(this.path, data);
  }

  /** Removes the instance now (rather than at the session's end). Idempotent. */
  deregister(): Promise<void> {
    this.removed ??= this.client.delete(this.path).then(() => undefined, ignore('NO_NODE'));
    return this.removed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.deregister();
  }
}

export class ServiceRegistry {
  constructor(
    private readonly client: CoordinationClient,
    /** Where services live; created (with its ancestors) on the first registration. */
    readonly root = '/services',
  ) {}

  /** Registers an instance of `service`; NODE_EXISTS if a live instance has the same id. */
  async register(service: string, options: RegisterOptions): Promise<Registration> {
    const dir = joinPath(this.root, service);
    await ensurePath(this.client, dir);
    const { session, id, data } = options;
    const created = await this.client.create(joinPath(dir, id ?? 'instance-'), data, {
      ephemeral: true,
      sequential: id === undefined,
      session,
    });
    const name = created.path.slice(dir.length + 1);
    return new Registration(this.client, service, name, created.path);
  }

  /** The live instances of `service`, sorted by id; none if it never had one. */
  async instances(service: string): Promise<ServiceInstance[]> {
    const dir = joinPath(this.root, service);
    const listed = await this.client.list(dir).catch(ignore('NO_NODE'));
    const got = await Promise.all(
      (listed?.children ?? []).map(async (id) => {
        const node = await this.client.get(joinPath(dir, id)).catch(ignore('NO_NODE'));
        return node && { service, id, data: node.data };
      }),
    );
    return got.filter((i): i is ServiceInstance => i !== undefined);
  }

  /** Watches the instances of `service`: 'change' events per instance up, updated or down. */
  async watch(service: string): Promise<ServiceWatch> {
    const dir = joinPath(this.root, service);
    await ensurePath(this.client, dir);
    return new ServiceWatch(service, await ConfigMap.open(this.client, dir));
  }
}

/** The live instances of one service, kept current; 'change' events as ConfigMap's. */
export class ServiceWatch {
  constructor(
    readonly service: string,
    private readonly map: ConfigMap,
  ) {}

  instances(): ServiceInstance[] {
    return this.map.entries().map(([id, data]) => ({ service: this.service, id, data }));
  }

  /** `change.key` is the instance id; 'created' = up, 'deleted' = down. */
  on(event: 'change', listener: (change: ConfigChange) => void): this {
    this.map.on(event, listener);
    return this;
  }

  off(event: 'change', listener: (change: ConfigChange) => void): this {
    this.map.off(event, listener);
    return this;
  }

  close(): void {
    this.map.close();
  }
}
