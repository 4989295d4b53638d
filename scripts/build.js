#!/usr/bin/env node
// Builds the `trib` command (CLI, coordinator and broker servers: one program) into one
// JavaScript file with esbuild: apps/cli/dist/trib.js and its source map. `node scripts/build.js`
// always builds (`npm ci` runs it as prepare); `--if-stale` only when a file it was built from
// changed (see isStale), which `npm start`, `npm test` and the jest global setup run.
//
// Our own code (@tributary/*) is bundled, and so are the few pure JavaScript packages every
// call needs (BUNDLED_PACKAGES); the other npm packages stay a plain `require` of node_modules
// (native addons, and packages that read their own .proto files from disk). Every package, like
// each of Node's modules, is loaded on first use of one of its exports (scripts/lazy-module.js):
// a command that never makes a call, such as `trib --help`, does not pay the ~200 ms that gRPC,
// protobuf, pino, prom-client, RocksDB and node:http2 take to load.
const fs = require('node:fs');
const path = require('node:path');
const { isBuiltin } = require('node:module');
const esbuild = require('esbuild');

const REPO = path.resolve(__dirname, '..');
const ENTRY = 'apps/cli/src/main.ts';
const OUT_DIR = path.join(REPO, 'apps/cli/dist');
const OUT_FILE = path.join(OUT_DIR, 'trib.js');
/** The inputs of the last build (esbuild's metafile), for the staleness check. */
const META_FILE = path.join(OUT_DIR, 'trib.meta.json');
const LAZY_MODULE = path.join(__dirname, 'lazy-module.js');
/** Inputs that are not modules of the bundle but change it. */
const BUILD_INPUTS = [__filename, LAZY_MODULE, 'package-lock.json', 'tsconfig.base.json'];

/**
 * Pure JavaScript packages on the path of every command or client call, bundled with their
 * dependencies (esbuild wraps CommonJS modules, so they still initialise on first use): one file
 * loads faster than their ~150 (resolving and reading each costs more than compiling it). The
 * external packages that depend on them (grpc-health-check, @grpc/reflection: servers only)
 * load their own copy from node_modules.
 */
const BUNDLED_PACKAGES = new Set([
  '@grpc/grpc-js',
  '@grpc/proto-loader',
  'protobufjs',
  'commander',
]);

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What every function has: the stand-in of a package that exports one has its own. */
const FUNCTION_OWN_PROPERTIES = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);

/** A TypeScript enum (numbers and strings only): copied into the stand-in, read without loading. */
function isEnum(value) {
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return false;
  const values = Object.values(value);
  return values.length > 0 && values.every((v) => typeof v === 'number' || typeof v === 'string');
}

/** The shape of a package's exports, read at build time, that its lazy stand-in copies. */
function exportsShape(specifier) {
  let real;
  try {
    real = require(
      isBuiltin(specifier) ? specifier : require.resolve(specifier, { paths: [REPO] }),
    );
  } catch {
    return undefined; // ESM-only or not loadable here: left as a plain require
  }
  const callable = typeof real === 'function';
  if (!callable && (typeof real !== 'object' || real === null)) return undefined;
  const names = [];
  const constants = {};
  for (const name of Object.getOwnPropertyNames(real)) {
    if (name === '__esModule' || (callable && FUNCTION_OWN_PROPERTIES.has(name))) continue;
    if (isEnum(real[name])) constants[name] = real[name];
    else names.push(name);
  }
  return { callable, esModule: real.__esModule === true, names, constants };
}

const externalPackages = {
  name: 'external-packages',
  setup(build) {
    // `require.resolve('google-proto-files/package.json')` locates files on disk at run time.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const ownModule = /^@tributary\/[^/]+$/.test(args.path);
      if (ownModule) return undefined;
      if (args.namespace === 'lazy') {
        if (BUNDLED_PACKAGES.has(packageName(args.path))) return undefined;
        return { path: args.path, external: true };
      }
      // `process` is an event emitter whose methods need it as `this`.
      const eager = args.path === 'process' || args.path === 'node:process';
      if (args.kind === 'require-resolve' || eager) return { path: args.path, external: true };
      // A bundled package's dependencies are bundled with it; Node's modules get stand-ins.
      const fromPackage = args.importer.includes(`${path.sep}node_modules${path.sep}`);
      if (fromPackage && !isBuiltin(args.path)) return undefined;
      const shape = exportsShape(args.path);
      if (!shape) return { path: args.path, external: true };
      return { path: args.path, namespace: 'lazy', pluginData: shape };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents:
        `module.exports = require(${JSON.stringify(LAZY_MODULE)}).lazyModule(` +
        `() => require(${JSON.stringify(args.path)}), ${JSON.stringify(args.pluginData)});`,
      loader: 'js',
      resolveDir: REPO,
    }));
  },
};

/** Builds the bundle; writes it atomically, so a `trib` starting meanwhile runs a whole file. */
async function build() {
  const startedAt = new Date();
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: [ENTRY],
    outfile: OUT_FILE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [externalPackages],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes(':'));
  const files = result.outputFiles.map((f) => ({ path: f.path, contents: f.contents }));
  const meta = { node: process.version, inputs };
  files.push({ path: META_FILE, contents: JSON.stringify(meta, null, 2) });
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    // Dated at the build's start: a source saved during the build is newer, so still stale.
    fs.utimesSync(temporary, startedAt, startedAt);
    fs.renameSync(temporary, file.path);
  }
}

/** Why the bundle must be rebuilt (missing, or an input newer than it), or undefined. */
function isStale() {
  let built;
  let meta;
  try {
    built = fs.statSync(OUT_FILE).mtimeMs;
    meta = JSON.parse(fs.readFileSync(META_FILE, 'utf8'));
  } catch {
    return `${path.relative(REPO, OUT_FILE)} is missing`;
  }
  // The stand-ins list the exports of Node's modules as this Node has them.
  if (meta.node !== process.version) return `built for Node ${meta.node}`;
  for (const input of [...BUILD_INPUTS, ...meta.inputs]) {
    const file = path.resolve(REPO, input);
    let modified;
    try {
      modified = fs.statSync(file).mtimeMs;
    } catch {
      return `${path.relative(REPO, file)} is gone`;
    }
    if (modified > built) return `${path.relative(REPO, file)} changed`;
  }
  return undefined;
}

/** Builds when stale; returns the reason it built, or undefined when the bundle was fresh. */
async function buildIfStale() {
  const reason = isStale();
  if (reason) await build();
  return reason;
}

module.exports = { build, buildIfStale, isStale, OUT_FILE };

if (require.main === module) {
  const ifStale = process.argv.includes('--if-stale');
  const started = Date.now();
  (ifStale ? buildIfStale() : build().then(() => 'asked to'))
    .then((reason) => {
      if (reason) {
        const out = path.relative(process.cwd(), OUT_FILE);
        process.stdout.write(`built ${out} in ${Date.now() - started} ms (${reason})\n`);
      }
    })
    .catch((error) => {
      // esbuild has printed the errors with their locations.
      if (!error.errors) process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    });
}
