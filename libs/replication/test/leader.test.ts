import { PartitionLeader, type LeaderInit } from '../src';

const LAG_MS = 10_000;

function leader(over: Partial<LeaderInit> = {}): PartitionLeader {
  return new PartitionLeader({
    brokerId: 1,
    leaderEpoch: 3,
    partitionEpoch: 7,
    replicas: [1, 2, 3],
    isr: [1, 2, 3],
    epochStartOffset: 10,
    logEnd: 10,
    highWatermark: 8,
    nowMs: 1000,
    ...over,
  });
}

describe('PartitionLeader high watermark', () => {
  test('starts at the checkpoint and waits for every ISR member to fetch', () => {
    const l = leader();
    expect(l.highWatermark).toBe(8);
    expect(l.localAppended(20)).toBe(false);
    expect(l.followerFetched(2, 20, 1001)).toBe(false);
    expect(l.highWatermark).toBe(8);
    expect(l.followerFetched(3, 15, 1002)).toBe(true);
    expect(l.highWatermark).toBe(15);
    expect(l.followerFetched(3, 20, 1003)).toBe(true);
    expect(l.highWatermark).toBe(20);
  });

  test('is the minimum log end over the ISR and never above the leader log end', () => {
    const l = leader({ isr: [1, 2], replicas: [1, 2], logEnd: 10, highWatermark: 10 });
    l.followerFetched(2, 10, 1001);
    expect(l.highWatermark).toBe(10);
    l.localAppended(30);
    expect(l.highWatermark).toBe(10);
    l.followerFetched(2, 30, 1002);
    expect(l.highWatermark).toBe(30);
  });

  test('a lagging replica outside the ISR does not hold it back', () => {
    const l = leader({ isr: [1, 2] });
    l.localAppended(50);
    l.followerFetched(2, 50, 1001);
    l.followerFetched(3, 11, 1001);
    expect(l.highWatermark).toBe(50);
  });

  test('never moves backwards when a follower reports a lower offset', () => {
    const l = leader({ isr: [1, 2], replicas: [1, 2] });
    l.localAppended(40);
    l.followerFetched(2, 40, 1001);
    expect(l.highWatermark).toBe(40);
    // A follower fetching from a lower offset (e.g. after losing unsynced writes) lowers its
    // progress but not the committed point.
    expect(l.followerFetched(2, 30, 1002)).toBe(false);
    expect(l.highWatermark).toBe(40);
    expect(l.progressOf(2)?.logEnd).toBe(30);
  });

  test('alone in the ISR, the leader commits what it appends', () => {
    const l = leader({ isr: [1], replicas: [1, 2, 3], highWatermark: 10 });
    l.localAppended(12);
    expect(l.highWatermark).toBe(12);
  });

  test('acks=ALL completion and min.insync.replicas', () => {
    const l = leader({ isr: [1, 2], replicas: [1, 2, 3] });
    expect(l.enoughInSync(2)).toBe(true);
    expect(l.enoughInSync(3)).toBe(false);
    l.localAppended(20);
    expect(l.isCommitted(20)).toBe(false);
    l.followerFetched(2, 20, 1001);
    expect(l.isCommitted(20)).toBe(true);
  });

  test('refuses a fetch offset above its log end (the caller checks divergence first)', () => {
    const l = leader();
    expect(() => l.followerFetched(2, 11, 1001)).toThrow(/above leader log end/);
    expect(() => l.followerFetched(9, 1, 1001)).toThrow(/not a follower/);
  });
});

describe('PartitionLeader last caught-up time (Kafka semantics)', () => {
  test('caught up when the fetch reaches the current log end', () => {
    const l = leader();
    l.followerFetched(2, 10, 5000);
    expect(l.progressOf(2)?.lastCaughtUpMs).toBe(5000);
  });

  test('caught up as of the previous fetch when it reached the end the leader had then', () => {
    const l = leader();
    l.followerFetched(2, 10, 5000); // leader end 10 at this fetch
    l.localAppended(20);
    l.followerFetched(2, 10, 6000); // reached 10 = the end at the previous fetch
    expect(l.progressOf(2)?.lastCaughtUpMs).toBe(5000);
    l.localAppended(30);
    l.followerFetched(2, 20, 7000); // reached 20 = the end at the previous fetch (6000)
    expect(l.progressOf(2)?.lastCaughtUpMs).toBe(6000);
    l.followerFetched(2, 25, 8000); // below 30 = the end at the previous fetch
    expect(l.progressOf(2)?.lastCaughtUpMs).toBe(6000);
  });
});

