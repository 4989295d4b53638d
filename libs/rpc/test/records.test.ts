// The record wire format of DESIGN §5: the hand-written RecordSet codec agrees byte for byte in
// meaning with protobufjs reflection over records.proto (both directions, random records), every
// codec round-trips, and validateBatch / verifyRecords refuse each kind of bad batch by reason.
import * as path from 'node:path';
import * as protobuf from 'protobufjs';
import {
  buildBatch,
  compress,
  CompressionCode,
  compressionCode,
  compressionName,
  compressSync,
  crc32c,
  decodeBatchRecords,
  decodeRecordSet,
  decompress,
  decompressSync,
  encodeRecordSet,
  PROTO_ROOT,
  NO_HEADERS,
  TributaryError,
  validateBatch,
  verifyRecords,
  visitRecordSet,
  type RecordEntry,
} from '../src';

const root = protobuf.loadSync(path.join(PROTO_ROOT, 'tributary/broker/v1/records.proto'));
const RecordSetType = root.lookupType('tributary.broker.v1.RecordSet');
const NOW = 1_700_000_000_000;
const LIMITS = { maxBatchBytes: 1 << 20, nowMs: NOW };

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

function randomBytes(r: (n: number) => number, max: number): Buffer {
  const b = Buffer.alloc(r(max));
  for (let i = 0; i < b.length; i++) b[i] = r(256);
  return b;
}

function randomRecord(r: (n: number) => number, i: number): RecordEntry {
  const big = [0, 1, 127, 128, 16383, 16384, 2 ** 31 - 1, 2 ** 31, 2 ** 40 + 5, 2 ** 53 - 1];
  return {
    offsetDelta: r(10) === 0 ? -1 - r(1000) : i,
    timestampDeltaMs: r(3) === 0 ? (big[r(big.length)] as number) : r(1000),
    key: r(4) === 0 ? null : randomBytes(r, 40),
    value: r(5) === 0 ? null : randomBytes(r, r(10) === 0 ? 3000 : 100),
    headers: Array.from({ length: r(3) }, () => ({
      key: ['', 'trace', 'ключ', 'x'.repeat(200)][r(4)] as string,
      value: randomBytes(r, 20),
    })),
  };
}

// protobufjs objects: int64 as Long or number, absent optional fields absent.
function fromReflection(msg: protobuf.Message): RecordEntry[] {
  const obj = RecordSetType.toObject(msg, { longs: Number, bytes: Buffer as never }) as {
    records?: Array<Record<string, unknown>>;
  };
  return (obj.records ?? []).map((r) => ({
    offsetDelta: (r['offsetDelta'] as number) ?? 0,
    timestampDeltaMs: (r['timestampDeltaMs'] as number) ?? 0,
    key: r['key'] === undefined ? null : Buffer.from(r['key'] as Uint8Array),
    value: r['value'] === undefined ? null : Buffer.from(r['value'] as Uint8Array),
    headers: ((r['headers'] as Array<{ key?: string; value?: Uint8Array }>) ?? []).map((h) => ({
      key: h.key ?? '',
      value: Buffer.from(h.value ?? []),
    })),
  }));
}

function toReflection(records: RecordEntry[]): Buffer {
  const msg = RecordSetType.fromObject({
    records: records.map((r) => ({
      offsetDelta: r.offsetDelta,
      timestampDeltaMs: r.timestampDeltaMs,
      ...(r.key === null ? {} : { key: r.key }),
      ...(r.value === null ? {} : { value: r.value }),
      headers: r.headers,
    })),
  });
  return Buffer.from(RecordSetType.encode(msg).finish());
}

const plain = (rs: RecordEntry[]) =>
  rs.map((r) => ({
    ...r,
    key: r.key && r.key.toString('hex'),
    value: r.value && r.value.toString('hex'),
    headers: r.headers.map((h) => ({ key: h.key, value: h.value.toString('hex') })),
  }));

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof TributaryError ? err.reason : `not a TributaryError: ${String(err)}`;
  }
  return undefined;
}

