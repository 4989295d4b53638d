import { type Command, CoordStateMachine, type LockValue, type TxnValue } from './index';

const b = (s: string): Uint8Array => new TextEncoder().encode(s);
const create = (path: string, extra: Partial<Command & { op: 'create' }> = {}): Command => ({
  op: 'create',
  path,
  data: b(''),
  ephemeral: false,
  sequential: false,
  sessionId: 0,
  ...extra,
});

class Driver {
  sm = new CoordStateMachine({ watchHistoryRevisions: 5 });
  index = 0;
  apply(cmd: Command) {
    const out = this.sm.apply(++this.index, cmd);
    this.sm.checkInvariants();
    return out;
  }
  ok<T = unknown>(cmd: Command): T {
    const out = this.apply(cmd);
    if (!out.result.ok) throw new Error(`${cmd.op}: ${out.result.error.message}`);
    return out.result.value as T;
  }
  session(): number {
    return this.ok<{ sessionId: number }>({ op: 'open-session', ttlMs: 1000 }).sessionId;
  }
}

describe('sequential nodes', () => {
  it('append the parent cversion, which never goes back after deletes', () => {
    const d = new Driver();
    d.ok(create('/q'));
    const seq = () => d.ok<{ path: string }>(create('/q/job-', { sequential: true })).path;
    expect(seq()).toBe('/q/job-0000000000');
    expect(seq()).toBe('/q/job-0000000001');
    d.ok({ op: 'delete', path: '/q/job-0000000001', expectedVersion: -1, recursive: false });
    expect(seq()).toBe('/q/job-0000000003');
    expect(d.ok<{ path: string }>(create('/q/', { sequential: true })).path).toBe('/q/0000000004');
    expect(d.sm.list('/q')).toMatchObject({
      ok: true,
      value: { stat: { cversion: 5, numChildren: 3 } },
    });
  });
});

describe('txn', () => {
  it('applies nothing when an op of the chosen branch fails', () => {
    const d = new Driver();
    d.ok(create('/a'));
    const rev = d.sm.revision;
    const out = d.apply({
      op: 'txn',
      compares: [{ path: '/a', target: 'version', op: '=', value: 0 }],
      success: [
        { op: 'set', path: '/a', data: b('v1'), expectedVersion: 0 },
        {
          op: 'create',
          path: '/a/b',
          data: b(''),
          ephemeral: false,
          sequential: false,
          sessionId: 0,
        },
        {
          op: 'create',
          path: '/nope/c',
          data: b(''),
          ephemeral: false,
          sequential: false,
          sessionId: 0,
        },
      ],
      failure: [],
    });
    expect(out.result).toMatchObject({ ok: false, error: { reason: 'NO_PARENT', opIndex: 2 } });
    expect(out.result.ok || out.result.error.message).toMatch(/^txn success\[2\]/);
    expect(d.sm.revision).toBe(rev);
    expect(d.sm.get('/a')).toMatchObject({
      ok: true,
      value: { stat: { version: 0, cversion: 0 } },
    });
    expect(d.sm.exists('/a/b')).toEqual({ ok: true, value: null });
  });

  it('is one revision, ops see earlier ops, and a failed compare runs the failure branch', () => {
    const d = new Driver();
    const out = d.apply({
      op: 'txn',
      compares: [{ path: '/a', target: 'exists', op: '=', value: false }],
      success: [
        {
          op: 'create',
          path: '/a',
          data: b('1'),
          ephemeral: false,
          sequential: false,
          sessionId: 0,
        },
        {
          op: 'create',
          path: '/a/b',
          data: b('2'),
          ephemeral: false,
          sequential: false,
          sessionId: 0,
        },
        { op: 'list', path: '/a' },
      ],
      failure: [],
    });
    expect(out.revision).toBe(1);
    expect(out.events.map((e) => [e.type, e.path, e.revision])).toEqual([
      ['CREATED', '/a', 1],
      ['CREATED', '/a/b', 1],
    ]);
    const v = out.result.ok ? (out.result.value as TxnValue) : undefined;
    expect(v?.succeeded).toBe(true);
    expect(v?.results[2]).toMatchObject({ op: 'list', children: ['b'] });

    const again = d.ok<TxnValue>({
      op: 'txn',
      compares: [{ path: '/a', target: 'exists', op: '=', value: false }],
      success: [],
      failure: [{ op: 'get', path: '/a/b' }],
    });
    expect(again).toMatchObject({ succeeded: false, results: [{ op: 'get', data: b('2') }] });
    expect(d.sm.revision).toBe(1); // the failure branch only read
    expect(
      d.sm.readTxn({
        compares: [{ path: '/a', target: 'data', op: '>', value: b('0') }],
        success: [{ op: 'get', path: '/a' }],
        failure: [],
      }),
    ).toMatchObject({ ok: true, value: { succeeded: true } });
    expect(
      d.sm.readTxn({
        compares: [],
        success: [{ op: 'delete', path: '/a/b', expectedVersion: -1, recursive: false }],
        failure: [],
      }),
    ).toBeUndefined();
  });

  it('refuses a branch writing one path twice, and compares false on missing nodes', () => {
    const d = new Driver();
    const twice = d.apply({
      op: 'txn',
      compares: [],
      success: [
        {
          op: 'create',
          path: '/a',
          data: b(''),
          ephemeral: false,
          sequential: false,
          sessionId: 0,
        },
        { op: 'set', path: '/a', data: b(''), expectedVersion: -1 },
      ],
      failure: [],
    });
    expect(twice.result).toMatchObject({ ok: false, error: { reason: 'INVALID_ARGUMENT' } });
    const missing = d.ok<TxnValue>({
      op: 'txn',
      compares: [{ path: '/zz', target: 'version', op: '!=', value: 5 }],
      success: [],
      failure: [],
    });
    expect(missing.succeeded).toBe(false);
  });
});

