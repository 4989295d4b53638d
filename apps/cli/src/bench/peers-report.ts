/**
 * The pure half of `npm run bench:peers`: flat result rows, their JSON lines, the ratio table
 * (ours / theirs per workload), docs/benchmarks.md and the throughput-vs-p99 plot (vega-lite
 * rendered to SVG headless). Kept apart from the runs so it is tested without starting servers.
 * vega runs in a child process only, and nothing under commands/ loads this file: `trib` never bundles it.
 */
import { execFileSync } from 'node:child_process';

export interface ResultRow {
  system: string;
  /** coord-set, coord-get, produce, consume, e2e. */
  workload: string;
  /** What makes rows comparable across systems ("x16", "100 B @5000/s"). */
  key: string;
  /** System-specific settings (mode, acks, window). */
  params: string;
  /** Operations or messages per second. */
  per_s: number;
  mb_per_s: number | undefined;
  p50_ms: number | undefined;
  p99_ms: number | undefined;
  p999_ms: number | undefined;
  max_ms: number | undefined;
  /** Target rate of a sweep point (0 = as fast as possible); absent outside sweeps. */
  target_rate?: number;
  /** Run index, or null for the median row over the runs. */
  run: number | null;
  median: boolean;
}

export interface RatioRow {
  workload: string;
  key: string;
  peer: string;
  ours_per_s: number;
  theirs_per_s: number;
  /** ours / theirs: > 1 means Tributary does more per second. */
  throughput_ratio: number;
  /** ours / theirs: < 1 means Tributary's p99 is lower. */
  p99_ratio: number | undefined;
}

export function jsonLines(rows: ResultRow[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Pairs each peer's median row with Tributary's median row of the same workload and key. */
export function ratios(rows: ResultRow[]): RatioRow[] {
  const medians = rows.filter((r) => r.median);
  const out: RatioRow[] = [];
  for (const theirs of medians) {
    if (theirs.system === 'tributary') continue;
    const ours = medians.find(
      (r) => r.system === 'tributary' && r.workload === theirs.workload && r.key === theirs.key,
    );
    if (!ours || theirs.per_s === 0) continue;
    out.push({
      workload: theirs.workload,
      key: theirs.key,
      peer: theirs.system,
      ours_per_s: ours.per_s,
      theirs_per_s: theirs.per_s,
      throughput_ratio: ours.per_s / theirs.per_s,
      p99_ratio:
        ours.p99_ms !== undefined && theirs.p99_ms ? ours.p99_ms / theirs.p99_ms : undefined,
    });
  }
  return out;
}

export interface BenchDoc {
  date: string;
  machine: string[];
  versions: string[];
  conditions: string[];
  rows: ResultRow[];
  svgFile: string;
}

export function renderMarkdown(doc: BenchDoc): string {
  const medians = doc.rows.filter((r) => r.median);
  const n = (v: number | undefined, d: number) =>
    v === undefined ? '' : v.toLocaleString('en-US', { maximumFractionDigits: d });
  const lines = [
    '# Benchmarks',
    '',
    `Produced by \`npm run bench:peers\` on ${doc.date}: one run on one machine, every system`,
    'started by the script on loopback, measured one after another. Regenerate it with the same',
    'command; `npm run bench` runs Tributary alone and prints the tables.',
    '',
    '## Machine',
    '',
    ...doc.machine.map((m) => `- ${m}`),
    '',
    '## Versions',
    '',
    ...doc.versions.map((v) => `- ${v}`),
    '',
    '## Conditions',
    '',
    ...doc.conditions.map((c) => `- ${c}`),
    '',
    '## Ratios (Tributary / peer)',
    '',
    'Throughput ratio > 1: Tributary does more per second. p99 ratio < 1: Tributary is faster.',
    '',
    '| workload | point | peer | Tributary /s | peer /s | throughput ratio | p99 ratio |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...ratios(doc.rows).map(
      (r) =>
        `| ${r.workload} | ${r.key} | ${r.peer} | ${n(r.ours_per_s, 0)} | ${n(r.theirs_per_s, 0)} | ` +
        `${n(r.throughput_ratio, 2)} | ${n(r.p99_ratio, 2)} |`,
    ),
    '',
    '## All results (medians over the runs)',
    '',
    '| system | workload | point | params | ops or msgs/s | MB/s | p50 ms | p99 ms | p99.9 ms | max ms |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...medians.map(
      (r) =>
        `| ${r.system} | ${r.workload} | ${r.key} | ${r.params} | ${n(r.per_s, 0)} | ` +
        `${n(r.mb_per_s, 2)} | ${n(r.p50_ms, 2)} | ${n(r.p99_ms, 2)} | ${n(r.p999_ms, 2)} | ${n(r.max_ms, 2)} |`,
    ),
    '',
    '## Throughput vs latency (produce, target-rate sweep)',
    '',
    `![throughput vs p99 latency](${doc.svgFile})`,
    '',
  ];
  return lines.join('\n');
}

/** The produce sweep's median points: one series per system, x msgs/s, y p99 ms (log). */
export function plotSpec(rows: ResultRow[]): object {
  const values = rows
    .filter((r) => r.median && r.workload === 'produce' && r.p99_ms !== undefined)
    .map((r) => ({ system: r.system, msgs_per_s: r.per_s, p99_ms: Math.max(r.p99_ms!, 0.001) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'produce: throughput vs p99 publish latency (target-rate sweep)',
    width: 560,
    height: 320,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'msgs_per_s', type: 'quantitative', title: 'acknowledged msgs/s' },
      y: { field: 'p99_ms', type: 'quantitative', scale: { type: 'log' }, title: 'p99 ms (log)' },
      color: { field: 'system', type: 'nominal' },
      order: { field: 'msgs_per_s', type: 'quantitative' },
    },
  };
}

/**
 * vega 6 is ESM only (with top-level await), which neither tsx's CommonJS hook nor jest loads,
 * so the rendering runs in a child node as an ES module: spec on stdin, SVG on stdout.
 */
const RENDER_SVG = `
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const view = new vega.View(vega.parse(vegaLite.compile(JSON.parse(input)).spec), { renderer: 'none' });
process.stdout.write(await view.toSVG());
`;

export function renderSvg(rows: ResultRow[]): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', RENDER_SVG], {
    cwd: __dirname,
    input: JSON.stringify(plotSpec(rows)),
    maxBuffer: 16 * 1024 * 1024,
  }).toString();
}
