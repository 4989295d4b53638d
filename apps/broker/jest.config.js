/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'broker',
  rootDir: __dirname,
  // These suites run real processes; every test stops what it starts, and forceExit keeps a
  // channel left open by a failing test from hanging CI.
  forceExit: true,
  testTimeout: 180_000,
};
