import type { Message } from '../src';
import { Harness, bytes } from './harness';

/** Index of the entry carrying `data` in node `id`'s applied entries (throws if absent). */
function appliedIndexOf(h: Harness, id: number, data: string): number {
  const e = h.get(id).applied.find((x) => new TextDecoder().decode(x.data) === data);
  if (!e) throw new Error(`node ${id} never applied ${data}`);
  return e.index;
}

describe("a lone voter's ReadIndex (thesis §6.4)", () => {
  test('a lone voter answers ReadIndex only after committing an entry of its term', () => {
    // Voters {1,2}, leader 2. Leader 2 appends "remove 2" at i and a write w at i+1; both
    // commit (node 1 acked them) and 2 acknowledges w. Node 1 hears only the commit of i.
    const h = new Harness([1, 2]);
    h.campaign(2);
    expect(h.raft(2).role).toBe('leader');
    expect(h.get(2).node.proposeConfChange({ type: 'remove-node', nodeId: 2 }).ok).toBe(true);
    const removeAt = h.raft(2).log.lastIndex();
    expect(h.get(2).node.propose(bytes('w')).ok).toBe(true);
    // Node 2 (removed, still leading) would hand leadership to node 1 with TimeoutNow: drop it too.
    h.filter = (m: Message) =>
      m.from === 2 && (m.commit > removeAt || m.type === 'timeout-now') ? null : m;
    h.stabilize();
    const wAt = appliedIndexOf(h, 2, 'w'); // acknowledged to the client
    expect(wAt).toBe(removeAt + 1);
    expect(h.raft(1).log.committed).toBe(removeAt);
    expect(h.get(1).confState.voters).toEqual([1]);
    expect(h.raft(1).log.lastIndex()).toBe(wAt); // node 1 holds w, not knowing it committed
    // Node 1, now the lone voter, wins at once and is asked for a read before anything else.
    h.get(1).node.campaign();
    expect(h.raft(1).role).toBe('leader');
    expect(h.get(1).node.readIndex('q').ok).toBe(true);
    h.filter = null;
    h.stabilize();
    const states = h.get(1).readStates;
    expect(states.map((s) => s.context)).toEqual(['q']);
    expect(states[0]?.index).toBeGreaterThanOrEqual(wAt);
  });
});
