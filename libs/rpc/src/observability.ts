/**
 * The HTTP side of every process (DESIGN §2): Prometheus metrics on `/metrics`, liveness on
 * `/healthz` (the process runs), readiness on `/readyz` (the process can do its job, e.g. a
 * coordinator that has joined a quorum). Served on `--metrics-listen`, default gRPC port + 80.
 */
import * as http from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parseHostPort } from './address';

export interface ObservabilityOptions {
  /** `host:port` to listen on. */
  listen: string;
  registry: Registry;
  /** Returns undefined when ready, or a sentence saying why not. */
  readiness: () => string | undefined;
}

/** A registry with Node's process metrics, labelled with the component name. */
export function createRegistry(component: string, labels: Record<string, string> = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component, ...labels });
  collectDefaultMetrics({ register: registry, prefix: 'tributary_' });
  return registry;
}

export interface ObservabilityServer {
  /** The bound `host:port` (useful with port 0). */
  address: string;
  close(): Promise<void>;
}

export async function serveObservability(opts: ObservabilityOptions): Promise<ObservabilityServer> {
  const server = http.createServer((req, res) => {
    void handle(opts, req.url ?? '/', res);
  });
  const { host, port } = parseHostPort(opts.listen);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as { port: number };
  return {
    address: `${host}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(opts: ObservabilityOptions, url: string, res: http.ServerResponse) {
  const route = url.split('?')[0];
  if (route === '/metrics') {
    const body = await opts.registry.metrics();
    res.writeHead(200, { 'content-type': opts.registry.contentType }).end(body);
  } else if (route === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
  } else if (route === '/readyz') {
    const notReady = opts.readiness();
    res
      .writeHead(notReady ? 503 : 200, { 'content-type': 'text/plain' })
      .end(notReady ? `not ready: ${notReady}\n` : 'ready\n');
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('try /metrics, /healthz or /readyz\n');
  }
}
