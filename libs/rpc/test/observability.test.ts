// /metrics, /healthz and /readyz over real HTTP.
import * as http from 'node:http';
import { Counter } from 'prom-client';
import { createRegistry, defaultMetricsListen, serveObservability } from '../src';

function get(address: string, route: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://${address}${route}`, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the observability endpoint', () => {
  it('serves Prometheus metrics, liveness and readiness', async () => {
    const registry = createRegistry('test', { node_id: '1' });
    const counter = new Counter({
      name: 'tributary_test_total',
      help: 'a test counter',
      registers: [registry],
    });
    counter.inc(3);
    let notReady: string | undefined = 'no quorum yet';
    const server = await serveObservability({
      listen: '127.0.0.1:0',
      registry,
      readiness: () => notReady,
    });
    try {
      const metrics = await get(server.address, '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('tributary_test_total{component="test",node_id="1"} 3');
      expect(metrics.body).toContain('tributary_process_cpu_seconds_total');
      expect((await get(server.address, '/healthz')).status).toBe(200);
      expect(await get(server.address, '/readyz')).toEqual({
        status: 503,
        body: 'not ready: no quorum yet\n',
      });
      notReady = undefined;
      expect((await get(server.address, '/readyz')).status).toBe(200);
      expect((await get(server.address, '/nope')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('defaults to the gRPC port + 80', () => {
    expect(defaultMetricsListen('127.0.0.1:7101')).toBe('127.0.0.1:7181');
    expect(defaultMetricsListen('[::1]:9101')).toBe('[::1]:9181');
    expect(() => defaultMetricsListen('nonsense')).toThrow(/expected host:port/);
  });
});
