#!/usr/bin/env node
// Prints the one-line result of `npm test` from jest's JSON report (and the web app's vitest JSON report, same shape)
// and exits 1 if anything failed.
// Usage: node tools/scripts/test-summary.js <jest-results.json> <failed steps (lint, typecheck...)> <jest exit code> [<vitest-results.json> <vitest exit code>]...
// (one pair per vitest run: the web app's component tests, its browser tests)
// Output: "N passed, N failed" plus ", N skipped" when tests were skipped or left as todo.
'use strict';
const fs = require('fs');

const [report, stepsArg, rcArg, ...more] = process.argv.slice(2);
const steps = Number(stepsArg || 0);
let passed = 0;
let failed = steps;
let skipped = 0;

/** Adds one JSON report (jest's, or vitest's json reporter, which has the same fields) to the totals. */
function add(file, rc) {
  if (!file || !fs.existsSync(file)) {
    failed += 1; // no report: the runner could not start (configuration or global setup error)
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  // a suite that failed without a failing test (syntax error, failing beforeAll/afterAll) counts as one failure
  const brokenSuites = (r.testResults || []).filter(
    (s) => s.status === 'failed' && (s.assertionResults || []).every((a) => a.status !== 'failed'),
  ).length;
  const before = failed;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenSuites;
  skipped += r.numPendingTests + (r.numTodoTests || 0);
  if (rc !== 0 && failed === before) failed += 1;
}

add(report, Number(rcArg || 0));
for (let i = 0; i + 1 < more.length; i += 2) add(more[i], Number(more[i + 1] || 0));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
