import {
  type FollowerLogView,
  checkLeaderEpoch,
  decideReplicaFetch,
  fetchPosition,
  followerHighWatermark,
  followLogStart,
  planFetchApply,
  truncationStep,
} from '../src';

/** A log as a list of epoch starts, like the leader-epoch cache, plus start/end/HW. */
function log(
  epochs: Array<[epoch: number, start: number]>,
  logEnd: number,
  extra: { logStart?: number; hw?: number } = {},
): FollowerLogView {
  return {
    logStartOffset: extra.logStart ?? 0,
    logEndOffset: logEnd,
    highWatermark: extra.hw ?? 0,
    lastEpoch: () =>
      logEnd > (extra.logStart ?? 0) && epochs.length ? epochs[epochs.length - 1][0] : -1,
    endOffsetForEpoch(e) {
      let found = -1;
      for (let i = 0; i < epochs.length; i++) if (epochs[i][0] <= e) found = i;
      if (found < 0) return { epoch: -1, endOffset: -1 };
      const next = epochs[found + 1];
      return { epoch: epochs[found][0], endOffset: next ? next[1] : logEnd };
    },
  };
}

describe('truncation by leader epoch (KIP-101)', () => {
  test('nothing to cut when the leader has the follower epoch up to its end', () => {
    const f = log(
      [
        [1, 0],
        [2, 10],
      ],
      20,
    );
    expect(truncationStep({ epoch: 2, endOffset: 25 }, f)).toBeUndefined();
  });

  test('cuts the divergent tail of the follower last epoch', () => {
    // Follower led epoch 2 briefly and wrote 10..20; the new leader's epoch 2 ended at 14.
    const f = log(
      [
        [1, 0],
        [2, 10],
      ],
      20,
    );
    expect(truncationStep({ epoch: 2, endOffset: 14 }, f)).toEqual({
      kind: 'truncate',
      offset: 14,
    });
  });

  test('the leader never had the follower epoch: cut where the leader older epoch ends', () => {
    // Follower: epoch 1 then 3 (a leader the others never followed); leader answers epoch 1 → 12.
    const f = log(
      [
        [1, 0],
        [3, 15],
      ],
      30,
    );
    expect(truncationStep({ epoch: 1, endOffset: 12 }, f)).toEqual({
      kind: 'truncate',
      offset: 12,
    });
  });

  test('the follower ends its own copy of that epoch earlier: the smaller end wins', () => {
    // Leader epoch 1 ends at 20; the follower's epoch 1 ends at 15 and epoch 3 follows.
    const f = log(
      [
        [1, 0],
        [3, 15],
      ],
      30,
    );
    expect(truncationStep({ epoch: 1, endOffset: 20 }, f)).toEqual({
      kind: 'truncate',
      offset: 15,
    });
  });

  test('the follower has no epoch as old as the leader answered: all of it goes', () => {
    const f = log([[5, 5]], 8, { logStart: 5 });
    expect(truncationStep({ epoch: 4, endOffset: 3 }, f)).toEqual({ kind: 'reset', offset: 3 });
    const g = log([[5, 2]], 8, { logStart: 2 });
    expect(truncationStep({ epoch: 4, endOffset: 30 }, g)).toEqual({ kind: 'truncate', offset: 2 });
  });

  test('a diverging answer always cuts something, even where the own view finds nothing', () => {
    const f = log([[1, 0]], 30, { hw: 30 });
    expect(truncationStep({ epoch: -1, endOffset: -1 }, f)).toBeUndefined();
    expect(truncationStep({ epoch: -1, endOffset: -1 }, f, true)).toEqual({
      kind: 'truncate',
      offset: 0,
    });
    expect(
      truncationStep({ epoch: -1, endOffset: -1 }, log([], 7, { logStart: 7, hw: 7 }), true),
    ).toBeUndefined();
  });

  test('the leader has no epoch that old: keep only what is below the own high watermark', () => {
    const f = log([[1, 0]], 30, { hw: 12 });
    expect(truncationStep({ epoch: -1, endOffset: -1 }, f)).toEqual({
      kind: 'truncate',
      offset: 12,
    });
  });

  test('a follower log ahead of an empty leader log restarts at the leader end', () => {
    const f = log([], 50, { logStart: 50, hw: 50 });
    expect(truncationStep({ epoch: -1, endOffset: 20 }, f)).toEqual({ kind: 'reset', offset: 20 });
  });

  test('never cuts above the own log end', () => {
    const f = log([[1, 0]], 5);
    expect(truncationStep({ epoch: 1, endOffset: 9 }, f)).toBeUndefined();
  });
});

