// authorize(): Kafka's decision rules over every resource type and operation — super-users,
// deny wins, default deny, 'all', describe implied by read/write/delete/alter, '*' for any
// authenticated principal, literal vs prefix names, and path prefixes by whole segments.
import {
  ACL_OPERATIONS,
  ACL_RESOURCE_TYPES,
  type AclEntry,
  type AclRequest,
  type AclRequestOperation,
  type AclResourceType,
  authorize,
} from '../../src';

const NONE: ReadonlySet<string> = new Set();
const OPS = ACL_OPERATIONS.filter((o) => o !== 'all') as AclRequestOperation[];

/** A resource of each type, another one it must not cover, and a literal entry for it. */
const RESOURCES: Record<AclResourceType, { name: string; other: string }> = {
  topic: { name: 'orders', other: 'payments' },
  group: { name: 'billing', other: 'audit' },
  path: { name: '/app/config', other: '/app/secrets' },
  cluster: { name: 'cluster', other: 'cluster' },
};

const entry = (e: Partial<AclEntry> & Pick<AclEntry, 'resourceType' | 'name'>): AclEntry => ({
  principal: 'alice',
  patternType: 'literal',
  operation: 'all',
  permission: 'allow',
  ...e,
});

const req = (r: Partial<AclRequest> & Pick<AclRequest, 'resourceType' | 'name'>): AclRequest => ({
  principal: 'alice',
  operation: 'read',
  ...r,
});

const allowed = (acls: AclEntry[], r: AclRequest, superUsers = NONE) =>
  authorize(acls, r, superUsers).allowed;

const IMPLIES_DESCRIBE = new Set(['read', 'write', 'delete', 'alter']);

