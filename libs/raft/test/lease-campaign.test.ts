import { Harness, bytes } from './harness';

describe('campaign() and the leader lease (thesis §6.4.1, §9.6)', () => {
  test('campaign() inside the lease does not elect a leader while the old lease holds', () => {
    const h = new Harness([1, 2, 3], {
      checkQuorum: true,
      preVote: true,
      readOnlyOption: 'lease',
    });
    h.tickAll(12); // out of the restart window
    h.campaign(1);
    h.tickAll(1); // a heartbeat round: 2 and 3 ack, leader 1 holds the lease
    h.stabilize();
    const term = h.raft(1).term;
    // Node 3 loses the leader (1↔3 cut) and lets its own lease lapse; 2 stays in the lease.
    h.cut.add('1-3').add('3-1');
    h.tick(3, 20);
    h.stabilize();
    expect(h.raft(3).lead).toBe(0);
    expect(h.raft(2).lead).toBe(1);
    // 1↔2 is cut too, and node 2 is told to campaign while inside its lease.
    h.cut.add('1-2').add('2-1');
    h.get(2).node.campaign();
    h.stabilize();
    h.get(2).node.propose(bytes('w'));
    h.stabilize();
    const acked = h.get(2).applied.filter((e) => new TextDecoder().decode(e.data) === 'w');
    // Leader 1 still holds its lease (no time passed for it) and answers from it.
    expect(h.get(1).node.readIndex('lease-read').ok).toBe(true);
    h.stabilize();
    const states = h.get(1).readStates;
    for (const w of acked) for (const s of states) expect(s.index).toBeGreaterThanOrEqual(w.index);
    expect(h.raft(2).role).toBe('follower');
    expect(h.raft(2).term).toBe(term);
  });

  test('campaign() outside the lease, and TimeoutNow inside it, still elect', () => {
    const h = new Harness([1, 2, 3], {
      checkQuorum: true,
      preVote: true,
      readOnlyOption: 'lease',
    });
    h.tickAll(12);
    h.campaign(1);
    h.tickAll(1);
    h.stabilize();
    expect(h.get(1).node.transferLeadership(2).ok).toBe(true);
    h.stabilize();
    expect(h.leader()).toBe(2);
    h.isolate(2);
    h.tick(1, 10);
    h.tick(3, 10);
    h.heal();
    h.get(3).node.campaign();
    h.stabilize();
    expect(h.leader()).toBe(3);
  });
});
