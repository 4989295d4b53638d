/**
 * A subtree of the node tree kept as a live map (configuration management, ZooKeeper's first
 * recipe): every node below `root`, keyed by its path relative to `root` ("db/url"), with its
 * data. `ConfigMap.open` reads the subtree and watches it; 'change' events follow every
 * create, update and delete after that, and `get`/`entries` always show the latest state seen.
 *
 * The read is many calls at different revisions, so the watch starts from the revision of the
 * first one: everything after it is replayed, and an event is applied only if it is newer than
 * what a read already found for that key (its mod_revision). The map is then exact once the
 * replay has passed the reads.
 */
import { EventEmitter } from 'node:events';
import type { CoordinationClient } from './coordination-client';
import { CoordinationError, fromCallError } from './errors';
import { ignore, joinPath, relativePath } from './recipe-paths';
import type { EventType } from './types';
import type { Watch } from './watch';

/** One change to a ConfigMap. */
export interface ConfigChange {
  type: EventType;
  /** Path relative to the map's root. */
  key: string;
  /** Data after the change; undefined for 'deleted'. */
  value: Buffer | undefined;
  revision: number;
}

export interface ConfigEntry {
  value: Buffer;
  /** Revision of the node's last change. */
  modRevision: number;
}

export class ConfigMap extends EventEmitter<{
  change: [ConfigChange];
  failed: [CoordinationError];
}> {
  private readonly map = new Map<string, ConfigEntry>();
  private watch: Watch | undefined;
  private failure: CoordinationError | undefined;

  private constructor(
    private readonly client: CoordinationClient,
    readonly root: string,
  ) {
    super();
  }

  /** Reads the subtree below `root` (which must exist) and starts watching it. */
  static async open(client: CoordinationClient, root: string): Promise<ConfigMap> {
    const config = new ConfigMap(client, root);
    const listed = await client.list(root);
    config.watch = client.watch(root, { prefix: true, startRevision: listed.header.revision });
    try {
      await Promise.all(listed.children.map((name) => config.read(joinPath(root, name))));
    } catch (error) {
      config.close();
      throw error;
    }
    void config.follow(config.watch);
    return config;
  }

  /** The value of `key` (relative to the root), if the node exists. */
  get(key: string): Buffer | undefined {
    return this.map.get(key)?.value;
  }

  /** Every key and value, keys sorted. */
  entries(): Array<[string, Buffer]> {
    return [...this.map.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, entry.value]);
  }

  /** The watch's resume point: every change up to it is in the map. */
  get revision(): number {
    return this.watch?.revision ?? 0;
  }

  /** Set when the watch failed for good (then also emitted as 'failed'); the map stops there. */
  get error(): CoordinationError | undefined {
    return this.failure;
  }

  close(): void {
    this.watch?.close();
  }

  /** Reads one node and its descendants into the map (a node gone meanwhile is skipped). */
  private async read(path: string): Promise<void> {
    const [got, listed] = await Promise.all([
      this.client.get(path).catch(ignore('NO_NODE')),
      this.client.list(path).catch(ignore('NO_NODE')),
    ]);
    const key = relativePath(this.root, path)!;
    if (got && (this.map.get(key)?.modRevision ?? 0) < got.stat.modRevision) {
      this.map.set(key, { value: got.data, modRevision: got.stat.modRevision });
    }
    await Promise.all((listed?.children ?? []).map((name) => this.read(joinPath(path, name))));
  }

  private async follow(watch: Watch): Promise<void> {
    try {
      for await (const event of watch) {
        const key = relativePath(this.root, event.path);
        if (key === undefined) continue; // the root itself
        const entry = this.map.get(key);
        if (entry && entry.modRevision >= event.revision) continue; // a read saw it already
        if (event.type === 'deleted') {
          if (!this.map.delete(key)) continue; // created and deleted before the read
        } else this.map.set(key, { value: event.data, modRevision: event.revision });
        const value = event.type === 'deleted' ? undefined : event.data;
        this.emit('change', { type: event.type, key, value, revision: event.revision });
      }
    } catch (error) {
      this.failure = fromCallError(error);
      this.emit('failed', this.failure);
    }
  }
}
