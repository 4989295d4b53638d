import * as net from 'node:net';
import { eventually, freePortBase, runTrib, spawnTrib } from '../src';

describe('runTrib', () => {
  it('captures the exit code and output of a finished command', async () => {
    const help = await runTrib(['--help']);
    expect(help).toMatchObject({ code: 0, signal: null, timedOut: false });
    expect(help.stdout).toMatch(/Usage: trib/);
    const unknown = await runTrib(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  }, 60_000);

  it('kills a command that outlives its deadline and says so', async () => {
    // Nothing listens on port 1: the watch retries until killed.
    const result = await runTrib(['kv', 'watch', '/x', '--coordinators', '127.0.0.1:1'], {
      timeoutMs: 3_000,
    });
    expect(result).toMatchObject({ timedOut: true, signal: 'SIGKILL', code: null });
  }, 60_000);
});

it('spawnTrib starts a process whose output the test reads', async () => {
  const child = spawnTrib(['--version']);
  const closed = new Promise((r) => child.once('close', r));
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await eventually(() => /^\d+\.\d+\.\d+\n$/.test(out), 30_000, 'the version line');
  expect(await closed).toBe(0);
}, 60_000);

it('eventually says what it waited for when time runs out', async () => {
  await expect(eventually(() => false, 50, 'the impossible', 10)).rejects.toThrow(
    /timed out after 50 ms waiting for the impossible/,
  );
});

it('freePortBase finds a base with every offset free', async () => {
  const offsets = [0, 1, 2, 80, 81, 82];
  const base = await freePortBase(offsets);
  for (const port of offsets.map((o) => base + o)) {
    await new Promise<void>((resolve, reject) => {
      const s = net.createServer().once('error', reject);
      s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
    });
  }
  expect(await freePortBase(offsets)).not.toBe(base);
});
