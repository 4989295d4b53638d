// The controller's decisions for one partition, as a table of broker-loss and broker-return
// scenarios → the expected leader, ISR and epochs.
import { afterIsrChange, withBrokerBack, withoutBroker } from '../../src/metadata/controller';
import type { PartitionRecord } from '../../src/metadata/records';

const part = (o: Partial<PartitionRecord>): PartitionRecord => ({
  partition: 0,
  leader: 1,
  leaderEpoch: 4,
  partitionEpoch: 9,
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
  addingReplicas: [],
  removingReplicas: [],
  ...o,
});
const live = (...ids: number[]) => new Set(ids);

describe('a broker is gone', () => {
  it.each([
    // name, partition, gone, live, unclean → leader, isr, leaderEpoch, note
    ['leader gone: next in-sync replica leads', {}, 1, [2, 3], false, 2, [2, 3], 5, false],
    ['follower gone: leaves the isr, same leader epoch', {}, 3, [1, 2], false, 1, [1, 2], 4, false],
    [
      'out-of-sync follower gone: nothing changes',
      { isr: [1, 2] },
      3,
      [1, 2],
      false,
      1,
      [1, 2],
      4,
      false,
    ],
    [
      'last isr member gone: offline, isr kept',
      { leader: 2, isr: [2] },
      2,
      [1, 3],
      false,
      -1,
      [2],
      5,
      true,
    ],
    [
      'last isr member gone, unclean: a live replica leads',
      { leader: 2, isr: [2] },
      2,
      [3],
      true,
      3,
      [3],
      5,
      true,
    ],
    [
      'unclean but no live replica: offline',
      { leader: 2, isr: [2] },
      2,
      [],
      true,
      -1,
      [2],
      5,
      true,
    ],
    ['not a replica: nothing changes', {}, 7, [1, 2, 3], false, 1, [1, 2, 3], 4, false],
  ] as const)('%s', (_name, o, gone, liveIds, unclean, leader, isr, leaderEpoch, noted) => {
    const before = part(o as Partial<PartitionRecord>);
    const d = withoutBroker(before, gone, live(...liveIds), unclean);
    expect(d.partition.leader).toBe(leader);
    expect(d.partition.isr).toEqual(isr);
    expect(d.partition.leaderEpoch).toBe(leaderEpoch);
    expect(d.partition.partitionEpoch).toBe(d.partition === before ? 9 : 10);
    expect(Boolean(d.note)).toBe(noted);
  });
});

describe('a broker returns', () => {
  it('the last in-sync replica of an offline partition leads again', () => {
    const d = withBrokerBack(part({ leader: -1, isr: [2], leaderEpoch: 5 }), 2, live(2), false);
    expect(d.partition).toMatchObject({ leader: 2, isr: [2], leaderEpoch: 6 });
  });
  it('an out-of-sync replica does not, unless unclean election is on', () => {
    const offline = part({ leader: -1, isr: [2], leaderEpoch: 5 });
    expect(withBrokerBack(offline, 3, live(3), false).partition).toBe(offline);
    const d = withBrokerBack(offline, 3, live(3), true);
    expect(d.partition).toMatchObject({ leader: 3, isr: [3], leaderEpoch: 6 });
    expect(d.note).toMatch(/unclean/);
  });
  it('an online partition is left alone', () => {
    const p = part({ isr: [1, 2] });
    expect(withBrokerBack(p, 3, live(1, 2, 3), false).partition).toBe(p);
  });
});

describe('after an ISR change', () => {
  it('leadership returns to the preferred replica once it is in sync', () => {
    const d = afterIsrChange(part({ leader: 2, isr: [1, 2, 3] }), live(1, 2, 3));
    expect(d.partition).toMatchObject({ leader: 1, leaderEpoch: 5 });
  });
  it('but not while the preferred replica is out of sync', () => {
    const p = part({ leader: 2, isr: [2, 3] });
    expect(afterIsrChange(p, live(1, 2, 3)).partition).toBe(p);
  });
  it('a reassignment completes once every added replica is in sync', () => {
    // 1,2,3 → 4,2,3: replicas are the target then the one being removed.
    const moving = part({
      replicas: [4, 2, 3, 1],
      isr: [2, 3, 1],
      addingReplicas: [4],
      removingReplicas: [1],
    });
    expect(afterIsrChange(moving, live(1, 2, 3, 4)).partition).toBe(moving);
    const d = afterIsrChange({ ...moving, isr: [4, 2, 3, 1] }, live(1, 2, 3, 4));
    expect(d.partition).toMatchObject({
      replicas: [4, 2, 3],
      isr: [4, 2, 3],
      leader: 4,
      addingReplicas: [],
      removingReplicas: [],
    });
    expect(d.partition.leaderEpoch).toBeGreaterThan(4);
  });
});
