// The image's files without a container runtime: the production dependencies installed as the
// Dockerfile's production-deps stage installs them, the files its runtime stage copies, and
// nothing else. From that tree `trib coordinator` and `trib broker` start, become ready, and on
// SIGTERM drain and exit 0 — what Kubernetes does to a pod.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { eventually, freePortBase } from '@tributary/testkit';
import { ops, runtime } from './dockerfile';

jest.setTimeout(240_000);

const REPO = path.resolve(__dirname, '../../..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-image-'));
const app = path.join(root, 'app');
const children: ChildProcess[] = [];

/** The runtime stage's `COPY --from=build /app/X ./X` sources. */
const copiedFromBuild = ops(runtime, 'COPY')
  .map((c) => /^--from=build \/app\/(\S+) \.\/(\S+)$/.exec(c))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => m[1]!);

const workspaces = ['apps', 'libs'].flatMap((dir) =>
  fs.readdirSync(path.join(REPO, dir)).map((name) => path.join(dir, name)),
);

function productionDependencies(): void {
  for (const file of ['package.json', 'package-lock.json'])
    fs.copyFileSync(path.join(REPO, file), path.join(app, file));
  for (const w of workspaces) {
    fs.mkdirSync(path.join(app, w), { recursive: true });
    fs.copyFileSync(path.join(REPO, w, 'package.json'), path.join(app, w, 'package.json'));
  }
  const npm = (args: string[]) =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund'], { cwd: app, stdio: 'pipe' });
  npm(['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline']);
  npm(['rebuild', 'rocksdb']);
}

function runtimeFiles(): void {
  for (const source of copiedFromBuild)
    fs.cpSync(path.join(REPO, source), path.join(app, source), {
      recursive: true,
      filter: (src) => path.basename(src) !== 'node_modules',
    });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', () => resolve(0));
  });
}

function start(args: string[]): ChildProcess {
  const log = fs.openSync(path.join(root, `${args[0]}.log`), 'a');
  const child = spawn(process.execPath, [path.join(app, 'apps/cli/bin/trib.js'), ...args], {
    cwd: app,
    stdio: ['ignore', log, log],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      TRIBUTARY_PARENT_PID: String(process.pid),
    },
  });
  fs.closeSync(log);
  children.push(child);
  return child;
}

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

beforeAll(() => {
  fs.mkdirSync(app);
  productionDependencies();
  runtimeFiles();
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exitCode));
  fs.rmSync(root, { recursive: true, force: true });
});

it('copies the program, the workspaces it links to and the protos it reads', () => {
  expect(copiedFromBuild.sort()).toEqual(['apps', 'libs', 'package.json', 'protos', 'scripts']);
});

it('holds no development tool', () => {
  for (const tool of ['jest', 'typescript', 'nx', 'eslint', 'prettier', 'cdk8s', '@swc/core'])
    expect(fs.existsSync(path.join(app, 'node_modules', tool))).toBe(false);
  expect(fs.existsSync(path.join(app, 'node_modules/rocksdb'))).toBe(true);
});

it('runs a coordinator and a broker that become ready and exit 0 on SIGTERM', async () => {
  const c = await freePortBase([0, 80]);
  const b = await freePortBase([0, 80]);
  const coordinator = start([
    'coordinator',
    '--id',
    '1',
    '--listen',
    `127.0.0.1:${c}`,
    '--peers',
    `1=127.0.0.1:${c}`,
    '--data-dir',
    path.join(root, 'coordinator'),
  ]);
  const broker = start([
    'broker',
    '--id',
    '1',
    '--listen',
    `127.0.0.1:${b}`,
    '--coordinators',
    `127.0.0.1:${c}`,
    '--data-dir',
    path.join(root, 'broker'),
  ]);
  for (const port of [c + 80, b + 80])
    await eventually(
      async () => (await get(`http://127.0.0.1:${port}/readyz`)) === 200,
      90_000,
      `/readyz on ${port} (logs in ${root})`,
    );
  broker.kill('SIGTERM');
  expect(await exitCode(broker)).toBe(0);
  coordinator.kill('SIGTERM');
  expect(await exitCode(coordinator)).toBe(0);
});
