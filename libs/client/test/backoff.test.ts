// Capped, jittered exponential backoff.
import { Backoff } from '../src/backoff';

describe('Backoff', () => {
  it('doubles from baseMs up to maxMs, jittered within [d/2, d]', () => {
    const low = new Backoff({ baseMs: 10, maxMs: 100 }, () => 0);
    const high = new Backoff({ baseMs: 10, maxMs: 100 }, () => 0.999999);
    const lows = Array.from({ length: 8 }, () => low.next());
    const highs = Array.from({ length: 8 }, () => high.next());
    expect(lows).toEqual([5, 10, 20, 40, 50, 50, 50, 50]);
    expect(highs).toEqual([10, 20, 40, 80, 100, 100, 100, 100]);
  });

  it('never waits less than the server hint, nor more than maxMs', () => {
    const b = new Backoff({ baseMs: 10, maxMs: 100 }, () => 0);
    expect(b.next(70)).toBe(70);
    expect(b.next(5_000)).toBe(100);
  });

  it('starts over after reset', () => {
    const b = new Backoff({ baseMs: 10, maxMs: 100 }, () => 0);
    b.next();
    b.next();
    b.next();
    b.reset();
    expect(b.attempts).toBe(0);
    expect(b.next()).toBe(5);
  });

  it('stays bounded after very many attempts', () => {
    const b = new Backoff({ baseMs: 1, maxMs: 1000 }, () => 0.5);
    let last = 0;
    for (let i = 0; i < 10_000; i++) last = b.next();
    expect(last).toBe(750);
  });

  it('refuses nonsense bounds', () => {
    expect(() => new Backoff({ baseMs: 0, maxMs: 10 }, Math.random)).toThrow(/baseMs/);
    expect(() => new Backoff({ baseMs: 20, maxMs: 10 }, Math.random)).toThrow(/baseMs/);
  });
});