async function reasonOfAsync(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof TributaryError ? err.reason : `not a TributaryError: ${String(err)}`;
  }
  return undefined;
}

describe('RecordSet codec', () => {
  it('agrees with protobufjs reflection in both directions on random records', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const records = Array.from({ length: r(20) }, (_, i) => randomRecord(r, i));
      const ours = encodeRecordSet(records);
      expect(plain(fromReflection(RecordSetType.decode(ours)))).toEqual(plain(records));
      expect(plain(decodeRecordSet(toReflection(records)))).toEqual(plain(records));
      expect(plain(decodeRecordSet(ours))).toEqual(plain(records));
    }
  });

  it('keeps an empty value apart from a null one (a tombstone), and an empty set empty', () => {
    const records: RecordEntry[] = [
      {
        offsetDelta: 0,
        timestampDeltaMs: 0,
        key: Buffer.from('k'),
        value: Buffer.alloc(0),
        headers: [],
      },
      { offsetDelta: 1, timestampDeltaMs: 0, key: Buffer.from('k'), value: null, headers: [] },
    ];
    const back = decodeRecordSet(encodeRecordSet(records));
    expect(back[0]?.value).toEqual(Buffer.alloc(0));
    expect(back[1]?.value).toBeNull();
    expect(encodeRecordSet([]).length).toBe(0);
    expect(decodeRecordSet(Buffer.alloc(0))).toEqual([]);
  });

  it('matches a golden encoding', () => {
    const golden = encodeRecordSet([
      {
        offsetDelta: 0,
        timestampDeltaMs: 5,
        key: Buffer.from('k'),
        value: Buffer.from('v'),
        headers: [{ key: 'h', value: Buffer.from('x') }],
      },
    ]);
    // 0a <len 12> | 10 05 | 1a 01 'k' | 22 01 'v' | 2a 06 (0a 01 'h' 12 01 'x')
    expect(golden.toString('hex')).toBe(
      '0a10' + '1005' + '1a016b' + '220176' + '2a060a01681201' + '78',
    );
  });

  it('skips unknown fields, as a protobuf reader must', () => {
    const base = encodeRecordSet([
      { offsetDelta: 0, timestampDeltaMs: 0, key: null, value: Buffer.from('v'), headers: [] },
    ]);
    // field 9 varint and field 10 fixed32 at top level, before the record
    const extended = Buffer.concat([Buffer.from([0x48, 0x96, 0x01, 0x55, 1, 2, 3, 4]), base]);
    expect(decodeRecordSet(extended)[0]?.value?.toString()).toBe('v');
  });

  it('visits what it decodes, sharing one frozen empty header list', () => {
    const r = rng(11);
    const records = Array.from({ length: 50 }, (_, i) => randomRecord(r, i));
    records[3]!.headers = [];
    const visited: RecordEntry[] = [];
    const count = visitRecordSet(encodeRecordSet(records), (o, t, key, value, headers) => {
      if (headers.length === 0) expect(headers).toBe(NO_HEADERS);
      visited.push({ offsetDelta: o, timestampDeltaMs: t, key, value, headers: [...headers] });
    });
    expect(count).toBe(50);
    expect(plain(visited)).toEqual(plain(records));
    expect(Object.isFrozen(NO_HEADERS)).toBe(true);
  });

  it('never lets a field of one record run into the next', () => {
    // Record 1 is 3 bytes long, but its value claims 4: the 4th byte is record 2's tag.
    const set = Buffer.from([0x0a, 0x03, 0x22, 0x04, 0x61, 0x0a, 0x02, 0x22, 0x00]);
    expect(reasonOf(() => decodeRecordSet(set))).toBe('CORRUPT_RECORD');
    expect(reasonOf(() => visitRecordSet(set, () => undefined))).toBe('CORRUPT_RECORD');
  });

  it('refuses malformed bytes with CORRUPT_RECORD and never throws anything else', () => {
    const good = encodeRecordSet(Array.from({ length: 5 }, (_, i) => randomRecord(rng(7), i)));
    expect(reasonOf(() => decodeRecordSet(good.subarray(0, good.length - 1)))).toBe(
      'CORRUPT_RECORD',
    );
    expect(reasonOf(() => decodeRecordSet(Buffer.from([0x0a, 0xff])))).toBe('CORRUPT_RECORD');
    expect(reasonOf(() => decodeRecordSet(Buffer.from([0x0b])))).toBe('CORRUPT_RECORD');
    const r = rng(99);
    for (let i = 0; i < 2000; i++) {
      const junk = randomBytes(r, 64);
      const reason = reasonOf(() => decodeRecordSet(junk));
      expect([undefined, 'CORRUPT_RECORD']).toContain(reason);
    }
  });
});

