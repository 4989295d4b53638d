// A flood of writes meets a bounded queue: past --max-pending-proposals a coordinator answers
// LIMIT_EXCEEDED with RetryInfo at once instead of queueing without bound, every other write
// succeeds, and the member goes on serving.
import { readError } from '@tributary/rpc';
import { call, callRetrying, CoordinatorCluster } from '@tributary/testkit';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
beforeAll(async () => {
  cluster = await CoordinatorCluster.start({
    size: 1,
    extraArgs: ['--max-pending-proposals', '10'],
  });
});
afterAll(() => cluster.shutdown());

it('refuses writes past the pending-proposal bound with a retriable status', async () => {
  await callRetrying(() => cluster.coord(1), 'Create', { path: '/p', data: Buffer.alloc(0) });
  const outcomes = await Promise.all(
    Array.from({ length: 2000 }, (_, n) =>
      call(cluster.coord(1), 'Create', { path: `/p/k${n}`, data: Buffer.alloc(64) }, 30_000).then(
        () => 'ok' as const,
        (error: unknown) => readError(error),
      ),
    ),
  );
  const refused = outcomes.filter((o) => o !== 'ok');
  const ok = outcomes.length - refused.length;
  expect(refused.length).toBeGreaterThan(0);
  expect(ok).toBeGreaterThan(0);
  for (const r of refused) {
    expect(r.reason).toBe('LIMIT_EXCEEDED');
    expect(r.code).toBe(8); // RESOURCE_EXHAUSTED
    expect(r.retryDelayMs).toBeGreaterThan(0);
  }
  const list = await call<any>(cluster.coord(1), 'List', { path: '/p' });
  expect(list.children.length).toBe(ok); // exactly the acknowledged ones were written
});
