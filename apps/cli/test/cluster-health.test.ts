// What `trib cluster status` flags (cluster-health.ts), from made-up views: a healthy cluster
// has no problem; each kind of sick partition and coordinator is named in its own sentence.
// The command's output against real processes is checked in operability.e2e.test.ts.
import type { PartitionDescription, TopicDescription } from '@tributary/client';
import {
  coordinatorProblems,
  NAMED_PARTITIONS_MAX,
  partitionHealth,
  partitionProblems,
} from '../src/cluster-health';

function partition(
  n: number,
  leader: number,
  replicas: number[],
  isr: number[],
): PartitionDescription {
  return {
    partition: n,
    leader,
    leaderEpoch: 0,
    replicas,
    isr,
    addingReplicas: [],
    removingReplicas: [],
    reassignmentThrottleBytesPerSec: 0,
  };
}

function topic(
  name: string,
  partitions: PartitionDescription[],
  configs: Record<string, string> = {},
): TopicDescription {
  return { name, topicId: name, replicationFactor: 3, partitions, configs };
}

describe('partitions', () => {
  it('finds nothing wrong with every partition led by a live broker and fully in sync', () => {
    const h = partitionHealth(
      [topic('a', [partition(0, 1, [1, 2, 3], [1, 2, 3]), partition(1, 2, [2, 3, 1], [2, 3, 1])])],
      [1, 2, 3],
    );
    expect(h).toEqual({
      total: 2,
      offline: [],
      leaderNotLive: [],
      underReplicated: [],
      underMinIsr: [],
    });
    expect(partitionProblems(h)).toEqual([]);
  });

  it('flags offline, leader-not-live, under-replicated and under-min-ISR partitions', () => {
    const h = partitionHealth(
      [
        topic(
          'orders',
          [
            partition(0, 1, [1, 2, 3], [1, 2]), // under-replicated only
            partition(1, -1, [3], [3]), // offline, its last ISR kept: below min ISR 2
            partition(2, 4, [4, 1, 2], [4, 1, 2]), // led by a broker that is gone
          ],
          { 'min.insync.replicas': '2' },
        ),
        topic('logs', [partition(0, 1, [1, 2], [1])]), // default min ISR 1: not below it
      ],
      [1, 2, 3],
    );
    expect(h).toEqual({
      total: 4,
      offline: ['orders/1'],
      leaderNotLive: ['orders/2'],
      underReplicated: ['orders/0', 'logs/0'],
      underMinIsr: ['orders/1'],
    });
    expect(partitionProblems(h)).toEqual([
      '1 partition(s) offline (no leader: no in-sync replica is live): orders/1',
      '1 partition(s) led by a broker that is not live: orders/2',
      '2 partition(s) under-replicated (ISR smaller than the replicas): orders/0, logs/0',
      '1 partition(s) below min.insync.replicas (acks=all produce is refused): orders/1',
    ]);
  });

  it(`names at most ${NAMED_PARTITIONS_MAX} partitions per problem`, () => {
    const many = Array.from({ length: 25 }, (_, i) => partition(i, -1, [9], []));
    const [offline] = partitionProblems(partitionHealth([topic('t', many)], [1]));
    expect(offline).toMatch(/^25 partition\(s\) offline .*: t\/0, t\/1, .*t\/9 and 15 more$/);
  });
});

describe('coordinators', () => {
  const seen = (id: number, leaderId: number | undefined) => ({
    id,
    address: `127.0.0.1:710${id}`,
    reachable: leaderId !== undefined,
    leaderId,
  });

  it('finds nothing wrong when every member knows the leader', () => {
    expect(coordinatorProblems([seen(1, 2), seen(2, 2), seen(3, 2)])).toEqual([]);
  });

  it('flags a member out of reach and one that knows no leader', () => {
    expect(coordinatorProblems([seen(1, 2), seen(2, 2), seen(3, 0), seen(4, undefined)])).toEqual([
      'coordinator 3 at 127.0.0.1:7103 knows no leader (cut off from the quorum, or just restarted)',
      'coordinator 4 at 127.0.0.1:7104 is unreachable',
    ]);
  });

  it('flags a cluster without a Raft leader once, not once per member', () => {
    expect(coordinatorProblems([seen(1, 0), seen(2, undefined), seen(3, undefined)])).toEqual([
      'no Raft leader: no reachable coordinator knows one (no controller; writes, sessions and metadata changes wait)',
      'coordinator 2 at 127.0.0.1:7102 is unreachable',
      'coordinator 3 at 127.0.0.1:7103 is unreachable',
    ]);
  });
});
