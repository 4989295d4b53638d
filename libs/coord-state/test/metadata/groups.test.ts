// Consumer groups through the state machine: incremental assignment that never gives a
// partition to two members, fencing of zombie commits, static membership, and the assignors'
// balance and stickiness. Every apply checks the invariants (no partition assigned twice).
import type { Command } from '../../src';
import { Driver } from './driver';
import { type AssignorMember, rangeAssign, stickyAssign } from '../../src/metadata/assignors';
import { Xoshiro128 } from '@tributary/raft';

type Assignment = Record<string, number[]>;

class GroupDriver extends Driver {
  /** Three brokers and a topic of `partitions` partitions. */
  static withTopic(partitions: number, name = 't'): GroupDriver {
    const d = new GroupDriver();
    for (let id = 1; id <= 3; id++) {
      const sessionId = d.session();
      d.ok({ op: 'register-broker', brokerId: id, address: `h:${id}`, rack: '', sessionId });
    }
    d.ok({
      op: 'create-topic',
      name,
      partitions,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
    return d;
  }
}

const join = (over: Partial<Command & { op: 'join-group' }> = {}): Command => ({
  op: 'join-group',
  group: 'g',
  memberId: '',
  clientId: 'test',
  instanceId: '',
  topics: ['t'],
  sessionTimeoutMs: 0,
  assignor: '',
  ...over,
});

const owned = (a: Assignment) =>
  Object.entries(a).map(([topic, partitions]) => ({ topic, partitions }));
const flat = (a: Assignment) => Object.entries(a).flatMap(([t, ps]) => ps.map((p) => `${t}/${p}`));

/**
 * A consumer as the protocol expects. An answer lists what it may consume; partitions it owned
 * and the answer no longer lists are wound down (consumption stopped, offsets committed) and
 * still count as owned until its next heartbeat, which reports them released.
 */
class Consumer {
  memberId = '';
  generation = 0;
  private assigned: Assignment = {};
  private releasing: Assignment = {};
  constructor(
    private readonly d: Driver,
    readonly instanceId = '',
  ) {}
  /** Everything it may be consuming or committing right now. */
  get owns(): Assignment {
    const out: Assignment = {};
    for (const a of [this.assigned, this.releasing])
      for (const [t, ps] of Object.entries(a))
        out[t] = [...(out[t] ?? []), ...ps].sort((x, y) => x - y);
    return out;
  }
  join(): void {
    const v = this.d.ok(join({ instanceId: this.instanceId }));
    this.memberId = v.memberId;
    this.take(v);
  }
  heartbeat(): string {
    this.releasing = {}; // wound down before reporting
    const out = this.d.apply({
      op: 'group-heartbeat',
      group: 'g',
      memberId: this.memberId,
      generation: this.generation,
      owned: owned(this.assigned),
    });
    if (!out.result.ok) return out.result.error.reason;
    this.take(out.result.value);
    return 'ok';
  }
  private take(v: any): void {
    this.generation = v.generation;
    const next: Assignment = v.assignment;
    for (const [t, ps] of Object.entries(this.assigned)) {
      const gone = ps.filter((p) => !next[t]?.includes(p));
      if (gone.length > 0) this.releasing[t] = gone;
    }
    this.assigned = next;
  }
}

describe('incremental assignment', () => {
  it('moves a partition to a new member only after its owner released it', () => {
    const d = GroupDriver.withTopic(4);
    const a = new Consumer(d);
    a.join();
    expect(flat(a.owns)).toHaveLength(4);
    const b = new Consumer(d);
    b.join();
    // b's target is half, but a still owns everything: b gets nothing yet.
    expect(flat(b.owns)).toHaveLength(0);
    a.heartbeat(); // a learns its smaller target and winds the other two down…
    expect(flat(a.owns)).toHaveLength(4);
    b.heartbeat(); // …but it has not reported the release yet (its heartbeat told it to).
    expect(flat(b.owns)).toHaveLength(0);
    a.heartbeat(); // now a reports owning only its two
    expect(flat(a.owns)).toHaveLength(2);
    b.heartbeat();
    expect(flat(b.owns)).toHaveLength(2);
    expect(new Set([...flat(a.owns), ...flat(b.owns)]).size).toBe(4);
  });

  it('never lets two consumers own a partition, over random joins, leaves, crashes and heartbeats', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = new Xoshiro128(seed);
      const d = GroupDriver.withTopic(1 + random.int(12));
      const live: Consumer[] = [];
      for (let step = 0; step < 300; step++) {
        const r = random.int(10);
        if (r === 0 && live.length < 6) {
          const c = new Consumer(d);
          c.join();
          live.push(c);
        } else if (r === 1 && live.length > 0) {
          const c = live.splice(random.int(live.length), 1)[0]!;
          d.ok({ op: 'leave-group', group: 'g', memberId: c.memberId });
        } else if (r === 2 && live.length > 0) {
          // A crash: the consumer is gone without a word; the leader expires it later.
          const c = live.splice(random.int(live.length), 1)[0]!;
          d.ok({ op: 'expire-group-members', group: 'g', memberIds: [c.memberId] });
        } else if (live.length > 0) {
          const c = live[random.int(live.length)]!;
          expect(c.heartbeat()).toBe('ok');
        }
        // What consumers believe they own never overlaps.
        const all = live.flatMap((c) => flat(c.owns));
        expect(new Set(all).size).toBe(all.length);
      }
      // Quiet rounds of heartbeats: every partition ends up owned by someone.
      if (live.length > 0) {
        for (let round = 0; round < 4; round++) for (const c of live) c.heartbeat();
        const total = d.sm.topic('t')!.partitionCount;
        expect(new Set(live.flatMap((c) => flat(c.owns))).size).toBe(total);
      }
    }
  });

  it('gives partitions added to a subscribed topic to the group on the next heartbeats', () => {
    const d = GroupDriver.withTopic(2);
    const a = new Consumer(d);
    a.join();
    d.ok({ op: 'create-partitions', name: 't', count: 5 });
    a.heartbeat();
    expect(flat(a.owns)).toHaveLength(5);
  });
});

