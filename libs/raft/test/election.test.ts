import { message, type Message } from '../src';
import { Harness } from './harness';

function vote(from: number, to: number, term: number, index: number, logTerm: number): Message {
  return message({ type: 'vote', from, to, term, index, logTerm });
}

describe('leader election (Raft §5.2)', () => {
  test('a candidate with votes from a majority becomes leader; the others follow it', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    expect(h.raft(1).role).toBe('leader');
    expect(h.raft(1).term).toBe(2); // bootstrap is term 1
    expect(h.raft(2).lead).toBe(1);
    expect(h.raft(3).lead).toBe(1);
  });

  test('a candidate without a majority does not become leader', () => {
    const h = new Harness([1, 2, 3]);
    h.isolate(1);
    h.campaign(1);
    expect(h.raft(1).role).toBe('candidate');
  });

  test('each node grants at most one vote per term, first come first served', () => {
    const h = new Harness([1, 2, 3]);
    const r = h.raft(2);
    r.step(vote(1, 2, 5, 1, 1));
    r.step(vote(3, 2, 5, 1, 1));
    expect(r.msgs.map((m) => [m.to, m.reject])).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(r.vote).toBe(1);
  });

  test('a stale-term vote request is rejected with our term, which the candidate adopts (§5.1)', () => {
    // A voter whose stale membership lacks the candidate never asks it for a vote: only this
    // reply lets the candidate catch up with the voter's term (a deadlock the swarm found).
    const h = new Harness([1, 2, 3]);
    const r = h.raft(2);
    r.step(vote(3, 2, 7, 1, 1)); // now at term 7 (vote granted to 3)
    r.msgs = [];
    r.step(vote(1, 2, 4, 1, 1));
    expect(r.msgs.map((m) => [m.type, m.to, m.term, m.reject])).toEqual([
      ['vote-resp', 1, 7, true],
    ]);
    expect([r.term, r.vote]).toEqual([7, 3]);
    const c = h.raft(1);
    c.step({ ...(r.msgs[0] as Message) });
    expect([c.term, c.role]).toEqual([7, 'follower']);
  });

  test('votes go only to candidates whose log is at least as up-to-date (§5.4.1)', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1); // term 2, log has the leader's empty entry at index 2
    const r = h.raft(2);
    r.step(vote(3, 2, 3, 1, 1)); // last entry 1/1 is behind 2/2
    expect(r.msgs.at(-1)).toMatchObject({ type: 'vote-resp', to: 3, reject: true });
    r.step(vote(3, 2, 4, 2, 2)); // same last entry: up-to-date
    expect(r.msgs.at(-1)).toMatchObject({ type: 'vote-resp', to: 3, reject: false });
  });

  test('election timeouts are randomized in [electionTick, 2·electionTick)', () => {
    const elapsed: number[] = [];
    for (let id = 1; id <= 40; id++) {
      const h = new Harness([id], { electionTick: 10 });
      let ticks = 0;
      while (h.raft(id).role !== 'leader') {
        h.tick(id);
        ticks++;
        h.stabilize();
      }
      elapsed.push(ticks);
    }
    expect(Math.min(...elapsed)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...elapsed)).toBeLessThan(20);
    expect(new Set(elapsed).size).toBeGreaterThan(3);
  });

  test('a candidate that hears from a leader of its term steps down (§5.2)', () => {
    const h = new Harness([1, 2, 3]);
    h.isolate(3);
    h.campaign(3);
    const r = h.raft(3);
    expect(r.role).toBe('candidate');
    r.step(message({ type: 'app', from: 1, to: 3, term: r.term, index: 1, logTerm: 1 }));
    expect(r.role).toBe('follower');
    expect(r.lead).toBe(1);
  });
});

describe('pre-vote (thesis §9.6)', () => {
  test('a partitioned node does not increase its term, so it cannot disrupt on rejoin', () => {
    const h = new Harness([1, 2, 3], { preVote: true });
    h.campaign(1);
    const term = h.raft(1).term;
    h.isolate(3);
    for (let k = 0; k < 100; k++) {
      h.tick(3);
      h.stabilize();
    }
    expect(h.raft(3).role).toBe('pre-candidate');
    expect(h.raft(3).term).toBe(term);
    h.heal();
    h.tickAll(1);
    h.stabilize();
    expect(h.raft(1).role).toBe('leader');
    expect(h.raft(1).term).toBe(term);
  });

  test('without pre-vote the same partition forces a new election on rejoin', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    const term = h.raft(1).term;
    h.isolate(3);
    for (let k = 0; k < 100; k++) h.tick(3);
    h.stabilize();
    expect(h.raft(3).term).toBeGreaterThan(term);
    h.heal();
    for (let k = 0; k < 40; k++) {
      h.tickAll(1);
      h.stabilize();
    }
    expect(h.raft(h.leader()).term).toBeGreaterThan(term);
  });
});

describe('check-quorum and leader stickiness (thesis §6.2, §9.6)', () => {
  test('a leader that hears from no quorum within an election timeout steps down', () => {
    const h = new Harness([1, 2, 3], { checkQuorum: true });
    h.campaign(1);
    h.isolate(1);
    for (let k = 0; k < 20; k++) {
      h.tick(1);
      h.stabilize();
    }
    expect(h.raft(1).role).toBe('follower');
  });

  test('followers with a live leader ignore vote requests', () => {
    const h = new Harness([1, 2, 3], { checkQuorum: true });
    h.campaign(1);
    const r = h.raft(2);
    const term = r.term;
    r.step(vote(3, 2, term + 1, 100, 100));
    expect(r.msgs).toHaveLength(0);
    expect(r.term).toBe(term);
  });

  test('a leader keeps leadership while it hears from a quorum', () => {
    const h = new Harness([1, 2, 3], { checkQuorum: true });
    h.campaign(1);
    h.isolate(3);
    for (let k = 0; k < 50; k++) {
      h.tickAll(1);
      h.stabilize();
    }
    expect(h.raft(1).role).toBe('leader');
  });
});

describe('the election timer (§5.2)', () => {
  test('a rejected vote request of a higher term does not restart the timer; a granted one does', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1); // log 2/2
    const r = h.raft(2);
    h.isolate(2);
    h.tick(2, 7);
    r.step(vote(3, 2, 9, 1, 1)); // behind: rejected
    expect(r.msgs.at(-1)).toMatchObject({ type: 'vote-resp', reject: true, term: 9 });
    expect(r.term).toBe(9);
    expect(r.electionElapsed).toBe(7);
    r.step(vote(3, 2, 10, 2, 2)); // up to date: granted
    expect(r.msgs.at(-1)).toMatchObject({ type: 'vote-resp', reject: false, term: 10 });
    expect(r.electionElapsed).toBe(0);
  });

  test("a rejection carries the voter's commit point, which a candidate holding it adopts", () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    const r = h.raft(2);
    const committed = h.raft(1).log.committed;
    expect(r.log.committed).toBe(committed);
    r.step(vote(3, 2, 9, 1, 1));
    expect(r.msgs.at(-1)).toMatchObject({ reject: true, commit: committed, logTerm: 2 });
  });
});
