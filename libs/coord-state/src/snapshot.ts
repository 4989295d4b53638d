// Exact snapshots of the replicated state as plain data (arrays, numbers, strings, booleans,
// Uint8Arrays) that the shell serializes as it likes (e.g. v8.serialize) and checksums.
// Exact means restoring gives the same state AND the same future behaviour: revision, applied
// index, every node's counters (cversion drives sequential names), sessions, lock queues with their last fencing tokens,
// the watch history with its compaction point, and the options that bound it.
//
// Nodes are listed parents first with siblings sorted; numChildren and each session's
// ephemeral set are derived on load. The snapshot shares immutable data arrays and events with
// the live state; neither side mutates them, so it stays valid while apply continues.

import { assert } from './assert';
import type { CoordOptions } from './options';
import type { CoordState } from './node-ops';
import { TreeNode, type TreeView } from './node-tree';
import type { WatchEvent, WatchHistory, WatchHistorySnapshot } from './watch-history';

export const SNAPSHOT_FORMAT = 1;

export interface NodeRecord {
  path: string;
  data: Uint8Array;
  version: number;
  cversion: number;
  createRevision: number;
  modRevision: number;
  ephemeralOwner: number;
}

export interface SessionRecord {
  id: number;
  ttlMs: number;
}

export interface LockRecord {
  name: string;
  /** Queue order; keys[0] holds the lock. */
  keys: string[];
  lastToken: number;
}

export interface CoordSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  options: CoordOptions;
  appliedIndex: number;
  revision: number;
  nodes: NodeRecord[];
  sessions: SessionRecord[];
  locks: LockRecord[];
  history: WatchHistorySnapshot;
}

export function captureState(
  s: CoordState,
  history: WatchHistory,
  meta: { options: CoordOptions; appliedIndex: number; revision: number },
): CoordSnapshot {
  const nodes: NodeRecord[] = [];
  for (const [path, n] of s.tree.preOrder()) {
    nodes.push({
      path,
      data: n.data,
      version: n.version,
      cversion: n.cversion,
      createRevision: n.createRevision,
      modRevision: n.modRevision,
      ephemeralOwner: n.ephemeralOwner,
    });
  }
  assert(nodes.length === s.tree.size, 'the snapshot holds every node');
  const locks: LockRecord[] = s.locks.names().map((name) => {
    const q = s.locks.queue(name)!;
    return { name, keys: q.keys.slice(), lastToken: q.lastToken };
  });
  return {
    format: SNAPSHOT_FORMAT,
    options: { ...meta.options },
    appliedIndex: meta.appliedIndex,
    revision: meta.revision,
    nodes,
    sessions: s.sessions.all().map((x) => ({ id: x.id, ttlMs: x.ttlMs })),
    locks,
    history: history.toSnapshot(),
  };
}

/** Loads a snapshot into empty state (the tree holds only its root). */
export function loadState(s: CoordState, history: WatchHistory, snap: CoordSnapshot): void {
  assert(snap.format === SNAPSHOT_FORMAT, `snapshot format ${snap.format} is supported`);
  assert(s.tree.size === 1 && s.sessions.size === 0, 'load into empty state');
  for (const r of snap.sessions) s.sessions.load(r.id, r.ttlMs);
  for (const r of snap.nodes) {
    const n = new TreeNode(r.data, r.createRevision, r.ephemeralOwner);
    n.version = r.version;
    n.cversion = r.cversion;
    n.modRevision = r.modRevision;
    s.tree.load(r.path, n);
    if (r.ephemeralOwner !== 0) {
      const session = s.sessions.get(r.ephemeralOwner);
      assert(session !== undefined, 'ephemeral owners in a snapshot are live sessions');
      session.ephemerals.add(r.path);
    }
  }
  for (const r of snap.locks) {
    for (const key of r.keys) {
      assert(s.tree.get(key)?.ephemeralOwner !== 0, 'lock keys in a snapshot are ephemeral nodes');
    }
    s.locks.load(r.name, r.keys, r.lastToken);
  }
  history.load(snap.history, snap.revision);
}

/**
 * A point-in-time view for the snapshot image (snapshot-image.ts), taken in one synchronous
 * step and immune to later applies. The tree is a copy-on-write TreeView (O(1) to open); the
 * watch history is a range of its append-only event array (O(1)); sessions and lock queues are
 * copied (O(sessions + lock keys)); node data arrays and events are shared, never mutated.
 */
export interface SnapshotView {
  readonly options: CoordOptions;
  readonly appliedIndex: number;
  readonly revision: number;
  readonly compactRevision: number;
  readonly tree: TreeView;
  /** Per session: id, ttlMs. */
  readonly sessions: Float64Array;
  readonly locks: LockRecord[];
  /** The history's events are events[eventsStart, eventsEnd). */
  readonly events: readonly WatchEvent[];
  readonly eventsStart: number;
  readonly eventsEnd: number;
}

export function captureView(
  s: CoordState,
  history: WatchHistory,
  meta: { options: CoordOptions; appliedIndex: number; revision: number },
): SnapshotView {
  const sessions = new Float64Array(s.sessions.size * 2);
  let j = 0;
  for (const x of s.sessions.values()) {
    sessions[j++] = x.id;
    sessions[j++] = x.ttlMs;
  }
  const locks: LockRecord[] = [];
  for (const [name, q] of s.locks.entries()) {
    locks.push({ name, keys: q.keys.slice(), lastToken: q.lastToken });
  }
  const h = history.view();
  return {
    options: { ...meta.options },
    appliedIndex: meta.appliedIndex,
    revision: meta.revision,
    compactRevision: h.compactRevision,
    tree: s.tree.openView(),
    sessions,
    locks,
    events: h.events,
    eventsStart: h.start,
    eventsEnd: h.end,
  };
}
