import { message, type Message } from '../src';
import { Harness, bytes } from './harness';

function appends(h: Harness, to: number): Message[] {
  return h.delivered.filter((m) => m.type === 'app' && m.to === to);
}

describe('log replication (Raft §5.3)', () => {
  test('committed entries reach every state machine in order', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    for (const s of ['a', 'b', 'c']) h.get(1).node.propose(bytes(s));
    h.get(2).node.propose(bytes('d')); // forwarded to the leader
    h.stabilize();
    for (const id of [1, 2, 3]) expect(h.appliedData(id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a follower truncates conflicting uncommitted entries (log matching)', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    h.isolate(1);
    h.get(1).node.proposeBatch([bytes('lost1'), bytes('lost2')]); // never committed
    h.stabilize();
    h.heal();
    h.isolate(1);
    h.cut.delete('2-3');
    h.cut.delete('3-2');
    h.campaign(2);
    h.get(2).node.propose(bytes('kept'));
    h.stabilize();
    h.heal();
    h.tickAll(1);
    h.stabilize();
    for (const id of [1, 2, 3]) expect(h.appliedData(id)).toEqual(['kept']);
    const log1 = h.get(1).storage;
    expect(log1.lastIndex()).toBe(h.get(2).storage.lastIndex());
  });

  test('fast back-off: a follower far behind with a divergent tail is found in few probes', () => {
    const h = new Harness([1, 2, 3], { maxSizePerMsgBytes: 1 << 20 });
    h.campaign(1);
    h.isolate(3);
    for (let k = 0; k < 50; k++) h.get(1).node.propose(bytes(`x${k}`));
    h.stabilize();
    h.heal();
    h.delivered.length = 0;
    h.tickAll(1);
    h.stabilize();
    const rejects = h.delivered.filter((m) => m.type === 'app-resp' && m.from === 3 && m.reject);
    expect(rejects.length).toBeLessThanOrEqual(1);
    expect(h.appliedData(3)).toHaveLength(50);
  });

  test('the reject hint uses terms (findConflictByTerm) to skip a whole divergent term', () => {
    const h = new Harness([1, 2, 3]);
    const r = h.raft(2);
    // Follower 2 has entries 2..4 of term 1; the leader probes at index 10, term 5.
    r.log.append(
      [2, 3, 4].map((index) => ({ index, term: 1, type: 'normal' as const, data: bytes('') })),
    );
    r.step(message({ type: 'app', from: 1, to: 2, term: 5, index: 10, logTerm: 5 }));
    expect(r.msgs.at(-1)).toMatchObject({
      type: 'app-resp',
      reject: true,
      rejectHint: 4,
      logTerm: 1,
    });
  });

  test('pipelining: at most maxInflightMsgs appends in flight, each ≤ maxSizePerMsgBytes', () => {
    const h = new Harness([1, 2], { maxInflightMsgs: 3, maxSizePerMsgBytes: 100 });
    h.campaign(1);
    const leader = h.raft(1);
    h.get(1).node.proposeBatch(Array.from({ length: 40 }, (_, k) => bytes(`p${k}`)));
    h.processReady(h.get(1));
    const sent = h.queue.filter((m) => m.type === 'app' && m.to === 2);
    expect(sent.length).toBe(3);
    for (const m of sent) {
      const size = m.entries.reduce((s, e) => s + e.data.length + 16, 0);
      expect(m.entries.length === 1 || size <= 100).toBe(true);
    }
    expect(leader.trk.progress.get(2)?.state).toBe('replicate');
    h.stabilize();
    expect(h.appliedData(2)).toHaveLength(40);
    expect(appends(h, 2).length).toBeGreaterThanOrEqual(40 / 4);
  });

  test('a leader appends an empty entry of its term on election (§8)', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1);
    const e = h.get(1).applied.at(-1);
    expect(e).toMatchObject({ index: 2, term: 2, type: 'normal' });
    expect(e?.data.length).toBe(0);
  });
});

