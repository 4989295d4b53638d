import { writeFileSync } from 'node:fs';
import { sim } from '../src';
const start = Number(process.argv[2] ?? 1);
const n = Number(process.argv[3] ?? 50);
const t0 = Date.now();
const s = sim.runSwarm(start, n, { traceSize: 400 }, undefined, 3);
console.log(JSON.stringify({ ...s, failures: s.failures.map((f) => f.options.seed + ':' + f.violation?.property) }), Date.now() - t0 + 'ms');
s.failures.forEach((f, k) => writeFileSync(`/tmp/fail${k}.txt`, f.report ?? ''));