describe('fencing', () => {
  it('refuses a zombie: stale generation, unknown member, or a partition it does not own', () => {
    const d = GroupDriver.withTopic(2);
    const a = new Consumer(d);
    a.join();
    const commit = (memberId: string, generation: number, partition = 0) =>
      d.reason({
        op: 'commit-offsets',
        group: 'g',
        memberId,
        generation,
        offsets: [{ topic: 't', partition, offset: 10, leaderEpoch: 0, metadata: '' }],
      });
    expect(commit(a.memberId, a.generation)).toBe('ok');
    expect(commit(a.memberId, a.generation - 1)).toBe('FENCED');
    expect(commit('g-999', 1)).toBe('UNKNOWN_MEMBER');
    const b = new Consumer(d);
    b.join();
    a.heartbeat();
    a.heartbeat(); // a released one partition to b's target
    const released = [0, 1].find((p) => !a.owns['t']!.includes(p))!;
    expect(commit(a.memberId, a.generation, released)).toBe('FENCED');
    // An expired member's commit is refused too.
    d.ok({ op: 'expire-group-members', group: 'g', memberIds: [a.memberId] });
    expect(commit(a.memberId, a.generation)).toBe('UNKNOWN_MEMBER');
    expect(a.heartbeat()).toBe('UNKNOWN_MEMBER');
  });

  it('never moves a commit back within a generation (asynchronous commits arrive out of order)', () => {
    const d = GroupDriver.withTopic(1);
    const a = new Consumer(d);
    a.join();
    const commit = (offset: number) =>
      d.ok({
        op: 'commit-offsets',
        group: 'g',
        memberId: a.memberId,
        generation: a.generation,
        offsets: [{ topic: 't', partition: 0, offset, leaderEpoch: 0, metadata: '' }],
      });
    commit(9);
    commit(2); // sent before the 9, applied after it
    expect(d.sm.groupOffsets('g')['t']!['0']!.offset).toBe(9);
  });

  it('allows an admin commit only while the group has no members', () => {
    const d = GroupDriver.withTopic(1);
    const admin = () =>
      d.reason({
        op: 'commit-offsets',
        group: 'g',
        memberId: '',
        generation: -1,
        offsets: [{ topic: 't', partition: 0, offset: 5, leaderEpoch: -1, metadata: 'reset' }],
      });
    expect(admin()).toBe('ok');
    expect(d.sm.groupOffsets('g')).toEqual({
      t: { '0': { offset: 5, leaderEpoch: -1, metadata: 'reset', memberId: '', generation: -1 } },
    });
    new Consumer(d).join();
    expect(admin()).toBe('FENCED');
  });

  it.each([
    ['a bad group name', { group: 'a b' }, 'INVALID_NAME'],
    ['no topics', { topics: [] }, 'INVALID_ARGUMENT'],
    ['a bad topic name', { topics: ['..'] }, 'INVALID_NAME'],
    ['an unknown assignor', { assignor: 'roundrobin' }, 'INVALID_ARGUMENT'],
    ['a negative timeout', { sessionTimeoutMs: -1 }, 'INVALID_ARGUMENT'],
    ['an unknown member id', { memberId: 'g-404' }, 'UNKNOWN_MEMBER'],
  ])('refuses a join with %s', (_what, over, reason) => {
    const d = GroupDriver.withTopic(1);
    expect(d.reason(join(over as any))).toBe(reason);
    expect(d.sm.groupIds()).toEqual([]);
  });

  it('refuses malformed commits', () => {
    const d = GroupDriver.withTopic(1);
    const a = new Consumer(d);
    a.join();
    const bad = (o: object) =>
      d.reason({
        op: 'commit-offsets',
        group: 'g',
        memberId: a.memberId,
        generation: a.generation,
        offsets: [o as any],
      });
    expect(bad({ topic: 't', partition: 0, offset: -1, leaderEpoch: 0, metadata: '' })).toBe(
      'INVALID_ARGUMENT',
    );
    expect(bad({ topic: 't', partition: -1, offset: 1, leaderEpoch: 0, metadata: '' })).toBe(
      'INVALID_ARGUMENT',
    );
    expect(
      bad({ topic: 't', partition: 0, offset: 1, leaderEpoch: 0, metadata: 'x'.repeat(5000) }),
    ).toBe('INVALID_ARGUMENT');
    expect(bad(null as any)).toBe('INVALID_ARGUMENT');
  });
});