describe('compression codecs', () => {
  const data = Buffer.from('tributary '.repeat(500));
  it.each([CompressionCode.NONE, CompressionCode.GZIP, CompressionCode.ZSTD, CompressionCode.LZ4])(
    'code %d round-trips (async, and sync where the binding has it)',
    async (code) => {
      const packed = await compress(code, data);
      expect(await decompress(code, packed)).toEqual(data);
      if (code !== CompressionCode.ZSTD) {
        expect(decompressSync(code, compressSync(code, data))).toEqual(data);
      }
      if (code !== CompressionCode.NONE) expect(packed.length).toBeLessThan(data.length / 4);
    },
  );

  it('maps wire names and numbers to codes and back; unknown is INVALID_ARGUMENT', () => {
    expect(compressionCode('COMPRESSION_UNSPECIFIED')).toBe(1);
    expect(compressionCode(undefined)).toBe(1);
    expect(compressionCode(0)).toBe(1);
    expect(compressionCode('COMPRESSION_ZSTD')).toBe(3);
    expect(compressionName(4)).toBe('COMPRESSION_LZ4');
    expect(reasonOf(() => compressionCode(9))).toBe('INVALID_ARGUMENT');
    expect(reasonOf(() => compressionCode('toString'))).toBe('INVALID_ARGUMENT');
  });

  it('refuses garbage and decompression bombs with CORRUPT_RECORD', async () => {
    const junk = Buffer.from('definitely not compressed');
    for (const code of [CompressionCode.GZIP, CompressionCode.ZSTD, CompressionCode.LZ4]) {
      expect(await reasonOfAsync(decompress(code, junk))).toBe('CORRUPT_RECORD');
      const bomb = await compress(code, Buffer.alloc(1 << 20));
      expect(await reasonOfAsync(decompress(code, bomb, 1000))).toBe('CORRUPT_RECORD');
    }
    expect(reasonOf(() => decompressSync(CompressionCode.GZIP, junk))).toBe('CORRUPT_RECORD');
  });
});

