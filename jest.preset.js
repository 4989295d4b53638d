// Shared jest settings: SWC strips types (tsc --noEmit checks them separately), node environment;
// the `trib` bundle that tests spawn is rebuilt first if a source changed.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  globalSetup: path.join(__dirname, 'scripts/jest-build-setup.js'),
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // A test that fails part way may leave SDK clients (heartbeats, fetch loops) running; the
  // run must end anyway, or CI waits forever. The processes tests start are stopped by testkit.
  forceExit: true,
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
};