describe('locks', () => {
  it('are FIFO with strictly increasing fencing tokens and hand off on unlock and expiry', () => {
    const d = new Driver();
    d.ok(create('/locks'));
    const [s1, s2, s3] = [d.session(), d.session(), d.session()];
    const lock = (sessionId: number) => d.apply({ op: 'lock', name: '/locks/job', sessionId });
    const l1 = lock(s1);
    const v1 = l1.result.ok ? (l1.result.value as LockValue) : undefined;
    expect(v1).toMatchObject({ key: '/locks/job/lock-0000000000', acquired: true });
    expect(l1.lockGrants).toEqual([
      { name: '/locks/job', key: v1!.key, fencingToken: v1!.fencingToken, sessionId: s1 },
    ]);
    const v2 = d.ok<LockValue>({ op: 'lock', name: '/locks/job', sessionId: s2 });
    const v3 = d.ok<LockValue>({ op: 'lock', name: '/locks/job', sessionId: s3 });
    const v1b = d.ok<LockValue>({ op: 'lock', name: '/locks/job', sessionId: s1 }); // not reentrant
    expect([v2.acquired, v3.acquired, v1b.acquired]).toEqual([false, false, false]);
    expect(d.sm.list('/locks/job')).toMatchObject({
      ok: true,
      value: {
        children: ['lock-0000000000', 'lock-0000000001', 'lock-0000000002', 'lock-0000000003'],
      },
    });

    const u = d.apply({ op: 'unlock', key: v1!.key });
    expect(u.lockGrants).toEqual([
      { name: '/locks/job', key: v2.key, fencingToken: v2.fencingToken, sessionId: s2 },
    ]);
    expect(u.lockKeysRemoved).toEqual([v1!.key]);
    expect(v2.fencingToken).toBeGreaterThan(v1!.fencingToken);

    // s3 (waiting) and s2 (holding) expire in one transaction: s1's second key is next.
    const e = d.apply({ op: 'expire-sessions', sessionIds: [s3, s2, 12345] });
    expect(e.result).toMatchObject({ ok: true, value: { expired: [s2, s3] } });
    expect(e.endedSessions).toEqual([s2, s3]);
    expect(new Set(e.events.map((x) => x.revision))).toEqual(new Set([e.revision]));
    expect(e.lockGrants).toEqual([
      { name: '/locks/job', key: v1b.key, fencingToken: v1b.fencingToken, sessionId: s1 },
    ]);
    expect(e.lockKeysRemoved.sort()).toEqual([v2.key, v3.key].sort());
    expect(d.sm.lockHolder('/locks/job')).toEqual({
      key: v1b.key,
      sessionId: s1,
      fencingToken: v1b.fencingToken,
    });
    expect(v1b.fencingToken).toBeGreaterThan(v2.fencingToken);

    // Deleting a key directly is a release too (ZooKeeper recipe).
    const del = d.apply({ op: 'delete', path: v1b.key, expectedVersion: -1, recursive: false });
    expect(del.lockKeysRemoved).toEqual([v1b.key]);
    expect(d.sm.lockHolder('/locks/job')).toBeUndefined();
    expect(d.apply({ op: 'unlock', key: v1b.key }).result).toMatchObject({
      ok: false,
      error: { reason: 'NO_LOCK' },
    });
  });

  it('deletes ephemerals and lock keys of a closed session in one revision', () => {
    const d = new Driver();
    const s = d.session();
    d.ok(create('/e1', { ephemeral: true, sessionId: s }));
    d.ok(create('/e2', { ephemeral: true, sessionId: s }));
    d.ok({ op: 'lock', name: '/l', sessionId: s });
    const out = d.apply({ op: 'close-session', sessionId: s });
    expect(out.events.map((e) => [e.type, e.path])).toEqual([
      ['DELETED', '/e1'],
      ['DELETED', '/e2'],
      ['DELETED', '/l/lock-0000000000'],
    ]);
    expect(out.events[0].data).toEqual(new Uint8Array(0));
    expect(d.sm.sessions()).toEqual([]);
    expect(d.sm.get('/l').ok).toBe(true); // the lock node itself is persistent
  });
});

