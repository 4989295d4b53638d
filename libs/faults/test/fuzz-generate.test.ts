// The fuzzer's request bodies (src/fuzz/generate.ts): the same seed gives the same bytes, the
// "extreme" ones are valid encodings of every request type of the contract, the mutated ones
// differ from what they came from, and the huge ones carry 10^4–10^6 entries.
import * as protobuf from 'protobufjs';
import { Xoshiro128 } from '@tributary/raft';
import { contractServices } from '../src/fuzz/fuzzer';
import { drawKind, requestBody } from '../src/fuzz/generate';

const methods = [...contractServices().values()].flatMap((s) => s.methods);

it('covers every service of the contract', () => {
  expect([...contractServices().keys()].sort()).toEqual([
    'tributary.broker.v1.BrokerService',
    'tributary.broker.v1.ReplicationService',
    'tributary.coord.v1.ClusterService',
    'tributary.coord.v1.CoordinationService',
    'tributary.coord.v1.MetadataService',
    'tributary.raft.v1.RaftService',
  ]);
  expect(methods.length).toBeGreaterThan(40);
});

it('is a function of the seed', () => {
  for (const m of methods.slice(0, 10)) {
    const a = new Xoshiro128(5);
    const b = new Xoshiro128(5);
    for (let k = 0; k < 20; k++) {
      const kind = drawKind(a);
      expect(drawKind(b)).toBe(kind);
      expect(requestBody(m.type, kind, b).equals(requestBody(m.type, kind, a))).toBe(true);
    }
  }
});

it('builds extreme values that still decode as the request type', () => {
  const random = new Xoshiro128(9);
  let fields = 0;
  for (const m of methods)
    for (let k = 0; k < 20; k++) {
      const body = requestBody(m.type, 'extreme', random);
      const decoded = m.type.decode(new protobuf.Reader(body)) as unknown as Record<
        string,
        unknown
      >;
      fields += Object.keys(decoded).length;
    }
  expect(fields).toBeGreaterThan(methods.length * 20);
});

it('mutates encodings and builds huge repeated fields', () => {
  const random = new Xoshiro128(3);
  const withRepeated = methods.find((m) =>
    m.type.fieldsArray.some((f) => f.repeated && f.type === 'int32'),
  )!;
  const huge = requestBody(withRepeated.type, 'huge-repeated', random);
  expect(huge.length).toBeGreaterThan(100_000);
  const kinds = new Map<string, number>();
  for (let k = 0; k < 2000; k++) {
    const kind = drawKind(random);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  expect(kinds.get('huge-repeated')).toBeGreaterThan(0);
  expect(kinds.get('huge-repeated')).toBeLessThan(100);
});
