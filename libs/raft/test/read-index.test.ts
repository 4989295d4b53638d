import { Harness, bytes } from './harness';

describe('ReadIndex linearizable reads (thesis §6.4)', () => {
  test('the leader answers with its commit index after a heartbeat quorum confirms leadership', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.get(1).node.propose(bytes('w'));
    h.stabilize();
    h.delivered.length = 0;
    expect(h.get(1).node.readIndex('q1')).toEqual({ ok: true });
    h.stabilize();
    expect(h.get(1).readStates).toEqual([{ index: h.raft(1).log.committed, context: 'q1' }]);
    const beats = h.delivered.filter((m) => m.type === 'heartbeat' && m.context === 'q1');
    expect(beats.length).toBe(2);
  });

  test('a leader cut off from the quorum never answers', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(1);
    h.get(1).node.readIndex('q1');
    h.stabilize();
    expect(h.get(1).readStates).toEqual([]);
  });

  test('reads arriving together share one heartbeat round', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.delivered.length = 0;
    for (let k = 0; k < 10; k++) h.get(1).node.readIndex(`q${k}`);
    h.stabilize();
    expect(h.get(1).readStates.map((r) => r.context)).toEqual(
      Array.from({ length: 10 }, (_, k) => `q${k}`),
    );
    expect(h.delivered.filter((m) => m.type === 'heartbeat').length).toBe(2);
  });

  test('a follower forwards the read to the leader and gets the read index back', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.get(1).node.propose(bytes('w'));
    h.stabilize();
    h.get(3).node.readIndex('f1');
    h.stabilize();
    expect(h.get(3).readStates).toEqual([{ index: h.raft(1).log.committed, context: 'f1' }]);
  });

  test('a new leader defers reads until it has committed an entry of its term', () => {
    const h = new Harness([1, 2, 3]);
    h.filter = (m) => (m.type === 'app' ? null : m); // nothing commits in term 2
    h.campaign(1);
    h.get(1).node.readIndex('early');
    h.stabilize();
    expect(h.get(1).readStates).toEqual([]);
    h.filter = null;
    h.tickAll(1);
    h.stabilize();
    expect(h.get(1).readStates.map((r) => r.context)).toEqual(['early']);
    expect(h.get(1).readStates[0]?.index).toBe(h.raft(1).log.committed);
  });

  test('lease mode answers without a round trip while the lease holds', () => {
    const h = new Harness([1, 2, 3], { checkQuorum: true, readOnlyOption: 'lease' });
    for (let k = 0; k < 12; k++) h.tickAll(1); // out of the restart window
    h.campaign(1);
    h.tickAll(1); // heartbeat round establishes the lease
    h.stabilize();
    h.delivered.length = 0;
    h.get(1).node.readIndex('l1');
    h.stabilize();
    expect(h.get(1).readStates.map((r) => r.context)).toEqual(['l1']);
    expect(h.delivered.filter((m) => m.type === 'heartbeat').length).toBe(0);
    // Once isolated for an election timeout the lease expires: reads need a quorum again.
    h.isolate(1);
    for (let k = 0; k < 10; k++) h.tick(1);
    h.stabilize();
    h.get(1).node.readIndex('l2');
    h.stabilize();
    expect(h.get(1).readStates.map((r) => r.context)).toEqual(['l1']);
  });
});
