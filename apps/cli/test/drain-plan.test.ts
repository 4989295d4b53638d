// The drain plan: every replica on the drained broker moves to the least-loaded live broker not
// already a replica of that partition; nothing else moves.
import { planDrain, type PlacedPartition } from '../src/drain-plan';

const p = (topic: string, partition: number, replicas: number[]): PlacedPartition => ({
  topic,
  partition,
  replicas,
});

it('moves only the drained broker’s replicas, to the least-loaded brokers, keeping the others in order', () => {
  const placement = [p('a', 0, [1, 2]), p('a', 1, [2, 3]), p('a', 2, [3, 1]), p('a', 3, [1, 3])];
  const plan = planDrain(placement, [1, 2, 3, 4], 3);
  expect(plan).toEqual({
    ok: true,
    moves: [
      { topic: 'a', partition: 1, replicas: [2, 4] },
      { topic: 'a', partition: 2, replicas: [1, 4] },
      // 4 now holds two, 2 holds two, 1 is a replica already: ties go to the lower id.
      { topic: 'a', partition: 3, replicas: [1, 2] },
    ],
  });
});

it('spreads a drained broker’s replicas evenly over the brokers left', () => {
  const placement = Array.from({ length: 12 }, (_, i) => p('t', i, [5, 1 + (i % 4)]));
  const plan = planDrain(placement, [1, 2, 3, 4, 5], 5);
  if (!plan.ok) throw new Error(plan.error);
  const load = new Map<number, number>();
  for (const m of plan.moves) for (const id of m.replicas) load.set(id, (load.get(id) ?? 0) + 1);
  expect([...load.values()]).toEqual([6, 6, 6, 6]);
  for (const m of plan.moves) expect(new Set(m.replicas).size).toBe(2);
});

it('has nothing to move for a broker with no replicas', () => {
  expect(planDrain([p('a', 0, [1, 2])], [1, 2, 3], 3)).toEqual({ ok: true, moves: [] });
});

it('refuses when a partition would have nowhere to go', () => {
  const plan = planDrain([p('a', 0, [1, 2, 3])], [1, 2, 3], 2);
  expect(plan).toEqual({
    ok: false,
    error: expect.stringMatching(/cannot drain broker 2: a\/0 has 3 replicas .*live: 1,3/),
  });
});
