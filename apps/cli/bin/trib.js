#!/usr/bin/env node
// Runs the build of the sources, apps/cli/dist/trib.js (scripts/build.js makes it on `npm ci`,
// and again when stale on `npm start`, `npm test` and before jest runs).
// TRIBUTARY_FROM_SOURCE=1 runs the TypeScript sources through tsx instead: slower to start
// (about a second), but nothing to rebuild between an edit and a run.
const fs = require('node:fs');
const path = require('node:path');

// Servers log stack traces at their TypeScript lines; reading the source map costs every other
// command ~40 ms at start, so they go without (NODE_OPTIONS=--enable-source-maps to have them).
const SERVERS = new Set(['coordinator', 'broker']);
if (SERVERS.has(process.argv[2])) process.setSourceMapsEnabled(true);

if (process.env.TRIBUTARY_FROM_SOURCE === '1') {
  require('tsx/cjs');
  require('../src/main.ts').main(process.argv);
} else {
  const bundle = path.join(__dirname, '../dist/trib.js');
  if (!fs.existsSync(bundle)) {
    const repo = path.resolve(__dirname, '../../..');
    process.stderr.write(`trib: not built: run \`npm run build\` in ${repo}\n`);
    process.exit(1);
  }
  require(bundle).main(process.argv);
}
