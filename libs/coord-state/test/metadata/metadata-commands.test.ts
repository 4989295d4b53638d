// The metadata commands through the state machine: registration bound to sessions, topics,
// the controller's failover when a broker's session ends, AlterIsr fencing, reassignment,
// producer ids, and bad input refused with nothing changed. Every apply checks the invariants.
import {
  type Command,
  CoordStateMachine,
  decodeCommand,
  decodeSnapshot,
  encodeCommand,
  encodeSnapshot,
} from '../../src';
import type { PartitionRecord } from '../../src/metadata/records';
import { CRC } from '../snapshot-fixtures';
import { Driver } from './driver';

const restore = (sm: CoordStateMachine) => {
  const r = decodeSnapshot(encodeSnapshot(sm, CRC), CRC);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

class MetadataDriver extends Driver {
  /** Registers brokers first..n (rack r{id % racks}) each with a session of its own. */
  brokers(n: number, racks = 1, first = 1): Map<number, { session: number; epoch: number }> {
    const out = new Map<number, { session: number; epoch: number }>();
    for (let id = first; id <= n; id++) {
      const session = this.session();
      const { brokerEpoch } = this.ok({
        op: 'register-broker',
        brokerId: id,
        address: `127.0.0.1:${9000 + id}`,
        rack: racks > 1 ? `r${id % racks}` : '',
        sessionId: session,
      });
      out.set(id, { session, epoch: brokerEpoch });
    }
    return out;
  }
  topic(name: string, partitions: number, replicationFactor: number, configs = {}) {
    return this.ok({
      op: 'create-topic',
      name,
      partitions,
      replicationFactor,
      configs,
      validateOnly: false,
    }).topic;
  }
  partition(topic: string, n: number): PartitionRecord {
    return this.sm.topic(topic)!.partitions[n]!;
  }
  /** The partition's leader reports `replica` in sync (AlterIsr): the partition after. */
  leaderAddsToIsr(topic: string, n: number, replica: number): PartitionRecord {
    const p = this.partition(topic, n);
    return this.ok({
      op: 'alter-isr',
      topic,
      partition: n,
      brokerId: p.leader,
      brokerEpoch: this.sm.brokers().find((x) => x.brokerId === p.leader)!.brokerEpoch,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      isr: [...p.isr, replica],
    }).partition;
  }
}

describe('brokers', () => {
  it('are registered by a live session, refused a second live holder of the id, and gone with the session', () => {
    const d = new MetadataDriver();
    const b = d.brokers(2);
    expect(d.sm.brokers().map((x) => x.brokerId)).toEqual([1, 2]);
    const other = d.session();
    expect(
      d.reason({ op: 'register-broker', brokerId: 1, address: 'h:1', rack: '', sessionId: other }),
    ).toBe('BROKER_EXISTS');
    // The same session re-registering updates the address and keeps the epoch.
    const again = d.ok({
      op: 'register-broker',
      brokerId: 1,
      address: 'moved:9',
      rack: '',
      sessionId: b.get(1)!.session,
    });
    expect(again.brokerEpoch).toBe(b.get(1)!.epoch);
    expect(d.sm.brokers()[0]!.address).toBe('moved:9');
    d.ok({ op: 'close-session', sessionId: b.get(1)!.session });
    expect(d.sm.brokers().map((x) => x.brokerId)).toEqual([2]);
    // Now the id is free; a new registration has a larger epoch.
    const re = d.ok({
      op: 'register-broker',
      brokerId: 1,
      address: 'h:1',
      rack: '',
      sessionId: other,
    });
    expect(re.brokerEpoch).toBeGreaterThan(b.get(1)!.epoch);
  });

  it.each([
    ['id 0', { brokerId: 0 }, 'INVALID_ARGUMENT'],
    ['no port', { address: 'localhost' }, 'INVALID_ARGUMENT'],
    ['unknown session', { sessionId: 999 }, 'SESSION_EXPIRED'],
  ])('refuses %s', (_what, over, reason) => {
    const d = new MetadataDriver();
    const sessionId = d.session();
    expect(
      d.reason({
        op: 'register-broker',
        brokerId: 1,
        address: 'h:1',
        rack: '',
        sessionId,
        ...over,
      } as Command),
    ).toBe(reason);
  });

  it('are plain nodes under /tributary/brokers, read-only to clients', () => {
    const d = new MetadataDriver();
    d.brokers(1);
    const node = d.sm.get('/tributary/brokers/1');
    expect(node.ok && JSON.parse(new TextDecoder().decode(node.value.data)).address).toBe(
      '127.0.0.1:9001',
    );
    expect(
      d.reason({
        op: 'delete',
        path: '/tributary/brokers/1',
        expectedVersion: -1,
        recursive: false,
      }),
    ).toBe('RESERVED_PATH');
  });
});

describe('topics', () => {
  it('are created over the live brokers with leaders spread, described, listed and deleted', () => {
    const d = new MetadataDriver();
    d.brokers(3);
    const t = d.topic('orders', 6, 3);
    expect(t.partitions).toHaveLength(6);
    const leaders = t.partitions.map((p: PartitionRecord) => p.leader);
    for (const id of [1, 2, 3]) expect(leaders.filter((l: number) => l === id)).toHaveLength(2);
    for (const p of t.partitions) expect(p.isr).toEqual(p.replicas);
    expect(d.sm.topicNames()).toEqual(['orders']);
    expect(d.sm.topic('orders')!.partitions).toEqual(t.partitions);
    expect(d.sm.get('/tributary/topics/orders/5').ok).toBe(true);
    d.ok({ op: 'delete-topic', name: 'orders' });
    expect(d.sm.topicNames()).toEqual([]);
    expect(d.sm.get('/tributary/topics/orders/0').ok).toBe(false);
    // Re-created: a new topic id.
    expect(d.topic('orders', 1, 1).topicId).not.toBe(t.topicId);
  });

  it('validate_only returns the placement and creates nothing', () => {
    const d = new MetadataDriver();
    d.brokers(2);
    const v = d.ok({
      op: 'create-topic',
      name: 't',
      partitions: 2,
      replicationFactor: 2,
      configs: {},
      validateOnly: true,
    });
    expect(v.topic.partitions).toHaveLength(2);
    expect(d.sm.topicNames()).toEqual([]);
  });

  it.each([
    ['an empty name', { name: '' }, 'INVALID_NAME'],
    ['..', { name: '..' }, 'INVALID_NAME'],
    ['250 characters', { name: 'x'.repeat(250) }, 'INVALID_NAME'],
    ['a slash', { name: 'a/b' }, 'INVALID_NAME'],
    ['a space', { name: 'a b' }, 'INVALID_NAME'],
    ['partitions < 0', { partitions: -1 }, 'INVALID_ARGUMENT'],
    ['0 partitions', { partitions: 0 }, 'INVALID_ARGUMENT'],
    ['partitions not an integer', { partitions: 1.5 }, 'INVALID_ARGUMENT'],
    ['rf > live brokers', { replicationFactor: 3 }, 'INVALID_REPLICATION_FACTOR'],
    ['an unknown config key', { configs: { 'retention.msec': '1' } }, 'INVALID_CONFIG'],
    ['retention.ms not a number', { configs: { 'retention.ms': 'soon' } }, 'INVALID_CONFIG'],
    ['min.insync.replicas > rf', { configs: { 'min.insync.replicas': '3' } }, 'INVALID_CONFIG'],
    ['cleanup.policy unknown', { configs: { 'cleanup.policy': 'shred' } }, 'INVALID_CONFIG'],
    [
      'max.message.bytes too large',
      { configs: { 'max.message.bytes': String(64 << 20) } },
      'INVALID_CONFIG',
    ],
    [
      'unclean.leader.election not boolean',
      { configs: { 'unclean.leader.election': 'yes' } },
      'INVALID_CONFIG',
    ],
  ])('refuses %s', (_what, over, reason) => {
    const d = new MetadataDriver();
    d.brokers(2);
    const cmd = {
      op: 'create-topic',
      name: 'ok',
      partitions: 1,
      replicationFactor: 2,
      configs: {},
      validateOnly: false,
      ...over,
    };
    expect(d.reason(cmd as Command)).toBe(reason);
    expect(d.sm.topicNames()).toEqual([]);
  });

  it('refuses a taken name, and creating with no live broker', () => {
    const d = new MetadataDriver();
    expect(
      d.reason({
        op: 'create-topic',
        name: 't',
        partitions: 1,
        replicationFactor: 1,
        configs: {},
        validateOnly: false,
      }),
    ).toBe('INVALID_REPLICATION_FACTOR');
    d.brokers(1);
    d.topic('t', 1, 1);
    expect(
      d.reason({
        op: 'create-topic',
        name: 't',
        partitions: 1,
        replicationFactor: 1,
        configs: {},
        validateOnly: false,
      }),
    ).toBe('TOPIC_EXISTS');
  });

  it('grow by partitions and change configs', () => {
    const d = new MetadataDriver();
    d.brokers(3);
    d.topic('t', 2, 2);
    const grown = d.ok({ op: 'create-partitions', name: 't', count: 5 }).topic;
    expect(grown.partitions.map((p: PartitionRecord) => p.partition)).toEqual([0, 1, 2, 3, 4]);
    expect(d.reason({ op: 'create-partitions', name: 't', count: 5 })).toBe('INVALID_ARGUMENT');
    expect(d.reason({ op: 'create-partitions', name: 'nope', count: 5 })).toBe('UNKNOWN_TOPIC');
    const c = d.ok({
      op: 'update-topic-config',
      name: 't',
      set: { 'cleanup.policy': 'compact' },
      delete: [],
    });
    expect(c.configs).toEqual({ 'cleanup.policy': 'compact' });
    expect(
      d.ok({ op: 'update-topic-config', name: 't', set: {}, delete: ['cleanup.policy'] }).configs,
    ).toEqual({});
    expect(
      d.reason({ op: 'update-topic-config', name: 't', set: { bogus: '1' }, delete: [] }),
    ).toBe('INVALID_CONFIG');
    // Deleting a key that does not exist is refused too (it once threw inside apply).
    expect(d.reason({ op: 'update-topic-config', name: 't', set: {}, delete: ['bogus'] })).toBe(
      'INVALID_CONFIG',
    );
    expect(
      d.reason({
        op: 'update-topic-config',
        name: 't',
        set: { 'retention.ms': '1' },
        delete: ['retention.ms'],
      }),
    ).toBe('INVALID_ARGUMENT');
  });
});

describe('the controller', () => {
  it('fails partitions over when a broker session ends, and gives leadership back when it returns', () => {
    const d = new MetadataDriver();
    const b = d.brokers(3);
    d.topic('t', 3, 3);
    const ledBy1 = d.sm.topic('t')!.partitions.filter((p) => p.leader === 1);
    expect(ledBy1.length).toBe(1);
    const before = ledBy1[0]!;
    d.ok({ op: 'expire-sessions', sessionIds: [b.get(1)!.session] });
    const after = d.partition('t', before.partition);
    expect(after.leader).not.toBe(1);
    expect(after.leaderEpoch).toBe(before.leaderEpoch + 1);
    for (const p of d.sm.topic('t')!.partitions) expect(p.isr).not.toContain(1);
    // Broker 1 comes back: it must catch up and be added by the leader (AlterIsr); then, as the
    // preferred replica, it leads again.
    const s = d.session();
    const { brokerEpoch } = d.ok({
      op: 'register-broker',
      brokerId: 1,
      address: 'h:1',
      rack: '',
      sessionId: s,
    });
    expect(d.partition('t', before.partition).leader).toBe(after.leader);
    const leader = after.leader;
    const leaderEpoch = d.sm.brokers().find((x) => x.brokerId === leader)!.brokerEpoch;
    const back = d.ok({
      op: 'alter-isr',
      topic: 't',
      partition: before.partition,
      brokerId: leader,
      brokerEpoch: leaderEpoch,
      leaderEpoch: after.leaderEpoch,
      partitionEpoch: after.partitionEpoch,
      isr: [...after.isr, 1],
    }).partition;
    expect(back.leader).toBe(1);
    expect(back.isr).toEqual([1, 2, 3].filter((x) => back.replicas.includes(x)));
    expect(brokerEpoch).toBeGreaterThan(0);
  });

  it('fails over once per partition when one command ends the sessions of several brokers', () => {
    const d = new MetadataDriver();
    const b = d.brokers(3);
    d.topic('t', 3, 3);
    d.ok({ op: 'expire-sessions', sessionIds: [b.get(1)!.session, b.get(2)!.session] });
    for (const p of d.sm.topic('t')!.partitions) {
      expect(p.leader).toBe(3);
      expect(p.isr).toEqual([3]);
    }
  });

  it('takes a partition offline when its last in-sync replica goes, and back when that broker returns', () => {
    const d = new MetadataDriver();
    const b = d.brokers(2);
    d.topic('t', 1, 1);
    const leader = d.partition('t', 0).leader;
    const out = d.apply({ op: 'close-session', sessionId: b.get(leader)!.session });
    expect(d.partition('t', 0)).toMatchObject({ leader: -1, isr: [leader], leaderEpoch: 1 });
    expect(out.controllerNotes.join()).toMatch(/offline/);
    const s = d.session();
    d.ok({ op: 'register-broker', brokerId: leader, address: 'h:1', rack: '', sessionId: s });
    expect(d.partition('t', 0)).toMatchObject({ leader, isr: [leader], leaderEpoch: 2 });
  });

  it('elects an out-of-sync replica when unclean.leader.election is true, and says so', () => {
    const d = new MetadataDriver();
    const b = d.brokers(2);
    d.topic('t', 1, 2, { 'unclean.leader.election': 'true' });
    const p = d.partition('t', 0);
    const [leader, follower] = p.replicas as [number, number];
    const epochs = new Map(d.sm.brokers().map((x) => [x.brokerId, x.brokerEpoch]));
    d.ok({
      op: 'alter-isr',
      topic: 't',
      partition: 0,
      brokerId: leader,
      brokerEpoch: epochs.get(leader)!,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      isr: [leader],
    });
    const out = d.apply({ op: 'close-session', sessionId: b.get(leader)!.session });
    expect(d.partition('t', 0)).toMatchObject({ leader: follower, isr: [follower] });
    expect(out.controllerNotes.join()).toMatch(/unclean/);
  });
});

describe('AlterIsr', () => {
  function setup() {
    const d = new MetadataDriver();
    d.brokers(3);
    d.topic('t', 1, 3);
    const p = d.partition('t', 0);
    const epoch = (id: number) => d.sm.brokers().find((x) => x.brokerId === id)!.brokerEpoch;
    const req = (over: object = {}) =>
      ({
        op: 'alter-isr',
        topic: 't',
        partition: 0,
        brokerId: p.leader,
        brokerEpoch: epoch(p.leader),
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: p.partitionEpoch,
        isr: [p.leader, p.replicas[1]],
        ...over,
      }) as Command;
    return { d, p, req, epoch };
  }

  it('shrinks the ISR from the leader and bumps the partition epoch', () => {
    const { d, p, req } = setup();
    const next = d.ok(req()).partition;
    expect(next.isr).toHaveLength(2);
    expect(next.partitionEpoch).toBe(p.partitionEpoch + 1);
    // The same request again is stale now.
    expect(d.reason(req())).toBe('FENCED');
  });

  it.each([
    [
      'a stale leader epoch',
      (p: PartitionRecord) => ({ leaderEpoch: p.leaderEpoch - 1 }),
      'FENCED',
    ],
    [
      'a stale partition epoch',
      (p: PartitionRecord) => ({ partitionEpoch: p.partitionEpoch + 3 }),
      'FENCED',
    ],
    [
      'a broker that is not the leader',
      (p: PartitionRecord) => ({ brokerId: p.replicas[1] }),
      'FENCED',
    ],
    ['a wrong broker epoch', () => ({ brokerEpoch: 123456 }), 'FENCED'],
    [
      'an ISR without the leader',
      (p: PartitionRecord) => ({ isr: [p.replicas[1]] }),
      'INVALID_ARGUMENT',
    ],
    ['a non-replica', (p: PartitionRecord) => ({ isr: [p.leader, 9] }), 'INVALID_ARGUMENT'],
    ['a duplicate', (p: PartitionRecord) => ({ isr: [p.leader, p.leader] }), 'INVALID_ARGUMENT'],
    ['an unknown partition', () => ({ partition: 4 }), 'UNKNOWN_PARTITION'],
    ['an unknown topic', () => ({ topic: 'nope' }), 'UNKNOWN_TOPIC'],
  ])('refuses %s', (_what, over, reason) => {
    const { d, p, req } = setup();
    const cmd = req((over as (p: PartitionRecord) => object)(p));
    // A broker id that is not the leader needs its own epoch to get past the broker check.
    expect(d.reason(cmd)).toBe(reason);
    expect(d.partition('t', 0)).toEqual(p);
  });
});

describe('reassignment', () => {
  it('adds the new replicas first and drops the old ones only once the new are in sync', () => {
    const d = new MetadataDriver();
    d.brokers(4);
    d.topic('t', 1, 3);
    const p = d.partition('t', 0);
    const spare = [1, 2, 3, 4].find((b) => !p.replicas.includes(b))!;
    const target = [spare, ...p.replicas.slice(1)];
    d.ok({
      op: 'reassign-partitions',
      reassignments: [{ topic: 't', partition: 0, replicas: target }],
    });
    const moving = d.partition('t', 0);
    expect(moving.addingReplicas).toEqual([spare]);
    expect(moving.removingReplicas).toEqual([p.replicas[0]]);
    expect(moving.isr.length).toBe(3); // nobody left the ISR yet
    expect(
      d.reason({
        op: 'reassign-partitions',
        reassignments: [{ topic: 't', partition: 0, replicas: target }],
      }),
    ).toBe('REASSIGNMENT_IN_PROGRESS');
    // The leader reports the new replica in sync.
    const done = d.leaderAddsToIsr('t', 0, spare);
    expect(done.replicas).toEqual(target);
    expect(done.isr).toEqual(target);
    expect(done.leader).toBe(spare); // the preferred replica
    expect(done.addingReplicas).toEqual([]);
  });

  it('rebalances with no moves given: validate-only plans and changes nothing, then it moves', () => {
    const d = new MetadataDriver();
    d.brokers(2);
    d.topic('t', 4, 2);
    d.brokers(4, 1, 3); // brokers 3 and 4 join, holding nothing
    const before = [0, 1, 2, 3].map((n) => d.partition('t', n));
    const planned = d.ok({ op: 'reassign-partitions', reassignments: [], validateOnly: true });
    expect(planned.reassignments.length).toBeGreaterThan(0);
    expect([0, 1, 2, 3].map((n) => d.partition('t', n))).toEqual(before);
    const made = d.ok({ op: 'reassign-partitions', reassignments: [] });
    expect(made.reassignments).toEqual(planned.reassignments);
    for (const m of made.reassignments)
      expect(d.partition('t', m.partition).replicas.slice(0, 2)).toEqual(m.replicas);
  });

  it('keeps a throttle on the partitions being moved until each move completes', () => {
    const d = new MetadataDriver();
    d.brokers(3);
    d.topic('t', 1, 2);
    const p = d.partition('t', 0);
    const spare = [1, 2, 3].find((b) => !p.replicas.includes(b))!;
    const target = [p.replicas[0]!, spare];
    const move = { topic: 't', partition: 0, replicas: target };
    expect(
      d.reason({ op: 'reassign-partitions', reassignments: [move], throttleBytesPerSec: -1 }),
    ).toBe('INVALID_ARGUMENT');
    d.ok({ op: 'reassign-partitions', reassignments: [move], throttleBytesPerSec: 1_000_000 });
    const moving = d.partition('t', 0);
    expect(moving.throttleBytesPerSec).toBe(1_000_000);
    const done = d.leaderAddsToIsr('t', 0, spare);
    expect(done.replicas).toEqual(target);
    expect(done.throttleBytesPerSec).toBeUndefined();
    expect(d.partition('t', 0).throttleBytesPerSec).toBeUndefined();
  });

  it('refuses moves to unknown brokers or with the wrong replica count', () => {
    const d = new MetadataDriver();
    d.brokers(3);
    d.topic('t', 1, 2);
    expect(
      d.reason({
        op: 'reassign-partitions',
        reassignments: [{ topic: 't', partition: 0, replicas: [1, 9] }],
      }),
    ).toBe('INVALID_ARGUMENT');
    expect(
      d.reason({
        op: 'reassign-partitions',
        reassignments: [{ topic: 't', partition: 0, replicas: [1] }],
      }),
    ).toBe('INVALID_ARGUMENT');
  });
});

it('allocates producer ids that are never reused, across snapshots', () => {
  const d = new MetadataDriver();
  const ids = [1, 2, 3].map(() => d.ok({ op: 'allocate-producer-id' }).producerId);
  expect(new Set(ids).size).toBe(3);
  d.sm = restore(d.sm);
  const next = d.ok({ op: 'allocate-producer-id' }).producerId;
  expect(next).toBeGreaterThan(Math.max(...ids));
});

it('keeps brokers and topics across a snapshot', () => {
  const d = new MetadataDriver();
  d.brokers(3, 3);
  d.topic('t', 4, 3);
  const restored = restore(d.sm);
  expect(restored.topic('t')).toEqual(d.sm.topic('t'));
  expect(restored.brokers()).toEqual(d.sm.brokers());
});

it('refuses metadata entries whose fields have the wrong shape, changing nothing', () => {
  // What a forged proposal could carry: the codec checks only the op of the JSON body.
  const d = new MetadataDriver();
  d.brokers(1);
  d.topic('t', 1, 1);
  const forged = [
    { op: 'reassign-partitions', reassignments: [null] },
    { op: 'reassign-partitions', reassignments: 'all' },
    { op: 'alter-isr', topic: 't', partition: 0 },
    { op: 'update-topic-config', name: 't', set: null, delete: null },
    { op: 'group-heartbeat', group: 'g', memberId: 'x', generation: 0, owned: [1] },
    { op: 'commit-offsets', group: 'g', memberId: '', generation: -1, offsets: [{}] },
    { op: 'create-topic', name: 'u', partitions: 1, replicationFactor: 1 },
    { op: 'join-group', group: 'g', topics: 't' },
  ];
  for (const cmd of forged) expect(d.reason(cmd as unknown as Command)).not.toBe('ok');
  expect(d.sm.topicNames()).toEqual(['t']);
});

it('refuses a metadata entry that is not a known op', () => {
  const bytes = encodeCommand({ op: 'allocate-producer-id' });
  const text = new TextDecoder()
    .decode(bytes)
    .replace('allocate-producer-id', 'allocate-producer-xx');
  const r = decodeCommand(new TextEncoder().encode(text));
  expect(r.ok).toBe(false);
});
