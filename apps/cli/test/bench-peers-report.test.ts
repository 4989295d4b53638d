import {
  jsonLines,
  plotSpec,
  ratios,
  renderMarkdown,
  renderSvg,
  type ResultRow,
} from '../src/bench/peers-report';

function row(
  system: string,
  workload: string,
  key: string,
  per_s: number,
  p99: number,
  run: number | null = null,
): ResultRow {
  return {
    system,
    workload,
    key,
    params: 'p',
    per_s,
    mb_per_s: 1,
    p50_ms: p99 / 2,
    p99_ms: p99,
    p999_ms: p99 * 2,
    max_ms: p99 * 3,
    run,
    median: run === null,
  };
}

const rows: ResultRow[] = [
  row('tributary', 'coord-set', '×16 clients', 8000, 4),
  row('etcd', 'coord-set', '×16 clients', 4000, 8),
  row('zookeeper', 'coord-set', '×16 clients', 2000, 2),
  row('tributary', 'produce', '100 B @max', 99999, 9, 0),
  row('tributary', 'produce', '100 B @max', 50000, 10),
  row('jetstream', 'produce', '100 B @max', 25000, 20),
  row('jetstream', 'produce', '100 B @1000', 1000, 1),
  row('tributary', 'produce', '100 B @1000', 1000, 2),
  row('etcd', 'coord-get', '×1 clients', 500, 1), // no Tributary row: no ratio
];

describe('bench:peers report', () => {
  it('pairs each peer median with the Tributary median of the same workload and point', () => {
    const r = ratios(rows);
    expect(r.map((x) => [x.workload, x.key, x.peer, x.throughput_ratio, x.p99_ratio])).toEqual([
      ['coord-set', '×16 clients', 'etcd', 2, 0.5],
      ['coord-set', '×16 clients', 'zookeeper', 4, 2],
      ['produce', '100 B @max', 'jetstream', 2, 0.5],
      ['produce', '100 B @1000', 'jetstream', 1, 2],
    ]);
  });

  it('writes one JSON object per line, per-run rows with their index', () => {
    const lines = jsonLines(rows).trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length);
    const parsed = lines.map((l) => JSON.parse(l) as ResultRow);
    expect(parsed[3]).toMatchObject({ run: 0, median: false, per_s: 99999 });
    expect(parsed[0]).toMatchObject({ system: 'tributary', run: null, median: true });
  });

  it('renders the ratio table, the medians only and the plot link', () => {
    const md = renderMarkdown({
      date: 'D',
      machine: ['CPU: X'],
      versions: ['etcd 3.4'],
      conditions: ['load 1'],
      rows,
      svgFile: 'plot.svg',
    });
    expect(md).toContain('| coord-set | ×16 clients | etcd | 8,000 | 4,000 | 2 | 0.5 |');
    expect(md).toContain('![throughput vs p99 latency](plot.svg)');
    expect(md).toContain('- CPU: X');
    expect(md).not.toContain('99,999'); // a per-run row is not a median
  });

  it('plots the produce medians, one series per system, as an <svg>', () => {
    const values = (plotSpec(rows) as { data: { values: { system: string }[] } }).data.values;
    expect(new Set(values.map((v) => v.system))).toEqual(new Set(['tributary', 'jetstream']));
    expect(values).toHaveLength(4);
    const svg = renderSvg(rows);
    expect(svg.startsWith('<svg')).toBe(true);
    // vega-lite draws one line-mark group per colour (system).
    expect(svg.match(/<g class="mark-line role-mark/g)).toHaveLength(2);
    expect(svg).toContain('tributary');
    expect(svg).toContain('jetstream');
  });
});
