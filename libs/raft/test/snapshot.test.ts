import { Harness, bytes } from './harness';

describe('snapshots and log compaction (Raft §7)', () => {
  test('a follower whose entries were compacted receives a snapshot, then replication resumes', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(3);
    for (let k = 0; k < 20; k++) h.get(1).node.propose(bytes(`e${k}`));
    h.stabilize();
    const leader = h.get(1);
    const applied = leader.node.raft.log.applied;
    leader.storage.createSnapshot(applied, leader.confState, bytes('state@' + applied));
    leader.storage.compact(applied);
    h.heal();
    h.tickAll(1);
    h.stabilize();
    const f = h.get(3);
    expect(f.storage.snapshot().metadata.index).toBe(applied);
    expect(new TextDecoder().decode(f.storage.snapshot().data)).toBe('state@' + applied);
    expect(h.delivered.filter((m) => m.type === 'snap' && m.to === 3)).toHaveLength(1);
    h.get(1).node.propose(bytes('after'));
    h.stabilize();
    expect(h.appliedData(3)).toEqual(['after']);
    expect(h.raft(1).trk.progress.get(3)?.state).toBe('replicate');
  });

  test('a lost snapshot is reported by the transport and retried', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(3);
    for (let k = 0; k < 5; k++) h.get(1).node.propose(bytes(`e${k}`));
    h.stabilize();
    const leader = h.get(1);
    const applied = leader.node.raft.log.applied;
    leader.storage.createSnapshot(applied, leader.confState, bytes('s'));
    leader.storage.compact(applied);
    h.heal();
    let dropped = 0;
    h.filter = (m) => {
      if (m.type !== 'snap' || dropped > 0) return m;
      dropped++;
      leader.node.reportSnapshot(m.to, false);
      return null;
    };
    for (let k = 0; k < 5; k++) {
      h.tickAll(1);
      h.stabilize();
    }
    expect(dropped).toBe(1);
    expect(h.get(3).storage.snapshot().metadata.index).toBe(applied);
  });

  test('storage reports compacted and unavailable ranges with typed errors', () => {
    const h = new Harness([1]);
    h.campaign(1);
    h.get(1).node.proposeBatch([bytes('a'), bytes('b'), bytes('c')]);
    h.stabilize();
    const s = h.get(1).storage;
    s.compact(3);
    expect(() => s.entries(2, 4, Infinity)).toThrow(expect.objectContaining({ code: 'compacted' }));
    expect(() => s.term(2)).toThrow(expect.objectContaining({ code: 'compacted' }));
    expect(s.term(3)).toBe(2);
    expect(() => s.term(99)).toThrow(expect.objectContaining({ code: 'unavailable' }));
    expect(s.entries(4, 6, 1)).toHaveLength(1); // maxBytes still returns one entry
    expect(s.entries(4, 6, Infinity)).toHaveLength(2);
  });
});
