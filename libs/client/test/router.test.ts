// Routing and retries that need no coordinator: unreachable endpoints, a server that does not
// speak the coordination API, cluster-id pinning and endpoint validation.
import { status as Code } from '@grpc/grpc-js';
import { createServer, type TributaryServer } from '@tributary/rpc';
import { CoordinationClient } from '../src/coordination-client';
import { CoordinationError } from '../src/errors';
import { normalizeEndpoints, Router } from '../src/router';
import { ManualClock } from './fakes';

describe('CoordinationClient without a coordinator', () => {
  it('retries an unsent write across unreachable endpoints, then gives up within the budget', async () => {
    const client = new CoordinationClient({
      endpoints: ['127.0.0.1:1', '127.0.0.1:2'],
      requestTimeoutMs: 600,
    });
    const started = Date.now();
    const error = await client.create('/a', 'x').catch((e: unknown) => e);
    const tookMs = Date.now() - started;
    await client.close();
    expect(error).toBeInstanceOf(CoordinationError);
    const err = error as CoordinationError;
    expect(err.code).toBe(Code.UNAVAILABLE);
    expect(err.unsent).toBe(true);
    expect(err.indeterminate).toBe(false);
    expect(err.message).toMatch(/cannot reach 127\.0\.0\.1:[12].*gave up retrying/);
    expect(tookMs).toBeLessThan(2_000);
  });

  describe('against a gRPC server without the coordination API', () => {
    let server: TributaryServer;
    let address: string;
    beforeAll(async () => {
      server = createServer();
      address = await server.listen('127.0.0.1:0');
    });
    afterAll(() => server.drain(500));

    it.each(['execute', 'unary'] as const)('surfaces UNIMPLEMENTED at once (%s)', async (mode) => {
      const client = new CoordinationClient({
        endpoints: [address],
        requestTimeoutMs: 5_000,
        mode,
      });
      const started = Date.now();
      const err = (await client.get('/a').catch((e: unknown) => e)) as CoordinationError;
      await client.close();
      expect(err).toBeInstanceOf(CoordinationError);
      expect(err.code).toBe(Code.UNIMPLEMENTED);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('reads ClusterService.Status failures as CoordinationErrors', async () => {
      const client = new CoordinationClient({ endpoints: [address], requestTimeoutMs: 2_000 });
      const err = (await client.status().catch((e: unknown) => e)) as CoordinationError;
      await client.close();
      expect(err.code).toBe(Code.UNIMPLEMENTED);
    });
  });

  it('fails pending and later calls with CLIENT_CLOSED after close()', async () => {
    const client = new CoordinationClient({ endpoints: ['127.0.0.1:1'], requestTimeoutMs: 5_000 });
    const pending = client.get('/a').catch((e: unknown) => e);
    await client.close();
    expect(await pending).toMatchObject({ reason: 'CLIENT_CLOSED' });
    await expect(client.get('/a')).rejects.toMatchObject({ reason: 'CLIENT_CLOSED' });
  });
});

describe('Router', () => {
  const router = () =>
    new Router({
      endpoints: ['127.0.0.1:7101', '127.0.0.1:7102'],
      mode: 'execute',
      limits: {},
      connectTimeoutMs: 100,
      backoff: { baseMs: 10, maxMs: 100 },
      reconnectBackoffMs: { initial: 10, max: 100 },
      maxInFlight: 4,
      maxQueued: 4,
      clock: new ManualClock(),
      random: () => 0,
    });

  it('pins the first cluster id it sees and refuses answers from another', () => {
    const r = router();
    r.checkHeader({ cluster_id: 'alpha', node_id: 1, term: 1, revision: 1 });
    r.checkHeader({ cluster_id: '', node_id: 2, term: 1, revision: 1 });
    r.checkHeader({ cluster_id: 'alpha', node_id: 2, term: 1, revision: 1 });
    expect(() => r.checkHeader({ cluster_id: 'beta', node_id: 3, term: 1, revision: 1 })).toThrow(
      expect.objectContaining({ reason: 'CLUSTER_MISMATCH' }),
    );
    r.close();
  });

  it('follows a leader hint and ignores a malformed one', () => {
    const r = router();
    r.noteLeader('not an address');
    expect(r.currentEndpoint).toBe('127.0.0.1:7101');
    r.noteLeader('10.1.2.3:7101');
    expect(r.currentEndpoint).toBe('10.1.2.3:7101');
    expect(r.nextEndpoint('127.0.0.1:7102')).toBe('127.0.0.1:7101');
    r.close();
  });

  it('validates and de-duplicates endpoints', () => {
    expect(normalizeEndpoints([' 127.0.0.1:7101', '127.0.0.1:7101', '', 'h:1'])).toEqual([
      '127.0.0.1:7101',
      'h:1',
    ]);
    expect(() => normalizeEndpoints([])).toThrow(/no coordinator endpoints/);
    expect(() => normalizeEndpoints(['nonsense'])).toThrow(/expected host:port/);
  });
});
