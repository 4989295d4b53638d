/**
 * Free loopback ports for child processes (test clusters, `trib bench --start-cluster`), from
 * 20000–31999: below the kernel's ephemeral range
 * (Linux: 32768–60999), so an outgoing connection of any process on the machine never takes a
 * port a test member listens on, nor the port a restarted member comes back on. Each port is
 * drawn at random (so concurrent test processes rarely draw the same one), probed free by
 * binding it, and released just before use; ports handed out by this process are never handed
 * out twice. `freePortBase` is for programs that derive their ports from one base
 * (`trib dev --base-port`).
 */
import * as net from 'node:net';

/** First port handed out. */
export const TEST_PORT_MIN = 20_000;
/** One past the last port handed out (stays below 32768, the kernel's ephemeral range). */
export const TEST_PORT_END = 32_000;
const ATTEMPTS_MAX = 1000;

const handedOut = new Set<number>();

function randomPort(span = 0): number {
  return TEST_PORT_MIN + Math.floor(Math.random() * (TEST_PORT_END - span - TEST_PORT_MIN));
}

/** Whether `port` can be bound on 127.0.0.1 now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/** `count` distinct free ports on 127.0.0.1. */
export async function freePorts(count: number): Promise<number[]> {
  const out: number[] = [];
  for (let attempt = 0; out.length < count; attempt++) {
    if (attempt >= ATTEMPTS_MAX)
      throw new Error(`no ${count} free ports in ${TEST_PORT_MIN}–${TEST_PORT_END - 1}`);
    const port = randomPort();
    if (handedOut.has(port) || !(await portFree(port))) continue;
    handedOut.add(port);
    out.push(port);
  }
  return out;
}

/**
 * A port `base` such that `base + offset` is free for every offset, e.g. `[0, 1, 2, 80, 81, 82]`
 * for `trib dev --coordinators 3 --base-port base` (gRPC ports, then metrics at +80).
 */
export async function freePortBase(offsets: number[], attempts = 100): Promise<number> {
  const span = Math.max(0, ...offsets);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = randomPort(span);
    const ports = offsets.map((offset) => base + offset);
    if (ports.some((p) => handedOut.has(p))) continue;
    if (!(await Promise.all(ports.map(portFree))).every(Boolean)) continue;
    for (const p of ports) handedOut.add(p);
    return base;
  }
  throw new Error(`no free ports at offsets ${offsets.join(',')} after ${attempts} attempts`);
}
