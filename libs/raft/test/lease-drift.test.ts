import { Harness } from './harness';

/**
 * Lease reads under bounded clock drift (thesis §6.4.1). A follower that acked a heartbeat
 * ignores votes for electionTick of its own ticks; the leader's lease must end first in real
 * time even when the leader ticks at 1-d and the follower at 1+d, and whatever the tick phases:
 * floor((electionTick - 1)·(1 - d)/(1 + d)) leader ticks from the heartbeat's send.
 */
function leaseLength(maxClockDriftRatio: number): number {
  const h = new Harness([1, 2, 3], {
    checkQuorum: true,
    readOnlyOption: 'lease',
    maxClockDriftRatio,
  });
  h.tickAll(12); // out of the restart window
  h.campaign(1);
  h.tickAll(1); // a heartbeat round acked by 2 and 3
  h.stabilize();
  h.isolate(1);
  for (let k = 0; k < 20; k++) {
    const before = h.get(1).readStates.length;
    h.get(1).node.readIndex(`q${k}`);
    h.stabilize();
    if (h.get(1).readStates.length === before) return k;
    h.tick(1);
  }
  return Infinity;
}

describe('the leader lease and clock drift', () => {
  test('without drift the lease is one tick shorter than the election timeout (tick phases)', () => {
    expect(leaseLength(0)).toBe(9);
  });

  test('the lease shrinks with the drift bound the config allows', () => {
    expect(leaseLength(0.1)).toBe(7); // floor(9 · 0.9 / 1.1)
    expect(leaseLength(0.25)).toBe(5); // floor(9 · 0.75 / 1.25)
  });

  test('a drift bound outside [0, 1) is a configuration error', () => {
    expect(() => new Harness([1], { maxClockDriftRatio: 1 })).toThrow(/maxClockDriftRatio/);
  });
});
