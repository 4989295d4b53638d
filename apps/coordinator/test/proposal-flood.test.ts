// A flood of proposals keeps a member's memory bounded (measured RSS): three client connections
// overwrite 256 nodes of 4 KiB as fast as the member takes them, far more bytes than every
// in-memory bound together. The pending-proposal queue refuses what it cannot hold, and what
// is accepted leaves memory again: the watch history is bounded in bytes and the log is
// snapshotted and compacted by bytes as well as by entries, so the peak stops growing with the
// number of bytes written.
import * as grpc from '@grpc/grpc-js';
import { readError } from '@tributary/rpc';
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import { call, CoordinatorCluster } from '@tributary/testkit';

jest.setTimeout(300_000);

const MiB = 1024 * 1024;
const KEYS = 256;
const VALUE = Buffer.alloc(4096, 0x5a);
const CONNECTIONS = 3;
/** Calls each connection keeps in flight: together well past --max-pending-proposals. */
const WINDOW = 1500;

let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({
    size: 1,
    extraArgs: [
      '--max-pending-proposals',
      '500',
      '--snapshot-every-bytes',
      String(32 * MiB),
      '--watch-history-bytes',
      String(32 * MiB),
    ],
  });
  await call(cluster.coord(1), 'Create', { path: '/f', data: Buffer.alloc(0) });
  for (let k = 0; k < KEYS; k++)
    await call(cluster.coord(1), 'Create', { path: `/f/k${k}`, data: VALUE });
});

afterAll(async () => {
  await cluster.shutdown();
});

/** A client on a TCP connection of its own, closed by the cluster's shutdown. */
const freshClient = (): CoordinationServiceClient => cluster.ownConnection(1);

interface FloodResult {
  accepted: number;
  refused: number;
  peakRss: number;
}

/** Keeps WINDOW Sets in flight on each connection until `total` have been answered. */
async function flood(total: number): Promise<FloodResult> {
  let issued = 0;
  let accepted = 0;
  let refused = 0;
  let peakRss = cluster.rssBytes(1);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, cluster.rssBytes(1))), 50);
  const worker = async (client: CoordinationServiceClient) => {
    const one = async (): Promise<void> => {
      while (issued < total) {
        const n = issued++;
        const outcome = await new Promise<string>((resolve) =>
          client.Set(
            { path: `/f/k${n % KEYS}`, data: VALUE, expected_version: -1 },
            { deadline: Date.now() + 60_000 },
            (error) => resolve(error ? (readError(error).reason ?? String(error.code)) : 'ok'),
          ),
        );
        if (outcome === 'ok') accepted++;
        else if (outcome === 'LIMIT_EXCEEDED') refused++;
        // An overloaded machine may let a call's deadline pass: shed, like a refusal.
        else if (outcome === String(grpc.status.DEADLINE_EXCEEDED) || outcome === 'TIMEOUT')
          refused++;
        else throw new Error(`Set failed: ${outcome}`);
      }
    };
    await Promise.all(Array.from({ length: WINDOW }, one));
  };
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, () => worker(freshClient())));
  } finally {
    clearInterval(sampler);
  }
  return { accepted, refused, peakRss };
}

it('keeps memory bounded under a flood of proposals far larger than its bounds', async () => {
  const before = cluster.rssBytes(1);
  // 24,000 Sets, ~94 MiB: fills the bounds once.
  const first = await flood(24_000);
  // Three times as many bytes again: a leak or a missing bound would add ~3× the growth.
  const second = await flood(72_000);
  const show = (r: FloodResult) =>
    `${r.accepted} accepted, ${r.refused} refused, peak ${(r.peakRss / MiB).toFixed(0)} MiB`;
  process.stdout.write(
    `RSS before ${(before / MiB).toFixed(0)} MiB; first flood ${show(first)}; second ${show(second)}\n`,
  );
  expect(first.accepted + second.accepted).toBeGreaterThan(24_000);
  // The first flood fills the bounds (history, log since the snapshot, entries kept behind it,
  // the snapshot image and the one being built, ~32 MiB each) and sets the level. If accepted
  // writes were retained, the second, three times longer, would add three times that growth;
  // with every retention bounded it adds a fraction (allocator and GC slack).
  const firstGrowth = first.peakRss - before;
  expect(second.peakRss - first.peakRss).toBeLessThan(0.75 * firstGrowth);
  expect(second.peakRss - before).toBeLessThan(768 * MiB);
  // And the member still answers, with the last value.
  const got = await call<any>(cluster.coord(1), 'Get', { path: '/f/k0' });
  expect(Buffer.from(got.data).equals(VALUE)).toBe(true);
});
