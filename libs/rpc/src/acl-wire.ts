/**
 * ACL entries and filters (coord-state's plain shape, camelCase, lower-case enum words) ⇄ their
 * protobuf messages `tributary.coord.v1.AclEntry` / `AclFilter` (snake_case, enum names).
 * Shared by the coordinator (requests in, lists out), the broker's metadata cache and the SDK.
 *
 * From the wire nothing is checked: an UNSPECIFIED enum becomes an unset field (in an entry,
 * validateAcl refuses it saying what is allowed; in a filter it matches anything), and an enum
 * number this build does not know is kept as its number, which validateAcl calls unknown.
 */
import type { AclEntry, AclFilter } from '@tributary/coord-state';
import type { AclEntry as WireEntry } from './generated/tributary/coord/v1/AclEntry';
import type { AclFilter as WireFilter } from './generated/tributary/coord/v1/AclFilter';

type Words<T extends string> = Record<T, string>;

const RESOURCE: Words<AclEntry['resourceType']> = {
  topic: 'ACL_RESOURCE_TYPE_TOPIC',
  group: 'ACL_RESOURCE_TYPE_GROUP',
  path: 'ACL_RESOURCE_TYPE_PATH',
  cluster: 'ACL_RESOURCE_TYPE_CLUSTER',
};
const PATTERN: Words<AclEntry['patternType']> = {
  literal: 'ACL_PATTERN_TYPE_LITERAL',
  prefix: 'ACL_PATTERN_TYPE_PREFIX',
};
const OPERATION: Words<AclEntry['operation']> = {
  read: 'ACL_OPERATION_READ',
  write: 'ACL_OPERATION_WRITE',
  create: 'ACL_OPERATION_CREATE',
  delete: 'ACL_OPERATION_DELETE',
  describe: 'ACL_OPERATION_DESCRIBE',
  alter: 'ACL_OPERATION_ALTER',
  all: 'ACL_OPERATION_ALL',
};
const PERMISSION: Words<AclEntry['permission']> = {
  allow: 'ACL_PERMISSION_ALLOW',
  deny: 'ACL_PERMISSION_DENY',
};

const inverse = (words: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(words).map(([word, name]) => [name, word]));
const FROM = {
  resource: inverse(RESOURCE),
  pattern: inverse(PATTERN),
  operation: inverse(OPERATION),
  permission: inverse(PERMISSION),
};

/** The word of a wire enum value; undefined for UNSPECIFIED or unset. */
function word<T>(from: Map<string, string>, v: unknown): T | undefined {
  if (
    v === undefined ||
    v === null ||
    v === 0 ||
    (typeof v === 'string' && v.endsWith('_UNSPECIFIED'))
  )
    return undefined;
  return (from.get(String(v)) ?? String(v)) as T;
}

/** The wire name of an enum word; UNSPECIFIED (0) when unset. */
function name(words: Record<string, string>, v: string | undefined): string | number {
  return v === undefined ? 0 : (words[v] ?? 0);
}

export function aclToWire(e: AclEntry): WireEntry {
  return {
    principal: e.principal,
    resource_type: name(RESOURCE, e.resourceType) as WireEntry['resource_type'],
    pattern_type: name(PATTERN, e.patternType) as WireEntry['pattern_type'],
    name: e.name,
    operation: name(OPERATION, e.operation) as WireEntry['operation'],
    permission: name(PERMISSION, e.permission) as WireEntry['permission'],
  };
}

/** An entry as sent (any field may be missing or unknown: validate it before use). */
export function aclFromWire(w: WireEntry): AclEntry {
  return {
    principal: w.principal ?? '',
    resourceType: word(FROM.resource, w.resource_type)!,
    patternType: word(FROM.pattern, w.pattern_type)!,
    name: w.name ?? '',
    operation: word(FROM.operation, w.operation)!,
    permission: word(FROM.permission, w.permission)!,
  };
}

export function aclFilterToWire(f: AclFilter = {}): WireFilter {
  return {
    principal: f.principal ?? '',
    resource_type: name(RESOURCE, f.resourceType) as WireFilter['resource_type'],
    pattern_type: name(PATTERN, f.patternType) as WireFilter['pattern_type'],
    name: f.name ?? '',
    operation: name(OPERATION, f.operation) as WireFilter['operation'],
    permission: name(PERMISSION, f.permission) as WireFilter['permission'],
  };
}

/** A filter as sent: only the fields it sets (empty strings and UNSPECIFIED are unset). */
export function aclFilterFromWire(w: WireFilter | null | undefined): AclFilter {
  const f: AclFilter = {};
  if (!w) return f;
  if (w.principal) f.principal = w.principal;
  if (w.name) f.name = w.name;
  const resourceType = word<AclFilter['resourceType']>(FROM.resource, w.resource_type);
  const patternType = word<AclFilter['patternType']>(FROM.pattern, w.pattern_type);
  const operation = word<AclFilter['operation']>(FROM.operation, w.operation);
  const permission = word<AclFilter['permission']>(FROM.permission, w.permission);
  if (resourceType !== undefined) f.resourceType = resourceType;
  if (patternType !== undefined) f.patternType = patternType;
  if (operation !== undefined) f.operation = operation;
  if (permission !== undefined) f.permission = permission;
  return f;
}