describe('PartitionLeader ISR changes', () => {
  test('shrinks a follower not caught up for longer than the lag time, then applies the answer', () => {
    const l = leader({ highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    l.followerFetched(3, 10, 1000);
    l.localAppended(20);
    l.followerFetched(2, 20, 5000);
    expect(l.nextIsrChange(1000 + LAG_MS, LAG_MS)).toBeUndefined();
    const change = l.nextIsrChange(1001 + LAG_MS, LAG_MS);
    expect(change).toEqual({ leaderEpoch: 3, partitionEpoch: 7, isr: [1, 2] });
    // Until the controller confirms, the departing member still holds the high watermark.
    expect(l.maximalIsr()).toEqual([1, 2, 3]);
    expect(l.highWatermark).toBe(10);
    expect(l.nextIsrChange(1002 + LAG_MS, LAG_MS)).toBeUndefined(); // one in flight
    expect(
      l.isrChangeAccepted(l.pendingIsrChange!, {
        leaderEpoch: 3,
        partitionEpoch: 8,
        replicas: [1, 2, 3],
        isr: [1, 2],
      }),
    ).toBe(true);
    expect(l.isr).toEqual([1, 2]);
    expect(l.highWatermark).toBe(20);
    expect(l.partitionEpoch).toBe(8);
  });

  test('keeps an idle follower that has everything, however long ago it fetched', () => {
    const l = leader();
    l.followerFetched(2, 10, 1000);
    l.followerFetched(3, 10, 1000);
    expect(l.nextIsrChange(1000 + 10 * LAG_MS, LAG_MS)).toBeUndefined();
  });

  test('ISR members that never fetch from the new leader leave after the lag time', () => {
    const l = leader({ nowMs: 1000 });
    l.followerFetched(2, 10, 1000);
    l.localAppended(11);
    l.followerFetched(2, 11, 2000);
    expect(l.nextIsrChange(1000 + LAG_MS + 1, LAG_MS)?.isr).toEqual([1, 2]);
  });

  test('expands once a follower reaches the high watermark and the epoch start (KIP-497 maximal ISR)', () => {
    const l = leader({ isr: [1, 2], epochStartOffset: 10, logEnd: 10, highWatermark: 5 });
    l.followerFetched(2, 10, 1000);
    expect(l.highWatermark).toBe(10);
    l.followerFetched(3, 8, 1000);
    expect(l.nextIsrChange(1000, LAG_MS)).toBeUndefined(); // below HW
    l.localAppended(20);
    l.followerFetched(2, 20, 1100); // HW 20
    l.followerFetched(3, 15, 1100);
    expect(l.nextIsrChange(1100, LAG_MS)).toBeUndefined(); // still below HW 20
    l.followerFetched(3, 20, 1200);
    const change = l.nextIsrChange(1200, LAG_MS);
    expect(change?.isr).toEqual([1, 2, 3]);
    // The joining follower counts at once: the high watermark now waits for it too.
    l.localAppended(30);
    l.followerFetched(2, 30, 1300);
    expect(l.highWatermark).toBe(20);
    l.followerFetched(3, 25, 1300);
    expect(l.highWatermark).toBe(25);
  });

  test('does not propose a caught-up follower that has stopped fetching', () => {
    const l = leader({ isr: [1, 2], highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    l.followerFetched(3, 10, 1000); // caught up, then silent: dead, or cut off
    expect(l.nextIsrChange(1000 + LAG_MS + 1, LAG_MS)).toBeUndefined();
    l.followerFetched(3, 10, 1000 + LAG_MS + 2);
    expect(l.nextIsrChange(1000 + LAG_MS + 2, LAG_MS)?.isr).toEqual([1, 2, 3]);
  });

  test('does not let a follower in before it reaches the start of the leader epoch', () => {
    const l = leader({ isr: [1, 2], epochStartOffset: 50, logEnd: 50, highWatermark: 40 });
    l.followerFetched(3, 45, 1000); // ≥ HW 40, < epoch start 50
    expect(l.nextIsrChange(1000, LAG_MS)).toBeUndefined();
    l.followerFetched(3, 50, 1001);
    expect(l.nextIsrChange(1001, LAG_MS)?.isr).toEqual([1, 2, 3]);
  });

  test('an AlterIsr of unknown outcome stays pending, counted in the maximal ISR, and is sent again', () => {
    // The seed-6012 hazard of the broker sim: the controller applied an expansion whose answer
    // was lost; had the leader dropped it, the high watermark would have passed the new member.
    const l = leader({ isr: [1], replicas: [1, 2], highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    const change = l.nextIsrChange(1000, LAG_MS)!;
    expect(change.isr).toEqual([1, 2]);
    l.isrChangeFailed(change, { outcome: 'unknown', retryAtMs: 2000 });
    expect(l.maximalIsr()).toEqual([1, 2]);
    l.localAppended(20);
    expect(l.highWatermark).toBe(10); // waits for broker 2
    expect(l.nextIsrChange(1999, LAG_MS)).toBeUndefined();
    expect(l.nextIsrChange(2000, LAG_MS)).toBe(change); // the same change, sent again
    expect(l.nextIsrChange(2001, LAG_MS)).toBeUndefined(); // in flight again
    // Metadata shows the first attempt was applied: settled.
    l.metadataChanged({ leaderEpoch: 3, partitionEpoch: 8, replicas: [1, 2], isr: [1, 2] });
    expect(l.pendingIsrChange).toBeUndefined();
    expect(l.isr).toEqual([1, 2]);
    expect(l.highWatermark).toBe(10);
  });

  test('a refused AlterIsr is proposed again after the delay, or at once on newer metadata', () => {
    const l = leader({ highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    l.localAppended(20);
    l.followerFetched(2, 20, 1000);
    const now = 1001 + LAG_MS;
    expect(l.nextIsrChange(now, LAG_MS)?.isr).toEqual([1, 2]);
    l.isrChangeFailed(l.pendingIsrChange!, { outcome: 'refused', retryAtMs: now + 500 });
    expect(l.nextIsrChange(now + 499, LAG_MS)).toBeUndefined();
    expect(l.nextIsrChange(now + 500, LAG_MS)?.isr).toEqual([1, 2]);
    l.isrChangeFailed(l.pendingIsrChange!, { outcome: 'refused', retryAtMs: now + 60_000 });
    expect(l.nextIsrChange(now + 10_000, LAG_MS)).toBeUndefined();
    // The controller moved the partition on (broker 3's session ended, and it came back in):
    // the new partition epoch lifts the wait.
    l.metadataChanged({ leaderEpoch: 3, partitionEpoch: 8, replicas: [1, 2, 3], isr: [1, 2, 3] });
    expect(l.nextIsrChange(now + 10_000, LAG_MS)?.isr).toEqual([1, 2]);
    l.isrChangeAccepted(l.pendingIsrChange!, {
      leaderEpoch: 3,
      partitionEpoch: 9,
      replicas: [1, 2, 3],
      isr: [1, 2],
    });
    expect(l.highWatermark).toBe(20);
    expect(l.nextIsrChange(now + 10_000, LAG_MS)).toBeUndefined();
  });

  test('metadata with an older partition epoch is ignored; a newer one drops the pending change', () => {
    const l = leader({ highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    l.followerFetched(3, 10, 1000);
    l.localAppended(20);
    l.followerFetched(2, 20, 1000);
    expect(l.nextIsrChange(1001 + LAG_MS, LAG_MS)).toBeDefined();
    expect(
      l.metadataChanged({ leaderEpoch: 3, partitionEpoch: 7, replicas: [1, 2, 3], isr: [1] }),
    ).toBe(false);
    expect(l.pendingIsrChange).toBeDefined();
    l.metadataChanged({ leaderEpoch: 3, partitionEpoch: 9, replicas: [1, 2, 3], isr: [1, 2, 3] });
    expect(l.pendingIsrChange).toBeUndefined();
    expect(l.isr).toEqual([1, 2, 3]);
  });

  test('a late answer to a superseded change leaves the newer pending one counted', () => {
    const l = leader({ isr: [1, 2], highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    l.followerFetched(3, 10, 1000);
    const first = l.nextIsrChange(1000, LAG_MS)!;
    expect(first.isr).toEqual([1, 2, 3]);
    // The controller took it and metadata says so before the AlterIsr answer arrives.
    l.metadataChanged({ leaderEpoch: 3, partitionEpoch: 8, replicas: [1, 2, 3], isr: [1, 2, 3] });
    l.localAppended(20);
    l.followerFetched(2, 20, 1000);
    const second = l.nextIsrChange(1001 + LAG_MS, LAG_MS)!;
    expect(second.isr).toEqual([1, 2]);
    l.isrChangeAccepted(first, {
      leaderEpoch: 3,
      partitionEpoch: 8,
      replicas: [1, 2, 3],
      isr: [1, 2, 3],
    });
    l.isrChangeFailed(first, { outcome: 'refused', retryAtMs: 0 });
    expect(l.pendingIsrChange).toBe(second);
    expect(l.highWatermark).toBe(10); // broker 3 still counts until the shrink is confirmed
  });

  test('an AlterIsr answer from another leader epoch keeps the change counted', () => {
    // Broker sim seed 6042: the controller applied an expansion and moved leadership at once;
    // had the leader dropped the pending member, its high watermark would have passed it.
    const l = leader({ isr: [1], replicas: [1, 2], highWatermark: 10 });
    l.followerFetched(2, 10, 1000);
    const change = l.nextIsrChange(1000, LAG_MS)!;
    expect(
      l.isrChangeAccepted(change, {
        leaderEpoch: 4,
        partitionEpoch: 9,
        replicas: [1, 2],
        isr: [1, 2],
      }),
    ).toBe(false);
    expect(l.isr).toEqual([1]);
    expect(l.maximalIsr()).toEqual([1, 2]);
    l.localAppended(20);
    expect(l.highWatermark).toBe(10);
  });

  test('refuses a start that breaks its invariants', () => {
    expect(() => leader({ isr: [2, 3] })).toThrow(/not in its ISR/);
    expect(() => leader({ highWatermark: 11 })).toThrow(/above log end/);
  });
});

/** A randomized check: whatever order fetches, appends and ISR changes come in, the high
 * watermark never goes back and never exceeds the log end of any maximal-ISR member. */
describe('PartitionLeader invariants under random steps', () => {
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  function run(seed: number): void {
    const r = rng(seed);
    const l = leader({ logEnd: 10, highWatermark: 10, epochStartOffset: 10 });
    const ends = new Map([
      [2, 10],
      [3, 10],
    ]);
    let now = 1000;
    let epoch = 7;
    for (let step = 0; step < 300; step++) {
      now += Math.floor(r() * 3000);
      const before = l.highWatermark;
      const x = r();
      if (x < 0.3) l.localAppended(l.logEnd + Math.floor(r() * 5));
      else if (x < 0.8) {
        const id = r() < 0.5 ? 2 : 3;
        const end = Math.min(l.logEnd, Math.floor(r() * (l.logEnd + 1)), (ends.get(id) ?? 0) + 10);
        ends.set(id, end);
        l.followerFetched(id, end, now);
      } else {
        const change = l.nextIsrChange(now, LAG_MS);
        if (change && r() < 0.7)
          l.isrChangeAccepted(change, {
            leaderEpoch: 3,
            partitionEpoch: ++epoch,
            replicas: [1, 2, 3],
            isr: change.isr,
          });
        else if (change)
          l.isrChangeFailed(change, {
            outcome: r() < 0.5 ? 'refused' : 'unknown',
            retryAtMs: now + 100,
          });
      }
      expect(l.highWatermark).toBeGreaterThanOrEqual(before);
      expect(l.highWatermark).toBeLessThanOrEqual(l.logEnd);
      for (const id of l.maximalIsr())
        if (id !== 1 && l.highWatermark > before)
          expect(l.progressOf(id)!.logEnd).toBeGreaterThanOrEqual(l.highWatermark);
    }
  }
  test('200 seeds', () => {
    for (let seed = 1; seed <= 200; seed++) run(seed);
  });
});
