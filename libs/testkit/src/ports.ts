/**
 * Free loopback ports for test processes. Each port is found by binding port 0 and released
 * just before use; ports handed out by this process are never handed out twice, so parallel
 * test files (separate processes, separate kernels' choices) do not collide in practice.
 * `freePortBase` is for programs that derive their ports from one base (`trib dev --base-port`).
 */
import * as net from 'node:net';

const handedOut = new Set<number>();

function onePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `count` distinct free ports on 127.0.0.1. */
export async function freePorts(count: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < count) {
    const port = await onePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      out.push(port);
    }
  }
  return out;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port `base` such that `base + offset` is free for every offset, e.g. `[0, 1, 2, 80, 81, 82]`
 * for `trib dev --coordinators 3 --base-port base` (gRPC ports, then metrics at +80).
 */
export async function freePortBase(offsets: number[], attempts = 100): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = await onePort();
    const ports = offsets.map((offset) => base + offset);
    if (ports.some((p) => p > 65535 || handedOut.has(p))) continue;
    if (!(await Promise.all(ports.map(portFree))).every(Boolean)) continue;
    for (const p of ports) handedOut.add(p);
    return base;
  }
  throw new Error(`no free ports at offsets ${offsets.join(',')} after ${attempts} attempts`);
}
