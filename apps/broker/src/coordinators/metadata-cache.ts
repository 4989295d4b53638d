/**
 * The broker's view of the cluster metadata, built only from WatchMetadata messages: live
 * brokers by id and topics with their partitions. Applying the messages of one stream in order
 * yields the coordinators' metadata as of `revision` (metadata.proto, WatchMetadataResponse).
 * Each applied message reports the complete state of every topic it touched, which is what
 * ReplicaManager.applyMetadata wants. The ACL entries come whole in a message that changes them
 * (and in every snapshot); `acls()` is the same frozen array until they change.
 */
import type { AclEntry } from '@tributary/coord-state';
import { aclFromWire } from '@tributary/rpc';
import type { BrokerInfo__Output as BrokerInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/BrokerInfo';
import type { TopicInfo__Output as TopicInfo } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import type { WatchMetadataResponse__Output as WatchMetadataResponse } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchMetadataResponse';

export interface MetadataChange {
  /** Complete state of every topic created or changed by the message. */
  changed: TopicInfo[];
  /** Topics gone (deleted, or absent from a snapshot). */
  deleted: string[];
  /** Whether the live brokers changed. */
  brokersChanged: boolean;
  /** Whether the ACL entries changed (were sent: the list may be the same as before). */
  aclsChanged: boolean;
}

export class MetadataCache {
  /** Revision of the last applied message; 0 before the first snapshot. */
  revision = 0;
  /** A snapshot has been applied: the view is complete. */
  complete = false;
  private readonly brokerMap = new Map<number, BrokerInfo>();
  private readonly topicMap = new Map<string, TopicInfo>();
  private aclList: readonly AclEntry[] = Object.freeze([]);

  apply(m: WatchMetadataResponse): MetadataChange {
    const revision = Number(m.header?.revision ?? 0);
    // A stream resumed from `revision` never goes back; an older message is a protocol error.
    if (revision < this.revision)
      throw new Error(`metadata revision went back from ${this.revision} to ${revision}`);
    const touched = new Set<string>();
    const deleted: string[] = [];
    let brokersChanged = m.brokers.length > 0 || m.removed_broker_ids.length > 0;
    if (m.snapshot) {
      const names = new Set(m.topics.map((t) => t.name));
      for (const name of this.topicMap.keys()) if (!names.has(name)) deleted.push(name);
      this.topicMap.clear();
      brokersChanged = brokersChanged || this.brokerMap.size > 0;
      this.brokerMap.clear();
    }
    for (const b of m.brokers) this.brokerMap.set(b.broker_id, b);
    for (const id of m.removed_broker_ids) this.brokerMap.delete(id);
    for (const t of m.topics) {
      const old = this.topicMap.get(t.name);
      // A delta lists only the partitions that changed; a new topic_id is a re-created topic.
      const partitions =
        old && old.topic_id === t.topic_id && !m.snapshot ? [...old.partitions] : [];
      for (const p of t.partitions) partitions[p.partition] = p;
      this.topicMap.set(t.name, { ...t, partitions: partitions.filter(Boolean) });
      touched.add(t.name);
    }
    for (const u of m.partitions) {
      const t = this.topicMap.get(u.topic);
      if (!t || !u.partition) continue;
      const partitions = [...t.partitions];
      partitions[u.partition.partition] = u.partition;
      this.topicMap.set(u.topic, { ...t, partitions: partitions.filter(Boolean) });
      touched.add(u.topic);
    }
    for (const name of m.deleted_topics) {
      if (this.topicMap.delete(name) || touched.has(name)) deleted.push(name);
      touched.delete(name);
    }
    // A snapshot always carries the list; one from an older coordinator without it means none.
    const aclsChanged = m.acls !== null || m.snapshot;
    if (aclsChanged)
      this.aclList = Object.freeze(
        (m.acls?.entries ?? []).map((e) => Object.freeze(aclFromWire(e))),
      );
    this.revision = revision;
    if (m.snapshot) this.complete = true;
    const changed = [...touched].map((name) => this.topicMap.get(name)!);
    return { changed, deleted, brokersChanged, aclsChanged };
  }

  /** The cluster's ACL entries, in the order added, as of `revision`. */
  acls(): readonly AclEntry[] {
    return this.aclList;
  }

  /** Live brokers ordered by id. */
  brokers(): BrokerInfo[] {
    return [...this.brokerMap.values()].sort((a, b) => a.broker_id - b.broker_id);
  }

  broker(id: number): BrokerInfo | undefined {
    return this.brokerMap.get(id);
  }

  topic(name: string): TopicInfo | undefined {
    return this.topicMap.get(name);
  }

  /** Every topic, sorted by name. */
  topics(): TopicInfo[] {
    return [...this.topicMap.keys()].sort().map((name) => this.topicMap.get(name)!);
  }
}
