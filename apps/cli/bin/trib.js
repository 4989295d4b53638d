#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx compiles each module on load, so there is no build
// step to forget and no stale output to run.
require('tsx/cjs');
require('../src/main.ts').main(process.argv);
