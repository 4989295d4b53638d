// The authorization decision (DESIGN §7), in Kafka's rules: super-users may do anything; any
// matching DENY wins over any ALLOW; otherwise a matching ALLOW allows; otherwise the request
// is denied (default deny). An entry's operation 'all' matches every operation, and an ALLOW
// of read, write, delete or alter also allows describe (a DENY denies only its own operation,
// or every one for 'all').
//
// Called on every RPC: one pass over the entries, string compares only, no allocation until
// the decision's reason is written. A few hundred entries cost microseconds.

import { assert } from '../assert';
import { isUnder } from '../paths';
import {
  ACL_OPERATIONS,
  ANY_NAME,
  ANY_PRINCIPAL,
  type AclEntry,
  type AclOperation,
  type AclRequestOperation,
  type AclResourceType,
  formatAcl,
} from './acl-entry';

export interface AclRequest {
  /** The caller's principal; '' for an unauthenticated caller, whom no entry matches. */
  principal: string;
  resourceType: AclResourceType;
  /** The topic or group name, or the node path; 'cluster' for the cluster (not compared). */
  name: string;
  operation: AclRequestOperation;
}

export interface AclDecision {
  allowed: boolean;
  /** Which entry decided, or that none matched: for PERMISSION_DENIED messages and logs. */
  reason: string;
}

/** The operations whose ALLOW also allows describe (Kafka's implied DESCRIBE). */
const IMPLY_DESCRIBE: ReadonlySet<AclOperation> = new Set(['read', 'write', 'delete', 'alter']);
const REQUEST_OPERATIONS: ReadonlySet<string> = new Set(ACL_OPERATIONS.filter((o) => o !== 'all'));

function principalMatches(entry: string, principal: string): boolean {
  return entry === ANY_PRINCIPAL ? principal.length > 0 : entry === principal;
}

/** Whether `e` covers the resource `name` of its own resource type. */
export function aclCovers(e: AclEntry, name: string): boolean {
  // There is one cluster: its entries cover it whatever name the request gives.
  if (e.resourceType === 'cluster') return true;
  if (e.resourceType === 'path')
    return e.patternType === 'prefix' ? isUnder(name, e.name) : name === e.name;
  if (e.patternType === 'prefix') return name.startsWith(e.name);
  return name === e.name || e.name === ANY_NAME;
}

function allowsOperation(entry: AclOperation, op: AclRequestOperation): boolean {
  return entry === 'all' || entry === op || (op === 'describe' && IMPLY_DESCRIBE.has(entry));
}

function what(r: AclRequest): string {
  const who = r.principal.length > 0 ? `'${r.principal}'` : 'an unauthenticated caller';
  const on = r.resourceType === 'cluster' ? 'the cluster' : `${r.resourceType} '${r.name}'`;
  return `${who} to ${r.operation} ${on}`;
}

/** Decides `request` against `acls` (see the file header). Pure; O(entries). */
export function authorize(
  acls: readonly AclEntry[],
  request: AclRequest,
  superUsers: ReadonlySet<string>,
): AclDecision {
  const { principal, resourceType, name, operation } = request;
  assert(REQUEST_OPERATIONS.has(operation), `a request's operation is one operation, not 'all'`);
  if (principal.length > 0 && superUsers.has(principal))
    return { allowed: true, reason: `'${principal}' is a super-user` };
  let allow: AclEntry | undefined;
  for (const e of acls) {
    if (e.resourceType !== resourceType || !principalMatches(e.principal, principal)) continue;
    if (e.permission === 'deny') {
      if ((e.operation === 'all' || e.operation === operation) && aclCovers(e, name))
        return { allowed: false, reason: `denied by ACL (${formatAcl(e)})` };
    } else if (allow === undefined && allowsOperation(e.operation, operation) && aclCovers(e, name))
      allow = e;
  }
  if (allow !== undefined) return { allowed: true, reason: `allowed by ACL (${formatAcl(allow)})` };
  return { allowed: false, reason: `no ACL allows ${what(request)} (denied by default)` };
}
