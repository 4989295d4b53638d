import { sim } from '../src';
for (const knob of ['skipTruncation', 'commitOldTermEntries', 'voteTwice']) {
  const t0 = Date.now();
  const s = sim.runSwarm(1, 2000, { unsafe: { [knob]: true } }, undefined, 5);
  console.log(knob, s.seeds, s.failures.map((f) => f.options.seed + ':' + f.violation?.property).join(' '), Date.now() - t0 + 'ms');
}
