import { buildBatch } from '@tributary/rpc';
import type { RecordBatch__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/RecordBatch';
import { batchEnd, decodeFetched } from '../src/consumer-decode';

async function stored(base: number, values: string[], compression = 'COMPRESSION_NONE') {
  const batch = await buildBatch({
    records: values.map((v, i) => ({
      key: i % 2 ? Buffer.from(`k${i}`) : null,
      value: v === '' ? null : Buffer.from(v),
      headers: [{ key: 'h', value: Buffer.from(String(i)) }],
      timestampMs: 1_000 + i,
    })),
    compression,
  });
  return { ...batch, base_offset: base, leader_epoch: 3 } satisfies RecordBatch__Output;
}

describe('decodeFetched', () => {
  it('skips the records below the asked offset and numbers the rest from the batch base', async () => {
    const batches = [await stored(10, ['a', 'b', 'c']), await stored(13, ['d', 'e'])];
    const records = await decodeFetched('t', 2, batches, 11);
    expect(records.map((r) => [r.offset, r.value?.toString()])).toEqual([
      [11, 'b'],
      [12, 'c'],
      [13, 'd'],
      [14, 'e'],
    ]);
    expect(records[0]).toMatchObject({
      topic: 't',
      partition: 2,
      timestampMs: 1_001,
      leaderEpoch: 3,
    });
    expect(records[0]!.key?.toString()).toBe('k1');
    expect(records[0]!.headers).toEqual([{ key: 'h', value: Buffer.from('1') }]);
    expect(batchEnd(batches[1]!)).toBe(15);
  });

  it('skips whole batches that end at or below the offset, and keeps tombstones as null', async () => {
    const batches = [await stored(0, ['a', 'b']), await stored(2, ['', 'x'], 'COMPRESSION_LZ4')];
    const records = await decodeFetched('t', 0, batches, 2);
    expect(records.map((r) => [r.offset, r.value])).toEqual([
      [2, null],
      [3, Buffer.from('x')],
    ]);
  });

  it('returns nothing for an offset past every batch', async () => {
    expect(await decodeFetched('t', 0, [await stored(0, ['a'])], 1)).toEqual([]);
  });
});