describe('watch history', () => {
  it('returns exactly the matching events after r, and COMPACTED once truncated', () => {
    const d = new Driver(); // keeps 5 revisions
    d.ok(create('/a')); // r1
    d.ok(create('/a/x')); // r2
    d.ok(create('/ab')); // r3
    d.ok({ op: 'set', path: '/a', data: b('1'), expectedVersion: -1 }); // r4
    const page = d.sm.eventsSince(1, { path: '/a', prefix: true });
    expect(page.ok && page.value.events.map((e) => [e.revision, e.path])).toEqual([
      [2, '/a/x'],
      [4, '/a'],
    ]);
    expect(page.ok && page.value.throughRevision).toBe(4);
    const exact = d.sm.eventsSince(1, { path: '/a', prefix: false });
    expect(exact.ok && exact.value.events.map((e) => e.revision)).toEqual([4]);
    expect(d.sm.eventsSince(0, { path: '/', prefix: true })).toEqual({
      ok: true,
      value: { events: [], throughRevision: 4 },
    });
    const paged = d.sm.eventsSince(1, { path: '/', prefix: true }, 1);
    expect(paged.ok && paged.value).toMatchObject({
      throughRevision: 2,
      events: [{ revision: 2 }],
    });

    for (let i = 0; i < 4; i++)
      d.ok({ op: 'set', path: '/ab', data: b(String(i)), expectedVersion: -1 }); // r5..r8
    expect(d.sm.compactRevision).toBe(3);
    expect(d.sm.eventsSince(2, { path: '/a', prefix: true })).toMatchObject({
      ok: false,
      error: { reason: 'COMPACTED', metadata: { compact_revision: '4' } },
    });
    const fromCompact = d.sm.eventsSince(3, { path: '/', prefix: true });
    expect(fromCompact.ok && fromCompact.value.events.map((e) => e.revision)).toEqual([
      4, 5, 6, 7, 8,
    ]);
  });
});
