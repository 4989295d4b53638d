/**
 * `npx tsx scripts/bench/snapshot-pause.ts [nodes] [--no-snapshot]`: the longest
 * event-loop pause of a coordinator while it snapshots a tree of `nodes` nodes (default
 * 100,000); `--no-snapshot` measures the same load without one, for comparison. One member, 64-byte
 * values written through a pipelined Execute stream; /metrics is scraped every 250 ms for
 * `tributary_nodejs_eventloop_lag_max_seconds`; the member's own snapshot log line is printed.
 */
import * as fs from 'node:fs';
import { callRetrying, CoordinatorCluster, ExecutePipeline } from '@tributary/testkit';

async function scrapeLagMaxMs(address: string): Promise<number> {
  const text = await (await fetch(`http://${address}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('tributary_nodejs_eventloop_lag_max_seconds'));
  return line ? Number(line.split(' ')[1]) * 1000 : 0;
}

async function main(): Promise<void> {
  const nodes = Number(process.argv[2] ?? 100_000);
  const snapshot = !process.argv.includes('--no-snapshot');
  const cluster = await CoordinatorCluster.start({
    size: 1,
    snapshotEveryEntries: snapshot ? nodes : 1e9,
  });
  try {
    await callRetrying(() => cluster.coord(1), 'Create', { path: '/p', data: Buffer.alloc(0) });
    const metrics = cluster.member(1).metricsAddress;
    let worstMs = 0;
    let scraping = true;
    const scraper = (async () => {
      while (scraping) {
        worstMs = Math.max(worstMs, await scrapeLagMaxMs(metrics).catch(() => 0));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const pipe = new ExecutePipeline(cluster.coord(1));
    const value = Buffer.alloc(64, 7);
    // Members jitter their snapshot interval by ±20%: write enough that one is taken.
    const writes = snapshot ? Math.ceil(nodes * 1.25) : nodes;
    let next = 0;
    const worker = async () => {
      while (next < writes) {
        const i = next++;
        await pipe.send({ create: { path: `/p/n${i}`, data: value } });
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 128 }, worker));
    process.stdout.write(`${writes} creates in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const snapshotLine = /took state snapshot/;
    if (snapshot) await cluster.waitForLog(1, snapshotLine, 0, 120_000);
    await new Promise((r) => setTimeout(r, 1000));
    scraping = false;
    await scraper;
    pipe.close();
    const line = fs
      .readFileSync(cluster.member(1).logFile, 'utf8')
      .split('\n')
      .find((l) => snapshotLine.test(l));
    process.stdout.write(`snapshot: ${line ?? 'none taken'}\n`);
    process.stdout.write(
      `longest event-loop pause seen during the run: ${worstMs.toFixed(1)} ms\n`,
    );
  } finally {
    await cluster.shutdown();
  }
}

void main();
