#!/usr/bin/env node
// Prints the one-line result of `npm test` from jest's JSON report and exits 1 if anything failed.
// Usage: node tools/scripts/test-summary.js <jest-results.json> <failed steps (lint, typecheck...)> <jest exit code>
// Output: "N passed, N failed" plus ", N skipped" when tests were skipped or left as todo.
'use strict';
const fs = require('fs');

const [report, stepsArg, rcArg] = process.argv.slice(2);
const steps = Number(stepsArg || 0);
const jestRc = Number(rcArg || 0);
let passed = 0;
let failed = steps;
let skipped = 0;
if (report && fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  // a suite that failed without a failing test (syntax error, failing beforeAll/afterAll) counts as one failure
  const brokenSuites = (r.testResults || []).filter(
    (s) => s.status === 'failed' && (s.assertionResults || []).every((a) => a.status !== 'failed'),
  ).length;
  failed += r.numFailedTests + brokenSuites;
  skipped = r.numPendingTests + (r.numTodoTests || 0);
  if (jestRc !== 0 && failed === 0) failed = 1;
} else {
  failed += 1; // no report: jest could not start (configuration or global setup error)
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