it('gives a restarted static member its partitions back without moving anyone else', () => {
  const d = GroupDriver.withTopic(6);
  const a = new Consumer(d, 'a');
  const b = new Consumer(d, 'b');
  a.join();
  b.join();
  for (let k = 0; k < 3; k++) {
    a.heartbeat();
    b.heartbeat();
  }
  const before = { a: flat(a.owns), b: flat(b.owns) };
  expect(before.a.length + before.b.length).toBe(6);
  const a2 = new Consumer(d, 'a'); // the same instance, restarted
  a2.join();
  expect(flat(a2.owns)).toEqual(before.a);
  b.heartbeat();
  expect(flat(b.owns)).toEqual(before.b);
  // The old incarnation is fenced.
  expect(a.heartbeat()).toBe('UNKNOWN_MEMBER');
});

describe('assignors', () => {
  const members = (n: number, topics = ['t']): AssignorMember[] =>
    Array.from({ length: n }, (_, k) => ({ memberId: `m${k}`, topics, target: {} }));
  const parts = () => 10;

  it('range balances each topic within one partition', () => {
    const t = rangeAssign(members(3), parts);
    expect([...t.values()].map((a) => a['t']!.length).sort()).toEqual([3, 3, 4]);
  });

  it('sticky moves fewer partitions than range when a member joins (stickiness measured)', () => {
    const moved = (assignor: typeof rangeAssign) => {
      const before = assignor(members(3), (t) => (t === 't' ? 12 : 0));
      const three = members(3).map((m) => ({ ...m, target: before.get(m.memberId)! }));
      const after = assignor([...three, { memberId: 'm9', topics: ['t'], target: {} }], () => 12);
      let n = 0;
      for (const m of three)
        for (const p of before.get(m.memberId)!['t']!)
          if (!after.get(m.memberId)!['t']?.includes(p)) n++;
      return n;
    };
    const sticky = moved(stickyAssign);
    const range = moved(rangeAssign);
    process.stdout.write(
      `a 4th member joining 3 on 12 partitions moves ${sticky} (sticky) vs ${range} (range)\n`,
    );
    expect(sticky).toBe(3); // the minimum: the newcomer's share
    expect(range).toBeGreaterThan(sticky);
  });

  it('only members subscribed to a topic get its partitions', () => {
    const t = stickyAssign(
      [
        { memberId: 'a', topics: ['x'], target: {} },
        { memberId: 'b', topics: ['x', 'y'], target: {} },
      ],
      () => 4,
    );
    expect(t.get('a')!['y']).toBeUndefined();
    expect(t.get('b')!['y']).toEqual([0, 1, 2, 3]);
  });
});
