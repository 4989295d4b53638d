// `trib dev` as a user runs it: a real 3-coordinator cluster as its children, on free ports
// (--base-port), used with `trib kv`, stopped with SIGINT and started again on the same data;
// no child outlives it (SIGINT or SIGTERM); --quiet prints the summary alone.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { eventually, freePortBase, runTrib, spawnTrib } from '@tributary/testkit';

jest.setTimeout(300_000);

const BANNER_END = 'Ctrl-C stops the cluster.';
let dataDir: string;
let base: number;
let addresses: string[];
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-dev-'));
  // Coordinators at base + 0..2 (metrics +80), brokers at base + 2000..2002 (metrics +80).
  base = await freePortBase([0, 1, 2, 80, 81, 82, 2000, 2001, 2002, 2080, 2081, 2082]);
  addresses = [0, 1, 2].map((i) => `127.0.0.1:${base + i}`);
});

afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  // Children of a `trib dev` that a failed test left behind.
  for (const pid of Object.values(devState().children ?? {})) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function devState(dir = dataDir): { children?: Record<string, number> } {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'dev.json'), 'utf8'));
  } catch {
    return {};
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `trib dev` on this test's data dir and ports; resolves once the banner is printed. */
async function startDev(args = ['--data-dir', dataDir, '--base-port', String(base)]) {
  const child = spawnTrib(['dev', ...args]);
  started.push(child);
  const output = { text: '' };
  child.stdout.on('data', (c: Buffer) => (output.text += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output.text += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await eventually(
    () => output.text.includes(BANNER_END) || child.exitCode !== null,
    120_000,
    'the trib dev banner',
  );
  if (!output.text.includes(BANNER_END)) throw new Error(`trib dev exited:\n${output.text}`);
  return { child, output, exited };
}

const kv = (...args: string[]) =>
  runTrib(['kv', ...args], { env: { TRIBUTARY_COORDINATORS: addresses.join(',') } });

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

it('runs a cluster kv works against, stops on SIGINT with exit 0, and keeps its data', async () => {
  const first = await startDev();
  expect(first.output.text).toContain(`export TRIBUTARY_COORDINATORS=${addresses.join(',')}`);
  for (const [i, address] of addresses.entries())
    expect(first.output.text).toContain(`coordinator-${i + 1}  ${address}`);
  for (const i of [0, 1, 2])
    expect(first.output.text).toContain(`broker-${i + 1}       127.0.0.1:${base + 2000 + i}`);
  expect(first.output.text).toContain(
    `export TRIBUTARY_BOOTSTRAP=${[0, 1, 2].map((i) => `127.0.0.1:${base + 2000 + i}`).join(',')}`,
  );
  // Each broker registers with the coordinators and follows the metadata: ready.
  for (const i of [0, 1, 2])
    await eventually(
      () =>
        fetch(`http://127.0.0.1:${base + 2080 + i}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      `broker-${i + 1} ready`,
    );
  expect(first.output.text).toContain(`Logs: ${path.join(dataDir, 'logs')}`);
  // Each child's log lines, prefixed with its name padded to the longest (`coordinator-1`).
  expect(first.output.text).toMatch(/^coordinator-2 \| INFO coordinator started /m);
  expect(first.output.text).toMatch(/^broker-3      \| INFO registered with the coordinators /m);
  const pids = Object.values(devState().children ?? {});
  expect(pids).toHaveLength(6);

  expect(await kv('create', '/hello', 'world')).toMatchObject({ code: 0, stdout: '/hello\n' });
  expect(await kv('get', '/hello')).toMatchObject({ code: 0, stdout: 'world' });

  first.child.kill('SIGINT');
  expect(await first.exited).toBe(0);
  expect(first.output.text).toMatch(/stopped; data kept/);
  expect(pids.filter(alive)).toEqual([]);
  // Every coordinator and broker has exited: their ports are free again.
  const ports = [0, 1, 2, 2000, 2001, 2002].map((offset) => base + offset);
  expect(await Promise.all(ports.map(portFree))).toEqual(ports.map(() => true));
  for (const i of [1, 2, 3]) {
    expect(fs.existsSync(path.join(dataDir, 'logs', `coordinator-${i}.log`))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'logs', `broker-${i}.log`))).toBe(true);
  }

  const second = await startDev();
  expect(await kv('get', '/hello')).toMatchObject({ code: 0, stdout: 'world' });

  // A second cluster on the same ports is refused, naming the port and the running trib dev.
  const clash = await runTrib(['dev', '--data-dir', dataDir, '--base-port', String(base)]);
  expect(clash.code).toBe(1);
  expect(clash.stderr).toMatch(
    new RegExp(`port ${base} \\(coordinator-1 gRPC\\) is already in use`),
  );
  expect(clash.stderr).toContain(`kill ${second.child.pid}`);

  // A child that dies is reported with its log and restarted.
  const victim = devState().children!['coordinator-2']!;
  process.kill(victim, 'SIGKILL');
  await eventually(
    () => second.output.text.includes('restarting coordinator-2'),
    30_000,
    'the restart notice',
  );
  expect(second.output.text).toMatch(/coordinator-2 exited unexpectedly \(signal SIGKILL\)/);
  expect(second.output.text).toContain(`last lines of ${path.join(dataDir, 'logs')}`);
  await eventually(
    () => (devState().children?.['coordinator-2'] ?? victim) !== victim,
    30_000,
    'coordinator-2 to be running again',
  );

  const running = Object.values(devState().children ?? {});
  expect(running).toHaveLength(6);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(devState().children).toEqual({});
  expect(running.filter(alive)).toEqual([]);
});

it('prints only the summary with --quiet, its children logging to their files', async () => {
  const quietDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-dev-quiet-'));
  const quietBase = await freePortBase([0, 80, 2000, 2080]);
  try {
    const dev = await startDev(
      ['--quiet', '--data-dir', quietDir, '--coordinators', '1', '--brokers', '1'].concat([
        '--base-port',
        String(quietBase),
      ]),
    );
    const lines = dev.output.text.trim().split('\n');
    expect(lines[0]).toMatch(/^Tributary dev cluster is ready: 1 coordinator\(s\), leader/);
    expect(lines).toContain(`export TRIBUTARY_COORDINATORS=127.0.0.1:${quietBase}`);
    expect(lines).toContain(`export TRIBUTARY_BOOTSTRAP=127.0.0.1:${quietBase + 2000}`);
    expect(lines.at(-1)).toBe(BANNER_END);
    expect(dev.output.text).not.toMatch(/ \| /);
    const log = path.join(quietDir, 'logs', 'broker-1.log');
    expect(fs.readFileSync(log, 'utf8')).toMatch(/"msg":"registered with the coordinators"/);
    const pids = Object.values(devState(quietDir).children ?? {});
    expect(pids).toHaveLength(2);
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(dev.output.text.trim().split('\n').at(-1)).toBe(BANNER_END);
  } finally {
    for (const pid of Object.values(devState(quietDir).children ?? {})) {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(quietDir, { recursive: true, force: true });
  }
});
