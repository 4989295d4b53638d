// Jest global setup: tests run `trib` (and the servers it starts) as child processes, so the
// bundle they run must match the sources under test. Rebuilds when any source is newer.
const { buildIfStale } = require('./build');

module.exports = async function buildBeforeTests() {
  const reason = await buildIfStale();
  if (reason) process.stderr.write(`\nrebuilt apps/cli/dist/trib.js for the tests (${reason})\n`);
};
