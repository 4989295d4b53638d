// The cluster metadata as it rests in the node tree: one JSON node per broker, per topic and per
// partition under /tributary, so `trib kv get /tributary/topics/orders/0` shows what the
// controller decided. JSON is fine here: metadata changes are rare next to data-plane traffic,
// and a person debugging a cluster can read it.

import { assert } from '../assert';
import type { Journal } from '../journal';
import { type CoordState, createNode, ensureNode, setNode } from '../node-ops';
import { RESERVED_ROOT } from '../paths';

export const BROKERS_ROOT = `${RESERVED_ROOT}/brokers`;
export const TOPICS_ROOT = `${RESERVED_ROOT}/topics`;
export const PRODUCER_IDS_PATH = `${RESERVED_ROOT}/producer-ids`;

/** A live broker; its node is ephemeral, owned by the broker's session. */
export interface BrokerRecord {
  brokerId: number;
  address: string;
  rack: string;
  sessionId: number;
  /** Raft index of the registration: a later registration of the same id has a larger one. */
  brokerEpoch: number;
}

export interface TopicRecord {
  name: string;
  /** Distinguishes a re-created topic of the same name (derived from the creating entry). */
  topicId: string;
  replicationFactor: number;
  partitionCount: number;
  /** Overrides only; absent keys take the defaults of topic-config.ts. */
  configs: Record<string, string>;
}

export interface PartitionRecord {
  partition: number;
  /** Broker id of the leader, or -1 when offline. */
  leader: number;
  leaderEpoch: number;
  partitionEpoch: number;
  /** Preferred leader first. */
  replicas: number[];
  /** In-sync replicas, in `replicas` order; the leader among them unless offline. */
  isr: number[];
  /**
   * An ongoing reassignment (both empty when none): `replicas` is then the target set followed
   * by the replicas being removed; the ones being added join the ISR first.
   */
  addingReplicas: number[];
  removingReplicas: number[];
  /** Bytes/s each replica being added copies at most; absent (no limit) once the move ends. */
  throttleBytesPerSec?: number;
}

export const NO_LEADER = -1;

export const brokerPath = (id: number) => `${BROKERS_ROOT}/${id}`;
export const topicPath = (name: string) => `${TOPICS_ROOT}/${name}`;
export const partitionPath = (topic: string, p: number) => `${TOPICS_ROOT}/${topic}/${p}`;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export function encodeRecord(value: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(value));
}

/** Records are written only by the state machine itself, so a parse failure is a bug. */
export function decodeRecord<T>(data: Uint8Array): T {
  return JSON.parse(utf8Decoder.decode(data)) as T;
}

/** The record at `path`, or undefined. */
export function readRecord<T>(s: CoordState, path: string): T | undefined {
  const node = s.tree.get(path);
  return node === undefined ? undefined : decodeRecord<T>(node.data);
}

/** Names of the children of `path` (none if it does not exist). */
export function childNames(s: CoordState, path: string): string[] {
  const node = s.tree.get(path);
  return node === undefined ? [] : s.tree.childNames(node);
}

/**
 * Writes the record at `path`, creating the node (ephemeral, owned by `sessionId`, when one is
 * given) or replacing its data. The parent must exist (see ensurePaths).
 */
export function putRecord(
  s: CoordState,
  j: Journal,
  path: string,
  value: unknown,
  sessionId = 0,
): void {
  const data = encodeRecord(value);
  const r =
    s.tree.get(path) === undefined
      ? createNode(
          s,
          j,
          { path, data, ephemeral: sessionId !== 0, sequential: false, sessionId },
          true,
        )
      : setNode(s, j, { path, data, expectedVersion: -1 }, true);
  assert(r.ok, `metadata write of ${path}: ${r.ok ? '' : r.error.message}`);
}

/** Creates the missing ones of `paths`, parents first, as empty persistent nodes. */
export function ensurePaths(s: CoordState, j: Journal, paths: readonly string[]): void {
  for (const path of paths) assert(ensureNode(s, j, path, true).ok, `metadata root ${path}`);
}

/** The ISR in replica order, without duplicates. */
export function inReplicaOrder(replicas: readonly number[], members: Iterable<number>): number[] {
  const set = new Set(members);
  return replicas.filter((r) => set.has(r));
}
