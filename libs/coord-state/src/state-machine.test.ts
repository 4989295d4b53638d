import { CoordStateMachine } from './index';
import type { Command } from './index';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);

function create(path: string, data = '', extra: Partial<Command & { op: 'create' }> = {}): Command {
  return {
    op: 'create',
    path,
    data: bytes(data),
    ephemeral: false,
    sequential: false,
    sessionId: 0,
    ...extra,
  };
}

describe('CoordStateMachine basics', () => {
  it('creates, sets, gets, lists and deletes with one revision per write', () => {
    const sm = new CoordStateMachine();
    let i = 0;
    const c1 = sm.apply(++i, create('/a', 'x'));
    expect(c1.result).toEqual({
      ok: true,
      value: {
        op: 'create',
        path: '/a',
        stat: {
          version: 0,
          cversion: 0,
          createRevision: 1,
          modRevision: 1,
          ephemeralOwner: 0,
          numChildren: 0,
          dataLength: 1,
        },
      },
    });
    expect(c1.revision).toBe(1);
    expect(c1.events).toHaveLength(1);
    sm.apply(++i, create('/a/b'));
    const s = sm.apply(++i, { op: 'set', path: '/a', data: bytes('yy'), expectedVersion: 0 });
    expect(s.result.ok && s.result.value.stat).toMatchObject({
      version: 1,
      modRevision: 3,
      createRevision: 1,
      numChildren: 1,
      cversion: 1,
    });
    expect(sm.list('/a')).toMatchObject({ ok: true, value: { children: ['b'] } });
    const d = sm.apply(++i, { op: 'delete', path: '/a', expectedVersion: -1, recursive: true });
    expect(d.result).toEqual({ ok: true, value: { op: 'delete', deleted: 2 } });
    expect(d.events.map((e) => [e.type, e.path, e.revision])).toEqual([
      ['DELETED', '/a/b', 4],
      ['DELETED', '/a', 4],
    ]);
    expect(sm.revision).toBe(4);
    expect(sm.appliedIndex).toBe(4);
    sm.checkInvariants();
  });

  it('ignores an index already applied', () => {
    const sm = new CoordStateMachine();
    sm.apply(5, create('/a'));
    const again = sm.apply(5, create('/b'));
    expect(again.applied).toBe(false);
    expect(again.result).toMatchObject({ ok: false, error: { reason: 'STALE_INDEX' } });
    expect(sm.exists('/b')).toEqual({ ok: true, value: null });
    expect(sm.revision).toBe(1);
  });
});
