import { SessionTracker } from './index';

describe('SessionTracker', () => {
  it('expires sessions that are not kept alive, and resets every TTL on a new leader', () => {
    const t = new SessionTracker();
    t.track(1, 1000, 0);
    t.track(2, 3000, 0);
    expect(t.keepAlive(1, 900)).toBe(1000); // deadline 1900
    expect(t.expired(1899)).toEqual([]);
    expect(t.expired(1900)).toEqual([1]);
    expect(t.keepAlive(1, 1950)).toBe(0); // past its deadline: cannot be renewed
    expect(t.expired(5000)).toEqual([1, 2]);
    t.forget(1);
    expect(t.keepAlive(1, 5000)).toBe(0);
    t.resetAll(
      [
        { id: 2, ttlMs: 3000 },
        { id: 7, ttlMs: 500 },
      ],
      10_000,
    );
    expect(t.expired(10_499)).toEqual([]);
    expect(t.expired(10_500)).toEqual([7]);
    expect(t.remainingMs(2, 10_500)).toBe(2500);
    expect(t.size).toBe(2);
  });
});
