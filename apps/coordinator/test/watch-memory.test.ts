// 10,000 watches on one client connection, the per-connection limit: the member's memory stays
// bounded (measured RSS), the 10,001st watch is refused LIMIT_EXCEEDED, and every watch still
// gets the events of a write. Closing them gives the slots back.
import { contract, createClient, readError } from '@tributary/rpc';
import { callRetrying, CoordinatorCluster, eventually } from '@tributary/testkit';

jest.setTimeout(180_000);

const WATCHES = 10_000;
let cluster: CoordinatorCluster;
beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 1 });
});
afterAll(() => cluster.shutdown());

it('holds 10,000 watches on one connection in bounded memory and refuses one more', async () => {
  await callRetrying(() => cluster.coord(1), 'Create', { path: '/w', data: Buffer.alloc(0) });
  // One client, one HTTP/2 connection, every watch a stream on it.
  const client = createClient(
    contract().tributary.coord.v1.CoordinationService,
    cluster.member(1).address,
  ) as any;
  const before = cluster.rssBytes(1);
  let started = 0;
  let events = 0;
  const streams: any[] = [];
  for (let k = 0; k < WATCHES; k++) {
    const stream = client.Watch({ path: '/w', prefix: true, start_revision: 0 });
    stream.on('data', (r: any) => {
      if (r.events.length > 0) events++;
      else started++;
    });
    stream.on('error', () => undefined);
    streams.push(stream);
  }
  await eventually(() => started >= WATCHES, 120_000, `${WATCHES} start messages`);
  const held = cluster.rssBytes(1);

  const refused = await new Promise<ReturnType<typeof readError>>((resolve) => {
    const extra = client.Watch({ path: '/w', prefix: true, start_revision: 0 });
    extra.on('data', () => undefined);
    extra.on('error', (e: unknown) => resolve(readError(e)));
  });
  expect(refused.reason).toBe('LIMIT_EXCEEDED');
  expect(refused.retryDelayMs).toBeGreaterThan(0);

  await callRetrying(() => cluster.coord(1), 'Create', { path: '/w/x', data: Buffer.from('x') });
  await eventually(() => events >= WATCHES, 60_000, 'the write to reach every watch');
  const perWatchBytes = (held - before) / WATCHES;
  process.stdout.write(
    `RSS ${(before / 2 ** 20).toFixed(0)} MiB → ${(held / 2 ** 20).toFixed(0)} MiB with ${WATCHES} watches (${perWatchBytes.toFixed(0)} B each)\n`,
  );
  expect(held - before).toBeLessThan(256 * 2 ** 20);

  for (const s of streams) s.cancel();
  // The slots come back: a new watch on the same connection is accepted.
  await eventually(
    () =>
      new Promise<boolean>((resolve) => {
        const again = client.Watch({ path: '/w', prefix: true, start_revision: 0 });
        again.on('data', () => {
          again.cancel();
          resolve(true);
        });
        again.on('error', (e: unknown) => resolve(readError(e).reason !== 'LIMIT_EXCEEDED'));
      }),
    30_000,
    'a watch accepted again once the others are closed',
  );
  client.close();
});
