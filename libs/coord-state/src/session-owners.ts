// Who opened a session, on a cluster that authenticates its callers: an ephemeral node
// /tributary/sessions/<id> holding the principal, owned by the session itself, so it ends with
// the session and travels in snapshots like any node. Session ids are Raft indexes, easy to
// guess; with an owner on record the coordinators refuse another principal's keep-alives,
// close, ephemeral nodes and locks on that session.

import type { Journal } from './journal';
import { type CoordState, createNode, ensureNode } from './node-ops';
import { type Result, fail, ok } from './errors';
import { RESERVED_ROOT } from './paths';

export const SESSION_OWNERS_ROOT = `${RESERVED_ROOT}/sessions`;
export const SESSION_OWNER_BYTES_MAX = 1024;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export const sessionOwnerPath = (sessionId: number) => `${SESSION_OWNERS_ROOT}/${sessionId}`;

export function checkSessionOwner(owner: unknown): Result<void> {
  if (
    typeof owner !== 'string' ||
    owner.length === 0 ||
    utf8.encode(owner).length > SESSION_OWNER_BYTES_MAX
  )
    return fail(
      'INVALID_ARGUMENT',
      `a session owner is a principal of 1–${SESSION_OWNER_BYTES_MAX} bytes`,
    );
  return ok(undefined);
}

/** Records `owner` for the session just opened (same command, same journal). */
export function recordSessionOwner(
  s: CoordState,
  j: Journal,
  sessionId: number,
  owner: string,
): Result<void> {
  for (const path of [RESERVED_ROOT, SESSION_OWNERS_ROOT]) {
    const made = ensureNode(s, j, path, true);
    if (!made.ok) return made;
  }
  const created = createNode(
    s,
    j,
    {
      path: sessionOwnerPath(sessionId),
      data: utf8.encode(owner),
      ephemeral: true,
      sequential: false,
      sessionId,
    },
    true,
  );
  return created.ok ? ok(undefined) : created;
}

/** The principal that opened `sessionId`, or undefined (none on record, or no such session). */
export function sessionOwner(s: CoordState, sessionId: number): string | undefined {
  const node = s.tree.get(sessionOwnerPath(sessionId));
  return node === undefined ? undefined : utf8Decoder.decode(node.data);
}
