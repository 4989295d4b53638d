/**
 * The ACL list of one WatchMetadata stream (metadata.proto, WatchMetadataResponse.acls): the
 * complete list goes out in every message whose revision changed it, and in every snapshot.
 * Events carry only what changed (a DELETED event has no data), so the stream keeps the list as
 * of the last revision it sent, keyed by node path, and applies each revision's events to it.
 *
 * That list must start at the stream's start revision. A snapshot starts it at the member's
 * revision; a resumed stream can start it from the current state only when no ACL event lies
 * between its start revision and now (aclsChangedSince): otherwise it begins with a snapshot.
 */
import {
  ACLS_ROOT,
  type AclEntry,
  type CoordStateMachine,
  type WatchEvent,
  decodeRecord,
} from '@tributary/coord-state';
import { aclToWire } from '@tributary/rpc';
import type { AclSet } from '@tributary/rpc/src/generated/tributary/coord/v1/AclSet';

const ACLS_PREFIX = `${ACLS_ROOT}/`;

export class AclView {
  private readonly byPath = new Map<string, AclEntry>();

  /** The entries of `sm` now, read from their nodes. */
  static of(sm: CoordStateMachine): AclView {
    const view = new AclView();
    const ls = sm.list(ACLS_ROOT);
    for (const child of ls.ok ? ls.value.children : []) {
      const path = ACLS_PREFIX + child;
      const node = sm.get(path);
      if (node.ok) view.byPath.set(path, decodeRecord<AclEntry>(node.value.data));
    }
    return view;
  }

  /**
   * Applies one revision's events; returns the complete list when they changed it. New nodes
   * have larger sequence numbers, so the map's insertion order stays the order added.
   */
  apply(events: readonly WatchEvent[]): AclSet | undefined {
    let changed = false;
    for (const e of events) {
      if (!e.path.startsWith(ACLS_PREFIX)) continue;
      changed = true;
      if (e.type === 'DELETED') this.byPath.delete(e.path);
      else this.byPath.set(e.path, decodeRecord<AclEntry>(e.data));
    }
    return changed ? this.wire() : undefined;
  }

  wire(): AclSet {
    return { entries: [...this.byPath.values()].map(aclToWire) };
  }
}

/** Whether an ACL changed after revision `from` (or that history is gone). */
export function aclsChangedSince(sm: CoordStateMachine, from: number): boolean {
  if (from >= sm.revision) return false;
  const page = sm.eventsSince(from, { path: ACLS_ROOT, prefix: true }, 1);
  return !page.ok || page.value.events.length > 0;
}
