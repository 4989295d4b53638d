import { MemoryStorage } from '../src';
import { Harness, bytes } from './harness';

describe('membership changes (thesis §4.1, single-server changes)', () => {
  test('add a learner, which gets the log but never votes or counts; then promote it', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    expect(h.get(1).node.proposeConfChange({ type: 'add-learner', nodeId: 4 })).toEqual({
      ok: true,
    });
    h.stabilize();
    expect(h.get(1).confState).toEqual({ voters: [1, 2, 3], learners: [4] });
    h.addNode(4, new MemoryStorage());
    h.get(1).node.propose(bytes('x'));
    h.tickAll(1);
    h.stabilize();
    expect(h.appliedData(4)).toEqual(['x']);
    // A learner never campaigns.
    for (let k = 0; k < 50; k++) h.tick(4);
    expect(h.raft(4).role).toBe('follower');
    // Learners do not count toward commit: with 2 and 3 down nothing commits.
    h.isolate(2);
    h.isolate(3);
    const before = h.raft(1).log.committed;
    h.get(1).node.propose(bytes('y'));
    h.stabilize();
    expect(h.raft(1).log.committed).toBe(before);
    h.heal();
    h.stabilize();
    expect(h.get(1).node.proposeConfChange({ type: 'add-voter', nodeId: 4 })).toEqual({ ok: true });
    h.stabilize();
    expect(h.get(4).confState).toEqual({ voters: [1, 2, 3, 4], learners: [] });
    expect(h.raft(1).trk.quorum()).toBe(3);
  });

  test('only one conf change may be pending at a time', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(2);
    h.isolate(3);
    expect(h.get(1).node.proposeConfChange({ type: 'add-learner', nodeId: 4 }).ok).toBe(true);
    expect(h.get(1).node.proposeConfChange({ type: 'add-learner', nodeId: 5 })).toEqual({
      ok: false,
      reason: 'conf-change-pending',
    });
  });

  test('a removed leader steps down and the rest elect a new leader', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.get(1).node.proposeConfChange({ type: 'remove-node', nodeId: 1 });
    h.stabilize();
    expect(h.raft(1).role).toBe('follower');
    expect(h.get(2).confState.voters).toEqual([2, 3]);
    h.nodes.delete(1);
    for (let k = 0; k < 30 && h.leader() === 0; k++) {
      h.tickAll(1);
      h.stabilize();
    }
    expect([2, 3]).toContain(h.leader());
  });
});

describe('leadership transfer (thesis §3.10)', () => {
  test('the leader catches the target up, sends TimeoutNow, and the target wins', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(3);
    h.get(1).node.propose(bytes('behind'));
    h.stabilize();
    h.heal();
    expect(h.get(1).node.transferLeadership(3)).toEqual({ ok: true });
    h.stabilize();
    expect(h.leader()).toBe(3);
    expect(h.appliedData(3)).toEqual(['behind']);
  });

  test('proposals are refused during a transfer, which aborts after an election timeout', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(3);
    h.get(1).node.transferLeadership(3);
    h.stabilize();
    expect(h.raft(1).leadTransferee).toBe(3);
    expect(h.get(1).node.propose(bytes('no'))).toEqual({
      ok: false,
      reason: 'transfer-in-progress',
    });
    h.tick(1, 10);
    h.stabilize();
    expect(h.raft(1).leadTransferee).toBe(0);
    expect(h.get(1).node.propose(bytes('yes'))).toEqual({ ok: true });
  });
});
