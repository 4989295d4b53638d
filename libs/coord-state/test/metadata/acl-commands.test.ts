// ACL entries in the replicated state: add-acls (idempotent) and remove-acls (exact or by
// filter) through the entry codec, one revision per command, JSON nodes under /tributary/acls
// that plain clients cannot write, carried by snapshots, and validated with messages that say
// what is allowed. A seeded run checks both commands against a plain list. Every apply checks
// the invariants, the cached entries among them.
import {
  type AclEntry,
  type AclFilter,
  type Command,
  CoordStateMachine,
  aclsOf,
  decodeSnapshot,
  encodeSnapshot,
  validateAcl,
  validateAclFilter,
} from '../../src';
import { Rng } from '../random-commands';
import { CRC } from '../snapshot-fixtures';
import { Driver } from './driver';

const restore = (sm: CoordStateMachine) => {
  const r = decodeSnapshot(encodeSnapshot(sm, CRC), CRC);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const acl = (e: Partial<AclEntry> = {}): AclEntry => ({
  principal: 'alice',
  resourceType: 'topic',
  patternType: 'literal',
  name: 'orders',
  operation: 'write',
  permission: 'allow',
  ...e,
});

const add = (entries: AclEntry[]): Command => ({ op: 'add-acls', entries });
const remove = (filters: AclFilter[]): Command => ({ op: 'remove-acls', filters });

describe('add-acls', () => {
  it('stores entries as JSON nodes under /tributary/acls, in the order added, in one revision', () => {
    const d = new Driver();
    const before = d.sm.revision;
    const out = d.apply(add([acl(), acl({ principal: 'bob', operation: 'read' })]));
    expect(out.result).toEqual({ ok: true, value: { op: 'add-acls', added: 2 } });
    expect(d.sm.revision).toBe(before + 1);
    expect(aclsOf(d.sm)).toEqual([acl(), acl({ principal: 'bob', operation: 'read' })]);
    const ls = d.sm.list('/tributary/acls');
    expect(ls.ok && ls.value.children).toEqual(['acl-0000000000', 'acl-0000000001']);
    const node = d.sm.get('/tributary/acls/acl-0000000001');
    expect(node.ok && JSON.parse(new TextDecoder().decode(node.value.data))).toEqual(
      acl({ principal: 'bob', operation: 'read' }),
    );
  });

  it('is idempotent: an entry already stored, or named twice, is added once', () => {
    const d = new Driver();
    d.ok(add([acl()]));
    const revision = d.sm.revision;
    expect(d.ok(add([acl()]))).toEqual({ op: 'add-acls', added: 0 });
    expect(d.sm.revision).toBe(revision); // nothing changed: no new revision
    expect(d.ok(add([acl(), acl({ name: 'x' }), acl({ name: 'x' })]))).toEqual({
      op: 'add-acls',
      added: 1,
    });
    expect(aclsOf(d.sm)).toEqual([acl(), acl({ name: 'x' })]);
    // Extra fields of a hand-made command are not part of the entry.
    d.ok(add([{ ...acl({ name: 'y' }), extra: 1 } as AclEntry]));
    expect(aclsOf(d.sm)[2]).toEqual(acl({ name: 'y' }));
  });

  it('refuses the whole command for one bad entry, changing nothing', () => {
    const d = new Driver();
    expect(d.reason(add([acl({ name: 'a' }), acl({ principal: '' })]))).toBe('INVALID_ARGUMENT');
    const out = d.apply(add([acl({ name: 'a' }), acl({ operation: 'fly' as never })]));
    expect(!out.result.ok && out.result.error.message).toBe(
      "entry 1: ACL operation 'fly' is unknown; it is one of read, write, create, delete, describe, alter, all",
    );
    expect(d.reason(add([]))).toBe('INVALID_ARGUMENT');
    expect(d.reason({ op: 'add-acls', entries: 'x' } as unknown as Command)).toBe(
      'INVALID_ARGUMENT',
    );
    expect(d.reason(add(Array.from({ length: 1001 }, (_, k) => acl({ name: `t${k}` }))))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(aclsOf(d.sm)).toEqual([]);
  });
});

describe('remove-acls', () => {
  const three = [
    acl(),
    acl({ principal: 'bob', operation: 'read' }),
    acl({ resourceType: 'group', name: 'g', operation: 'read', permission: 'deny' }),
  ];

  it('removes an exact entry, or every entry a filter matches, and returns them', () => {
    const d = new Driver();
    d.ok(add(three));
    expect(d.ok(remove([three[1]!]))).toEqual({ op: 'remove-acls', removed: [three[1]] });
    expect(aclsOf(d.sm)).toEqual([three[0], three[2]]);
    d.ok(add([three[1]!]));
    expect(d.ok(remove([{ operation: 'read' }])).removed).toEqual([three[2], three[1]]);
    expect(aclsOf(d.sm)).toEqual([three[0]]);
  });

  it('matches any of several filters; an empty filter matches every entry', () => {
    const d = new Driver();
    d.ok(add(three));
    expect(d.ok(remove([{ principal: 'bob' }, { resourceType: 'group' }])).removed).toHaveLength(2);
    d.ok(add(three));
    expect(d.ok(remove([{}])).removed).toHaveLength(3);
    expect(aclsOf(d.sm)).toEqual([]);
  });

  it('removing nothing is not an error and keeps the revision', () => {
    const d = new Driver();
    d.ok(add(three));
    const revision = d.sm.revision;
    expect(d.ok(remove([{ principal: 'carol' }]))).toEqual({ op: 'remove-acls', removed: [] });
    expect(d.sm.revision).toBe(revision);
  });

  it('refuses a bad filter or none', () => {
    const d = new Driver();
    d.ok(add(three));
    expect(d.reason(remove([]))).toBe('INVALID_ARGUMENT');
    expect(d.reason(remove([{ permission: 'maybe' as never }]))).toBe('INVALID_ARGUMENT');
    expect(d.reason(remove([{ name: '' }]))).toBe('INVALID_ARGUMENT');
    expect(d.reason({ op: 'remove-acls', filters: [null] } as unknown as Command)).toBe(
      'INVALID_ARGUMENT',
    );
    expect(aclsOf(d.sm)).toHaveLength(3);
  });
});

describe('stored ACLs', () => {
  it('are read-only to plain clients, writable by neither create, set, delete nor txn', () => {
    const d = new Driver();
    d.ok(add([acl()]));
    const path = '/tributary/acls/acl-0000000000';
    const data = new TextEncoder().encode(JSON.stringify(acl({ principal: 'mallory' })));
    for (const cmd of [
      {
        op: 'create',
        path: '/tributary/acls/x',
        data,
        ephemeral: false,
        sequential: false,
        sessionId: 0,
      },
      { op: 'set', path, data, expectedVersion: -1 },
      { op: 'delete', path, expectedVersion: -1, recursive: false },
      { op: 'delete', path: '/tributary/acls', expectedVersion: -1, recursive: true },
      {
        op: 'txn',
        compares: [],
        success: [{ op: 'set', path, data, expectedVersion: -1 }],
        failure: [],
      },
    ] as Command[])
      expect(d.reason(cmd)).toBe('RESERVED_PATH');
    expect(aclsOf(d.sm)).toEqual([acl()]);
  });

  it('are the same frozen array until they change', () => {
    const d = new Driver();
    d.ok(add([acl()]));
    const first = aclsOf(d.sm);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    d.ok({ op: 'open-session', ttlMs: 5000 });
    d.ok({
      op: 'create',
      path: '/a',
      data: new Uint8Array(),
      ephemeral: false,
      sequential: false,
      sessionId: 0,
    });
    d.ok(add([acl()])); // a no-op
    expect(aclsOf(d.sm)).toBe(first);
    d.ok(add([acl({ name: 'x' })]));
    expect(aclsOf(d.sm)).not.toBe(first);
    expect(aclsOf(d.sm)).toHaveLength(2);
  });

  it('are carried by a snapshot, and added to and removed from after a restore', () => {
    const d = new Driver();
    d.ok(add([acl(), acl({ name: 'x' })]));
    d.ok(remove([{ name: 'orders' }]));
    aclsOf(d.sm);
    d.sm = restore(d.sm);
    d.sm.checkInvariants();
    expect(aclsOf(d.sm)).toEqual([acl({ name: 'x' })]);
    expect(d.ok(add([acl({ name: 'x' })])).added).toBe(0);
    d.ok(add([acl({ name: 'y' })]));
    // Sequence numbers keep counting: the new node sorts after the old ones.
    const ls = d.sm.list('/tributary/acls');
    expect(ls.ok && ls.value.children).toEqual(['acl-0000000001', 'acl-0000000003']);
    expect(aclsOf(d.sm).map((e) => e.name)).toEqual(['x', 'y']);
  });

  it('give watchers CREATED and DELETED events under /tributary/acls', () => {
    const d = new Driver();
    const added = d.apply(add([acl()]));
    expect(added.events.map((e) => [e.type, e.path])).toEqual([
      ['CREATED', '/tributary'],
      ['CREATED', '/tributary/acls'],
      ['CREATED', '/tributary/acls/acl-0000000000'],
    ]);
    const removed = d.apply(remove([{}]));
    expect(removed.events.map((e) => [e.type, e.path])).toEqual([
      ['DELETED', '/tributary/acls/acl-0000000000'],
    ]);
  });
});

describe('validateAcl', () => {
  it.each([
    [{ principal: '' }, /needs a principal: a certificate or token principal, or '\*'/],
    [{ principal: 'a\nb' }, /control character/],
    [{ principal: 'x'.repeat(1025) }, /too long; at most 1024/],
    [
      { resourceType: 'queue' },
      /resource type 'queue' is unknown; it is one of topic, group, path, cluster/,
    ],
    [{ resourceType: undefined }, /needs a resource type: one of topic, group, path, cluster/],
    [{ patternType: 'regex' }, /pattern type 'regex' is unknown; it is one of literal, prefix/],
    [{ operation: 'ALL' }, /operation 'ALL' is unknown/],
    [{ permission: 'grant' }, /permission 'grant' is unknown; it is one of allow, deny/],
    [{ name: '' }, /an ACL on a topic needs a name/],
    [
      { name: 'a b' },
      /topic name 'a b' must be 1 to 249 characters .* \(or '\*' for every topic\)/,
    ],
    [{ name: '*', patternType: 'prefix' }, /topic prefix '\*' must be 1 to 249 characters/],
    [{ resourceType: 'group', name: 'x'.repeat(250) }, /group name .* must be 1 to 249/],
    [{ resourceType: 'path', name: 'app' }, /ACL path: path 'app' is not absolute/],
    [{ resourceType: 'path', name: '/app/' }, /ACL path: path '\/app\/' ends with '\/'/],
    [{ resourceType: 'path', name: '/a/../b' }, /relative segment/],
    [
      { resourceType: 'cluster', name: 'prod' },
      /cluster ACL names the resource 'cluster', not 'prod'/,
    ],
    [
      { resourceType: 'cluster', name: 'cluster', patternType: 'prefix' },
      /pattern type is literal/,
    ],
  ] as [Partial<AclEntry>, RegExp][])('refuses %j', (over, message) => {
    const why = validateAcl(acl(over));
    expect(why?.reason).toBe('INVALID_ARGUMENT');
    expect(why?.message).toMatch(message);
  });

  it.each([
    acl(),
    acl({ principal: '*' }),
    acl({ principal: 'spiffe://prod/ns/app', name: '*' }),
    acl({ patternType: 'prefix', name: 'ord' }),
    acl({ resourceType: 'group', name: 'billing.eu-1' }),
    acl({ resourceType: 'path', name: '/', patternType: 'prefix' }),
    acl({ resourceType: 'path', name: '/app/config:v1' }),
    acl({ resourceType: 'cluster', name: 'cluster', operation: 'alter' }),
  ])('accepts %j', (e) => expect(validateAcl(e)).toBeUndefined());

  it('checks only the fields a filter sets', () => {
    expect(validateAclFilter({})).toBeUndefined();
    expect(validateAclFilter({ name: '/any/thing at all' })).toBeUndefined();
    expect(validateAclFilter({ resourceType: 'x' as never })?.message).toMatch(/is unknown/);
    expect(validateAclFilter([])?.message).toMatch(/must be an object/);
  });
});

it('agrees with a plain list over seeded runs of adds, removes and restores', () => {
  const names = ['a', 'b', 'ab'];
  const principals = ['alice', 'bob', '*'];
  for (let seed = 1; seed <= 20; seed++) {
    const rng = new Rng(seed);
    const d = new Driver();
    let model: AclEntry[] = [];
    const key = (e: AclEntry) => JSON.stringify(e);
    const some = (): AclEntry =>
      acl({
        principal: rng.pick(principals),
        resourceType: rng.pick(['topic', 'group'] as const),
        patternType: rng.pick(['literal', 'prefix'] as const),
        name: rng.pick(names),
        operation: rng.pick(['read', 'write', 'all'] as const),
        permission: rng.pick(['allow', 'deny'] as const),
      });
    for (let step = 0; step < 60; step++) {
      const r = rng.int(10);
      if (r < 5) {
        const entries = Array.from({ length: 1 + rng.int(3) }, some);
        const before = model.length;
        for (const e of entries) if (!model.some((m) => key(m) === key(e))) model.push(e);
        expect(d.ok(add(entries)).added).toBe(model.length - before);
      } else if (r < 9) {
        const filter: AclFilter = {};
        if (rng.chance(0.5)) filter.principal = rng.pick(principals);
        if (rng.chance(0.5)) filter.name = rng.pick(names);
        if (rng.chance(0.3)) filter.permission = rng.pick(['allow', 'deny'] as const);
        const filters = rng.chance(0.2) ? [some()] : [filter];
        const gone = model.filter((m) =>
          filters.some((f) => Object.entries(f).every(([k, v]) => m[k as keyof AclEntry] === v)),
        );
        model = model.filter((m) => !gone.includes(m));
        expect(d.ok(remove(filters)).removed).toEqual(gone);
      } else d.sm = restore(d.sm);
      expect(aclsOf(d.sm)).toEqual(model);
    }
  }
});