describe('buildBatch, validateBatch, verifyRecords', () => {
  const records = [
    { key: Buffer.from('a'), value: Buffer.from('1'), timestampMs: NOW + 5 },
    { key: Buffer.from('b'), value: null, timestampMs: NOW },
    {
      value: Buffer.from('3'),
      headers: [{ key: 'h', value: Buffer.from('x') }],
      timestampMs: NOW + 9,
    },
  ];

  it.each(['COMPRESSION_NONE', 'COMPRESSION_GZIP', 'COMPRESSION_ZSTD', 'COMPRESSION_LZ4'])(
    'builds a %s batch that passes both checks and decodes back',
    async (compression) => {
      const batch = await buildBatch({
        records,
        compression,
        producerId: 7,
        producerEpoch: 1,
        baseSequence: 40,
      });
      expect(batch).toMatchObject({
        record_count: 3,
        producer_id: 7,
        producer_epoch: 1,
        base_sequence: 40,
        compression,
        first_timestamp_ms: NOW,
        max_timestamp_ms: NOW + 9,
      });
      expect(batch.crc32c).toBe(crc32c(batch.records));
      expect(validateBatch(batch, LIMITS)).toBe(compressionCode(compression));
      const decoded = await verifyRecords(batch);
      expect(
        decoded.map((r) => [
          r.offsetDelta,
          r.timestampDeltaMs,
          r.key?.toString() ?? null,
          r.value?.toString() ?? null,
        ]),
      ).toEqual([
        [0, 5, 'a', '1'],
        [1, 0, 'b', null],
        [2, 9, null, '3'],
      ]);
      expect(decoded[2]?.headers).toEqual([{ key: 'h', value: Buffer.from('x') }]);
      expect((await decodeBatchRecords(batch)).length).toBe(3);
    },
  );

  it('refuses each bad header with its reason', async () => {
    const good = await buildBatch({ records });
    const cases: Array<[string, Partial<typeof good>, Partial<typeof LIMITS>, string]> = [
      ['bad CRC', { crc32c: (good.crc32c + 1) >>> 0 }, {}, 'CHECKSUM_MISMATCH'],
      [
        'a flipped payload byte',
        { records: Buffer.from(good.records).fill(0, 2, 3) },
        {},
        'CHECKSUM_MISMATCH',
      ],
      ['zero count', { record_count: 0 }, {}, 'INVALID_ARGUMENT'],
      ['negative count', { record_count: -3 }, {}, 'INVALID_ARGUMENT'],
      ['empty records', { records: Buffer.alloc(0), crc32c: 0 }, {}, 'INVALID_ARGUMENT'],
      ['max before first', { max_timestamp_ms: NOW - 1 }, {}, 'INVALID_ARGUMENT'],
      ['two years old', { first_timestamp_ms: NOW - 2 * 365 * 86_400_000 }, {}, 'INVALID_ARGUMENT'],
      ['two years ahead', { max_timestamp_ms: NOW + 2 * 365 * 86_400_000 }, {}, 'INVALID_ARGUMENT'],
      [
        'negative timestamp',
        { first_timestamp_ms: -1 },
        { timestampBeforeMaxMs: Infinity } as never,
        'INVALID_ARGUMENT',
      ],
      ['negative producer id', { producer_id: -1 }, {}, 'INVALID_ARGUMENT'],
      ['negative sequence', { producer_id: 3, base_sequence: -1 }, {}, 'INVALID_ARGUMENT'],
      ['unknown codec', { compression: 7 as never }, {}, 'INVALID_ARGUMENT'],
      ['too large', {}, { maxBatchBytes: good.records.length - 1 }, 'MESSAGE_TOO_LARGE'],
    ];
    for (const [what, patch, limits, reason] of cases) {
      expect([
        what,
        reasonOf(() => validateBatch({ ...good, ...patch }, { ...LIMITS, ...limits })),
      ]).toEqual([what, reason]);
    }
  });

  it('finds in the deep check what the header check cannot see', async () => {
    const good = await buildBatch({ records, compression: 'COMPRESSION_ZSTD' });
    const notZstd = Buffer.from('garbage that is not a zstd frame');
    const undecodable = await buildBatch({ records, compression: 'COMPRESSION_LZ4' });
    const junkSet = await compress(CompressionCode.LZ4, Buffer.from([0x0a, 0x7f, 0x01]));
    const cases: Array<[string, object, string]> = [
      ['count mismatch', { record_count: 4 }, 'INVALID_ARGUMENT'],
      [
        'payload that does not decompress',
        { records: notZstd, crc32c: crc32c(notZstd) },
        'CORRUPT_RECORD',
      ],
      ['span narrower than the records', { max_timestamp_ms: NOW + 3 }, 'INVALID_ARGUMENT'],
    ];
    for (const [what, patch, reason] of cases) {
      const bad = { ...good, ...patch };
      expect([what, await reasonOfAsync(verifyRecords(bad))]).toEqual([what, reason]);
    }
    const badSet = { ...undecodable, records: junkSet, crc32c: crc32c(junkSet) };
    expect(validateBatch(badSet, LIMITS)).toBe(CompressionCode.LZ4);
    expect(await reasonOfAsync(verifyRecords(badSet))).toBe('CORRUPT_RECORD');
  });
});
