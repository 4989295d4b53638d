import { murmur2, partitionForKey, StickyPartitioner } from '../src/producer-partitioner';

describe('murmur2', () => {
  // Kafka's UtilsTest.testMurmur2 vectors: the same key lands where a Kafka producer puts it.
  const cases: [Uint8Array, number][] = [
    [Buffer.from('21'), -973932308],
    [Buffer.from('foobar'), -790332482],
    [Buffer.from('a-little-bit-long-string'), -985981536],
    [Buffer.from('a-little-bit-longer-string'), -1486304829],
    [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
    [Buffer.from('abc'), 479470107],
  ];
  it.each(cases)('hashes %s as Kafka does', (key, expected) => {
    expect(murmur2(key)).toBe(expected);
  });

  it('partitions by toPositive(murmur2) % count', () => {
    expect(partitionForKey(Buffer.from('21'), 7)).toBe((-973932308 & 0x7fffffff) % 7);
    for (let i = 0; i < 100; i++) {
      const p = partitionForKey(Buffer.from(`key-${i}`), 8);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(8);
    }
  });
});

describe('StickyPartitioner', () => {
  it('keeps a partition until its batch is sealed, then moves to another', () => {
    let r = 0;
    const values = [0.1, 0.1, 0.6];
    const sticky = new StickyPartitioner(() => values[r++ % values.length]!);
    const first = sticky.partition('t', 4);
    expect(sticky.partition('t', 4)).toBe(first);
    sticky.batchSealed('t', first, 4);
    const second = sticky.partition('t', 4);
    expect(second).not.toBe(first);
    // Sealing another partition's batch (a keyed one) does not move the sticky choice.
    sticky.batchSealed('t', (second + 1) % 4, 4);
    expect(sticky.partition('t', 4)).toBe(second);
  });
});