describe('commitment (Raft §5.4.2, Figure 8)', () => {
  test('a leader never commits an old-term entry by counting replicas', () => {
    const h = new Harness([1, 2, 3, 4, 5], { maxSizePerMsgBytes: 1 }); // one entry per append
    h.campaign(1); // term 2
    // Leader 1 replicates an entry of term 2 only to node 2.
    for (const id of [3, 4, 5]) h.isolate(id);
    h.get(1).node.propose(bytes('old'));
    h.stabilize();
    const oldIndex = h.raft(1).log.lastIndex();
    h.heal();
    // Node 1 stays connected to 2 and 3 but loses 4 and 5; a new term starts with 1 re-elected.
    h.raft(1).becomeFollower(h.raft(1).term, 0);
    h.isolate(4);
    h.isolate(5);
    // Strip the new term's entries from appends: the old entry reaches a majority (1, 2, 3),
    // the new leader's empty entry reaches nobody.
    h.filter = (m) =>
      m.type === 'app' ? { ...m, entries: m.entries.filter((e) => e.term !== 3) } : m;
    h.campaign(1);
    const r = h.raft(1);
    expect(r.role).toBe('leader');
    expect(r.term).toBe(3);
    expect(r.trk.progress.get(3)?.match).toBeGreaterThanOrEqual(oldIndex); // old entry on a majority
    expect(r.log.committed).toBeLessThan(oldIndex); // …yet not committed
    h.filter = null;
    h.tickAll(1);
    h.stabilize();
    expect(r.log.committed).toBeGreaterThan(oldIndex); // committed with the term-3 entry
  });
});

describe('acks promise durable entries (the Ready contract)', () => {
  test('acks of entries a newer leader replaced before the write are not sent', () => {
    const h = new Harness([1, 2, 3]);
    h.campaign(1); // term 2; everyone holds 2/2
    const r = h.raft(3);
    const ent = (index: number, term: number) => ({
      term,
      index,
      type: 'normal' as const,
      data: bytes('x'),
    });
    // Node 1 (term 2) appends 3..4 at node 3; before node 3 writes them, node 2 (term 5)
    // replaces index 3 onward. The ack of 4 must not leave: 3..4/2 never reach the disk.
    r.step(
      message({
        type: 'app',
        from: 1,
        to: 3,
        term: 2,
        index: 2,
        logTerm: 2,
        entries: [ent(3, 2), ent(4, 2)],
        commit: 2,
      }),
    );
    r.step(
      message({
        type: 'app',
        from: 2,
        to: 3,
        term: 5,
        index: 2,
        logTerm: 2,
        entries: [ent(3, 5)],
        commit: 2,
      }),
    );
    const rd = h.get(3).node.ready();
    const acks = rd.messages.filter((m) => m.type === 'app-resp' && !m.reject);
    expect(acks.map((m) => [m.to, m.index, m.term])).toEqual([[2, 3, 5]]);
    expect(rd.entries.map((e) => `${e.index}/${e.term}`)).toEqual(['3/5']);
  });
});

describe('a heartbeat meant for an earlier incarnation', () => {
  test('is ignored by a member whose log is shorter than the commit it names', () => {
    // Member 3 was removed, its disk wiped and the id added again: an old heartbeat from the
    // leader, still in flight, names a commit index the new, empty log does not reach.
    const h = new Harness([1, 2, 3]);
    const r = h.raft(3);
    const committed = r.log.committed;
    expect(r.log.lastIndex()).toBeLessThan(36);
    r.step(message({ type: 'heartbeat', from: 1, to: 3, term: 2, commit: 36 }));
    expect(r.log.committed).toBe(committed);
    // It did not answer as if it held those entries either.
    expect(r.msgs.filter((m) => m.type === 'heartbeat-resp')).toHaveLength(0);
  });
});
