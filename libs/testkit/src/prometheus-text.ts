/**
 * Reading a process's `/metrics` (Prometheus text exposition format 0.0.4) in tests: every
 * sample with its labels, the families declared (`# TYPE`), and sums and maxima over the
 * samples whose labels match.
 */
import * as http from 'node:http';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export class Scrape {
  readonly samples: Sample[];
  /** Family name → type, from the `# TYPE` lines. */
  readonly types = new Map<string, string>();

  constructor(readonly text: string) {
    this.samples = parsePrometheusText(text);
    for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) this.types.set(m[1]!, m[2]!);
  }

  /** Samples of `name` whose labels include every pair of `match`. */
  select(name: string, match: Record<string, string> = {}): Sample[] {
    return this.samples.filter(
      (s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v),
    );
  }

  values(name: string, match: Record<string, string> = {}): number[] {
    return this.select(name, match).map((s) => s.value);
  }

  /** Sum over the matching samples (0 when there are none). */
  sum(name: string, match: Record<string, string> = {}): number {
    return this.values(name, match).reduce((a, b) => a + b, 0);
  }

  /** The one matching sample's value; throws unless exactly one matches. */
  one(name: string, match: Record<string, string> = {}): number {
    const values = this.values(name, match);
    if (values.length !== 1)
      throw new Error(`${name} ${JSON.stringify(match)}: ${values.length} samples, wanted 1`);
    return values[0]!;
  }
}

/** GET http://ADDRESS/metrics, parsed; rejects on a status other than 200. */
export async function scrapeMetrics(metricsAddress: string, timeoutMs = 5_000): Promise<Scrape> {
  const body = await new Promise<string>((resolve, reject) => {
    http
      .get(`http://${metricsAddress}/metrics`, { timeout: timeoutMs }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(text)
            : reject(new Error(`${metricsAddress}/metrics answered ${res.statusCode}`)),
        );
      })
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy(new Error(`${metricsAddress}/metrics did not answer in ${timeoutMs} ms`));
      })
      .on('error', reject);
  });
  return new Scrape(body);
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL))
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}
