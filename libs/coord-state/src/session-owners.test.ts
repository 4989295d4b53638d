import { CoordStateMachine } from './index';
import { decodeCommand, encodeCommand } from './command-codec';
import { sessionOwnerPath } from './session-owners';

describe('open-owned-session', () => {
  it('records the owner with the session, and both end together', () => {
    const sm = new CoordStateMachine();
    const cmd = { op: 'open-owned-session', ttlMs: 1000, owner: 'alice' } as const;
    expect(decodeCommand(encodeCommand(cmd))).toEqual({ ok: true, value: cmd });
    const opened = sm.apply(1, cmd).result;
    expect(opened).toMatchObject({ ok: true, value: { op: 'open-owned-session', sessionId: 1 } });
    sm.checkInvariants();
    expect(sm.sessionOwner(1)).toBe('alice');
    expect(sm.session(1)?.ephemeralPaths).toEqual([sessionOwnerPath(1)]);
    expect(sm.apply(2, { op: 'close-session', sessionId: 1 }).result.ok).toBe(true);
    sm.checkInvariants();
    expect(sm.sessionOwner(1)).toBeUndefined();
    // A plain open-session (an open cluster) has no owner on record.
    sm.apply(3, { op: 'open-session', ttlMs: 1000 });
    expect(sm.sessionOwner(3)).toBeUndefined();
  });

  it('refuses a bad owner and changes nothing', () => {
    const sm = new CoordStateMachine();
    let index = 0;
    for (const owner of ['', 'x'.repeat(1025), 7]) {
      const out = sm.apply(++index, { op: 'open-owned-session', ttlMs: 1000, owner } as never);
      expect(out.result).toMatchObject({ ok: false, error: { reason: 'INVALID_ARGUMENT' } });
      expect(sm.session(index)).toBeUndefined();
      sm.checkInvariants();
    }
  });
});
