// The table of bad input: every rule a request can break, and the reason it gets.

import { ALL_REASONS, type Command, CoordStateMachine, type Reason } from './index';

const b = (s: string): Uint8Array => new TextEncoder().encode(s);
const create = (path: string, extra: Partial<Command & { op: 'create' }> = {}): Command => ({
  op: 'create',
  path,
  data: b('x'),
  ephemeral: false,
  sequential: false,
  sessionId: 0,
  ...extra,
});

/** /a (v0, child /a/b), /e ephemeral of session 3. */
function fixture(): CoordStateMachine {
  const sm = new CoordStateMachine();
  sm.apply(1, create('/a'));
  sm.apply(2, create('/a/b'));
  expect(sm.apply(3, { op: 'open-session', ttlMs: 1000 }).result.ok).toBe(true);
  sm.apply(4, create('/e', { ephemeral: true, sessionId: 3 }));
  return sm;
}

const cases: Array<[string, Command, Reason, RegExp]> = [
  ['relative path', create('a'), 'INVALID_PATH', /not absolute/],
  ['empty path', create(''), 'INVALID_PATH', /empty/],
  ['trailing slash', create('/a/'), 'INVALID_PATH', /ends with '\/'/],
  [
    'empty segment',
    create('/a//b'),
    'INVALID_PATH',
    /empty segment; segments are \[A-Za-z0-9._:-\]\+/,
  ],
  ['dot segment', create('/a/.'), 'INVALID_PATH', /relative segment '\.'/],
  ['dot-dot segment', create('/a/../b'), 'INVALID_PATH', /relative segment '\.\.'/],
  ['bad character', create('/a b'), 'INVALID_PATH', /character " "/],
  ['non-ASCII', create('/é'), 'INVALID_PATH', /character "é"/],
  ['path > 1024 bytes', create('/' + 'x'.repeat(1024)), 'INVALID_PATH', /at most 1024 bytes/],
  [
    'data > 1 MiB',
    { ...create('/big'), data: new Uint8Array(1024 * 1024 + 1) } as Command,
    'DATA_TOO_LARGE',
    /at most 1048576 bytes/,
  ],
  ['reserved create', create('/tributary/x'), 'RESERVED_PATH', /reserved/],
  ['reserved root', create('/tributary'), 'RESERVED_PATH', /reserved/],
  [
    'reserved set',
    { op: 'set', path: '/tributary', data: b(''), expectedVersion: -1 },
    'RESERVED_PATH',
    /read-only/,
  ],
  [
    'unknown session',
    create('/z', { ephemeral: true, sessionId: 77 }),
    'SESSION_EXPIRED',
    /session 77/,
  ],
  ['ephemeral without session', create('/z', { ephemeral: true }), 'INVALID_ARGUMENT', /session/],
  ['exists', create('/a'), 'NODE_EXISTS', /already exists/],
  ['root exists', create('/'), 'NODE_EXISTS', /already exists/],
  ['no parent', create('/x/y'), 'NO_PARENT', /parent '\/x'/],
  ['ephemeral parent', create('/e/c'), 'NO_CHILDREN_FOR_EPHEMERALS', /ephemeral/],
  [
    'set missing',
    { op: 'set', path: '/q', data: b(''), expectedVersion: -1 },
    'NO_NODE',
    /does not exist/,
  ],
  [
    'set version mismatch',
    { op: 'set', path: '/a', data: b(''), expectedVersion: 4 },
    'VERSION_MISMATCH',
    /version 0, not the expected 4/,
  ],
  [
    'bad expected version',
    { op: 'set', path: '/a', data: b(''), expectedVersion: -2 },
    'INVALID_ARGUMENT',
    /-1/,
  ],
  [
    'delete missing',
    { op: 'delete', path: '/q', expectedVersion: -1, recursive: false },
    'NO_NODE',
    /does not exist/,
  ],
  [
    'delete with children',
    { op: 'delete', path: '/a', expectedVersion: -1, recursive: false },
    'NOT_EMPTY',
    /1 children/,
  ],
  [
    'delete version mismatch',
    { op: 'delete', path: '/a/b', expectedVersion: 1, recursive: false },
    'VERSION_MISMATCH',
    /expected 1/,
  ],
  [
    'delete root',
    { op: 'delete', path: '/', expectedVersion: -1, recursive: true },
    'INVALID_ARGUMENT',
    /root/,
  ],
  ['close unknown session', { op: 'close-session', sessionId: 9 }, 'NO_SESSION', /unknown/],
  ['negative ttl', { op: 'open-session', ttlMs: -1 }, 'INVALID_ARGUMENT', /ttl/],
  ['lock, no session', { op: 'lock', name: '/a', sessionId: 9 }, 'SESSION_EXPIRED', /session 9/],
  ['lock, no parent', { op: 'lock', name: '/x/y', sessionId: 3 }, 'NO_PARENT', /parent/],
  ['lock, bad name', { op: 'lock', name: 'a', sessionId: 3 }, 'INVALID_PATH', /absolute/],
  [
    'lock, reserved',
    { op: 'lock', name: '/tributary/l', sessionId: 3 },
    'RESERVED_PATH',
    /reserved/,
  ],
  ['unlock unknown', { op: 'unlock', key: '/a/lock-0000000001' }, 'NO_LOCK', /neither/],
  ['unknown op', { op: 'frobnicate' } as unknown as Command, 'INVALID_ARGUMENT', /unknown command/],
];

describe('bad input', () => {
  it.each(cases)('%s', (_name, cmd, reason, message) => {
    const sm = fixture();
    const before = sm.toSnapshot();
    const out = sm.apply(10, cmd);
    expect(out.result.ok).toBe(false);
    if (out.result.ok) return;
    expect(out.result.error.reason).toBe(reason);
    expect(out.result.error.message).toMatch(message);
    // A failed command changes nothing but the applied index.
    expect(out.events).toEqual([]);
    expect({ ...sm.toSnapshot(), appliedIndex: 4 }).toEqual(before);
    sm.checkInvariants();
  });

  it('lets internal commands write under /tributary', () => {
    const sm = fixture();
    expect(sm.apply(10, { ...create('/tributary'), internal: true } as Command).result.ok).toBe(
      true,
    );
    expect(
      sm.apply(11, { ...create('/tributary/brokers'), internal: true } as Command).result.ok,
    ).toBe(true);
    expect(sm.get('/tributary/brokers').ok).toBe(true);
  });

  it('lists every reason once', () => {
    expect(new Set(ALL_REASONS).size).toBe(ALL_REASONS.length);
  });
});
