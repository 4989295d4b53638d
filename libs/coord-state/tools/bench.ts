// Quick throughput figures: `npx tsx libs/coord-state/tools/bench.ts`. Not a test.
import { type Command, CoordStateMachine, decodeCommand, encodeCommand } from '../src';

const N = 200_000;
const data = new Uint8Array(100);
const sm = new CoordStateMachine();
let index = 0;
for (let i = 0; i < 100; i++) {
  sm.apply(++index, {
    op: 'create',
    path: `/d${i}`,
    data,
    ephemeral: false,
    sequential: false,
    sessionId: 0,
  });
}
const cmds: Command[] = [];
for (let i = 0; i < N; i++) {
  const path = `/d${i % 100}/n${i}`;
  cmds.push(
    i % 2 === 0
      ? { op: 'create', path, data, ephemeral: false, sequential: false, sessionId: 0 }
      : { op: 'set', path: `/d${i % 100}/n${i - 1}`, data, expectedVersion: -1 },
  );
}
let t = process.hrtime.bigint();
for (const c of cmds) sm.apply(++index, c);
let ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(
  `apply create/set (100 B): ${Math.round(N / (ms / 1000))} ops/s, ${sm.nodeCount} nodes`,
);

const encoded = cmds.map(encodeCommand);
t = process.hrtime.bigint();
for (const c of cmds) encodeCommand(c);
ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(`encodeCommand: ${Math.round(N / (ms / 1000))} ops/s`);
t = process.hrtime.bigint();
for (const b of encoded) decodeCommand(b);
ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(`decodeCommand: ${Math.round(N / (ms / 1000))} ops/s`);

t = process.hrtime.bigint();
let n = 0;
for (let i = 0; i < 1000; i++) {
  const r = sm.eventsSince(sm.revision - 100_000 + 1, { path: `/d${i % 100}`, prefix: true });
  if (r.ok) n += r.value.events.length;
}
ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(
  `eventsSince over 100k-revision history: ${(ms / 1000).toFixed(2)} ms/call (${n} events)`,
);
t = process.hrtime.bigint();
const snap = sm.toSnapshot();
const back = CoordStateMachine.fromSnapshot(snap);
ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(
  `snapshot + restore of ${back.nodeCount} nodes and ${snap.history.events.length} events: ${ms.toFixed(0)} ms`,
);