describe.each(ACL_RESOURCE_TYPES)('%s', (resourceType) => {
  const { name, other } = RESOURCES[resourceType];

  describe.each(OPS)('ALLOW alice %s', (granted) => {
    const acls = [entry({ resourceType, name, operation: granted })];

    it.each(OPS)('decides alice, bob and another resource for %s', (asked) => {
      const implied = asked === 'describe' && IMPLIES_DESCRIBE.has(granted);
      expect(allowed(acls, req({ resourceType, name, operation: asked }))).toBe(
        asked === granted || implied,
      );
      expect(allowed(acls, req({ resourceType, name, operation: asked, principal: 'bob' }))).toBe(
        false,
      );
      if (resourceType !== 'cluster')
        expect(allowed(acls, req({ resourceType, name: other, operation: asked }))).toBe(false);
      // Another resource type of the same name is another resource.
      for (const t of ACL_RESOURCE_TYPES.filter((x) => x !== resourceType))
        expect(allowed(acls, req({ resourceType: t, name, operation: asked }))).toBe(false);
    });
  });

  it.each(OPS)("'all' allows %s, and a DENY of it wins over that ALLOW", (op) => {
    const all = entry({ resourceType, name });
    expect(allowed([all], req({ resourceType, name, operation: op }))).toBe(true);
    const deny = entry({ resourceType, name, operation: op, permission: 'deny' });
    for (const acls of [
      [all, deny],
      [deny, all],
    ]) {
      const d = authorize(acls, req({ resourceType, name, operation: op }), NONE);
      expect(d.allowed).toBe(false);
      expect(d.reason).toMatch(/^denied by ACL \(deny 'alice' /);
    }
    // The deny is of that operation only: the others stay allowed.
    for (const o of OPS.filter((x) => x !== op))
      expect(allowed([all, deny], req({ resourceType, name, operation: o }))).toBe(true);
  });

  it.each(OPS)(
    "'*' matches every authenticated principal for %s, never an unauthenticated one",
    (op) => {
      const acls = [entry({ resourceType, name, principal: '*', operation: op })];
      expect(allowed(acls, req({ resourceType, name, operation: op, principal: 'bob' }))).toBe(
        true,
      );
      expect(allowed(acls, req({ resourceType, name, operation: op, principal: '' }))).toBe(false);
      // A DENY of '*' denies alice too, whatever names her.
      const denyAll = entry({ resourceType, name, principal: '*', permission: 'deny' });
      expect(
        allowed(
          [entry({ resourceType, name }), denyAll],
          req({ resourceType, name, operation: op }),
        ),
      ).toBe(false);
    },
  );

  it.each(OPS)('super-users may %s with no entry, and despite a DENY', (op) => {
    const deny = [entry({ resourceType, name, principal: 'root', permission: 'deny' })];
    const r = req({ resourceType, name, operation: op, principal: 'root' });
    expect(authorize(deny, r, new Set(['root']))).toEqual({
      allowed: true,
      reason: "'root' is a super-user",
    });
    expect(allowed([], r, new Set(['root']))).toBe(true);
    expect(allowed([], r)).toBe(false);
  });
});

describe('names', () => {
  it('a topic or group prefix covers every name starting with it; a literal only its name', () => {
    for (const resourceType of ['topic', 'group'] as const) {
      const prefix = [entry({ resourceType, name: 'ord', patternType: 'prefix' })];
      const literal = [entry({ resourceType, name: 'ord' })];
      for (const [name, byPrefix, byLiteral] of [
        ['ord', true, true],
        ['orders', true, false],
        ['ord.eu', true, false],
        ['or', false, false],
        ['xorders', false, false],
      ] as const) {
        expect(allowed(prefix, req({ resourceType, name }))).toBe(byPrefix);
        expect(allowed(literal, req({ resourceType, name }))).toBe(byLiteral);
      }
    }
  });

  it("literal '*' is every topic or group, Kafka's wildcard", () => {
    const acls = [entry({ resourceType: 'topic', name: '*', operation: 'write' })];
    expect(
      allowed(acls, req({ resourceType: 'topic', name: 'anything', operation: 'write' })),
    ).toBe(true);
    expect(
      allowed(acls, req({ resourceType: 'group', name: 'anything', operation: 'write' })),
    ).toBe(false);
  });

  it('a path prefix covers the path and what is below it by whole segments', () => {
    const acls = [entry({ resourceType: 'path', name: '/app', patternType: 'prefix' })];
    for (const [name, covered] of [
      ['/app', true],
      ['/app/x', true],
      ['/app/x/y', true],
      ['/apple', false],
      ['/ap', false],
      ['/', false],
      ['/other/app', false],
    ] as const)
      expect(allowed(acls, req({ resourceType: 'path', name }))).toBe(covered);
    const root = [entry({ resourceType: 'path', name: '/', patternType: 'prefix' })];
    expect(allowed(root, req({ resourceType: 'path', name: '/anything/below' }))).toBe(true);
    const literal = [entry({ resourceType: 'path', name: '/app' })];
    expect(allowed(literal, req({ resourceType: 'path', name: '/app' }))).toBe(true);
    expect(allowed(literal, req({ resourceType: 'path', name: '/app/x' }))).toBe(false);
  });

  it('a DENY on a prefix wins over an ALLOW of a literal inside it', () => {
    const acls = [
      entry({ resourceType: 'path', name: '/app/config' }),
      entry({ resourceType: 'path', name: '/app', patternType: 'prefix', permission: 'deny' }),
    ];
    expect(allowed(acls, req({ resourceType: 'path', name: '/app/config' }))).toBe(false);
    expect(allowed(acls.slice(0, 1), req({ resourceType: 'path', name: '/app/config' }))).toBe(
      true,
    );
  });
});

describe('reasons', () => {
  it('name the deciding entry, or say that none matched', () => {
    const acls = [
      entry({ resourceType: 'topic', name: 'ord', patternType: 'prefix', operation: 'write' }),
    ];
    expect(
      authorize(acls, req({ resourceType: 'topic', name: 'orders', operation: 'write' }), NONE),
    ).toEqual({
      allowed: true,
      reason: "allowed by ACL (allow 'alice' write on topics prefixed 'ord')",
    });
    expect(
      authorize(acls, req({ resourceType: 'topic', name: 'orders', principal: 'bob' }), NONE),
    ).toEqual({
      allowed: false,
      reason: "no ACL allows 'bob' to read topic 'orders' (denied by default)",
    });
    expect(
      authorize([], req({ resourceType: 'cluster', name: 'cluster', principal: '' }), NONE).reason,
    ).toBe('no ACL allows an unauthenticated caller to read the cluster (denied by default)');
  });

  it("refuse a request for operation 'all' (a programming error)", () => {
    expect(() =>
      authorize(
        [],
        { ...req({ resourceType: 'topic', name: 'x' }), operation: 'all' as never },
        NONE,
      ),
    ).toThrow(/not 'all'/);
  });
});
