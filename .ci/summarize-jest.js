// Sums the jest --json reports of every Nx project with a `test` target. A project whose report
// is missing (jest crashed, or never ran because an earlier check failed) counts as one failure,
// so a broken run can never print a clean summary.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const dir = process.argv[2] ?? 'reports/jest';
const projects = execFileSync(
  'npx',
  ['nx', 'show', 'projects', '--with-target', 'test', '--json'],
  {
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  },
);
let passed = 0;
let failed = 0;
for (const project of JSON.parse(projects).sort()) {
  const file = path.join(dir, `${project}.json`);
  if (!fs.existsSync(file)) {
    console.log(`${project}: no jest report (${file}); counted as 1 failed`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const crashedSuites = report.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `${project}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      (crashedSuites ? `, ${crashedSuites} suites failed to run` : ''),
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + crashedSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
