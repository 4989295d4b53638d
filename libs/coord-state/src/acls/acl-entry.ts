// Access control entries (DESIGN §7): who (principal) may or may not (permission) do what
// (operation) to which resources (resource type, pattern type and name). Kafka's model, with
// node-tree paths as a fourth resource type.
//
// Names by resource type:
//   topic, group  a topic or group name ([A-Za-z0-9._-]{1,249}); literal '*' names every one
//                 (Kafka's wildcard); a prefix entry covers every name starting with it
//   path          a node-tree path (DESIGN §3); literal covers that node, prefix covers it and
//                 every node below it by whole segments ('/app' covers '/app' and '/app/x', not
//                 '/apple'; '/' covers the tree)
//   cluster       always 'cluster', literal
// Principal '*' is any authenticated principal (never an unauthenticated caller).

import { type CoordError, coordError } from '../errors';
import { checkPath } from '../paths';

export const ACL_RESOURCE_TYPES = ['topic', 'group', 'path', 'cluster'] as const;
export const ACL_PATTERN_TYPES = ['literal', 'prefix'] as const;
export const ACL_OPERATIONS = [
  'read',
  'write',
  'create',
  'delete',
  'describe',
  'alter',
  'all',
] as const;
export const ACL_PERMISSIONS = ['allow', 'deny'] as const;

export type AclResourceType = (typeof ACL_RESOURCE_TYPES)[number];
export type AclPatternType = (typeof ACL_PATTERN_TYPES)[number];
export type AclOperation = (typeof ACL_OPERATIONS)[number];
/** What a request does: one operation, never 'all'. */
export type AclRequestOperation = Exclude<AclOperation, 'all'>;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

export interface AclEntry {
  /** A principal (certificate URI SAN or CN, token subject); '*' = any authenticated one. */
  principal: string;
  resourceType: AclResourceType;
  patternType: AclPatternType;
  /** Topic or group name (or prefix, or literal '*'), node path, or 'cluster'. */
  name: string;
  /** 'all' matches every operation. */
  operation: AclOperation;
  permission: AclPermission;
}

/** Selects entries by equality of the fields it sets; an unset field matches anything. */
export type AclFilter = Partial<AclEntry>;

/** The principal of an entry that matches every authenticated principal. */
export const ANY_PRINCIPAL = '*';
/** The name of the one cluster resource. */
export const CLUSTER_RESOURCE_NAME = 'cluster';
/** A literal topic or group name matching every topic or group. */
export const ANY_NAME = '*';
export const ACL_PRINCIPAL_BYTES_MAX = 1024;

const NAME_CHARS = /^[A-Za-z0-9._-]{1,249}$/;
// Control characters have no place in a principal and would garble logs and tables.
const CONTROL = /[\u0000-\u001f\u007f]/;

const FIELDS = ['principal', 'resourceType', 'patternType', 'name', 'operation', 'permission'];

const bad = (message: string): CoordError => coordError('INVALID_ARGUMENT', message);

const shown = (v: unknown): string =>
  typeof v === 'string' ? `'${v.length > 80 ? v.slice(0, 77) + '...' : v}'` : String(v);

function checkEnum(
  value: unknown,
  what: string,
  allowed: readonly string[],
): CoordError | undefined {
  if (value === undefined || value === '')
    return bad(
      `an ACL needs ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}: one of ${allowed.join(', ')}`,
    );
  if (typeof value !== 'string' || !allowed.includes(value))
    return bad(`ACL ${what} ${shown(value)} is unknown; it is one of ${allowed.join(', ')}`);
  return undefined;
}

function checkPrincipal(p: unknown): CoordError | undefined {
  if (typeof p !== 'string' || p.length === 0)
    return bad(
      `an ACL needs a principal: a certificate or token principal, or '${ANY_PRINCIPAL}' for any authenticated one`,
    );
  if (p.length > ACL_PRINCIPAL_BYTES_MAX)
    return bad(
      `ACL principal of ${p.length} characters is too long; at most ${ACL_PRINCIPAL_BYTES_MAX}`,
    );
  if (CONTROL.test(p)) return bad(`ACL principal ${shown(p)} contains a control character`);
  return undefined;
}

