import { CoordStateMachine } from '../src';
import { applyRandom, type GenState, Rng } from './random-commands';

describe('snapshot', () => {
  it('restores a large random state exactly, with identical subsequent behaviour', () => {
    const sm = new CoordStateMachine({ watchHistoryRevisions: 300 });
    const g: GenState = { sessions: [], lockKeys: [] };
    applyRandom(sm, new Rng(7), g, 1, 4000);
    sm.checkInvariants();
    expect(sm.revision).toBeGreaterThan(500);
    expect(sm.nodeCount).toBeGreaterThan(20);
    expect(sm.sessions().length).toBeGreaterThan(3);
    expect(sm.compactRevision).toBeGreaterThan(0);

    const snap = sm.toSnapshot();
    // A deep copy, as if serialized and read back (structuredClone ~ v8.serialize).
    const restored = CoordStateMachine.fromSnapshot(structuredClone(snap));
    expect(restored.toSnapshot()).toEqual(snap);
    expect(restored.revision).toBe(sm.revision);
    expect(restored.appliedIndex).toBe(sm.appliedIndex);

    // Same commands from here on: same outputs, same final state.
    const g2: GenState = { sessions: [...g.sessions], lockKeys: [...g.lockKeys] };
    const a = applyRandom(sm, new Rng(99), g, 4001, 1500);
    const b = applyRandom(restored, new Rng(99), g2, 4001, 1500);
    expect(b).toEqual(a);
    expect(restored.toSnapshot()).toEqual(sm.toSnapshot());
    restored.checkInvariants();
  });

  it('is exact for an empty state machine', () => {
    const sm = new CoordStateMachine();
    const restored = CoordStateMachine.fromSnapshot(sm.toSnapshot());
    expect(restored.toSnapshot()).toEqual(sm.toSnapshot());
  });
});
