import { Accumulator, recordBytes, type PendingRecord } from '../src/producer-accumulator';

function record(bytes: number): PendingRecord {
  return {
    key: undefined,
    value: Buffer.alloc(bytes),
    headers: [],
    timestampMs: 0,
    size: recordBytes(undefined, Buffer.alloc(bytes), []),
    callback: () => undefined,
  };
}

describe('Accumulator', () => {
  it('seals a batch before a record would take it over batchBytesMax', () => {
    const acc = new Accumulator({ lingerMs: 5, batchBytesMax: 1000 });
    const size = recordBytes(undefined, Buffer.alloc(100), []);
    let sealed = 0;
    let records = 0;
    for (let i = 0; i < 50; i++) {
      const out = acc.append('t', 0, record(100), size, 0);
      if (out) {
        sealed++;
        records += out.records.length;
        expect(out.bytes).toBeLessThanOrEqual(1000);
        expect(out.bytes + size).toBeGreaterThan(1000);
      }
    }
    expect(sealed).toBeGreaterThan(0);
    expect(records + acc.take('t', 0)!.records.length).toBe(50);
    expect(acc.bytes).toBe(0);
  });

  it('puts a record larger than batchBytesMax in a batch of its own', () => {
    const acc = new Accumulator({ lingerMs: 5, batchBytesMax: 100 });
    acc.append('t', 0, record(10), 26, 0);
    const sealed = acc.append('t', 0, record(500), 516, 0);
    expect(sealed?.records.length).toBe(1);
    expect(acc.take('t', 0)?.records.length).toBe(1);
  });

  it('hands out batches once they have lingered, oldest first, and all on flush', () => {
    const acc = new Accumulator({ lingerMs: 5, batchBytesMax: 1 << 20 });
    acc.append('t', 0, record(1), 17, 0);
    acc.append('t', 1, record(1), 17, 3);
    expect(acc.nextDeadline()).toBe(5);
    expect(acc.due(4)).toEqual([]);
    expect(acc.due(5).map((b) => b.partition)).toEqual([0]);
    expect(acc.nextDeadline()).toBe(8);
    acc.append('t', 2, record(1), 17, 6);
    expect(acc.due(6, true).map((b) => b.partition)).toEqual([1, 2]);
    expect(acc.size).toBe(0);
    expect(acc.nextDeadline()).toBeUndefined();
  });

  it('keeps one open batch per topic and partition', () => {
    const acc = new Accumulator({ lingerMs: 0, batchBytesMax: 1 << 20 });
    acc.append('a', 0, record(1), 17, 0);
    acc.append('b', 0, record(1), 17, 0);
    acc.append('a', 0, record(1), 17, 0);
    expect(acc.take('a', 0)?.records.length).toBe(2);
    expect(acc.take('b', 0)?.records.length).toBe(1);
  });
});
