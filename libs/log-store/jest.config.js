/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'log-store',
  rootDir: __dirname,
  testTimeout: 60_000,
};
