// The broker's metadata cache against WatchMetadata messages as the coordinators send them: a
// snapshot replaces everything, a delta merges only the partitions it lists, a new topic_id is a
// re-created topic, and every applied message reports the complete state of what it touched.
import { MetadataCache } from '../src/coordinators/metadata-cache';

const part = (partition: number, leader: number, epoch = 0) => ({
  partition,
  leader,
  leader_epoch: epoch,
  partition_epoch: epoch,
  replicas: [1, 2],
  isr: [1, 2],
  adding_replicas: [],
  removing_replicas: [],
});
const topic = (name: string, id: string, partitions: ReturnType<typeof part>[]) => ({
  name,
  topic_id: id,
  replication_factor: 2,
  partitions,
  configs: {},
});
const broker = (id: number) => ({
  broker_id: id,
  address: `h:${id}`,
  rack: '',
  session_id: id,
  broker_epoch: id,
});
const msg = (revision: number, over: object) => ({
  header: { cluster_id: 'c', node_id: 1, term: 1, revision },
  snapshot: false,
  brokers: [],
  removed_broker_ids: [],
  topics: [],
  partitions: [],
  deleted_topics: [],
  acls: null,
  ...over,
});

it('applies a snapshot, then deltas, reporting complete topics', () => {
  const c = new MetadataCache();
  expect(c.complete).toBe(false);
  const first = c.apply(
    msg(5, {
      snapshot: true,
      brokers: [broker(2), broker(1)],
      topics: [topic('a', 'A', [part(0, 1), part(1, 2)])],
    }),
  );
  expect(c.complete).toBe(true);
  expect(first.changed.map((t) => t.name)).toEqual(['a']);
  expect(c.brokers().map((b) => b.broker_id)).toEqual([1, 2]);

  // A loose partition update: the topic comes back whole.
  const moved = c.apply(msg(6, { partitions: [{ topic: 'a', partition: part(1, 1, 1) }] }));
  expect(moved.changed[0]!.partitions.map((p) => p.leader)).toEqual([1, 1]);

  // A delta listing the topic with one partition (grown): the others stay.
  const grown = c.apply(msg(7, { topics: [topic('a', 'A', [part(2, 2)])] }));
  expect(grown.changed[0]!.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);

  // Same name, new id: a re-created topic, the old partitions are dropped.
  const again = c.apply(msg(8, { topics: [topic('a', 'B', [part(0, 2)])] }));
  expect(again.changed[0]!.partitions).toHaveLength(1);

  const gone = c.apply(msg(9, { deleted_topics: ['a'], removed_broker_ids: [2] }));
  expect(gone).toEqual({ changed: [], deleted: ['a'], brokersChanged: true, aclsChanged: false });
  expect(c.topics()).toEqual([]);
  expect(c.broker(2)).toBeUndefined();
  expect(c.revision).toBe(9);
});

it('a later snapshot reports the topics it no longer has as deleted', () => {
  const c = new MetadataCache();
  c.apply(msg(3, { snapshot: true, topics: [topic('a', 'A', [part(0, 1)]), topic('b', 'B', [])] }));
  const r = c.apply(msg(10, { snapshot: true, topics: [topic('b', 'B', [part(0, 1)])] }));
  expect(r.deleted).toEqual(['a']);
  expect(r.changed.map((t) => t.name)).toEqual(['b']);
});

it('refuses a revision that goes back', () => {
  const c = new MetadataCache();
  c.apply(msg(3, { snapshot: true }));
  expect(() => c.apply(msg(2, {}))).toThrow(/went back/);
});

it('keeps the ACL entries a snapshot or a change carries, and the same array until they change', () => {
  const c = new MetadataCache();
  expect(c.acls()).toEqual([]);
  const wire = (principal: string) => ({
    principal,
    resource_type: 'ACL_RESOURCE_TYPE_TOPIC' as const,
    pattern_type: 'ACL_PATTERN_TYPE_PREFIX' as const,
    name: 'ord',
    operation: 'ACL_OPERATION_WRITE' as const,
    permission: 'ACL_PERMISSION_ALLOW' as const,
  });
  const alice = {
    principal: 'alice',
    resourceType: 'topic',
    patternType: 'prefix',
    name: 'ord',
    operation: 'write',
    permission: 'allow',
  };
  const first = c.apply(msg(5, { snapshot: true, acls: { entries: [wire('alice')] } }));
  expect(first.aclsChanged).toBe(true);
  expect(c.acls()).toEqual([alice]);
  const kept = c.acls();
  expect(Object.isFrozen(kept) && Object.isFrozen(kept[0])).toBe(true);
  // A delta without the list leaves it as it was.
  expect(c.apply(msg(6, { brokers: [broker(1)] })).aclsChanged).toBe(false);
  expect(c.acls()).toBe(kept);
  c.apply(msg(7, { acls: { entries: [wire('alice'), wire('bob')] } }));
  expect(c.acls().map((e) => e.principal)).toEqual(['alice', 'bob']);
  c.apply(msg(8, { acls: { entries: [] } }));
  expect(c.acls()).toEqual([]);
  // A snapshot replaces the list, even one without it (a coordinator from before ACLs).
  c.apply(msg(9, { acls: { entries: [wire('carol')] } }));
  c.apply(msg(10, { snapshot: true }));
  expect(c.acls()).toEqual([]);
});
