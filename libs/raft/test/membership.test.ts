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

  test('a removed leader hands leadership to a remaining voter (no election timeout)', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.get(1).node.proposeConfChange({ type: 'remove-node', nodeId: 1 });
    h.stabilize();
    expect(h.get(2).confState.voters).toEqual([2, 3]);
    expect(h.get(1).node.propose(bytes('no'))).toEqual({ ok: false, reason: 'not-member' });
    const lead = [2, 3].find((id) => h.raft(id).role === 'leader');
    expect(lead).toBeDefined();
    expect(h.raft(lead as number).term).toBe(h.raft(1).term + 1);
    h.nodes.delete(1);
    h.get(lead as number).node.propose(bytes('after'));
    h.stabilize();
    expect(h.appliedData(2)).toEqual(['after']);
  });

  test('removing the leader of two voters leaves a lone voter that learns it and leads', () => {
    const h = new Harness([1, 2]);
    h.campaign(1);
    // The appends carrying the commit of the removal are lost; the removed leader keeps
    // leading until a heartbeat or TimeoutNow gets through.
    let lost = 0;
    h.filter = (m) => (m.from === 1 && m.type === 'app' && lost++ < 3 ? null : m);
    h.get(1).node.proposeConfChange({ type: 'remove-node', nodeId: 1 });
    for (let k = 0; k < 30 && h.leader() !== 2; k++) {
      h.tickAll(1);
      h.stabilize();
    }
    expect(h.get(2).confState.voters).toEqual([2]);
    expect(h.leader()).toBe(2);
  });
});

describe('shrinking to a lone voter', () => {
  test('a restarted removed leader with a longer log tells the last voter that its removal committed', () => {
    // Voters {1,2}, leader 1 removes itself and appends a write w after the removal; node 2
    // gets the removal (so it commits) but never w, nor the commit of the removal.
    const h = new Harness([1, 2]);
    h.campaign(1);
    h.get(1).node.proposeConfChange({ type: 'remove-node', nodeId: 1 });
    const removeAt = h.raft(1).log.lastIndex();
    h.get(1).node.propose(bytes('w'));
    h.filter = (m) => {
      if (m.from !== 1) return m;
      if (m.type === 'timeout-now' || m.commit >= removeAt) return null;
      return m.type === 'app' && m.entries.some((e) => e.index > removeAt) ? null : m;
    };
    h.stabilize();
    expect(h.get(1).confState.voters).toEqual([2]);
    expect(h.raft(2).log.committed).toBeLessThan(removeAt);
    // Node 1 restarts: a follower that knows its removal committed and holds the longer log,
    // so it rejects node 2's votes; node 2 still thinks the voters are {1,2}.
    h.filter = null;
    h.addNode(1, h.get(1).storage);
    for (let k = 0; k < 60 && h.leader() !== 2; k++) {
      h.tickAll(1);
      h.stabilize();
    }
    expect(h.get(2).confState.voters).toEqual([2]);
    expect(h.leader()).toBe(2);
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
