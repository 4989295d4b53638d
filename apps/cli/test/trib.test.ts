// The `trib` command as a user runs it: a real process from the repo root.
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { createServer, type TributaryServer } from '@tributary/rpc';

// Each case spawns the CLI: quick alone, but seconds on a loaded 2-core machine, so the 5 s
// default is too short. `run` itself kills the CLI at 20 s.
jest.setTimeout(60_000);

const repo = path.resolve(__dirname, '../../..');
const trib = path.join(repo, 'node_modules/.bin/trib');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(trib, args, { cwd: repo, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('trib', () => {
  it('prints help listing its commands', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: trib/);
    expect(stdout).toMatch(/health/);
  });

  it('rejects an unknown command with a hint and the usage exit code', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });

  describe('health', () => {
    let server: TributaryServer;
    let address: string;

    beforeAll(async () => {
      server = createServer();
      address = await server.listen('127.0.0.1:0');
      server.setServing('', true);
    });

    afterAll(() => server.drain(1000));

    it('reports SERVING for a live server', async () => {
      const { code, stdout } = await run(['health', address]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${address} (server): SERVING\n`);
    });

    it('exits non-zero with a clear message when nothing listens', async () => {
      const { code, stderr } = await run(['health', '127.0.0.1:1', '--timeout-ms', '500']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/127\.0\.0\.1:1 did not answer a health check/);
    });

    it('refuses an address that is not host:port', async () => {
      const { code, stderr } = await run(['health', 'nonsense']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/expected host:port/);
    });
  });
});
