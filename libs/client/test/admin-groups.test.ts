// The lag table of Admin.describeGroup, from committed offsets and high watermarks: lag is the
// high watermark minus the committed offset (never negative), null where nothing is committed;
// the owner is the member that owns the partition now, not one it is merely targeted at.
import { groupTopics, lagRows, type GroupMemberDescription } from '../src/admin-groups';

const member = (id: string, owned: number[], target: number[]): GroupMemberDescription => ({
  memberId: id,
  clientId: `client-${id}`,
  topics: ['orders'],
  owned: owned.map((partition) => ({ topic: 'orders', partition })),
  target: target.map((partition) => ({ topic: 'orders', partition })),
  generation: 1,
});

it('computes lag per partition and names the owning member', () => {
  const partitions = [0, 1, 2].map((partition) => ({ topic: 'orders', partition }));
  const members = [member('m1', [0], [0, 2]), member('m2', [1], [1])];
  const committed = new Map([
    ['orders/0', 7],
    ['orders/1', 12],
  ]);
  // Partition 1's commit is ahead of a high watermark a new leader has not advanced yet.
  const watermarks = new Map([
    ['orders/0', 10],
    ['orders/1', 11],
    ['orders/2', 4],
  ]);
  expect(lagRows(partitions, members, committed, watermarks)).toEqual([
    {
      topic: 'orders',
      partition: 0,
      committedOffset: 7,
      highWatermark: 10,
      lag: 3,
      memberId: 'm1',
      clientId: 'client-m1',
    },
    {
      topic: 'orders',
      partition: 1,
      committedOffset: 12,
      highWatermark: 11,
      lag: 0,
      memberId: 'm2',
      clientId: 'client-m2',
    },
    {
      topic: 'orders',
      partition: 2,
      committedOffset: -1,
      highWatermark: 4,
      lag: null,
      memberId: null,
      clientId: null,
    },
  ]);
});

it('lists the subscribed topics and the committed ones, once each, sorted', () => {
  const members = [member('m1', [], []), { ...member('m2', [], []), topics: ['audit', 'orders'] }];
  expect(groupTopics(members, [{ topic: 'billing', partition: 0 }])).toEqual([
    'audit',
    'billing',
    'orders',
  ]);
});