describe('the leader decision on a ReplicaFetch partition', () => {
  const leaderLog = {
    ...log(
      [
        [1, 0],
        [2, 10],
        [4, 20],
      ],
      30,
    ),
    logStartOffset: 5,
  };
  const me = { brokerId: 1, leaderEpoch: 4, replicas: [1, 2, 3] };
  const ask = { replicaId: 2, leaderEpoch: 4, fetchOffset: 25, lastFetchedEpoch: 4 };

  test('reads when the follower last epoch reaches its fetch offset here', () => {
    expect(decideReplicaFetch(ask, me, leaderLog)).toEqual({ kind: 'read' });
    expect(decideReplicaFetch({ ...ask, fetchOffset: 30 }, me, leaderLog)).toEqual({
      kind: 'read',
    });
  });

  test('fences both ways and refuses non-replicas', () => {
    expect(decideReplicaFetch({ ...ask, leaderEpoch: 3 }, me, leaderLog)).toMatchObject({
      kind: 'error',
      reason: 'FENCED',
    });
    expect(decideReplicaFetch({ ...ask, leaderEpoch: 5 }, me, leaderLog)).toMatchObject({
      kind: 'error',
      reason: 'UNKNOWN_LEADER_EPOCH',
    });
    expect(decideReplicaFetch({ ...ask, replicaId: 9 }, me, leaderLog)).toMatchObject({
      kind: 'error',
      reason: 'FENCED',
    });
  });

  test('answers the diverging epoch when the follower epoch ends earlier or is unknown here', () => {
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 18, lastFetchedEpoch: 2 }, me, leaderLog),
    ).toEqual({
      kind: 'read',
    });
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 22, lastFetchedEpoch: 2 }, me, leaderLog),
    ).toEqual({
      kind: 'diverging',
      epoch: 2,
      endOffset: 20,
    });
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 22, lastFetchedEpoch: 3 }, me, leaderLog),
    ).toEqual({
      kind: 'diverging',
      epoch: 2,
      endOffset: 20,
    });
    expect(decideReplicaFetch({ ...ask, fetchOffset: 31 }, me, leaderLog)).toEqual({
      kind: 'diverging',
      epoch: 4,
      endOffset: 30,
    });
  });

  test('below the log start the follower restarts, even with an epoch the cache no longer has', () => {
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 3, lastFetchedEpoch: 0 }, me, leaderLog),
    ).toEqual({
      kind: 'behind-log-start',
    });
    // Exactly at the log start nothing is left here to compare: read on.
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 5, lastFetchedEpoch: 0 }, me, leaderLog),
    ).toEqual({ kind: 'read' });
  });

  test('an empty follower log below the log start or beyond the end', () => {
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 0, lastFetchedEpoch: -1 }, me, leaderLog),
    ).toEqual({
      kind: 'behind-log-start',
    });
    expect(
      decideReplicaFetch({ ...ask, fetchOffset: 40, lastFetchedEpoch: -1 }, me, leaderLog),
    ).toEqual({
      kind: 'diverging',
      epoch: 4,
      endOffset: 30,
    });
  });
});

describe('applying a fetch answer', () => {
  test('appends batches from the own log end, skipping ones already held', () => {
    const f = log([[1, 0]], 10);
    expect(planFetchApply([{ baseOffset: 10, recordCount: 5 }], 0, f)).toEqual({ appendFrom: 0 });
    expect(
      planFetchApply(
        [
          { baseOffset: 5, recordCount: 5 },
          { baseOffset: 10, recordCount: 2 },
        ],
        0,
        f,
      ),
    ).toEqual({ appendFrom: 1 });
  });

  test('resets when the leader log start is beyond the own log end', () => {
    const f = log([[1, 0]], 10);
    expect(planFetchApply([{ baseOffset: 40, recordCount: 1 }], 40, f)).toEqual({
      reset: 40,
      appendFrom: 0,
    });
  });

  test('a batch straddling the log end is a bug, never appended; a gap (compaction) is fine', () => {
    const f = log([[1, 0]], 10);
    expect(() => planFetchApply([{ baseOffset: 8, recordCount: 4 }], 0, f)).toThrow(/straddles/);
    expect(planFetchApply([{ baseOffset: 12, recordCount: 1 }], 0, f)).toEqual({ appendFrom: 0 });
  });

  test('high watermark: the leader value capped at the own log end, never back', () => {
    expect(followerHighWatermark(50, log([[1, 0]], 30, { hw: 10 }))).toBe(30);
    expect(followerHighWatermark(20, log([[1, 0]], 30, { hw: 10 }))).toBe(20);
    expect(followerHighWatermark(5, log([[1, 0]], 30, { hw: 10 }))).toBe(10);
  });

  test('follows the leader log start within its own log', () => {
    expect(followLogStart(5, log([[1, 0]], 30))).toBe(5);
    expect(followLogStart(0, log([[1, 0]], 30, { logStart: 3 }))).toBeUndefined();
    expect(followLogStart(50, log([[1, 0]], 30))).toBe(30);
  });

  test('fetch position is the own log end and last epoch', () => {
    expect(
      fetchPosition(
        log(
          [
            [1, 0],
            [3, 7],
          ],
          9,
          { logStart: 2 },
        ),
      ),
    ).toEqual({
      fetchOffset: 9,
      lastFetchedEpoch: 3,
      logStartOffset: 2,
    });
  });
});

describe('leader-epoch fencing', () => {
  test('older is FENCED, newer UNKNOWN_LEADER_EPOCH', () => {
    expect(checkLeaderEpoch(3, 3)).toEqual({ ok: true });
    expect(checkLeaderEpoch(2, 3)).toMatchObject({ ok: false, reason: 'FENCED' });
    expect(checkLeaderEpoch(4, 3)).toMatchObject({ ok: false, reason: 'UNKNOWN_LEADER_EPOCH' });
  });
});
