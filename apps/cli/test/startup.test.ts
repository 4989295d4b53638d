// `trib` runs from its bundle (apps/cli/dist/trib.js, fresh: the jest global setup rebuilt it if a
// source changed) and a command loads only what it uses: `trib --help` none of gRPC, protobuf,
// RocksDB, pino or prom-client, which is what keeps it fast (scripts/build.js).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createServer } from '@tributary/rpc';
import { REPO_ROOT, runTrib } from '@tributary/testkit';

jest.setTimeout(60_000);

const BUNDLE = path.join(REPO_ROOT, 'apps/cli/dist/trib.js');

/** scripts/build.js's reason to rebuild, '' when the bundle is fresh. */
function staleness(): string {
  const script = "process.stdout.write(require('./scripts/build.js').isStale() ?? '')";
  return execFileSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
}

let probeDir: string;
let probe: string;

beforeAll(() => {
  // Preloaded into `trib`: at exit, writes which Node modules and npm packages were loaded.
  probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-startup-'));
  probe = path.join(probeDir, 'probe.js');
  fs.writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({
      builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
      files: Object.keys(require.cache),
    })));`,
  );
});

afterAll(() => fs.rmSync(probeDir, { recursive: true, force: true }));

async function loadedBy(args: string[]): Promise<{ builtins: string[]; files: string[] }> {
  const out = path.join(probeDir, `${args[0]}.json`);
  const result = await runTrib(args, {
    env: { NODE_OPTIONS: `--require ${probe}`, PROBE_OUT: out },
  });
  expect(result.code).toBe(0);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

it('runs the bundle, which is fresh', async () => {
  expect(staleness()).toBe('');
  const { files } = await loadedBy(['--version']);
  expect(files).toContain(BUNDLE);
  expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
});

it('loads neither gRPC nor the servers for --help', async () => {
  const { builtins, files } = await loadedBy(['--help']);
  expect(builtins).not.toContain('http2');
  const packages = files.filter((f) => f.includes('/node_modules/'));
  expect(packages.filter((f) => /rocksdb|pino|prom-client|lz4|zstd|crc32/.test(f))).toEqual([]);
});

it('loads gRPC when a command makes a call', async () => {
  const server = createServer();
  try {
    const address = await server.listen('127.0.0.1:0');
    server.setServing('', true);
    const { builtins } = await loadedBy(['health', address]);
    expect(builtins).toContain('http2');
  } finally {
    await server.drain(1000);
  }
});