function checkName(e: AclEntry): CoordError | undefined {
  const { name, resourceType: type, patternType: pattern } = e;
  if (typeof name !== 'string' || name.length === 0)
    return bad(
      type === 'cluster'
        ? `a cluster ACL names the resource '${CLUSTER_RESOURCE_NAME}'`
        : `an ACL on a ${type} needs a name`,
    );
  switch (type) {
    case 'cluster':
      if (name !== CLUSTER_RESOURCE_NAME)
        return bad(
          `a cluster ACL names the resource '${CLUSTER_RESOURCE_NAME}', not ${shown(name)}`,
        );
      if (pattern !== 'literal') return bad("a cluster ACL's pattern type is literal");
      return undefined;
    case 'path': {
      const why = checkPath(name);
      return why ? bad(`ACL path: ${why.message}`) : undefined;
    }
    default:
      if (pattern === 'literal' && name === ANY_NAME) return undefined;
      if (NAME_CHARS.test(name)) return undefined;
      return bad(
        `ACL ${type} ${pattern === 'prefix' ? 'prefix' : 'name'} ${shown(name)} must be 1 to 249 characters of A-Z a-z 0-9 . _ -` +
          (pattern === 'literal' ? ` (or '${ANY_NAME}' for every ${type})` : ''),
      );
  }
}

/** Why `entry` is not a valid ACL entry (INVALID_ARGUMENT, saying what is allowed), or undefined. */
export function validateAcl(entry: unknown): CoordError | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return bad('an ACL entry must be an object');
  const e = entry as AclEntry;
  return (
    checkPrincipal(e.principal) ??
    checkEnum(e.resourceType, 'resource type', ACL_RESOURCE_TYPES) ??
    checkEnum(e.patternType, 'pattern type', ACL_PATTERN_TYPES) ??
    checkEnum(e.operation, 'operation', ACL_OPERATIONS) ??
    checkEnum(e.permission, 'permission', ACL_PERMISSIONS) ??
    checkName(e)
  );
}

/** Why `filter` is not a valid ACL filter (a set field of the wrong kind), or undefined. */
export function validateAclFilter(filter: unknown): CoordError | undefined {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    return bad('an ACL filter must be an object');
  const f = filter as AclFilter;
  const set = (v: unknown) => v !== undefined;
  if (set(f.principal)) {
    const why = checkPrincipal(f.principal);
    if (why) return why;
  }
  if (set(f.name) && (typeof f.name !== 'string' || f.name.length === 0))
    return bad('an ACL filter name must be a non-empty string (leave it out to match any)');
  return (
    (set(f.resourceType)
      ? checkEnum(f.resourceType, 'resource type', ACL_RESOURCE_TYPES)
      : undefined) ??
    (set(f.patternType)
      ? checkEnum(f.patternType, 'pattern type', ACL_PATTERN_TYPES)
      : undefined) ??
    (set(f.operation) ? checkEnum(f.operation, 'operation', ACL_OPERATIONS) : undefined) ??
    (set(f.permission) ? checkEnum(f.permission, 'permission', ACL_PERMISSIONS) : undefined)
  );
}

/** The entry with exactly its six fields, frozen (extra fields of a decoded command dropped). */
export function normalizeAcl(e: AclEntry): AclEntry {
  return Object.freeze({
    principal: e.principal,
    resourceType: e.resourceType,
    patternType: e.patternType,
    name: e.name,
    operation: e.operation,
    permission: e.permission,
  });
}

/** Two entries are the same entry exactly when their keys are equal. */
export function aclKey(e: AclEntry): string {
  return JSON.stringify(FIELDS.map((f) => e[f as keyof AclEntry]));
}

/** Whether `e` has every field `f` sets. */
export function aclMatchesFilter(e: AclEntry, f: AclFilter): boolean {
  return (
    (f.principal === undefined || f.principal === e.principal) &&
    (f.resourceType === undefined || f.resourceType === e.resourceType) &&
    (f.patternType === undefined || f.patternType === e.patternType) &&
    (f.name === undefined || f.name === e.name) &&
    (f.operation === undefined || f.operation === e.operation) &&
    (f.permission === undefined || f.permission === e.permission)
  );
}

/** The resource an entry covers, for people: "topic 'orders'", "paths under '/app'". */
export function describeAclResource(e: AclEntry): string {
  switch (e.resourceType) {
    case 'cluster':
      return 'the cluster';
    case 'path':
      return e.patternType === 'prefix' ? `path '${e.name}' and below` : `path '${e.name}'`;
    default:
      if (e.patternType === 'prefix') return `${e.resourceType}s prefixed '${e.name}'`;
      return e.name === ANY_NAME ? `every ${e.resourceType}` : `${e.resourceType} '${e.name}'`;
  }
}

/** One line for people, e.g. "allow 'alice' write on topic 'orders'". */
export function formatAcl(e: AclEntry): string {
  const who = e.principal === ANY_PRINCIPAL ? 'any principal' : `'${e.principal}'`;
  return `${e.permission} ${who} ${e.operation} on ${describeAclResource(e)}`;
}
