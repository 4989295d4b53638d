// No container runtime here, so the image is checked by what its Dockerfile says: multi-stage
// on an official Node 20 slim base, production dependencies only in the image that runs, a
// non-root numeric user, tini as PID 1 running `trib`, OCI labels, the DESIGN §2 ports exposed,
// and a .dockerignore that keeps local builds and dependencies out of the context.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { baseOf, byName, ops, parsed, runtime } from './dockerfile';

const REPO = path.resolve(__dirname, '../../..');

it('is multi-stage, every stage on the official Node 20 slim image', () => {
  expect(parsed.stages.length).toBeGreaterThanOrEqual(3);
  for (const stage of parsed.stages) expect(baseOf(stage)).toMatch(/^node:20(\.\d+)*-[a-z]+-slim$/);
});

it('builds the bundle with every dependency in a build stage', () => {
  const build = byName('build')!;
  const runs = ops(build, 'RUN').join(' && ');
  expect(runs).toMatch(/npm ci\b/);
  expect(runs).toMatch(/npm run build\b/);
});

it('runs with production dependencies only', () => {
  const copies = ops(runtime, 'COPY');
  const modules = copies.filter((c) => /\/node_modules\b/.test(c));
  expect(modules).toHaveLength(1);
  const [, stage] = /--from=(\S+)/.exec(modules[0]!)!;
  const deps = ops(byName(stage!)!, 'RUN').join(' && ');
  expect(deps).toMatch(/npm ci --omit=dev\b/);
  // Nothing installs more in the image that runs.
  expect(ops(runtime, 'RUN').join(' ')).not.toMatch(/\bnpm (ci|install|i)\b/);
  for (const c of copies) expect(c).toMatch(/^--from=/);
});

it('runs as a numeric non-root user, under tini, the trib command', () => {
  const users = ops(runtime, 'USER');
  expect(users).toHaveLength(1);
  const [uid] = users[0]!.split(':');
  expect(uid).toMatch(/^\d+$/);
  expect(Number(uid)).toBeGreaterThan(0);
  const [entrypoint] = ops(runtime, 'ENTRYPOINT');
  const argv: string[] = JSON.parse(entrypoint!);
  expect(argv.slice(0, 3)).toEqual(['/usr/bin/tini', '--', 'node']);
  expect(argv[3]).toBe('/app/apps/cli/bin/trib.js');
  expect(ops(runtime, 'RUN').join(' ')).toMatch(/apt-get install .*\btini\b/);
  // The program the entrypoint runs is copied in, from the build stage.
  expect(fs.existsSync(path.join(REPO, 'apps/cli/bin/trib.js'))).toBe(true);
  expect(ops(runtime, 'COPY')).toContain('--from=build /app/apps ./apps');
});

it('carries OCI labels matching package.json, and exposes the DESIGN §2 ports', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const labels = ops(runtime, 'LABEL').join(' ');
  expect(labels).toContain('org.opencontainers.image.title="tributary"');
  expect(labels).toContain(`org.opencontainers.image.licenses="${pkg.license}"`);
  expect(labels).toContain('org.opencontainers.image.version="${VERSION}"');
  const version = ops(runtime, 'ARG').find((a) => a.startsWith('VERSION='));
  expect(version).toBe(`VERSION=${pkg.version}`);
  expect(ops(runtime, 'EXPOSE').join(' ').split(' ').map(Number).sort()).toEqual([
    7101, 7181, 9101, 9181,
  ]);
});

it('has a .dockerignore that keeps dependencies, builds and git out of the context', () => {
  const ignore = fs
    .readFileSync(path.join(__dirname, '../Dockerfile.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  for (const entry of ['.git', '**/node_modules', '**/dist']) expect(ignore).toContain(entry);
});
