// The snapshot image against today's v8.serialize(toSnapshot()) at 100,000 nodes:
// `node --expose-gc --import tsx libs/coord-state/tools/snapshot-bench.ts [nodes] [runs] [chunkRecordsMax]`. Not a test.
//
// For the image: the capture (the encodeSnapshotIncrementally call), the longest single chunk
// (the longest synchronous pause a shell that yields between chunks sees), the sum of all
// chunks, and the concatenation the shell does at the end. For v8: one synchronous call.
import { serialize, deserialize } from 'node:v8';
import { crc32c } from '@node-rs/crc32';
import {
  type CoordSnapshot,
  CoordStateMachine,
  decodeSnapshot,
  encodeSnapshotIncrementally,
} from '../src';

const NODES = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 7);
const CHUNK_RECORDS = Number(process.argv[4] ?? 1000);
const CRC = {
  crc32c: (b: Uint8Array): number => crc32c(b),
  chunkRecordsMax: CHUNK_RECORDS,
};

// With `node --expose-gc`, collect before each run so one run's garbage does not land in the next.
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (xs: number[]): string =>
  `median ${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)})`;

const sm = new CoordStateMachine();
let index = 0;
const dirs = 100;
for (let d = 0; d < dirs; d++) {
  const data = new Uint8Array(0);
  sm.apply(++index, {
    op: 'create',
    path: `/d${d}`,
    data,
    ephemeral: false,
    sequential: false,
    sessionId: 0,
  });
}
for (let i = 0; i < NODES; i++) {
  const data = new Uint8Array(64).fill(i & 0xff);
  const path = `/d${i % dirs}/node-${i}`;
  sm.apply(++index, {
    op: 'create',
    path,
    data,
    ephemeral: false,
    sequential: false,
    sessionId: 0,
  });
}
const events = sm.toSnapshot().history.events.length;
console.log(
  `state: ${sm.nodeCount} nodes (${NODES} of 64 B), ${events} watch events, ${RUNS} runs each`,
);

const v8Ms: number[] = [];
let v8Bytes = 0;
for (let r = 0; r < RUNS; r++) {
  gc();
  const t0 = process.hrtime.bigint();
  const buf = serialize(sm.toSnapshot());
  v8Ms.push(ms(t0));
  v8Bytes = buf.length;
}

const cpuMs = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const captureMs: number[] = [];
const captureCpuMs: number[] = [];
const longestCpuMs: number[] = [];
const longestMs: number[] = [];
const chunksMs: number[] = [];
const concatMs: number[] = [];
let chunkCount = 0;
let imageBytes = 0;
let image: Buffer = Buffer.alloc(0);
const allChunkMs: number[] = [];
for (let r = 0; r < RUNS; r++) {
  gc();
  let c0 = process.cpuUsage();
  let t0 = process.hrtime.bigint();
  const gen = encodeSnapshotIncrementally(sm, CRC);
  captureMs.push(ms(t0));
  captureCpuMs.push(cpuMs(c0));
  let longestCpu = 0;
  const parts: Uint8Array[] = [];
  let longest = 0;
  let sum = 0;
  for (;;) {
    c0 = process.cpuUsage();
    t0 = process.hrtime.bigint();
    const next = gen.next();
    const t = ms(t0);
    longestCpu = Math.max(longestCpu, cpuMs(c0));
    if (next.done) break;
    longest = Math.max(longest, t);
    allChunkMs.push(t);
    sum += t;
    parts.push(next.value);
  }
  longestMs.push(longest);
  longestCpuMs.push(longestCpu);
  chunksMs.push(sum);
  t0 = process.hrtime.bigint();
  image = Buffer.concat(parts);
  concatMs.push(ms(t0));
  chunkCount = parts.length;
  imageBytes = image.length;
}

// The copy-on-write cost on apply: 20,000 sets of distinct nodes with a view open vs none.
const setAll = (from: number): number => {
  const data = new Uint8Array(64);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 20_000; i++) {
    sm.apply(++index, {
      op: 'set',
      path: `/d${(from + i) % dirs}/node-${from + i}`,
      data,
      expectedVersion: -1,
    });
  }
  return ms(t0);
};
gc();
const plainSetMs = setAll(0);
gc();
const open = encodeSnapshotIncrementally(sm, CRC);
const viewSetMs = setAll(20_000);
open.return();
console.log(
  `20,000 sets: ${plainSetMs.toFixed(0)} ms with no build, ${viewSetMs.toFixed(0)} ms with a build open`,
);

// A build while writes go on: 100 sets of random existing nodes between chunks.
{
  gc();
  const data = new Uint8Array(64);
  let seed = 1;
  const gen = encodeSnapshotIncrementally(sm, CRC);
  let longest = 0;
  let writes = 0;
  for (;;) {
    const t0 = process.hrtime.bigint();
    const next = gen.next();
    longest = Math.max(longest, ms(t0));
    if (next.done) break;
    for (let k = 0; k < 100; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const i = seed % NODES;
      sm.apply(++index, { op: 'set', path: `/d${i % dirs}/node-${i}`, data, expectedVersion: -1 });
      writes++;
    }
  }
  console.log(
    `build with ${writes} sets between its chunks: longest chunk ${longest.toFixed(2)} ms`,
  );
}

const decodeMs: number[] = [];
const v8RestoreMs: number[] = [];
const v8Image = serialize(sm.toSnapshot());
for (let r = 0; r < Math.min(RUNS, 3); r++) {
  gc();
  let t0 = process.hrtime.bigint();
  const back = decodeSnapshot(image, CRC);
  decodeMs.push(ms(t0));
  if (!back.ok || back.value.nodeCount !== sm.nodeCount) throw new Error('decode failed');
  gc();
  t0 = process.hrtime.bigint();
  CoordStateMachine.fromSnapshot(deserialize(v8Image) as CoordSnapshot);
  v8RestoreMs.push(ms(t0));
}

const total = captureMs.map((c, i) => c + chunksMs[i] + concatMs[i]);
console.log(`v8.serialize(toSnapshot()): one pause, ${fmt(v8Ms)}; ${v8Bytes} bytes`);
console.log(`image: ${imageBytes} bytes in ${chunkCount} chunks`);
console.log(`  capture (the call, one pause):   ${fmt(captureMs)}; CPU ${fmt(captureCpuMs)}`);
console.log(`  longest single chunk:            ${fmt(longestMs)}; CPU ${fmt(longestCpuMs)}`);
allChunkMs.sort((a, b) => a - b);
const p = (q: number): string => allChunkMs[Math.floor(q * (allChunkMs.length - 1))].toFixed(2);
console.log(`  chunk times over all runs:       p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
console.log(`  all chunks:                      ${fmt(chunksMs)}`);
console.log(`  Buffer.concat of the chunks:     ${fmt(concatMs)}`);
console.log(`  total build:                     ${fmt(total)}`);
console.log(`decodeSnapshot: ${fmt(decodeMs)}; v8.deserialize + fromSnapshot: ${fmt(v8RestoreMs)}`);
