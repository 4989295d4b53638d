// ACL entries as they rest in the node tree: one persistent JSON node per entry,
// /tributary/acls/acl-<10-digit sequence>, so `trib kv ls /tributary/acls` and `trib kv get`
// show them, snapshots carry them like any node, and the order of the sequence numbers is the
// order the entries were added in. Entries are never changed in place: add-acls creates nodes,
// remove-acls deletes them, each one Raft entry and one revision however many entries it
// touches. Only the state machine writes here (/tributary is read-only to plain clients).

import { assert } from '../assert';
import { type Result, fail, failed, ok } from '../errors';
import type { Journal } from '../journal';
import { type CoordState, createNode, removeNode } from '../node-ops';
import { RESERVED_ROOT } from '../paths';
import { childNames, decodeRecord, encodeRecord, ensurePaths } from '../metadata/records';
import {
  type AclEntry,
  type AclFilter,
  aclKey,
  aclMatchesFilter,
  normalizeAcl,
  validateAcl,
  validateAclFilter,
} from './acl-entry';

export const ACLS_ROOT = `${RESERVED_ROOT}/acls`;
const NODE_PREFIX = `${ACLS_ROOT}/acl-`;
/** Most entries the cluster holds. */
export const ACLS_MAX = 10_000;
/** Most entries (or filters) one add-acls (remove-acls) command carries. */
export const ACL_ENTRIES_PER_COMMAND_MAX = 1_000;

/** An entry with its node path and identity key. */
export interface StoredAcl {
  readonly path: string;
  readonly key: string;
  readonly entry: AclEntry;
}

/** Every stored entry, in the order added. O(entries) with a JSON parse each: cache it. */
export function readAcls(s: CoordState): StoredAcl[] {
  return childNames(s, ACLS_ROOT).map((name) => {
    const path = `${ACLS_ROOT}/${name}`;
    const entry = normalizeAcl(decodeRecord<AclEntry>(s.tree.get(path)!.data));
    return { path, key: aclKey(entry), entry };
  });
}

function checkList(list: unknown, what: 'entries' | 'filters'): Result<unknown[]> {
  const one = what === 'entries' ? 'entry' : 'filter (an empty one matches every entry)';
  if (!Array.isArray(list)) return fail('INVALID_ARGUMENT', `ACL ${what} must be a list`);
  if (list.length === 0) return fail('INVALID_ARGUMENT', `give at least one ACL ${one}`);
  if (list.length > ACL_ENTRIES_PER_COMMAND_MAX)
    return fail(
      'INVALID_ARGUMENT',
      `${list.length} ACL ${what} in one call; at most ${ACL_ENTRIES_PER_COMMAND_MAX}`,
    );
  return ok(list);
}

/**
 * Adds the entries not stored yet (an identical entry is a no-op, so a retried add is
 * harmless); all are validated first, and one bad entry refuses the whole command.
 * `current` is the state's entries before this command.
 */
export function addAcls(
  s: CoordState,
  j: Journal,
  current: readonly StoredAcl[],
  entries: unknown,
): Result<{ added: number }> {
  const list = checkList(entries, 'entries');
  if (!list.ok) return list;
  for (const [k, e] of list.value.entries()) {
    const why = validateAcl(e);
    if (why)
      return fail(why.reason, list.value.length > 1 ? `entry ${k}: ${why.message}` : why.message);
  }
  const keys = new Set(current.map((a) => a.key));
  const fresh: AclEntry[] = [];
  for (const e of list.value as AclEntry[]) {
    const entry = normalizeAcl(e);
    const key = aclKey(entry);
    if (keys.has(key)) continue;
    keys.add(key);
    fresh.push(entry);
  }
  if (current.length + fresh.length > ACLS_MAX)
    return fail(
      'LIMIT_EXCEEDED',
      `the cluster holds ${current.length} ACL entries; ${fresh.length} more would pass the limit of ${ACLS_MAX}`,
    );
  if (fresh.length === 0) return ok({ added: 0 });
  ensurePaths(s, j, [RESERVED_ROOT, ACLS_ROOT]);
  for (const entry of fresh) {
    const r = createNode(
      s,
      j,
      {
        path: NODE_PREFIX,
        data: encodeRecord(entry),
        ephemeral: false,
        sequential: true,
        sessionId: 0,
      },
      true,
    );
    if (!r.ok) return failed(r.error); // LIMIT_EXCEEDED of the tree: the journal rolls back
  }
  return ok({ added: fresh.length });
}

/** Removes every stored entry matching any of the filters; returns them, in the order added. */
export function removeAcls(
  s: CoordState,
  j: Journal,
  current: readonly StoredAcl[],
  filters: unknown,
): Result<{ removed: AclEntry[] }> {
  const list = checkList(filters, 'filters');
  if (!list.ok) return list;
  for (const [k, f] of list.value.entries()) {
    const why = validateAclFilter(f);
    if (why)
      return fail(why.reason, list.value.length > 1 ? `filter ${k}: ${why.message}` : why.message);
  }
  const fs = list.value as AclFilter[];
  const removed: AclEntry[] = [];
  for (const a of current) {
    if (!fs.some((f) => aclMatchesFilter(a.entry, f))) continue;
    removeNode(s, j, a.path);
    removed.push(a.entry);
  }
  return ok({ removed });
}

/** The stored entries' invariants, and that `cached` (when given) equals them. */
export function checkAclInvariants(s: CoordState, cached?: readonly StoredAcl[]): void {
  const stored = readAcls(s);
  const keys = new Set<string>();
  for (const a of stored) {
    assert(a.path.startsWith(NODE_PREFIX), `ACL node '${a.path}' is named acl-<sequence>`);
    assert(validateAcl(a.entry) === undefined, `ACL node '${a.path}' holds a valid entry`);
    assert(!keys.has(a.key), `ACL node '${a.path}' is not a duplicate`);
    assert(s.tree.get(a.path)!.ephemeralOwner === 0, `ACL node '${a.path}' is persistent`);
    keys.add(a.key);
  }
  assert(stored.length <= ACLS_MAX, 'ACL entries are within their limit');
  if (cached !== undefined)
    assert(
      cached.length === stored.length && cached.every((a, k) => a.key === stored[k]!.key),
      'the cached ACL entries are the stored ones',
    );
}
