import { ProgressWaiters } from '../src/replica/progress-waiters';
import type { SetTimer } from '../src/replica/timer';

/** Virtual timers: fire when the test advances the clock. */
function virtualTimers() {
  let now = 0;
  let timers: Array<{ due: number; fire: () => void }> = [];
  const setTimer: SetTimer = (delayMs, fire) => {
    const t = { due: now + delayMs, fire };
    timers.push(t);
    return { cancel: () => (timers = timers.filter((x) => x !== t)) };
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.due <= now);
    timers = timers.filter((t) => t.due > now);
    for (const t of due) t.fire();
  };
  return { setTimer, advance, pending: () => timers.length };
}

test('settles waiters whose threshold the value passed, in order, and times out the rest', async () => {
  const clock = virtualTimers();
  const w = new ProgressWaiters(clock.setTimer);
  const a = w.wait(5, 100);
  const b = w.wait(2, 100);
  const c = w.wait(9, 100);
  w.advance(5); // passes 2 only (strictly above)
  expect(await b.promise).toBe(true);
  w.advance(6);
  expect(await a.promise).toBe(true);
  expect(w.size).toBe(1);
  clock.advance(100);
  expect(await c.promise).toBe(false);
  expect(w.size).toBe(0);
  expect(clock.pending()).toBe(0); // settled waiters cancel their timers
});

test('cancel, wakeAll and failAll', async () => {
  const clock = virtualTimers();
  const w = new ProgressWaiters(clock.setTimer);
  const a = w.wait(1, Infinity);
  a.cancel();
  expect(await a.promise).toBe(false);
  const b = w.wait(1, 50);
  w.wakeAll();
  expect(await b.promise).toBe(false);
  const c = w.wait(1, 50);
  w.failAll(new Error('moved'));
  await expect(c.promise).rejects.toThrow('moved');
  expect(clock.pending()).toBe(0);
});
