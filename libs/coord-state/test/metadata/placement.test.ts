import { placeReplicas, rackAlternating } from '../../src/metadata/placement';

const brokers = (n: number, racks = 1) =>
  Array.from({ length: n }, (_, k) => ({ id: k + 1, rack: racks > 1 ? `r${k % racks}` : '' }));

function leaderCounts(placed: number[][]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of placed) counts.set(r[0]!, (counts.get(r[0]!) ?? 0) + 1);
  return counts;
}

it('interleaves racks', () => {
  const list = rackAlternating([
    { id: 1, rack: 'a' },
    { id: 2, rack: 'a' },
    { id: 3, rack: 'b' },
    { id: 4, rack: 'b' },
    { id: 5, rack: 'c' },
  ]);
  expect(list).toEqual([1, 3, 5, 2, 4]);
});

it.each([
  [3, 3, 1],
  [5, 12, 3],
  [6, 60, 3],
  [7, 100, 2],
])(
  '%i brokers, %i partitions, rf %i: distinct replicas, leaders within one of even',
  (n, parts, rf) => {
    const placed = placeReplicas(brokers(n), parts, rf, 0);
    expect(placed).toHaveLength(parts);
    for (const r of placed) {
      expect(r).toHaveLength(rf);
      expect(new Set(r).size).toBe(rf);
    }
    const counts = [...leaderCounts(placed).values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // Replicas overall are balanced too (each broker holds about parts*rf/n).
    const held = new Map<number, number>();
    for (const r of placed) for (const b of r) held.set(b, (held.get(b) ?? 0) + 1);
    const h = [...held.values()];
    expect(Math.max(...h) - Math.min(...h)).toBeLessThanOrEqual(
      Math.ceil((parts * rf) / n / 4) + 1,
    );
  },
);

it('puts every replica of a partition in a different rack when there are enough racks', () => {
  const placed = placeReplicas(brokers(9, 3), 30, 3, 0);
  const rackOf = (id: number) => `r${(id - 1) % 3}`;
  for (const r of placed) expect(new Set(r.map(rackOf)).size).toBe(3);
});

it('spreads over as many racks as it can when there are fewer racks than replicas', () => {
  const placed = placeReplicas(brokers(6, 2), 12, 3, 0);
  const rackOf = (id: number) => `r${(id - 1) % 2}`;
  for (const r of placed) expect(new Set(r.map(rackOf)).size).toBe(2);
});

it('is deterministic and rotates with start', () => {
  const b = brokers(5);
  expect(placeReplicas(b, 10, 3, 7)).toEqual(placeReplicas(b, 10, 3, 7));
  expect(placeReplicas(b, 1, 3, 0)[0]![0]).not.toBe(placeReplicas(b, 1, 3, 1)[0]![0]);
});

it('varies followers of the same leader across turns of the broker list', () => {
  const placed = placeReplicas(brokers(4), 12, 2, 0);
  const followersOf1 = new Set(placed.filter((r) => r[0] === 1).map((r) => r[1]));
  expect(followersOf1.size).toBeGreaterThan(1);
});
