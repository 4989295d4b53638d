/**
 * `npx tsx libs/rpc/tools/records-bench.ts`: RecordSet encode and decode speed for 1,000
 * records of 100 bytes, per CPU second of this process (on a shared machine the wall clock
 * also counts the time other processes held the core). A benchmark, not a test: speed is
 * measured here, never asserted in jest.
 */
import { decodeRecordSet, encodeRecordSet, visitRecordSet } from '../src/records';

const records = Array.from({ length: 1000 }, (_, i) => ({
  offsetDelta: i,
  timestampDeltaMs: i >> 4,
  key: Buffer.from(`key-${i}`),
  value: Buffer.alloc(100, i),
  headers: [],
}));
const rounds = 2000;
// Warm the JIT first: a cold run measures the compiler, not the codec.
for (let i = 0; i < 500; i++) decodeRecordSet(encodeRecordSet(records));
const perCpuSecond = (run: () => void) => {
  const before = process.cpuUsage();
  for (let i = 0; i < rounds; i++) run();
  const used = process.cpuUsage(before);
  return (rounds * records.length) / ((used.user + used.system) / 1e6);
};
const buf = encodeRecordSet(records);
const encode = perCpuSecond(() => encodeRecordSet(records));
const decode = perCpuSecond(() => decodeRecordSet(buf));
let seen = 0;
// What the Consumer does: the records straight into its own objects, nothing in between.
const visit = perCpuSecond(() =>
  visitRecordSet(buf, (_o, _t, _k, value) => (seen += value!.length)),
);
console.log(
  `RecordSet, 1,000 × 100 B records: encode ${Math.round(encode).toLocaleString('en-US')} records/s, ` +
    `decode ${Math.round(decode).toLocaleString('en-US')}, visit ${Math.round(visit).toLocaleString('en-US')} records/s (per CPU second)`,
);
