/**
 * Free loopback ports for test processes. Each port is found by binding port 0 and released
 * just before use; ports handed out by this process are never handed out twice, so parallel
 * test files (separate processes, separate kernels' choices) do not collide in practice.
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
