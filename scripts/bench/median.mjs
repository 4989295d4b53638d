#!/usr/bin/env node
// Medians over several `trib bench coord --json` reports (e.g. three runs of coord.sh --json):
// for each cell, the median of ops/s, of each percentile and of MB/s, taken separately.
//   node scripts/bench/median.mjs run1.json run2.json run3.json [--markdown]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Table = require('cli-table3');

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  process.stderr.write('usage: median.mjs report.json… [--markdown]\n');
  process.exit(2);
}
const reports = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
const cells = new Map();
for (const report of reports) {
  for (const r of report.results) {
    const key = `${r.system}|${r.mode}|${r.op}|${r.clients}`;
    if (!cells.has(key)) cells.set(key, { first: r, runs: [] });
    cells.get(key).runs.push(r);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, d) =>
  n === undefined
    ? ''
    : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const head = [
  'system',
  'mode',
  'op',
  'clients',
  'ops/s',
  'p50 ms',
  'p99 ms',
  'p99.9 ms',
  'MB/s',
  'errors',
  'load 1m',
  'runs',
];
const rows = [...cells.values()].map(({ first, runs }) => {
  const mb = runs.every((r) => r.mb_per_s !== undefined && r.mb_per_s !== null)
    ? median(runs.map((r) => r.mb_per_s))
    : undefined;
  return [
    first.system,
    first.mode,
    first.op_label,
    String(first.clients),
    fmt(median(runs.map((r) => r.ops_per_s)), 0),
    fmt(median(runs.map((r) => r.latency.p50_ms)), 2),
    fmt(median(runs.map((r) => r.latency.p99_ms)), 2),
    fmt(median(runs.map((r) => r.latency.p999_ms)), 2),
    fmt(mb, 2),
    String(runs.reduce((n, r) => n + r.errors, 0)),
    runs.every((r) => typeof r.load_avg_1m === 'number')
      ? fmt(median(runs.map((r) => r.load_avg_1m)), 1)
      : '',
    String(runs.length),
  ];
});

if (markdown) {
  const line = (cols) => `| ${cols.join(' | ')} |\n`;
  process.stdout.write(line(head) + line(head.map(() => '---')) + rows.map(line).join(''));
} else {
  const table = new Table({ head, style: { head: [], border: [] } });
  table.push(...rows);
  process.stdout.write(`${table.toString()}\n`);
}
const loads = reports.map((r) => r.conditions.load_average_at_start.join(' '));
process.stdout.write(
  `median of ${reports.length} run(s); load average at start of each: ${loads.join(' | ')}\n`,
);
